using System.Xml.Linq;
using Territory.Data.Snapshots;
using Territory.Domain.Rendering;
using Territory.Testing;

namespace Territory.Data.Tests;

/// <summary>A migrated database holding the hand-entered snapshot territories.</summary>
public sealed class SnapshotDatabase : TestDatabase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SnapshotTestData.InsertAsync(DataSource);
    }
}

/// <summary>Snapshots from stored territories: the scene read from PostGIS, its SVG and the PNG rsvg-convert makes of it.</summary>
public class SnapshotTests(SnapshotDatabase database) : IClassFixture<SnapshotDatabase>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static SnapshotRequest Request(string? bbox = SnapshotTestData.Bbox, int width = 1000, int height = 700, string? lang = "en", string? date = "2024-11-30") =>
        SnapshotRequest.Parse(date, bbox, width.ToString(System.Globalization.CultureInfo.InvariantCulture), height.ToString(System.Globalization.CultureInfo.InvariantCulture), null, lang, out var errors)
        ?? throw new InvalidOperationException(string.Join("; ", errors.Values));

    [Fact]
    public async Task The_scene_holds_the_days_territories_basemap_places_and_the_reports_behind_them()
    {
        var scene = await new SnapshotStore(database.DataSource).LoadSceneAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal(["government", "hts", "sna", null], scene.Territories.Select(t => t.ActorKey));
        Assert.True(scene.Territories.Single(t => t.ActorKey is null).Contested);
        Assert.Equal(["Aleppo", "Idleb"], scene.Boundaries.Select(b => b.Name).Order());
        Assert.Contains(scene.Labels, l => l.Name == "Aleppo");
        Assert.Equal(["AFP", "SOHR"], scene.Sources.Select(s => s.Outlet).Order());
        Assert.All(scene.Sources, s => Assert.Equal(SnapshotTestData.Day, s.PublishedOn));
        // Clipped by PostGIS to the extent (plus a margin), not the whole stored polygon.
        var margin = scene.Frame.Extent.Width * 0.03;
        Assert.All(scene.Boundaries, b => Assert.True(b.Area.EnvelopeInternal.MinX >= scene.Frame.Extent.MinX - margin, $"{b.Name} is not clipped"));
    }

    [Fact]
    public async Task French_snapshots_name_places_in_French_where_the_gazetteer_has_it()
    {
        var scene = await new SnapshotStore(database.DataSource).LoadSceneAsync(Request(lang: "fr"), TestContext.Current.CancellationToken);
        Assert.Contains(scene.Labels, l => l.Name == "Alep");
        var svg = XDocument.Parse(SnapshotRenderer.Render(scene));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Contesté");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "30 novembre 2024");
    }

    [Fact]
    public async Task The_svg_has_one_group_and_one_legend_entry_per_actor_shown_and_the_sources()
    {
        var scene = await new SnapshotStore(database.DataSource).LoadSceneAsync(Request(), TestContext.Current.CancellationToken);
        var svg = XDocument.Parse(SnapshotRenderer.Render(scene));

        var groups = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Contains("territory", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["actor-government", "actor-hts", "actor-sna", "contested"], groups.Select(g => (string?)g.Attribute("id")));
        Assert.Equal(["government", "hts", "sna"], svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-entry").Select(g => (string?)g.Attribute("data-actor")).OfType<string>());
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "legend-entry" && (string?)g.Attribute("data-state") == "contested");
        var sources = string.Concat(svg.Descendants(Svg + "text").Where(t => ((string?)t.Attribute("id"))?.StartsWith("sources", StringComparison.Ordinal) == true).Select(t => t.Value));
        Assert.Contains("AFP (2024-11-30)", sources, StringComparison.Ordinal);
        Assert.Contains("SOHR (2024-11-30)", sources, StringComparison.Ordinal);
        Assert.Contains("UN OCHA", svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("id") == "attribution").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_before_shows_that_days_territories()
    {
        var scene = await new SnapshotStore(database.DataSource).LoadSceneAsync(Request(date: "2024-11-29"), TestContext.Current.CancellationToken);
        Assert.Equal(["government", "hts"], scene.Territories.Select(t => t.ActorKey));
        Assert.Equal([SnapshotTestData.DayBefore, SnapshotTestData.Day], await new SnapshotStore(database.DataSource).ListDaysAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_png_has_the_requested_size_and_each_actors_pixels_follow_its_area_in_the_extent()
    {
        var request = Request(width: 1200, height: 900);
        var scene = await new SnapshotStore(database.DataSource).LoadSceneAsync(request, TestContext.Current.CancellationToken);
        var png = await new SvgRasterizer().ToPngAsync(SnapshotRenderer.Render(scene), request.Width, request.Height, TestContext.Current.CancellationToken);

        Assert.Equal((1200, 900), PngImage.ReadSize(png));
        var image = PngImage.Decode(png);
        Assert.True(image.DistinctColors() > 20, "the image is blank");

        // Each actor's share of the coloured pixels against its share of the area inside the map's extent (PostGIS, on the ellipsoid).
        var extent = scene.Frame.Extent;
        var areas = new Dictionary<string, double>();
        foreach (var actor in SnapshotTestData.Colors.Keys)
        {
            await using var command = database.DataSource.CreateCommand("""
                SELECT ST_Area(ST_Intersection(t.display, ST_MakeEnvelope(@x0, @y0, @x1, @y1, 4326))::geography)
                FROM territories t JOIN actors a ON a.id = t.actor_id WHERE t.day = @day AND a.key = @key
                """);
            command.Parameters.AddWithValue("x0", extent.MinX);
            command.Parameters.AddWithValue("y0", extent.MinY);
            command.Parameters.AddWithValue("x1", extent.MaxX);
            command.Parameters.AddWithValue("y1", extent.MaxY);
            command.Parameters.AddWithValue("day", SnapshotTestData.Day);
            command.Parameters.AddWithValue("key", actor);
            areas[actor] = (double)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        var pixels = SnapshotTestData.Colors.ToDictionary(c => c.Key, c => (double)image.Count(c.Value));
        var (totalPixels, totalArea) = (pixels.Values.Sum(), areas.Values.Sum());
        foreach (var actor in SnapshotTestData.Colors.Keys)
        {
            var (pixelShare, areaShare) = (pixels[actor] / totalPixels, areas[actor] / totalArea);
            Assert.True(Math.Abs(pixelShare - areaShare) < 0.1 * areaShare, $"{actor}: {pixelShare:P1} of the pixels, {areaShare:P1} of the area ({pixels[actor]} px)");
        }
    }

    [Fact]
    public async Task The_same_inputs_give_byte_identical_svg_and_png()
    {
        var store = new SnapshotStore(database.DataSource);
        var first = SnapshotRenderer.Render(await store.LoadSceneAsync(Request(), TestContext.Current.CancellationToken));
        var second = SnapshotRenderer.Render(await store.LoadSceneAsync(Request(), TestContext.Current.CancellationToken));
        Assert.Equal(first, second);

        var rasterizer = new SvgRasterizer();
        Assert.Equal(await rasterizer.ToPngAsync(first, 1000, 700, TestContext.Current.CancellationToken), await rasterizer.ToPngAsync(second, 1000, 700, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_rasteriser_is_named_with_the_package_to_install()
    {
        var e = await Assert.ThrowsAsync<SnapshotRasterizerException>(() => new SvgRasterizer("/nonexistent/rsvg-convert").ToPngAsync("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 10, 10, TestContext.Current.CancellationToken));
        Assert.Contains("librsvg2-bin", e.Message, StringComparison.Ordinal);
    }
}
