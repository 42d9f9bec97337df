using Territory.Data.Accounts;
using Territory.Data.Events;
using Territory.Data.Places;
using Territory.Data.Reports;
using Territory.Data.Territory;
using Territory.Ingestion.Evaluation;
using Territory.Testing;

namespace Territory.Data.Tests;

/// <summary>
/// The acceptance test of the territory engine: the five seed reports ingested over the reference gazetteer, their
/// control changes accepted by an analyst (publication days as the uploader gives them), the territories rebuilt from the bundled starting lines of 26 Nov 2024.
/// </summary>
public class TerritorySeedTests(ReferenceGazetteer gazetteer) : IClassFixture<ReferenceGazetteer>
{
    private static readonly DateOnly First = new(2024, 11, 27);
    private static readonly DateOnly Last = new(2024, 11, 30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = gazetteer.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<List<(long Id, string Name, string Kind)>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = gazetteer.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<(long, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private async Task PrepareAsync()
    {
        var seeds = SharedFolder.Require("seeds");
        gazetteer.Require();
        var clock = TimeProvider.System;
        await new InitialControlStore(gazetteer.DataSource, clock).ReplaceAsync(
            await File.ReadAllTextAsync(RepoFolder.Path("data", "control", "lines-2024-11-26.geojson"), Cancel), "lines-2024-11-26.geojson", null, Cancel);
        var ingestion = await ReportIngestion.CreateAsync(new GazetteerStore(gazetteer.DataSource, clock), new ReportStore(gazetteer.DataSource, clock), clock, Cancel);
        // The publication days are what the uploader gives (the seed texts carry none); only those are read from the
        // team's gold file, not its events.
        var published = EventGoldSet.Read(RepoFolder.Path("tests", "Territory.Ingestion.Tests", "Expected", "seed-events.jsonl"), seeds).ToDictionary(i => i.Id, i => i.Published);
        foreach (var file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            await ingestion.IngestAsync(await File.ReadAllBytesAsync(file, Cancel), new ReportInput(name, published.GetValueOrDefault(name)), null, Cancel);
        }

        var analyst = await new AccountStore(gazetteer.DataSource, clock).AddAsync("seed-analyst", "a long enough password", AnalystAccount.AnalystRole, false, null, Cancel);
        var events = new EventStore(gazetteer.DataSource, clock);
        foreach (var (id, _, _) in await RowsAsync("SELECT id, '', '' FROM events WHERE kind = 'control_change' AND status NOT IN ('accepted', 'auto_accepted') ORDER BY id"))
        {
            await events.AcceptAsync(id, analyst.Id, Cancel);
        }

        await new TerritoryStore(gazetteer.DataSource, clock).RebuildAsync(Cancel);
    }

    // Lower bound: cells held by an actor of the opposition's side; upper: plus the contested cells.
    private Task<double> OppositionKm2Async(DateOnly day, bool upper) => ScalarAsync<double>("""
        SELECT coalesce(sum(c.area_km2), 0)
        FROM control_states s JOIN control_cells c ON c.place_id = s.place_id LEFT JOIN actors a ON a.id = s.actor_id
        WHERE s.day = @day AND ((s.state = 'held' AND a.side = 'opposition') OR (@upper AND s.state = 'contested'))
        """, ("day", day), ("upper", upper));

    [Fact]
    public async Task With_the_seed_reports_accepted_the_opposition_grows_day_by_day_and_holds_the_places_they_name()
    {
        await PrepareAsync();
        var output = TestContext.Current.TestOutputHelper;

        var upper = new List<double>();
        var lower = new List<double>();
        for (var day = First.AddDays(-1); day <= Last; day = day.AddDays(1))
        {
            lower.Add(await OppositionKm2Async(day, upper: false));
            upper.Add(await OppositionKm2Async(day, upper: true));
            output?.WriteLine($"{day:yyyy-MM-dd}: opposition {lower[^1]:F1} to {upper[^1]:F1} km²");
        }

        // Index 0 is 26 Nov. Each day from 27 to 30 Nov the range grows: neither bound shrinks and one of them grows. The
        // seeds date most captures to the range 27-30 Nov, so those cells count in the upper bound from the 27th and in
        // the lower bound from the 30th; only a capture dated to one day moves the lower bound in between.
        for (var i = 1; i < upper.Count; i++)
        {
            var day = First.AddDays(i - 1);
            Assert.True(upper[i] >= upper[i - 1] && lower[i] >= lower[i - 1], $"the opposition's area shrinks on {day:yyyy-MM-dd}: {lower[i - 1]:F1}-{upper[i - 1]:F1} -> {lower[i]:F1}-{upper[i]:F1} km²");
            Assert.True(upper[i] > upper[i - 1] || lower[i] > lower[i - 1], $"the opposition's area does not grow on {day:yyyy-MM-dd}: {lower[i - 1]:F1}-{upper[i - 1]:F1} -> {lower[i]:F1}-{upper[i]:F1} km²");
        }

        Assert.True(upper[^1] > upper[0], $"the opposition's upper bound does not grow from 26 to 30 Nov: {upper[0]:F1} -> {upper[^1]:F1} km²");
        Assert.True(lower[^1] > lower[0], $"the opposition's lower bound does not grow from 26 to 30 Nov: {lower[0]:F1} -> {lower[^1]:F1} km²");

        // Every settlement the accepted reports say the opposition's side took lies in its ground on 30 Nov.
        var captured = await RowsAsync("""
            SELECT p.id, p.name, p.kind FROM events e JOIN places p ON p.id = e.place_id JOIN actors g ON g.id = e.gainer_id
            WHERE e.kind = 'control_change' AND e.status IN ('accepted', 'auto_accepted') AND e.tier = 'claimed' AND g.side = 'opposition'
              AND e.day_to <= @last AND p.kind NOT IN ('country', 'governorate', 'district', 'subdistrict', 'region', 'road')
            """, ("last", Last));
        Assert.NotEmpty(captured);
        foreach (var (id, name, kind) in captured)
        {
            var inside = await ScalarAsync<bool>("""
                SELECT coalesce(bool_or(ST_Covers(t.area, p.point)), false)
                FROM places p, territories t JOIN actors a ON a.id = t.actor_id
                WHERE p.id = @place AND t.day = @last AND t.state = 'held' AND a.side = 'opposition'
                """, ("place", id), ("last", Last));
            output?.WriteLine($"captured: {name} ({kind}): inside the opposition's ground on 30 Nov: {inside}");
            Assert.True(inside, $"{name} ({kind}), reported taken by the opposition's side, is not inside its ground on 30 Nov");
        }

        // Aleppo's neighbourhoods follow the city's capture.
        var neighbourhoodsHeld = await ScalarAsync<double>("""
            SELECT avg(CASE WHEN a.side = 'opposition' THEN 1.0 ELSE 0.0 END)::float8
            FROM places n JOIN control_states s ON s.place_id = n.id AND s.day = @last LEFT JOIN actors a ON a.id = s.actor_id
            WHERE n.kind = 'neighbourhood' AND n.parent_id IN (SELECT p.id FROM places p JOIN events e ON e.place_id = p.id
                WHERE p.kind = 'city' AND e.tier = 'claimed' AND e.status IN ('accepted', 'auto_accepted'))
            """, ("last", Last));
        output?.WriteLine($"neighbourhoods of captured cities held by the opposition's side on 30 Nov: {neighbourhoodsHeld:P0}");
        Assert.True(neighbourhoodsHeld > 0.5, $"only {neighbourhoodsHeld:P0} of the captured cities' neighbourhoods are held by the opposition's side on 30 Nov");

        // Cells no event touches (none of their events, nor their city's) keep their starting holder every day.
        var changedUntouched = await ScalarAsync<long>("""
            SELECT count(*) FROM control_states s JOIN control_states s0 ON s0.place_id = s.place_id AND s0.day = @start
            WHERE s.day BETWEEN @first AND @last AND cardinality(s.event_ids) = 0
              AND (s.actor_id IS DISTINCT FROM s0.actor_id OR s.state <> s0.state)
            """, ("start", First.AddDays(-1)), ("first", First), ("last", Last));
        Assert.Equal(0L, changedUntouched);
        var untouched = await ScalarAsync<long>("SELECT count(*) FROM control_states WHERE day = @last AND cardinality(event_ids) = 0", ("last", Last));
        Assert.True(untouched > 5000, $"only {untouched} cells are untouched on 30 Nov");
    }
}
