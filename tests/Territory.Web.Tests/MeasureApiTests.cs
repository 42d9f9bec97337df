using System.Net;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Data.Spatial;
using Territory.Domain.Spatial;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>/api/measure over hand-entered territories and control states, checked against an independent computation.</summary>
public class MeasureApiTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    private const string DrawnPolygon = """{"type":"Polygon","coordinates":[[[36.5,36.0],[37.5,36.0],[37.5,36.6],[36.5,36.6],[36.5,36.0]]]}""";

    private async Task<HttpClient> ClientWithDataAsync()
    {
        await MeasureTestData.EnsureAsync(app.DataSource);
        return app.CreateBrowserlikeClient();
    }

    [Fact]
    public async Task A_drawn_polygon_measures_what_NTS_and_the_ellipsoid_give_for_the_same_intersection_within_a_thousandth()
    {
        using var client = await ClientWithDataAsync();
        using var content = new StringContent(DrawnPolygon, Encoding.UTF8, "application/geo+json");
        using var response = await client.PostAsync(new Uri("/api/measure?from=2024-11-29&to=2024-11-30", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("polygon", root.GetProperty("region").GetProperty("kind").GetString());
        Assert.Contains("ST_Area", root.GetProperty("method").GetString(), StringComparison.Ordinal);

        var region = Geo.Factory.ToGeometry(new Envelope(36.5, 37.5, 36.0, 36.6));
        var before = await ExpectedAsync(region, SnapshotTestData.DayBefore);
        var after = await ExpectedAsync(region, SnapshotTestData.Day);
        var actors = root.GetProperty("actors").EnumerateArray().ToDictionary(a => a.GetProperty("actor").GetString()!);
        Assert.Equal(["government", "hts", "sna"], actors.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, actor) in actors)
        {
            Near(Held(before, key), actor.GetProperty("from").GetProperty("heldKm2").GetDouble(), $"{key} held before");
            Near(Held(before, key) + Contested(before), actor.GetProperty("from").GetProperty("upperKm2").GetDouble(), $"{key} upper before");
            Near(Held(after, key), actor.GetProperty("to").GetProperty("heldKm2").GetDouble(), $"{key} held after");
            Near(Held(after, key) + Contested(after), actor.GetProperty("to").GetProperty("upperKm2").GetDouble(), $"{key} upper after");
            Assert.Equal(actor.GetProperty("to").GetProperty("heldKm2").GetDouble() - actor.GetProperty("from").GetProperty("heldKm2").GetDouble(),
                actor.GetProperty("change").GetProperty("heldKm2").GetDouble(), 6);
        }

        Assert.True(Contested(after) > 500, "the polygon covers part of the contested ground");
        Near(Contested(after), root.GetProperty("contestedToKm2").GetDouble(), "contested");
        Near(AreaCalculator.GeodesicKm2(region), root.GetProperty("region").GetProperty("areaKm2").GetDouble(), "region");
        Assert.Equal(["Anadan"], root.GetProperty("changedPlaces").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("SY02")]
    [InlineData("sy02")]
    [InlineData("Aleppo")]
    [InlineData("Alep")]
    public async Task A_governorate_by_P_code_or_name_lists_the_places_that_changed_hands_with_their_events_and_quotes(string region)
    {
        using var client = await ClientWithDataAsync();
        using var json = await GetJsonAsync(client, $"/api/measure?region={Uri.EscapeDataString(region)}&from=2024-11-29&to=2024-11-30");
        var root = json.RootElement;
        Assert.Equal("governorate", root.GetProperty("region").GetProperty("kind").GetString());
        Assert.Equal("SY02", root.GetProperty("region").GetProperty("pcode").GetString());
        var governorate = Geo.Factory.ToGeometry(new Envelope(36.6, 38.5, 35.6, 36.8));
        var after = await ExpectedAsync(governorate, SnapshotTestData.Day);
        var hts = root.GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("actor").GetString() == "hts");
        Near(Held(after, "hts"), hts.GetProperty("to").GetProperty("heldKm2").GetDouble(), "hts held in SY02");

        var changed = root.GetProperty("changedPlaces").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["Anadan", "Saraqib"], changed.Keys.Order(StringComparer.Ordinal));
        var saraqib = changed["Saraqib"];
        Assert.Equal("government", saraqib.GetProperty("before").GetProperty("actor").GetString());
        Assert.Equal("hts", saraqib.GetProperty("after").GetProperty("actor").GetString());
        var source = saraqib.GetProperty("events").EnumerateArray().Single().GetProperty("sources").EnumerateArray().Single();
        Assert.Equal("AFP", source.GetProperty("outlet").GetString());
        Assert.Equal(MeasureTestData.SaraqibQuote, source.GetProperty("quote").GetString());
        Assert.Equal("contested", changed["Anadan"].GetProperty("after").GetProperty("state").GetString());
        Assert.Equal("SOHR", changed["Anadan"].GetProperty("events")[0].GetProperty("sources")[0].GetProperty("outlet").GetString());
    }

    [Fact]
    public async Task A_district_is_found_by_its_P_code()
    {
        using var client = await ClientWithDataAsync();
        using var json = await GetJsonAsync(client, "/api/measure?region=SY0200&date=2024-11-30");
        Assert.Equal("district", json.RootElement.GetProperty("region").GetProperty("kind").GetString());
        Assert.Equal("Jebel Saman", json.RootElement.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("from").ValueKind);
        Assert.Empty(json.RootElement.GetProperty("changedPlaces").EnumerateArray());
    }

    [Fact]
    public async Task A_circle_inside_one_actors_ground_measures_pi_r_squared()
    {
        using var client = await ClientWithDataAsync();
        using var json = await GetJsonAsync(client, "/api/measure?place=Aleppo&radiusKm=10&date=2024-11-30");
        var root = json.RootElement;
        Assert.Equal("radius", root.GetProperty("region").GetProperty("kind").GetString());
        Assert.Equal(10, root.GetProperty("region").GetProperty("radiusKm").GetDouble());
        var circle = Math.PI * 10 * 10;
        Near(circle, root.GetProperty("region").GetProperty("areaKm2").GetDouble(), "circle");
        var actors = root.GetProperty("actors").EnumerateArray().ToList();
        Assert.Equal("government", Assert.Single(actors).GetProperty("actor").GetString());
        Near(circle, actors[0].GetProperty("to").GetProperty("heldKm2").GetDouble(), "government inside the circle");
    }

    [Theory]
    [InlineData("/api/measure?date=2024-11-30", "region")]
    [InlineData("/api/measure?region=SY02&date=2024-13-01", "date")]
    [InlineData("/api/measure?region=SY02&from=2024-11-30&to=2024-11-29", "to")]
    [InlineData("/api/measure?region=SY02&date=2024-11-30&from=2024-11-29", "date")]
    [InlineData("/api/measure?place=Aleppo", "radiusKm")]
    [InlineData("/api/measure?place=Aleppo&radiusKm=-3", "radiusKm")]
    [InlineData("/api/measure?place=Aleppo&radiusKm=ten", "radiusKm")]
    [InlineData("/api/measure?radiusKm=5", "place")]
    [InlineData("/api/measure?region=SY02&place=Aleppo&radiusKm=5", "region")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string parameter)
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), json.RootElement.ToString());
    }

    [Theory]
    [InlineData("/api/measure?region=Atlantis&date=2024-11-30", "Atlantis")]
    [InlineData("/api/measure?place=Nowhere%20Town&radiusKm=5", "Nowhere Town")]
    public async Task An_unknown_region_is_a_404_naming_it(string path, string name)
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[36,36],[37,37],[37,36],[36,37],[36,36]]]}""", "not valid")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-170,-80],[170,-80],[170,80],[-170,80],[-170,-80]]]}""", "km²")]
    [InlineData("""{"type":"Point","coordinates":[36,36]}""", "Point")]
    [InlineData("""{"type":"Polygon","coordinates":[[[36,200],[37,36],[37,37],[36,200]]]}""", "outside")]
    [InlineData("not json", "not JSON")]
    [InlineData("", "GeoJSON")]
    public async Task A_bad_polygon_is_a_400_saying_why(string body, string reason)
    {
        using var client = await ClientWithDataAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/measure?date=2024-11-30", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var message = json.RootElement.GetProperty("errors").GetProperty("polygon")[0].GetString();
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_measure_and_export_endpoints()
    {
        using var client = app.CreateBrowserlikeClient();
        using var json = await GetJsonAsync(client, "/openapi/v1.json");
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/measure").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/measure").TryGetProperty("post", out _));
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/export/events.csv", "/api/export/events.geojson", "/api/export/territories/{date}.geojson", "/api/export/territories/{date}.gpkg", "/api/export/areas.csv" })
        {
            Assert.Contains(path, names);
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    // The same intersection as the endpoint's, computed differently: NTS overlay in lon/lat and the geodesic area of
    // the domain's AreaCalculator (authalic sphere), keyed by actor ("" for contested ground).
    private async Task<Dictionary<string, double>> ExpectedAsync(Geometry region, DateOnly day)
    {
        var areas = new Dictionary<string, double>();
        await using var command = app.DataSource.CreateCommand("SELECT coalesce(a.key, ''), t.state, ST_AsEWKB(t.area) FROM territories t LEFT JOIN actors a ON a.id = t.actor_id WHERE t.day = @day");
        command.Parameters.AddWithValue("day", day);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var key = reader.GetString(1) == "contested" ? string.Empty : reader.GetString(0);
            areas[key] = areas.GetValueOrDefault(key) + AreaCalculator.GeodesicKm2(reader.GetGeometry(2)!.Intersection(region));
        }

        return areas;
    }

    private static double Held(Dictionary<string, double> areas, string actor) => areas.GetValueOrDefault(actor);

    private static double Contested(Dictionary<string, double> areas) => areas.GetValueOrDefault(string.Empty);

    private static void Near(double expected, double actual, string what) =>
        Assert.True(expected == 0 ? Math.Abs(actual) < 1e-6 : Math.Abs(actual - expected) / expected < 0.001, $"{what}: expected {expected:F3} km², measured {actual:F3} km²");
}

