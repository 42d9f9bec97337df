using Npgsql;
using NpgsqlTypes;

namespace Territory.Data.Export;

/// <summary>
/// Reads what the exports hold: events with their places and sources, a day's territories with exact geometry
/// (as GeoJSON from <c>ST_AsGeoJSON</c>) and sources, and the theater's areas per day and actor. Every list is bounded.
/// </summary>
public sealed class ExportStore(NpgsqlDataSource dataSource)
{
    /// <summary>Most events one export holds.</summary>
    public const int MaxEvents = 100_000;

    /// <summary>Most days one areas export covers.</summary>
    public const int MaxDays = 1000;

    /// <summary>How the areas export computes its figures.</summary>
    public const string AreaMethod =
        "km² = ST_Area(geography) of each territory's exact geometry in PostGIS (geodesic, WGS84 ellipsoid); lower bound = held; "
        + "upper bound = held + contested (contested ground with no actor counts for every actor).";

    private const string EventsSql = """
        SELECT e.id, e.kind, e.tier, e.status, e.day_from, e.day_to, e.date_precision, e.confidence, e.rule,
               p.id, p.name, ST_X(p.point), ST_Y(p.point), g.key, l.key
        FROM events e
        LEFT JOIN places p ON p.id = e.place_id
        LEFT JOIN actors g ON g.id = e.gainer_id
        LEFT JOIN actors l ON l.id = e.loser_id
        WHERE (@from::date IS NULL OR e.day_to >= @from)
          AND (@to::date IS NULL OR e.day_from <= @to)
          AND (@kind::text IS NULL OR e.kind = @kind)
          AND (CASE WHEN @status::text IS NULL THEN e.status <> 'merged' ELSE e.status = @status END)
        ORDER BY e.day_from, e.id
        LIMIT @limit
        """;

    // Exact geometry at full precision (9 decimals, under a millimetre); the area is computed, not copied.
    private const string TerritoriesSql = """
        SELECT a.key, a.name, a.color, t.state, ST_Area(t.area::geography) / 1e6, t.event_ids, ST_AsGeoJSON(t.area, 9)
        FROM territories t LEFT JOIN actors a ON a.id = t.actor_id
        WHERE t.day = @day
        ORDER BY t.state DESC, a.key NULLS LAST
        """;

    private const string AreasSql = """
        SELECT t.day, a.key, a.name, t.state, ST_Area(t.area::geography) / 1e6
        FROM territories t LEFT JOIN actors a ON a.id = t.actor_id
        WHERE t.day BETWEEN @from AND @to
        ORDER BY t.day, a.key NULLS FIRST, t.state
        """;

    private const string DayRangeSql = "SELECT min(day), max(day) FROM territories";

    public async Task<IReadOnlyList<ExportedEvent>> ListEventsAsync(ExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = new List<ExportedEvent>();
        await using (var command = new NpgsqlCommand(EventsSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = (object?)filter.From ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = (object?)filter.To ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = (object?)filter.Kind ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = (object?)filter.Status ?? DBNull.Value });
            command.Parameters.AddWithValue("limit", MaxEvents);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ExportedEvent(reader.GetInt64(0), reader.GetString(1), SourceQuote.Text(reader, 2), reader.GetString(3),
                    reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5), reader.GetString(6), reader.GetFloat(7), reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetInt64(9), SourceQuote.Text(reader, 10), reader.IsDBNull(11) ? null : reader.GetDouble(11),
                    reader.IsDBNull(12) ? null : reader.GetDouble(12), SourceQuote.Text(reader, 13), SourceQuote.Text(reader, 14), []));
            }
        }

        var sources = await SourceQuote.ReadAsync(connection, [.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(r => sources.TryGetValue(r.Id, out var s) ? r with { Sources = s } : r)];
    }

    /// <summary>The day's territories (contested last), each with its events' sources.</summary>
    public async Task<IReadOnlyList<ExportedTerritory>> ListTerritoriesAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = new List<ExportedTerritory>();
        await using (var command = new NpgsqlCommand(TerritoriesSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Date) { Value = day });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ExportedTerritory(SourceQuote.Text(reader, 0), SourceQuote.Text(reader, 1), SourceQuote.Text(reader, 2), reader.GetString(3),
                    reader.GetDouble(4), reader.GetFieldValue<long[]>(5), reader.GetString(6), []));
            }
        }

        var sources = await SourceQuote.ReadAsync(connection, [.. rows.SelectMany(r => r.EventIds)], cancellationToken);
        return [.. rows.Select(r => r with { Sources = [.. r.EventIds.SelectMany(id => sources.TryGetValue(id, out var s) ? s : [])] })];
    }

    /// <summary>
    /// Each actor's held, contested and upper-bound km² per day from <paramref name="from"/> to <paramref name="to"/>
    /// (default: every day with territories, at most <see cref="MaxDays"/>).
    /// </summary>
    public async Task<IReadOnlyList<DayArea>> ListAreasAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (from is null || to is null)
        {
            await using var range = new NpgsqlCommand(DayRangeSql, connection);
            await using var reader = await range.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
            {
                return [];
            }

            from ??= reader.GetFieldValue<DateOnly>(0);
            to ??= reader.GetFieldValue<DateOnly>(1);
        }

        if (to.Value.DayNumber - from.Value.DayNumber >= MaxDays)
        {
            from = to.Value.AddDays(1 - MaxDays);
        }

        var rows = new List<(DateOnly Day, string? Actor, string? Name, bool Contested, double Km2)>();
        await using (var command = new NpgsqlCommand(AreasSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from.Value });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetFieldValue<DateOnly>(0), SourceQuote.Text(reader, 1), SourceQuote.Text(reader, 2), reader.GetString(3) == "contested", reader.GetDouble(4)));
            }
        }

        return [.. rows.GroupBy(r => r.Day).SelectMany(day =>
        {
            var open = day.Where(r => r.Contested && r.Actor is null).Sum(r => r.Km2);
            return day.Where(r => r.Actor is not null).GroupBy(r => r.Actor!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var held = g.Where(r => !r.Contested).Sum(r => r.Km2);
                var contested = g.Where(r => r.Contested).Sum(r => r.Km2) + open;
                return new DayArea(day.Key, g.Key, g.First().Name ?? g.Key, held, contested, held + contested);
            });
        })];
    }
}
