using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Territory.Data.Territory;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>The web host over the curated gazetteer, the bundled starting lines and one sourced capture, built by the engine.</summary>
public sealed class TerritoryApiFixture : IAsyncLifetime
{
    public const string Quote = "Les rebelles ont pris Saraqeb jeudi, coupant l'autoroute M5.";

    public static readonly DateOnly Captured = new(2024, 11, 28);

    public TerritoryAppFactory App { get; } = new();

    public long SaraqibId { get; private set; }

    public long EventId { get; private set; }

    public long ReportId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        var report = await ReportSeed.IngestAsync(App, "La nuit a été calme.");
        ReportId = report.ReportId;
        await using (var command = App.DataSource.CreateCommand("SELECT id FROM places WHERE source = 'curated' AND kind IN ('city', 'town') AND name ILIKE 'Saraqib' LIMIT 1"))
        {
            SaraqibId = (long)(await command.ExecuteScalarAsync())!;
        }

        // The first build stores the actors the event names.
        await App.Services.GetRequiredService<InitialControlStore>().ReplaceAsync(
            await File.ReadAllTextAsync(RepoFolder.Path("data", "control", "lines-2024-11-26.geojson")), "lines-2024-11-26.geojson", null);
        await App.Services.GetRequiredService<TerritoryStore>().RebuildAsync();
        const string sql = """
            WITH e AS (
                INSERT INTO events (kind, tier, place_id, gainer_id, loser_id, day_from, day_to, date_precision, rule, confidence, status, created_at, updated_at)
                VALUES ('control_change', 'claimed', @place, (SELECT id FROM actors WHERE key = 'hts'), (SELECT id FROM actors WHERE key = 'government'),
                        @day, @day, 'day', 'manual', 1, 'accepted', now(), now())
                RETURNING id)
            INSERT INTO event_sources (event_id, revision_id, sentence_start, sentence_end, quote)
            SELECT e.id, @revision, 0, length(@quote), @quote FROM e RETURNING event_id
            """;
        await using (var command = App.DataSource.CreateCommand(sql))
        {
            command.Parameters.AddWithValue("place", SaraqibId);
            command.Parameters.AddWithValue("day", Captured);
            command.Parameters.AddWithValue("revision", report.RevisionId);
            command.Parameters.AddWithValue("quote", Quote);
            EventId = (long)(await command.ExecuteScalarAsync())!;
        }

        // An aggregate claim over 27-28 November in the Idlib governorate.
        const string claim = """
            WITH e AS (
                INSERT INTO events (kind, place_id, gainer_id, day_from, day_to, date_precision, quantities, rule, confidence, status, created_at, updated_at)
                VALUES ('claim', (SELECT id FROM places WHERE kind = 'governorate' AND name ILIKE 'Idl%' ORDER BY id LIMIT 1), (SELECT id FROM actors WHERE key = 'hts'),
                        '2024-11-27', '2024-11-28', 'range', '{"km2": 850, "localities": 108, "counted_by": "hts"}', 'claim.quantity', 0.75, 'pending', now(), now())
                RETURNING id)
            INSERT INTO event_sources (event_id, revision_id, sentence_start, sentence_end, quote)
            SELECT e.id, @revision, 0, length(@quote), @quote FROM e RETURNING event_id
            """;
        await using (var command = App.DataSource.CreateCommand(claim))
        {
            command.Parameters.AddWithValue("revision", report.RevisionId);
            command.Parameters.AddWithValue("quote", ClaimQuote);
            ClaimId = (long)(await command.ExecuteScalarAsync())!;
        }

