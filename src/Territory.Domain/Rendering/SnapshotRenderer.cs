using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace Territory.Domain.Rendering;

/// <summary>
/// Draws a snapshot scene as SVG: basemap (country and governorates), one group per actor's territory, contested
/// ground hatched, key places, title and date, legend, scale bar, north arrow, sources and attribution.
/// Deterministic: the same scene gives the same bytes (invariant culture, coordinates rounded to 0.1 px, the scene's
/// order kept or sorted by key, no clock).
/// </summary>
public static class SnapshotRenderer
{
    private const string Ink = "#1D2327";
    private const string Abroad = "#E6E9EC";
    private const string Land = "#FAF8F3";
    private const string Border = "#4A4F55";
    private const string Halo = "#FFFFFF";
    private const string Hatching = "#303030";
    private const string HatchGround = "#F2F2F2";

    /// <summary>Okabe–Ito, the colour-blind-safe palette, for actors without a usable colour of their own.</summary>
    private static readonly string[] Palette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"];

    private const int MaxLabels = 25;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The SVG document (UTF-8 text, no XML declaration, so it can also be inlined in HTML).</summary>
    public static string Render(SnapshotScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var request = scene.Request;
        var frame = scene.Frame;
        var text = SnapshotText.Of(request.Language);
        var s = frame.Scale;
        var title = request.Title ?? text.DefaultTitle;
        var layers = Layers(scene.Territories);

        var svg = new StringBuilder(64 * 1024);
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{request.Width}\" height=\"{request.Height}\" viewBox=\"0 0 {request.Width} {request.Height}\"");
        svg.Append(Invariant, $" font-family=\"DejaVu Sans, Verdana, sans-serif\" lang=\"{LanguageCode(request.Language)}\" role=\"img\" aria-labelledby=\"snapshot-title\" class=\"territory-snapshot\" data-day=\"{request.Day:yyyy-MM-dd}\">\n");
        svg.Append("<title id=\"snapshot-title\">").Append(Escape(title)).Append(" — ").Append(Escape(text.Day(request.Day))).Append("</title>\n");

        svg.Append("<defs>\n");
        svg.Append(Invariant, $"<clipPath id=\"map-clip\"><rect x=\"{N(frame.MapX)}\" y=\"{N(frame.MapY)}\" width=\"{N(frame.MapWidth)}\" height=\"{N(frame.MapHeight)}\"/></clipPath>\n");
        var tile = N(8 * s);
        svg.Append(Invariant, $"<pattern id=\"contested-hatch\" patternUnits=\"userSpaceOnUse\" width=\"{tile}\" height=\"{tile}\" patternTransform=\"rotate(45)\"><rect width=\"{tile}\" height=\"{tile}\" fill=\"{HatchGround}\"/><rect width=\"{N(3 * s)}\" height=\"{tile}\" fill=\"{Hatching}\"/></pattern>\n");
        svg.Append("</defs>\n");
        svg.Append(Invariant, $"<rect width=\"{request.Width}\" height=\"{request.Height}\" fill=\"{Halo}\"/>\n");

        svg.Append("<g id=\"map\" clip-path=\"url(#map-clip)\">\n");
        svg.Append(Invariant, $"<rect x=\"{N(frame.MapX)}\" y=\"{N(frame.MapY)}\" width=\"{N(frame.MapWidth)}\" height=\"{N(frame.MapHeight)}\" fill=\"{Abroad}\"/>\n");
        WriteBasemap(svg, scene, frame);
        WriteTerritories(svg, layers, frame, s);
        WriteGovernorateLines(svg, scene, frame, s);
        WriteLabels(svg, scene.Labels, frame, s, [LegendBox(layers, frame, text, s), ScaleBar.For(frame, s).Box, NorthArrowBox(frame, s)]);
        svg.Append("</g>\n");
        svg.Append(Invariant, $"<rect x=\"{N(frame.MapX + 0.5)}\" y=\"{N(frame.MapY + 0.5)}\" width=\"{N(frame.MapWidth - 1)}\" height=\"{N(frame.MapHeight - 1)}\" fill=\"none\" stroke=\"{Border}\" stroke-width=\"1\"/>\n");

