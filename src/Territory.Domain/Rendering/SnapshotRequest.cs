using System.Globalization;
using NetTopologySuite.Geometries;

namespace Territory.Domain.Rendering;

/// <summary>Languages a snapshot's own words (legend, scale, sources) are written in.</summary>
public enum SnapshotLanguage
{
    En,
    Fr,
}

/// <summary>What a snapshot shows: a day, an extent (lon/lat), a size in pixels, a title and a language.</summary>
/// <param name="Bbox">The extent asked for, lon/lat; the map shows at least this, widened to the image's proportions.</param>
/// <param name="Title">The heading; null gives the default title of the language.</param>
public sealed record SnapshotRequest(DateOnly Day, Envelope Bbox, int Width, int Height, string? Title, SnapshotLanguage Language)
{
    /// <summary>The offensive's theater (lon 35.6–38.8, lat 35.0–37.0): the extent when none is given.</summary>
    public static Envelope Theater { get; } = new(35.6, 38.8, 35.0, 37.0);

    public const int DefaultWidth = 1200;
    public const int DefaultHeight = 800;
    public const int MinWidth = 300;
    public const int MinHeight = 200;
    public const int MaxSide = 4000;

    /// <summary>Most pixels of one image (a PNG is rasterised in memory).</summary>
    public const long MaxPixels = 8_000_000;

    public const int MaxTitleLength = 200;

    /// <summary>Widest extent, in degrees of longitude or latitude.</summary>
    public const double MaxSpanDegrees = 40;

    /// <summary>Narrowest extent, in degrees (about 100 m).</summary>
    public const double MinSpanDegrees = 0.001;

    /// <summary>The bbox as the query parameter writes it: minLon,minLat,maxLon,maxLat.</summary>
    public static string FormatBbox(Envelope bbox)
    {
        ArgumentNullException.ThrowIfNull(bbox);
        return string.Create(CultureInfo.InvariantCulture, $"{bbox.MinX:0.######},{bbox.MinY:0.######},{bbox.MaxX:0.######},{bbox.MaxY:0.######}");
    }

    /// <summary>
    /// Reads a request from its text parameters (as given in a URL or on the command line); absent values take the
    /// defaults. Returns null with one message per bad parameter, keyed by the parameter's name.
    /// </summary>
    public static SnapshotRequest? Parse(string? date, string? bbox, string? width, string? height, string? title, string? lang, out IReadOnlyDictionary<string, string> errors)
    {
        var problems = new SortedDictionary<string, string>(StringComparer.Ordinal);
        DateOnly day = default;
        if (string.IsNullOrWhiteSpace(date) || !DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            problems["date"] = $"date must be a day written YYYY-MM-DD, not '{date}'.";
        }

        var extent = ParseBbox(bbox, problems);
        var w = ParseSide("width", width, DefaultWidth, MinWidth, problems);
        var h = ParseSide("height", height, DefaultHeight, MinHeight, problems);
        if (!problems.ContainsKey("width") && !problems.ContainsKey("height") && (long)w * h > MaxPixels)
        {
            problems["width"] = $"width × height must be at most {MaxPixels} pixels, not {(long)w * h}.";
        }

        var heading = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (heading is { Length: > MaxTitleLength })
        {
            problems["title"] = $"title must be at most {MaxTitleLength} characters, not {heading.Length}.";
        }

        var language = SnapshotLanguage.En;
        if (!string.IsNullOrWhiteSpace(lang) && !TryParseLanguage(lang, out language))
        {
            problems["lang"] = $"lang must be fr or en, not '{lang}'.";
        }

        errors = problems;
        return problems.Count == 0 ? new SnapshotRequest(day, extent!, w, h, heading, language) : null;
    }

    /// <summary>fr or en (any case).</summary>
    public static bool TryParseLanguage(string? value, out SnapshotLanguage language)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "fr":
                language = SnapshotLanguage.Fr;
                return true;
            case "en":
                language = SnapshotLanguage.En;
                return true;
            default:
                language = SnapshotLanguage.En;
                return false;
        }
    }

    private static Envelope? ParseBbox(string? bbox, SortedDictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(bbox))
        {
            return Theater;
        }

        var parts = bbox.Split(',');
        var values = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok))
        {
            problems["bbox"] = $"bbox must be four numbers minLon,minLat,maxLon,maxLat, not '{bbox}'.";
            return null;
        }

        var (minLon, minLat, maxLon, maxLat) = (values[0], values[1], values[2], values[3]);
        var problem =
            minLon < -180 || maxLon > 180 ? "bbox longitudes must be between -180 and 180."
            : minLat < -85 || maxLat > 85 ? "bbox latitudes must be between -85 and 85 (Web Mercator)."
            : minLon >= maxLon || minLat >= maxLat ? "bbox must be minLon,minLat,maxLon,maxLat with min < max (lon first)."
            : maxLon - minLon > MaxSpanDegrees || maxLat - minLat > MaxSpanDegrees ? $"bbox may span at most {MaxSpanDegrees} degrees."
            : maxLon - minLon < MinSpanDegrees || maxLat - minLat < MinSpanDegrees ? $"bbox must span at least {MinSpanDegrees} degrees."
            : null;
        if (problem is not null)
        {
            problems["bbox"] = problem;
            return null;
        }

        return new Envelope(minLon, maxLon, minLat, maxLat);
    }

    private static int ParseSide(string name, string? value, int fallback, int min, SortedDictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) || pixels < min || pixels > MaxSide)
        {
            problems[name] = $"{name} must be a whole number of pixels from {min} to {MaxSide}, not '{value}'.";
            return fallback;
        }

        return pixels;
    }
}