/// <summary>The Areas page, rendered on the server and read without scripts.</summary>
public class AreasPageTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string path)
    {
        await MeasureTestData.EnsureAsync(app.DataSource);
        using var client = app.CreateBrowserlikeClient();
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    [Fact]
    public async Task The_form_shows_the_areas_the_changed_places_with_quotes_and_the_export_links()
    {
        var document = await PageAsync("/areas?region=Alep&from=2024-11-29&to=2024-11-30");
        var table = document.QuerySelector("[data-testid=measure-table]")!;
        Assert.Equal(["Syrian government forces", "Hayat Tahrir al-Sham", "Syrian National Army", "Contested"],
            table.QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()));
        Assert.Equal(7, table.QuerySelectorAll("thead th").Length);
        var changed = document.QuerySelector("[data-testid=changed-places]")!.TextContent;
        Assert.Contains("Saraqib", changed, StringComparison.Ordinal);
        Assert.Contains("government → hts", changed, StringComparison.Ordinal);
        Assert.Contains("Saraqib is ours", changed, StringComparison.Ordinal);
        Assert.Contains("ST_Area", document.QuerySelector(".method")!.TextContent, StringComparison.Ordinal);
        var exports = document.QuerySelectorAll("[data-testid=exports] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/export/events.csv?from=2024-11-29&to=2024-11-30", exports);
        Assert.Contains("/api/export/territories/2024-11-30.gpkg", exports);
        Assert.Contains("/api/export/areas.csv?from=2024-11-29&to=2024-11-30", exports);
    }

    [Fact]
    public async Task An_unknown_region_or_a_bad_radius_is_explained_on_the_page()
    {
        var unknown = await PageAsync("/areas?region=Atlantis");
        Assert.Contains("Atlantis", unknown.QuerySelector("[data-testid=measure-errors]")!.TextContent, StringComparison.Ordinal);
        var radius = await PageAsync("/areas?place=Aleppo&radiusKm=0");
        Assert.Contains("radiusKm", radius.QuerySelector("[data-testid=measure-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(radius.QuerySelector("[data-testid=measure-table]"));
    }
}