        WriteLegend(svg, layers, frame, text, s);
        WriteScaleBar(svg, frame, s);
        WriteNorthArrow(svg, frame, text, s);
        WriteHeader(svg, request, frame, title, text, s);
        WriteFooter(svg, scene, frame, text, s);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The territories grouped by what they are drawn as: one layer per actor, then contested ground.</summary>
    private static List<Layer> Layers(IReadOnlyList<SnapshotTerritory> territories)
    {
        var layers = new List<Layer>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in territories.Where(t => !t.Contested && t.ActorKey is not null)
                     .GroupBy(t => t.ActorKey!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var color = NormalizeColor(first.Color) ?? Palette.FirstOrDefault(c => !used.Contains(c)) ?? Palette[^1];
            // Two actors of one colour (HTS and its parent coalition) stay apart: the later one takes a lighter tint of it.
            var fill = used.Add(color) ? color : Tint(color);
            layers.Add(new Layer("actor-" + IdPart(group.Key), group.Key, first.ActorName ?? group.Key, color, fill, false, [.. group]));
        }

        var contested = territories.Where(t => t.Contested || t.ActorKey is null).ToList();
        if (contested.Count > 0)
        {
            layers.Add(new Layer("contested", null, null, Hatching, "url(#contested-hatch)", true, contested));
        }

        return layers;
    }

    private static void WriteBasemap(StringBuilder svg, SnapshotScene scene, SnapshotFrame frame)
    {
        var countries = scene.Boundaries.Where(b => b.Kind == SnapshotBoundary.Country).ToList();
        var governorates = scene.Boundaries.Where(b => b.Kind == SnapshotBoundary.Governorate).ToList();
        var land = countries.Count > 0 ? countries : governorates;
        if (land.Count == 0)
        {
            return;
        }

        var paths = land.Select(b => PathData(b.Area, frame)).Where(d => d.Length > 0).ToList();
        var width = N(3 * frame.Scale);
        // The country's outline is the outer half of a wide stroke around every unit, whose inner half (and every
        // shared inner edge) the land fill drawn next covers: no union of polygons needed.
        svg.Append(Invariant, $"<g id=\"country-outline\" fill=\"none\" stroke=\"{Border}\" stroke-width=\"{width}\" stroke-linejoin=\"round\">\n");
        foreach (var d in paths)
        {
            svg.Append("<path d=\"").Append(d).Append("\"/>\n");
        }

        svg.Append(Invariant, $"</g>\n<g id=\"land\" fill=\"{Land}\" stroke=\"{Land}\" stroke-width=\"0.5\">\n");
        foreach (var d in paths)
        {
            svg.Append("<path d=\"").Append(d).Append("\"/>\n");
        }

        svg.Append("</g>\n");
    }