        await App.Services.GetRequiredService<TerritoryStore>().RebuildAsync();
    }

    public const string ClaimQuote = "Les rebelles affirment avoir pris 850 km² et 108 localités en deux jours.";

    public long ClaimId { get; private set; }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public class TerritoryApiTests(TerritoryApiFixture fixture) : IClassFixture<TerritoryApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client { get; } = fixture.App.CreateClient();

    private async Task<JsonDocument> JsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_days_geojson_comes_simplified_exact_or_compact_with_an_etag_that_answers_304()
    {
        var day = TerritoryApiFixture.Captured.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var bodies = new Dictionary<string, string>();
        var etags = new HashSet<string>();
        foreach (var query in new[] { "", "?simplified=false", "?compact=true" })
        {
            using var response = await Client.GetAsync(new Uri($"/api/territories/{day}{query}", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);
            etags.Add(etag.Tag);
            bodies[query] = await response.Content.ReadAsStringAsync(Cancel);
            using var json = JsonDocument.Parse(bodies[query]);
            Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
            var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.Contains(features, f => f.GetProperty("geometry").GetProperty("type").GetString() == "MultiPolygon");

            // The same request with the version the client holds: 304, no body.
            using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/territories/{day}{query}");
            conditional.Headers.IfNoneMatch.Add(etag);
            using var notModified = await Client.SendAsync(conditional, Cancel);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Cancel));
        }

        // Each variant has its own tag; the exact geometry is the largest, the compact one the smallest.
        Assert.Equal(3, etags.Count);
        Assert.True(bodies["?simplified=false"].Length > bodies[""].Length, "the exact GeoJSON is not larger than the display one");
        Assert.True(bodies["?compact=true"].Length < bodies[""].Length, "the compact GeoJSON is not smaller than the display one");

        // Another day has another version.
        using var before = await Client.GetAsync(new Uri("/api/territories/2024-11-26", UriKind.Relative), Cancel);
        Assert.DoesNotContain(before.Headers.ETag!.Tag, etags);
    }

    [Fact]
    public async Task Areas_come_as_json_and_csv_saying_how_they_are_computed()
    {
        using var json = await JsonAsync("/api/territories/2024-11-28/areas");
        var root = json.RootElement;
        Assert.Contains("ST_Area(geography)", root.GetProperty("method").GetString(), StringComparison.Ordinal);
        var theater = root.GetProperty("theater").EnumerateArray().ToList();
        var hts = theater.Single(r => r.GetProperty("actor").GetString() == "hts");
        Assert.True(hts.GetProperty("gainKm2").GetDouble() > 0, "HTS gains nothing on the day it takes Saraqib");
        Assert.True(hts.GetProperty("upperKm2").GetDouble() >= hts.GetProperty("heldKm2").GetDouble());
        Assert.NotEmpty(root.GetProperty("governorates").EnumerateArray());
        Assert.Contains(root.GetProperty("sides").EnumerateArray(), s => s.GetProperty("side").GetString() == "opposition");

        using var response = await Client.GetAsync(new Uri("/api/territories/2024-11-28/areas.csv", UriKind.Relative), Cancel);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
        Assert.Equal("day,region,actor,side,held_km2,contested_km2,upper_km2,gain_km2,loss_km2,since_start_km2", lines[1]);
        var csvHts = lines.Single(l => l.StartsWith("2024-11-28,theater,hts,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(hts.GetProperty("heldKm2").GetDouble(), double.Parse(csvHts[4], System.Globalization.CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public async Task A_places_history_and_the_events_behind_its_cell_name_the_report_sentence_and_quote()
    {
        using var history = await JsonAsync($"/api/places/{fixture.SaraqibId}/control");
        var days = history.RootElement.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("day").GetString()!);
        Assert.Equal("government", days["2024-11-27"].GetProperty("actor").GetString());
        Assert.Equal("hts", days["2024-11-28"].GetProperty("actor").GetString());
        Assert.Equal([fixture.EventId], days["2024-11-28"].GetProperty("eventIds").EnumerateArray().Select(e => e.GetInt64()));

        using var behind = await JsonAsync($"/api/territories/2024-11-28/cells/{fixture.SaraqibId}/events");
        var cellEvent = Assert.Single(behind.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal(fixture.EventId, cellEvent.GetProperty("id").GetInt64());
        var source = Assert.Single(cellEvent.GetProperty("sources").EnumerateArray());
        Assert.Equal(TerritoryApiFixture.Quote, source.GetProperty("quote").GetString());
        Assert.Equal(fixture.ReportId, source.GetProperty("reportId").GetInt64());
        Assert.Equal(TerritoryApiFixture.Quote.Length, source.GetProperty("sentenceEnd").GetInt32());

        // The same by a point in the cell (Saraqib's own point).
        using var at = await JsonAsync("/api/territories/2024-11-28/events?lon=36.8&lat=35.862");
        Assert.Equal(fixture.EventId, Assert.Single(at.RootElement.GetProperty("events").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("/api/territories/2024-13-01", "day")]
    [InlineData("/api/territories/2024-11-28?simplified=maybe", "simplified")]
    [InlineData("/api/territories/2024-11-28?compact=2", "compact")]
    [InlineData("/api/territories/28-11-2024/areas", "day")]
    [InlineData("/api/territories/yesterday/areas.csv", "day")]
    [InlineData("/api/territories/2024-11-28/events?lon=200&lat=36", "lon")]
    [InlineData("/api/territories/2024-11-28/events?lon=36.8", "lat")]
    [InlineData("/api/territories/2024-1-28/cells/1/events", "day")]
    [InlineData("/api/territories/2024-11-32/claims", "day")]
    public async Task Bad_parameters_get_a_400_naming_the_parameter(string path, string parameter)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages), $"{path}: no error for '{parameter}' in {json.RootElement}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Fact]
    public async Task Claims_of_a_day_come_beside_the_engines_figures_for_their_side_and_region()
    {
        using var json = await JsonAsync("/api/territories/2024-11-28/claims");
        Assert.Contains("held_km2", json.RootElement.GetProperty("method").GetString(), StringComparison.Ordinal);
        var claim = Assert.Single(json.RootElement.GetProperty("claims").EnumerateArray());
        Assert.Equal(fixture.ClaimId, claim.GetProperty("id").GetInt64());
        Assert.Equal(850, claim.GetProperty("quantities").GetProperty("km2").GetDouble());
        Assert.Equal(108, claim.GetProperty("quantities").GetProperty("localities").GetDouble());
        Assert.False(claim.GetProperty("quantities").TryGetProperty("counted_by", out _));
        Assert.Equal(TerritoryApiFixture.ClaimQuote, claim.GetProperty("quote").GetString());

        // The engine's figure: Saraqib (Idlib governorate), taken by HTS on the 28th, is the opposition's only gain.
        var estimate = claim.GetProperty("estimate");
        Assert.Equal("opposition", estimate.GetProperty("side").GetString());
        Assert.Equal(1, estimate.GetProperty("heldLocalities").GetInt32());
        using var areas = await JsonAsync("/api/territories/2024-11-28/areas");
        var htsGain = areas.RootElement.GetProperty("theater").EnumerateArray().Single(r => r.GetProperty("actor").GetString() == "hts").GetProperty("sinceStartKm2").GetDouble();
        Assert.Equal(htsGain, estimate.GetProperty("heldKm2").GetDouble(), 3);
        Assert.True(estimate.GetProperty("upperKm2").GetDouble() >= estimate.GetProperty("heldKm2").GetDouble());

        // The day before the claim's dates: not listed.
        using var before = await JsonAsync("/api/territories/2024-11-26/claims");
        Assert.Empty(before.RootElement.GetProperty("claims").EnumerateArray());
    }

    [Fact]
    public async Task A_day_outside_the_built_days_or_an_unknown_place_is_a_404()
    {
        using var early = await Client.GetAsync(new Uri("/api/territories/2020-01-01", UriKind.Relative), Cancel);
        using var unknown = await Client.GetAsync(new Uri($"/api/places/{long.MaxValue}/control", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
