using System.Globalization;
using System.Xml.Linq;
using NetTopologySuite.IO;
using Territory.Domain.Rendering;
using Territory.Domain.Spatial;

namespace Territory.Domain.Tests;

public class SnapshotRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(Geo.Factory.PrecisionModel, Geo.Srid));

    private static SnapshotScene Scene(string? title = null, string lang = "en", string bbox = "36.3,35.7,37.9,36.8", string width = "1200", string height = "800")
    {
        var request = SnapshotRequest.Parse("2024-11-30", bbox, width, height, title, lang, out var errors) ?? throw new InvalidOperationException(string.Join("; ", errors.Values));
        return new SnapshotScene(request, SnapshotFrame.For(request),
            [
                new("government", "Government", "#D55E00", false, Wkt.Read("MULTIPOLYGON(((37 35.8, 37.8 35.8, 37.8 36.4, 37 36.4, 37 35.8)))")),
                new("hts", "HTS", "#009E73", false, Wkt.Read("MULTIPOLYGON(((36.4 35.8, 37 35.8, 37 36.4, 36.4 36.4, 36.4 35.8)))")),
                new("opposition", "Opposition", "#009E73", false, Wkt.Read("POLYGON((36.4 36.4, 36.6 36.4, 36.6 36.6, 36.4 36.4))")),
                new(null, null, null, true, Wkt.Read("POLYGON((36.6 36.4, 37 36.4, 37 36.7, 36.6 36.7, 36.6 36.4))")),
            ],
            [new(SnapshotBoundary.Governorate, "Aleppo", Wkt.Read("MULTIPOLYGON(((36.6 35.6, 38.5 35.6, 38.5 36.8, 36.6 36.8, 36.6 35.6)))"))],
            [new("Aleppo", 37.16, 36.2, "city"), new("Aleppo", 37.161, 36.201, "city"), new("Idlib", 36.63, 35.93, "city")],
            [new("AFP", "Rebels enter Aleppo", null, new DateOnly(2024, 11, 30)), new(null, null, "https://www.sohr.example/a", null)],
            ["boundaries", "geonames"]);
    }

    [Fact]
    public void The_svg_is_well_formed_with_one_group_and_one_legend_entry_per_actor_and_contested_hatched()
    {
        var svg = XDocument.Parse(SnapshotRenderer.Render(Scene()));
        var groups = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("territory", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["actor-government", "actor-hts", "actor-opposition", "contested"], groups.Select(g => (string?)g.Attribute("id")));
        // Contested ground is hatched (lines clipped to it), not told by colour alone; so is its legend swatch.
        Assert.Single(groups[^1].Elements(Svg + "path"), p => (string?)p.Attribute("class") == "hatch" && (string?)p.Attribute("clip-path") == "url(#contested-clip)");
        Assert.Single(svg.Descendants(Svg + "clipPath"), p => (string?)p.Attribute("id") == "contested-clip");
        Assert.Equal("url(#contested-hatch)", svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-state") == "contested" && (string?)g.Attribute("class") == "legend-entry").Element(Svg + "rect")!.Attribute("fill")!.Value);
        // Opposition shares HTS's colour: it takes a lighter tint of it.
        Assert.Equal(("#009E73", "#7FCEB9"), ((string?)groups[1].Attribute("fill"), (string?)groups[2].Attribute("fill")));
        var legend = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-entry").Select(g => g.Value).ToList();
        Assert.Equal(["Government", "HTS", "Opposition", "Contested"], legend);
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("id") == "north-arrow");
    }

    [Fact]
    public void The_scale_bar_is_true_to_the_ground_at_the_maps_latitude()
    {
        var scene = Scene();
        var bar = XDocument.Parse(SnapshotRenderer.Render(scene)).Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "scale-bar");
        var km = double.Parse((string)bar.Attribute("data-km")!, CultureInfo.InvariantCulture);
        var pixels = double.Parse((string)bar.Attribute("data-px")!, CultureInfo.InvariantCulture);
        // Independently: a degree of longitude is 111.32 km × cos φ on the ground and MapWidth / extent width pixels on the map.
        var extent = scene.Frame.Extent;
        var latitude = (extent.MinY + extent.MaxY) / 2;
        var kmPerPixel = 111.32 * Math.Cos(latitude * Math.PI / 180) * extent.Width / scene.Frame.MapWidth;
        Assert.True(Math.Abs(pixels * kmPerPixel - km) / km < 0.005, $"{pixels} px = {pixels * kmPerPixel:F2} km, labelled {km} km");
        Assert.Contains($"{km} km", bar.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_scene_gives_the_same_bytes_whatever_the_machines_culture()
    {
        var invariant = SnapshotRenderer.Render(Scene());
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal(invariant, SnapshotRenderer.Render(Scene()));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.DoesNotContain("NaN", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_and_names_are_escaped_and_french_words_are_french()
    {
        var svg = XDocument.Parse(SnapshotRenderer.Render(Scene(title: "Nord <ouest> & \"Alep\"\u0001", lang: "fr")));
        Assert.Equal("Nord <ouest> & \"Alep\"", svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "title").Value);
        Assert.Equal("30 novembre 2024", svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "date").Value);
        Assert.Equal("fr", (string?)svg.Root!.Attribute("lang"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Contesté");
        Assert.StartsWith("Données", svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "attribution").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Places_are_named_once_and_sources_name_their_outlet_or_site()
    {
        var svg = XDocument.Parse(SnapshotRenderer.Render(Scene()));
        Assert.Equal(["Aleppo", "Idlib"], svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "place").Select(g => g.Value));
        var sources = svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "sources-1").Value;
        Assert.Equal("Sources: AFP (2024-11-30); www.sohr.example", sources);
        Assert.Contains("GeoNames (CC BY 4.0)", svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "attribution").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_map_keeps_the_whole_extent_asked_for_widened_to_the_images_proportions()
    {
        var scene = Scene(bbox: "36,35,37,36", width: "1600", height: "600");
        var shown = new NetTopologySuite.Geometries.Envelope(scene.Frame.Extent);
        shown.ExpandBy(1e-9); // the inverse projection's rounding
        Assert.True(shown.Contains(new NetTopologySuite.Geometries.Envelope(36, 37, 35, 36)), scene.Frame.Extent.ToString());
        Assert.True(scene.Frame.Extent.Width > 2, "the extent is not widened to the image's proportions");
        var (x0, y0) = scene.Frame.Project(scene.Frame.Extent.MinX, scene.Frame.Extent.MaxY);
        var (x1, y1) = scene.Frame.Project(scene.Frame.Extent.MaxX, scene.Frame.Extent.MinY);
        Assert.Equal((scene.Frame.MapX, scene.Frame.MapY, scene.Frame.MapX + scene.Frame.MapWidth, scene.Frame.MapY + scene.Frame.MapHeight), (Math.Round(x0, 6), Math.Round(y0, 6), Math.Round(x1, 6), Math.Round(y1, 6)));
    }

    [Theory]
    [InlineData("2024-11-31", null, null, null, null, "date")]
    [InlineData("30/11/2024", null, null, null, null, "date")]
    [InlineData("2024-11-30", "36,35,37", null, null, null, "bbox")]
    [InlineData("2024-11-30", "37,35,36,36", null, null, null, "bbox")]
    [InlineData("2024-11-30", "0,0,50,10", null, null, null, "bbox")]
    [InlineData("2024-11-30", "a,b,c,d", null, null, null, "bbox")]
    [InlineData("2024-11-30", null, "12", null, null, "width")]
    [InlineData("2024-11-30", null, "1200.5", null, null, "width")]
    [InlineData("2024-11-30", null, null, "-5", null, "height")]
    [InlineData("2024-11-30", null, "4000", "4000", null, "width")]
    [InlineData("2024-11-30", null, null, null, "ar", "lang")]
    public void A_bad_parameter_is_named(string date, string? bbox, string? width, string? height, string? lang, string parameter)
    {
        Assert.Null(SnapshotRequest.Parse(date, bbox, width, height, null, lang, out var errors));
        Assert.Equal([parameter], errors.Keys);
    }

    [Fact]
    public void Absent_parameters_take_the_theater_and_default_size()
    {
        var request = SnapshotRequest.Parse("2024-11-30", null, null, null, "  ", "FR", out _)!;
        Assert.Equal(SnapshotRequest.Theater, request.Bbox);
        Assert.Equal((SnapshotRequest.DefaultWidth, SnapshotRequest.DefaultHeight, null, SnapshotLanguage.Fr), (request.Width, request.Height, request.Title, request.Language));
    }
}