    private static void WriteTerritories(StringBuilder svg, List<Layer> layers, SnapshotFrame frame, double s)
    {
        svg.Append("<g id=\"territories\">\n");
        foreach (var layer in layers)
        {
            if (layer.Contested)
            {
                WriteContested(svg, layer, frame, s);
                continue;
            }

            svg.Append(Invariant, $"<g id=\"{layer.Id}\" class=\"territory actor\" data-actor=\"{Escape(layer.Key!)}\" data-state=\"held\" fill=\"{layer.Fill}\" fill-rule=\"evenodd\" stroke=\"{layer.Color}\" stroke-width=\"0.6\">\n");
            svg.Append("<title>").Append(Escape(layer.Name!)).Append("</title>\n");

            foreach (var territory in layer.Territories)
            {
                var d = PathData(territory.Display, frame);
                if (d.Length > 0)
                {
                    svg.Append("<path d=\"").Append(d).Append("\"/>\n");
                }
            }

            svg.Append("</g>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>
    /// Contested ground: pale fill, outline, and diagonal hatching drawn as lines clipped to it (not colour alone). Lines
    /// under a clip path rasterise several times faster in librsvg than a pattern fill over a large area.
    /// </summary>
    private static void WriteContested(StringBuilder svg, Layer layer, SnapshotFrame frame, double s)
    {
        var d = string.Concat(layer.Territories.Select(t => PathData(t.Display, frame)));
        svg.Append("<g id=\"contested\" class=\"territory contested\" data-state=\"contested\">\n");
        if (d.Length > 0)
        {
            var envelope = new Envelope();
            layer.Territories.ForEach(t => envelope.ExpandToInclude(t.Display.EnvelopeInternal));
            var (x0, y1) = frame.Project(envelope.MinX, envelope.MinY);
            var (x1, y0) = frame.Project(envelope.MaxX, envelope.MaxY);
            (x0, x1) = (Math.Max(x0, frame.MapX), Math.Min(x1, frame.MapX + frame.MapWidth));
            (y0, y1) = (Math.Max(y0, frame.MapY), Math.Min(y1, frame.MapY + frame.MapHeight));
            var step = 9 * s;
            var lines = new StringBuilder();
            for (var k = Math.Floor((x0 - (y1 - y0)) / step) * step; k <= x1; k += step)
            {
                lines.Append(Invariant, $"M{N(k)} {N(y1)}L{N(k + y1 - y0)} {N(y0)}");
            }

            svg.Append("<clipPath id=\"contested-clip\"><path clip-rule=\"evenodd\" d=\"").Append(d).Append("\"/></clipPath>\n");
            svg.Append(Invariant, $"<path d=\"").Append(d).Append(Invariant, $"\" fill=\"{HatchGround}\" fill-rule=\"evenodd\" stroke=\"{Hatching}\" stroke-width=\"{N(0.8 * s)}\"/>\n");
            svg.Append(Invariant, $"<path class=\"hatch\" clip-path=\"url(#contested-clip)\" fill=\"none\" stroke=\"{Hatching}\" stroke-width=\"{N(3.2 * s)}\" d=\"").Append(lines).Append("\"/>\n");
        }

        svg.Append("</g>\n");
    }

    private static void WriteGovernorateLines(StringBuilder svg, SnapshotScene scene, SnapshotFrame frame, double s)
    {
        svg.Append(Invariant, $"<g id=\"governorates\" fill=\"none\" stroke=\"#6B7178\" stroke-width=\"{N(0.9 * s)}\" stroke-dasharray=\"{N(5 * s)} {N(3 * s)}\">\n");
        foreach (var boundary in scene.Boundaries.Where(b => b.Kind == SnapshotBoundary.Governorate))
        {
            var d = PathData(boundary.Area, frame);
            if (d.Length > 0)
            {
                svg.Append("<path d=\"").Append(d).Append("\"/>\n");
            }
        }

        svg.Append("</g>\n");
    }

    /// <summary>Places in the given order, each kept only where its name fits clear of the others and of the map's furniture.</summary>
    private static void WriteLabels(StringBuilder svg, IReadOnlyList<SnapshotLabel> labels, SnapshotFrame frame, double s, Box[] furniture)
    {
        var size = 11 * s;
        var placed = furniture.Where(b => b.X1 > b.X0).ToList();
        var count = 0;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        svg.Append(Invariant, $"<g id=\"places\" font-size=\"{N(size)}\" fill=\"{Ink}\">\n");
        foreach (var label in labels)
        {
            if (count >= MaxLabels || string.IsNullOrWhiteSpace(label.Name) || names.Contains(label.Name))
            {
                continue;
            }

            var (x, y) = frame.Project(label.Lon, label.Lat);
            var box = new Box(x - 3 * s, y - size, x + 5 * s + TextWidth(label.Name, size), y + 3 * s);
            if (box.X0 < frame.MapX || box.X1 > frame.MapX + frame.MapWidth || box.Y0 < frame.MapY || box.Y1 > frame.MapY + frame.MapHeight
                || placed.Any(p => p.X0 < box.X1 && box.X0 < p.X1 && p.Y0 < box.Y1 && box.Y0 < p.Y1))
            {
                continue;
            }

            placed.Add(box);
            names.Add(label.Name);
            count++;
            svg.Append(Invariant, $"<g class=\"place\" data-kind=\"{Escape(label.Kind)}\"><circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(2.5 * s)}\" stroke=\"{Halo}\" stroke-width=\"{N(s)}\"/>");
            svg.Append(Invariant, $"<text x=\"{N(x + 5 * s)}\" y=\"{N(y - 2 * s)}\" stroke=\"{Halo}\" stroke-width=\"{N(3 * s)}\" stroke-linejoin=\"round\" paint-order=\"stroke\">").Append(Escape(label.Name)).Append("</text></g>\n");
        }

        svg.Append("</g>\n");
    }

    private static void WriteLegend(StringBuilder svg, List<Layer> layers, SnapshotFrame frame, SnapshotText text, double s)
    {
        if (layers.Count == 0)
        {
            return;
        }

        var size = LegendSize * s;
        var row = LegendRow * s;
        var swatch = (W: 18 * s, H: 12 * s);
        var names = layers.Select(l => LegendName(l, text)).ToList();
        var box = LegendBox(layers, frame, text, s);
        var (x, y, width, height) = (box.X0, box.Y0, box.X1 - box.X0, box.Y1 - box.Y0);
        svg.Append(Invariant, $"<g id=\"legend\" font-size=\"{N(size)}\" fill=\"{Ink}\">\n");
        svg.Append(Invariant, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{Halo}\" fill-opacity=\"0.92\" stroke=\"{Border}\" stroke-width=\"0.8\"/>\n");
        svg.Append(Invariant, $"<text x=\"{N(x + 10 * s)}\" y=\"{N(y + 8 * s + row * 0.7)}\" font-weight=\"bold\">").Append(Escape(text.Legend)).Append("</text>\n");
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var top = y + 8 * s + row * (i + 1);
            var attributes = layer.Contested ? "data-state=\"contested\"" : $"data-actor=\"{Escape(layer.Key!)}\"";
            svg.Append(Invariant, $"<g class=\"legend-entry\" {attributes}><rect x=\"{N(x + 10 * s)}\" y=\"{N(top + (row - swatch.H) / 2 - 3 * s)}\" width=\"{N(swatch.W)}\" height=\"{N(swatch.H)}\" fill=\"{layer.Fill}\" stroke=\"{layer.Color}\" stroke-width=\"0.8\"/>");
            svg.Append(Invariant, $"<text x=\"{N(x + 10 * s + swatch.W + 7 * s)}\" y=\"{N(top + row * 0.7 - 3 * s)}\">").Append(Escape(names[i])).Append("</text></g>\n");
        }

        svg.Append("</g>\n");
    }

    private static void WriteScaleBar(StringBuilder svg, SnapshotFrame frame, double s)
    {
        var (km, length, label, size, left, right, bottom, bar, box) = ScaleBar.For(frame, s);
        svg.Append(Invariant, $"<g id=\"scale-bar\" data-km=\"{km.ToString("0.###", Invariant)}\" data-px=\"{N(length)}\" font-size=\"{N(size)}\" fill=\"{Ink}\">\n");
        svg.Append(Invariant, $"<rect x=\"{N(box.X0)}\" y=\"{N(box.Y0)}\" width=\"{N(box.X1 - box.X0)}\" height=\"{N(box.Y1 - box.Y0)}\" fill=\"{Halo}\" fill-opacity=\"0.85\"/>\n");
        svg.Append(Invariant, $"<rect x=\"{N(left)}\" y=\"{N(bottom - bar)}\" width=\"{N(length / 2)}\" height=\"{N(bar)}\" fill=\"{Ink}\" stroke=\"{Ink}\" stroke-width=\"0.8\"/>");
        svg.Append(Invariant, $"<rect x=\"{N(left + length / 2)}\" y=\"{N(bottom - bar)}\" width=\"{N(length / 2)}\" height=\"{N(bar)}\" fill=\"{Halo}\" stroke=\"{Ink}\" stroke-width=\"0.8\"/>\n");
        svg.Append(Invariant, $"<text x=\"{N(left)}\" y=\"{N(bottom - bar - 4 * s)}\" text-anchor=\"middle\">0</text>");
        svg.Append(Invariant, $"<text x=\"{N(right)}\" y=\"{N(bottom - bar - 4 * s)}\" text-anchor=\"middle\">{label}</text>\n");
        svg.Append("</g>\n");
    }

    private static void WriteNorthArrow(StringBuilder svg, SnapshotFrame frame, SnapshotText text, double s)
    {
        var x = frame.MapX + frame.MapWidth - 26 * s;
        var y = frame.MapY + 12 * s;
        svg.Append(Invariant, $"<g id=\"north-arrow\" fill=\"{Ink}\"><circle cx=\"{N(x)}\" cy=\"{N(y + 17 * s)}\" r=\"{N(15 * s)}\" fill=\"{Halo}\" fill-opacity=\"0.85\"/>");
        svg.Append(Invariant, $"<path d=\"M{N(x)} {N(y + 13 * s)}L{N(x + 7 * s)} {N(y + 30 * s)}L{N(x)} {N(y + 25 * s)}L{N(x - 7 * s)} {N(y + 30 * s)}Z\"/>");
        svg.Append(Invariant, $"<text x=\"{N(x)}\" y=\"{N(y + 11 * s)}\" font-size=\"{N(11 * s)}\" font-weight=\"bold\" text-anchor=\"middle\">{Escape(text.North)}</text></g>\n");
    }

    private static void WriteHeader(StringBuilder svg, SnapshotRequest request, SnapshotFrame frame, string title, SnapshotText text, double s)
    {
        var baseline = N(frame.HeaderHeight - 11 * s);
        var day = text.Day(request.Day);
        var daySize = 14 * s;
        var titleSize = 18 * s;
        var room = request.Width - 36 * s - TextWidth(day, daySize);
        svg.Append(Invariant, $"<g id=\"header\" fill=\"{Ink}\"><text id=\"title\" x=\"{N(12 * s)}\" y=\"{baseline}\" font-size=\"{N(titleSize)}\" font-weight=\"bold\">").Append(Escape(Fit(title, room, titleSize * 1.05))).Append("</text>");
        svg.Append(Invariant, $"<text id=\"date\" x=\"{N(request.Width - 12 * s)}\" y=\"{baseline}\" font-size=\"{N(daySize)}\" text-anchor=\"end\" data-day=\"{request.Day:yyyy-MM-dd}\">").Append(Escape(day)).Append("</text></g>\n");
    }

    private static void WriteFooter(StringBuilder svg, SnapshotScene scene, SnapshotFrame frame, SnapshotText text, double s)
    {
        var size = 10 * s;
        var room = scene.Request.Width - 24 * s;
        var lines = SourceLines(scene.Sources, text, room, size);
        lines.Add(Fit(Attribution(scene.PlaceSources, text), room, size));
        svg.Append(Invariant, $"<g id=\"footer\" font-size=\"{N(size)}\" fill=\"#3C434A\">\n");
        for (var i = 0; i < lines.Count; i++)
        {
            var id = i == lines.Count - 1 ? "attribution" : "sources-" + (i + 1).ToString(Invariant);
            svg.Append(Invariant, $"<text id=\"{id}\" x=\"{N(12 * s)}\" y=\"{N(frame.MapY + frame.MapHeight + frame.FooterLineHeight * (i + 1))}\">").Append(Escape(lines[i])).Append("</text>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>The sources in at most two lines, ending with "+N more" when they do not all fit.</summary>
    private static List<string> SourceLines(IReadOnlyList<SnapshotSource> sources, SnapshotText text, double room, double size)
    {
        var items = sources.Select(Describe).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count == 0)
        {
            return [$"{text.Sources}: {text.NoSources}.", string.Empty];
        }

        var lines = new List<StringBuilder> { new($"{text.Sources}: ") };
        for (var i = 0; i < items.Count; i++)
        {
            var line = lines[^1];
            var piece = (line.Length > text.Sources.Length + 2 ? "; " : string.Empty) + items[i];
            var left = items.Count - i - 1;
            var reserve = lines.Count == SnapshotFrame.FooterLines - 1 && left > 0 ? TextWidth($"; +{left} {text.More}", size) : 0;
            if (TextWidth(line + piece, size) + reserve <= room)
            {
                line.Append(piece);
                continue;
            }

            if (lines.Count < SnapshotFrame.FooterLines - 1)
            {
                lines.Add(new StringBuilder(items[i]));
                continue;
            }

            line.Append(Invariant, $"; +{items.Count - i} {text.More}");
            break;
        }

        var result = lines.Select(l => Fit(l.ToString(), room, size)).ToList();
        while (result.Count < SnapshotFrame.FooterLines - 1)
        {
            result.Add(string.Empty);
        }

        return result;
    }

    private static string Describe(SnapshotSource source)
    {
        var name = source.Outlet is { Length: > 0 } outlet ? outlet
            : Uri.TryCreate(source.Url, UriKind.Absolute, out var url) ? url.Host
            : source.Title is { Length: > 0 } title ? (title.Length > 48 ? title[..47] + "…" : title)
            : "?";
        return source.PublishedOn is { } day ? $"{name} ({day:yyyy-MM-dd})" : name;
    }

    private static string Attribution(IReadOnlyList<string> placeSources, SnapshotText text)
    {
        var parts = new List<string> { $"{text.Data}: Territory (CC BY 4.0), {text.FromReports}" };
        foreach (var source in placeSources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var credit = source switch
            {
                "boundaries" => $"{text.BoundariesWord} UN OCHA COD-AB (CC BY-IGO 3.0), Natural Earth",
                "ocha" => $"{text.PlacesWord} UN OCHA (CC BY-IGO 3.0)",
                "geonames" => "GeoNames (CC BY 4.0)",
                "csr" => "Columbia University CSR",
                _ => null,
            };
            if (credit is not null)
            {
                parts.Add(credit);
            }
        }

        return string.Join(" · ", parts) + " · " + text.Projection;
    }

    /// <summary>The SVG path of a (multi)polygon in pixels: rings rounded to 0.1 px, repeated points dropped.</summary>
    private static string PathData(Geometry geometry, SnapshotFrame frame)
    {
        var d = new StringBuilder();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon || polygon.IsEmpty)
            {
                continue;
            }

            Ring(d, polygon.ExteriorRing, frame);
            foreach (var hole in polygon.InteriorRings)
            {
                Ring(d, hole, frame);
            }
        }

        return d.ToString();
    }

    private static void Ring(StringBuilder d, LineString ring, SnapshotFrame frame)
    {
        var sequence = ring.CoordinateSequence;
        var start = d.Length;
        var written = 0;
        var (px, py) = (double.NaN, double.NaN);
        for (var i = 0; i < sequence.Count; i++)
        {
            var (x, y) = frame.Project(sequence.GetX(i), sequence.GetY(i));
            x = Math.Round(x * 10) / 10 + 0.0;
            y = Math.Round(y * 10) / 10 + 0.0;
            if (x == px && y == py)
            {
                continue;
            }

            d.Append(written == 0 ? "M" : written == 1 ? "L" : " ").Append(Invariant, $"{x:0.#} {y:0.#}");
            (px, py) = (x, y);
            written++;
        }

        if (written < 4)
        {
            d.Length = start; // collapsed below a pixel
            return;
        }

        d.Append('Z');
    }

    /// <summary>1, 2 or 5 times a power of ten, at most the given length.</summary>
    private static double NiceKilometres(double km)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(km)));
        var step = km / power >= 5 ? 5 : km / power >= 2 ? 2 : 1;
        return step * power;
    }

