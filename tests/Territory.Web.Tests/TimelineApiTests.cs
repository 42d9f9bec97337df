using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Territory.Web.Tests;

public class TimelineApiTests(MapAppFixture fixture) : IClassFixture<MapAppFixture>
{
    private TerritoryAppFactory App => fixture.App;

    [Fact]
    public async Task The_timeline_carries_every_day_with_shared_geometries_areas_changes_and_sourced_events()
    {
        using var json = await GetJsonAsync("/api/timeline?from=2024-11-27&to=2024-12-01");
        var root = json.RootElement;
        Assert.Equal("quantized-delta-1e4", root.GetProperty("encoding").GetString());
        var days = root.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2024-11-27", "2024-11-28", "2024-11-29", "2024-11-30", "2024-12-01"], days.Select(d => d.GetProperty("day").GetString()));

        // 1 December repeats 30 November: its territories point at the same geometries, sent once.
        var territories = days.SelectMany(d => d.GetProperty("territories").EnumerateArray()).ToList();
        Assert.Equal(15, territories.Count);
        var geometries = root.GetProperty("geometries");
        Assert.Equal(
            days[3].GetProperty("territories").EnumerateArray().Select(t => t.GetProperty("geometry").GetInt32()),
            days[4].GetProperty("territories").EnumerateArray().Select(t => t.GetProperty("geometry").GetInt32()));
        Assert.True(geometries.GetArrayLength() < territories.Count + days.Count, $"{geometries.GetArrayLength()} geometries for {territories.Count} territories");

        // A quantized ring: first point absolute in 1e-4 degrees (lon, lat), then deltas.
        var held = territories.First(t => t.GetProperty("state").GetString() == "held");
        var ring = geometries[held.GetProperty("geometry").GetInt32()][0][0].EnumerateArray().Select(v => v.GetInt32()).ToList();
        Assert.Equal(0, ring.Count % 2);
        Assert.InRange(ring[0], 362_000, 376_000);
        Assert.InRange(ring[1], 354_000, 366_000);

        // Held is the lower bound, held plus contested the upper bound.
        var area = days[0].GetProperty("areas")[0];
        var contested = days[0].GetProperty("territories").EnumerateArray().Single(t => t.GetProperty("state").GetString() == "contested").GetProperty("areaKm2").GetDouble();
        Assert.Equal(area.GetProperty("lowerKm2").GetDouble() + contested, area.GetProperty("upperKm2").GetDouble(), 1);

        // The front (where holders meet) is a geometry of its own per day.
        Assert.All(days, d => Assert.Equal(JsonValueKind.Number, d.GetProperty("front").ValueKind));

        // 30 November: the front passes Aleppo and Khan al-Asal, so their holders change; 27 November nothing changes.
        var places = root.GetProperty("places").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt64(), p => p.GetProperty("name").GetString());
        Assert.Empty(days[0].GetProperty("changes").EnumerateArray());
        var changed = days[3].GetProperty("changes").EnumerateArray().Select(c => places[c.GetProperty("place").GetInt64()]).ToList();
        Assert.Contains("Aleppo", changed);

        // Accepted events only, each with its quote, report and outlet; the pending one is left out.
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        var aleppo = events.Single(e => e.GetProperty("sources")[0].GetProperty("quote").GetString() == MapTestData.AleppoQuote);
        Assert.Equal("Example Wire", aleppo.GetProperty("sources")[0].GetProperty("outlet").GetString());
        Assert.True(aleppo.GetProperty("sources")[0].GetProperty("reportId").GetInt64() > 0);
        Assert.Equal("Aleppo", places[aleppo.GetProperty("place").GetInt64()]);
        Assert.Contains(aleppo.GetProperty("id").GetInt64(), days[2].GetProperty("events").EnumerateArray().Select(e => e.GetInt64()));
        Assert.DoesNotContain(root.GetRawText(), MapTestData.PendingQuote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_range_the_timeline_covers_every_day_with_data()
    {
        using var json = await GetJsonAsync("/api/timeline");
        Assert.Equal(MapTestData.FirstDay.ToString("yyyy-MM-dd"), json.RootElement.GetProperty("from").GetString());
        Assert.Equal(MapTestData.LastDay.ToString("yyyy-MM-dd"), json.RootElement.GetProperty("to").GetString());
    }

    [Fact]
    public async Task The_same_timeline_again_is_a_304_for_its_ETag()
    {
        using var client = App.CreateBrowserlikeClient();
        var uri = new Uri("/api/timeline?from=2024-11-27&to=2024-11-30", UriKind.Relative);
        using var first = await client.GetAsync(uri, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, uri);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/timeline?from=2024-11-27&to=2024-11-29", UriKind.Relative));
        other.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(other, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/timeline?from=2024-13-01&to=2024-12-01", "from")]
    [InlineData("/api/timeline?from=2024-11-27&to=yesterday", "to")]
    [InlineData("/api/timeline?from=2024-11-30&to=2024-11-27", "to")]
    [InlineData("/api/timeline?from=2020-01-01&to=2024-11-27", "to")]
    public async Task A_bad_range_is_a_400_naming_the_parameter(string path, string parameter)
    {
        using var client = App.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal([parameter], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_basemap_draws_governorates_a_country_outline_and_settlements_from_the_gazetteer()
    {
        using var client = App.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri("/api/basemap", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Aleppo", "Idlib"], json.RootElement.GetProperty("governorates").EnumerateArray().Select(g => g.GetProperty("name").GetString()).Order());
        Assert.Single(json.RootElement.GetProperty("countries").EnumerateArray());
        var places = json.RootElement.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal("Aleppo", places[0]);
        Assert.Contains("Saraqib", places);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var client = App.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/json").MediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
