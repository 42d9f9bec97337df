using Npgsql;
using Territory.Data.Territory;
using Territory.Testing;

namespace Territory.Data.Tests;

/// <summary>The territory engine on the real PostGIS, over the team's curated gazetteer and the bundled starting lines.</summary>
public class TerritoryStoreTests(CuratedGazetteerDatabase database) : IClassFixture<CuratedGazetteerDatabase>
{
    private static readonly DateOnly Start = new(2024, 11, 26);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TerritoryStore Store { get; } = new(database.DataSource, TimeProvider.System);

    private async Task PrepareAsync()
    {
        var initial = new InitialControlStore(database.DataSource, TimeProvider.System);
        if (!await initial.AnyAsync(Cancel))
        {
            await initial.ReplaceAsync(await File.ReadAllTextAsync(RepoFolder.Path("data", "control", "lines-2024-11-26.geojson"), Cancel), "lines-2024-11-26.geojson", null, Cancel);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<long> AddEventAsync(long placeId, string tier, string gainer, string? loser, DateOnly from, DateOnly to)
    {
        const string sql = """
            INSERT INTO events (kind, tier, place_id, gainer_id, loser_id, day_from, day_to, date_precision, rule, confidence, status, created_at, updated_at)
            VALUES ('control_change', @tier, @place, (SELECT id FROM actors WHERE key = @gainer), (SELECT id FROM actors WHERE key = @loser),
                    @from, @to, 'day', 'manual', 1, 'accepted', now(), now())
            RETURNING id
            """;
        return await ScalarAsync<long>(sql, ("tier", tier), ("place", placeId), ("gainer", gainer), ("loser", (object?)loser ?? DBNull.Value), ("from", from), ("to", to));
    }

    private async Task<long> TownAsync(string name) =>
        await ScalarAsync<long>("SELECT id FROM places WHERE source = 'curated' AND kind IN ('city', 'town', 'village') AND name ILIKE @name ORDER BY id LIMIT 1", ("name", name));

    private async Task<Dictionary<DateOnly, DateTime>> BuiltAtAsync()
    {
        await using var command = database.DataSource.CreateCommand("SELECT day, max(built_at) FROM territories GROUP BY day");
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var built = new Dictionary<DateOnly, DateTime>();
        while (await reader.ReadAsync(Cancel))
        {
            built[reader.GetFieldValue<DateOnly>(0)] = reader.GetDateTime(1);
        }

        return built;
    }

    [Fact]
    public async Task A_capture_then_a_retake_is_stored_day_by_day_with_provenance_and_areas_matching_postgis()
    {
        await PrepareAsync();
        await Store.RebuildAsync(Cancel);
        var saraqib = await TownAsync("Saraqib");
        var captured = await AddEventAsync(saraqib, "claimed", "hts", "government", Start.AddDays(2), Start.AddDays(2));
        var retaken = await AddEventAsync(saraqib, "claimed", "government", "hts", Start.AddDays(4), Start.AddDays(4));
        await Store.RebuildPendingAsync(Cancel);

        var history = await Store.GetPlaceControlAsync(saraqib, Cancel);
        Assert.NotNull(history);
        var byDay = history.Days.ToDictionary(d => d.Day);
        Assert.Equal("government", byDay[Start.AddDays(1)].Actor);
        Assert.Equal("hts", byDay[Start.AddDays(3)].Actor);
        Assert.Equal([captured], byDay[Start.AddDays(3)].EventIds);
        Assert.Equal("government", byDay[Start.AddDays(4)].Actor);
        Assert.Equal([retaken], byDay[Start.AddDays(4)].EventIds);

        // Every day from the start to the last event has territories; areas agree with an independent ST_Area(geography).
        var days = await ScalarAsync<long>("SELECT count(DISTINCT day) FROM territories WHERE day BETWEEN @a AND @b", ("a", Start), ("b", Start.AddDays(4)));
        Assert.Equal(5, days);
        var worst = await ScalarAsync<double>("SELECT max(abs(area_km2 / (ST_Area(area::geography) / 1e6) - 1)) FROM territories");
        Assert.True(worst < 0.001, $"largest relative difference from ST_Area(geography): {worst:P4}");
        Assert.True(await ScalarAsync<bool>("SELECT bool_and(ST_IsValid(area) AND ST_IsValid(display)) FROM territories"));

        // Provenance: every event a territory names is a stored event, and the captured cell's territory names the capture.
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM territories t, unnest(t.event_ids) e(id) WHERE NOT EXISTS (SELECT 1 FROM events x WHERE x.id = e.id)"));
        var holder = await ScalarAsync<string>("""
            SELECT a.key FROM territories t JOIN actors a ON a.id = t.actor_id
            WHERE t.day = @day AND @event = ANY(t.event_ids)
            """, ("day", Start.AddDays(3)), ("event", captured));
        Assert.Equal("hts", holder);
        var behind = await Store.GetCellEventsAsync(Start.AddDays(3), saraqib, null, Cancel);
        Assert.NotNull(behind);
        Assert.Equal(captured, Assert.Single(behind.Events).Id);
    }

    [Fact]
    public async Task An_edit_rebuilds_only_the_days_it_affects()
    {
        await PrepareAsync();
        var town = await TownAsync("al-Atarib");
        var late = Start.AddDays(6);
        await AddEventAsync(await TownAsync("Maarat al-Numan"), "claimed", "hts", "government", late, late);
        await Store.RebuildAsync(Cancel);
        var before = await BuiltAtAsync();
        Assert.Null(await Store.QueuedFromAsync(Cancel));

        var edited = await AddEventAsync(town, "entered", "government", null, Start.AddDays(5), Start.AddDays(5));
        Assert.Equal(Start.AddDays(5), await Store.QueuedFromAsync(Cancel));
        var result = await Store.RebuildPendingAsync(Cancel);
        var after = await BuiltAtAsync();

        Assert.Equal(Start.AddDays(5), result.From);
        Assert.All(before.Keys.Where(d => d < Start.AddDays(5)), d => Assert.Equal(before[d], after[d]));
        Assert.All(after.Keys.Where(d => d >= Start.AddDays(5) && d <= late), d => Assert.NotEqual(before[d], after[d]));
        Assert.Null(await Store.QueuedFromAsync(Cancel));

        // Rejecting the event queues its day again; the rebuild restores the earlier content (same fingerprint).
        var fingerprint = await Store.GetDayVersionAsync(Start.AddDays(4), Cancel);
        await ScalarAsync<int>("UPDATE events SET status = 'rejected' WHERE id = @id RETURNING 1", ("id", edited));
        await Store.EnsureCurrentAsync(Start.AddDays(5), Cancel);
        Assert.Null(await Store.QueuedFromAsync(Cancel));
        Assert.Equal(fingerprint, await Store.GetDayVersionAsync(Start.AddDays(4), Cancel));
        // al-Atarib is in the Idlib pocket of the starting lines: with the event rejected, it is HTS-held again.
        Assert.Equal("hts", (await Store.GetPlaceControlAsync(town, Cancel))!.Days.Single(d => d.Day == Start.AddDays(5)).Actor);
    }

    private async Task<long> PlaceAsync(string kind, string name) =>
        await ScalarAsync<long>("SELECT id FROM places WHERE source = 'curated' AND kind = @kind AND name ILIKE @name ORDER BY id LIMIT 1", ("kind", kind), ("name", name));

    [Fact]
    public async Task A_city_capture_takes_its_neighbourhoods_unless_one_has_its_own_report_and_a_region_event_flips_nothing()
    {
        await PrepareAsync();
        var day = Start.AddDays(3);
        var aleppo = await PlaceAsync("city", "Aleppo");
        var furqan = await PlaceAsync("neighbourhood", "al-Furqan");
        var newAleppo = await PlaceAsync("neighbourhood", "New Aleppo");
        var governorate = await ScalarAsync<long>("SELECT id FROM places WHERE kind = 'governorate' AND name ILIKE 'Hama%' ORDER BY id LIMIT 1");
        var hama = await PlaceAsync("city", "Hama");
        var city = await AddEventAsync(aleppo, "claimed", "hts", "government", day, day);
        var own = await AddEventAsync(newAleppo, "entered", "hts", null, day, day);
        await AddEventAsync(governorate, "claimed", "hts", "government", day, day);
        await Store.RebuildAsync(Cancel);

        var furqanDay = (await Store.GetPlaceControlAsync(furqan, Cancel))!.Days.Single(d => d.Day == day);
        Assert.Equal("hts", furqanDay.Actor);
        Assert.Equal([city], furqanDay.EventIds);
        var newAleppoDay = (await Store.GetPlaceControlAsync(newAleppo, Cancel))!.Days.Single(d => d.Day == day);
        Assert.Null(newAleppoDay.Actor);
        Assert.Equal([own], newAleppoDay.EventIds);
        Assert.Equal("government", (await Store.GetPlaceControlAsync(furqan, Cancel))!.Days.Single(d => d.Day == day.AddDays(-1)).Actor);
        // The governorate's event is too coarse for any cell: Hama keeps its starting holder.
        Assert.Equal("government", (await Store.GetPlaceControlAsync(hama, Cancel))!.Days.Single(d => d.Day == day).Actor);
    }

    [Fact]
    public async Task An_event_dated_over_a_span_of_months_moves_no_cell()
    {
        await PrepareAsync();
        var town = await TownAsync("Saraqib");
        // A report whose publication day was unknown and read as the ingestion day, two years on.
        await AddEventAsync(town, "claimed", "sna", null, Start, Start.AddDays(TerritoryStore.MaxEventRangeDays + 700));
        await Store.RebuildAsync(Cancel);

        var history = (await Store.GetPlaceControlAsync(town, Cancel))!;
        Assert.NotEmpty(history.Days);
        Assert.All(history.Days, d => Assert.NotEqual("sna", d.Actor));
        Assert.True(history.Days.Max(d => d.Day) < Start.AddDays(TerritoryStore.MaxEventRangeDays), "the timeline was stretched by the long event");
    }

    [Fact]
    public async Task A_bad_starting_lines_file_is_refused_naming_the_feature_and_changes_nothing()
    {
        await PrepareAsync();
        var initial = new InitialControlStore(database.DataSource, TimeProvider.System);
        var before = await initial.ListAsync(Cancel);
        var error = await Assert.ThrowsAsync<InitialControlFormatException>(() => initial.ReplaceAsync(
            """{"type":"FeatureCollection","valid_on":"2024-11-26","features":[{"type":"Feature","properties":{"actor":"martians"},"geometry":{"type":"Polygon","coordinates":[[[36,35],[37,35],[37,36],[36,35]]]}}]}""",
            "bad.geojson", null, Cancel));
        Assert.Contains("feature 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("martians", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Select(a => a.Id), (await initial.ListAsync(Cancel)).Select(a => a.Id));
    }
}