    /// <summary>An estimate of a text's width (DejaVu Sans averages about 0.6 em a character): enough for layout.</summary>
    private static double TextWidth(string text, double size) => text.Length * size * 0.6;

    private static string Fit(string text, double room, double size)
    {
        var most = (int)(room / (size * 0.6));
        return text.Length <= most ? text : text[..Math.Max(0, most - 1)].TrimEnd() + "…";
    }

    /// <summary>The colour mixed half-and-half with white.</summary>
    private static string Tint(string color)
    {
        var rgb = Convert.FromHexString(color.AsSpan(1));
        return "#" + Convert.ToHexString([.. rgb.Select(c => (byte)((c + 255) / 2))]);
    }

    private static string? NormalizeColor(string? color) =>
        color is { Length: 7 } && color[0] == '#' && color.Skip(1).All(char.IsAsciiHexDigit) ? color.ToUpperInvariant() : null;

    private static string IdPart(string key) =>
        new([.. key.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);

    private static string LanguageCode(SnapshotLanguage language) => language == SnapshotLanguage.Fr ? "fr" : "en";

    private static string N(double value) => (Math.Round(value * 10) / 10 + 0.0).ToString("0.#", Invariant);

    /// <summary>Text for XML content and attributes; characters XML cannot hold are dropped.</summary>
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '"':
                    escaped.Append("&quot;");
                    break;
                case '\'':
                    escaped.Append("&apos;");
                    break;
                case '\t' or '\n' or '\r':
                    escaped.Append(' ');
                    break;
                default:
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    private const double LegendSize = 12;
    private const double LegendRow = 19;

    private static string LegendName(Layer layer, SnapshotText text) => layer.Contested ? text.Contested : layer.Name!;

    /// <summary>The legend's rectangle, at the map's bottom left; empty when there is nothing to explain.</summary>
    private static Box LegendBox(List<Layer> layers, SnapshotFrame frame, SnapshotText text, double s)
    {
        if (layers.Count == 0)
        {
            return default;
        }

        var size = LegendSize * s;
        var width = 10 * s + 18 * s + 7 * s + Math.Max(layers.Max(l => TextWidth(LegendName(l, text), size)), TextWidth(text.Legend, size)) + 10 * s;
        var height = 8 * s + LegendRow * s * (layers.Count + 1) + 4 * s;
        var x = frame.MapX + 10 * s;
        var y = frame.MapY + frame.MapHeight - 10 * s - height;
        return new Box(x, y, x + width, y + height);
    }

    private static Box NorthArrowBox(SnapshotFrame frame, double s)
    {
        var (x, y) = (frame.MapX + frame.MapWidth - 26 * s, frame.MapY + 12 * s);
        return new Box(x - 15 * s, y + 2 * s, x + 15 * s, y + 32 * s);
    }

    /// <summary>A rectangle in image pixels.</summary>
    private readonly record struct Box(double X0, double Y0, double X1, double Y1);

    /// <summary>The scale bar: a round length (1, 2 or 5 × 10ⁿ km) about a fifth of the map wide, measured at the extent's middle latitude.</summary>
    private readonly record struct ScaleBar(double Km, double Length, string Label, double Size, double Left, double Right, double Bottom, double Bar, Box Box)
    {
        public static ScaleBar For(SnapshotFrame frame, double s)
        {
            var extent = frame.Extent;
            var metersPerPixel = frame.MetersPerPixelAt((extent.MinY + extent.MaxY) / 2);
            var km = NiceKilometres(frame.MapWidth * 0.18 * metersPerPixel / 1000);
            var length = km * 1000 / metersPerPixel;
            var size = 11 * s;
            var label = km.ToString("0.###", Invariant) + " km";
            var right = frame.MapX + frame.MapWidth - 14 * s - TextWidth(label, size) / 2;
            var left = right - length;
            var bottom = frame.MapY + frame.MapHeight - 12 * s;
            var bar = 6 * s;
            var box = new Box(left - 8 * s, bottom - bar - size - 8 * s, frame.MapX + frame.MapWidth - 4 * s, bottom + 6 * s);
            return new ScaleBar(km, length, label, size, left, right, bottom, bar, box);
        }
    }

    private sealed record Layer(string Id, string? Key, string? Name, string Color, string Fill, bool Contested, List<SnapshotTerritory> Territories);
}
