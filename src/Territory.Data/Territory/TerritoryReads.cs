using Npgsql;

namespace Territory.Data.Territory;

/// <summary>One actor's area in one region on one day, as served.</summary>
public sealed record AreaRow(string Actor, string Name, string Side, string Region, double HeldKm2, double ContestedKm2, double UpperKm2, double GainKm2, double LossKm2, double SinceStartKm2);

/// <summary>A cell's control on one day.</summary>
public sealed record ControlDay(DateOnly Day, string? Actor, string State, string? Tier, long[] EventIds, DateOnly? Since);

/// <summary>A place's control history: the cell (settlement) it lies in, and that cell's control day by day.</summary>
public sealed record PlaceControlHistory(long PlaceId, long CellPlaceId, string CellName, IReadOnlyList<ControlDay> Days);

/// <summary>One source sentence of an event.</summary>
public sealed record EventSourceRow(long ReportId, long RevisionId, string? Title, string? SourceUrl, int SentenceStart, int SentenceEnd, string Quote);

/// <summary>An event behind a cell's state, with the report sentences it was read in.</summary>
public sealed record CellEvent(long Id, string? Tier, string? Gainer, string? Loser, DateOnly DayFrom, DateOnly DayTo, string Status, string Rule, double Confidence, IReadOnlyList<EventSourceRow> Sources);

/// <summary>The events that put a cell in its state on a day.</summary>
public sealed record CellEvents(DateOnly Day, long CellPlaceId, string CellName, ControlDay Control, IReadOnlyList<CellEvent> Events);

public sealed partial class TerritoryStore
{
    /// <summary>Decimal digits of the compact GeoJSON (1e-4° ≈ 11 m).</summary>
    public const int CompactDigits = 4;

    private const string DayVersionSql = "SELECT fingerprint FROM territory_days WHERE day = @day";

    private const string GeoJsonSql = """
        SELECT json_build_object('type', 'FeatureCollection', 'day', @day::text, 'features', coalesce(json_agg(json_build_object(
            'type', 'Feature',
            'geometry', ST_AsGeoJSON(CASE WHEN @compact THEN ST_SnapToGrid(t.display, @grid) WHEN @simplified THEN t.display ELSE t.area END, @digits)::json,
            'properties', json_build_object('actor', a.key, 'actor_id', t.actor_id, 'name', coalesce(a.name, 'Contested'), 'side', a.side,
                'color', coalesce(a.color, '#999999'), 'state', t.state, 'area_km2', round(t.area_km2::numeric, 3), 'event_ids', t.event_ids))
            ORDER BY t.state DESC, a.key), '[]'::json))::text
        FROM territories t LEFT JOIN actors a ON a.id = t.actor_id
        WHERE t.day = @day
        """;

    private const string AreasSql = """
        SELECT a.key, a.name, a.side, t.region, t.held_km2, t.contested_km2, t.gain_km2, t.loss_km2, t.since_start_km2
        FROM territory_areas t JOIN actors a ON a.id = t.actor_id
        WHERE t.day = @day
        ORDER BY t.region, t.held_km2 DESC, a.key
        """;

    // The cell a place lies in: its own (or the one it was merged into), else the cell covering its point.
    private const string CellOfPlaceSql = """
        SELECT coalesce(
            (SELECT c.place_id FROM control_cells c WHERE c.place_id = @place),
            (SELECT c.place_id FROM control_cells c JOIN places p ON p.id = @place WHERE ST_Covers(c.cell, p.point) LIMIT 1))
        """;

    private const string CellAtSql = "SELECT c.place_id FROM control_cells c WHERE ST_Covers(c.cell, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)) LIMIT 1";

    private const string HistorySql = """
        SELECT s.day, a.key, s.state, s.tier, s.event_ids, s.since, p.name
        FROM control_states s JOIN places p ON p.id = s.place_id LEFT JOIN actors a ON a.id = s.actor_id
        WHERE s.place_id = @cell AND (@day::date IS NULL OR s.day = @day)
        ORDER BY s.day
        """;

    private const string EventsWithSourcesSql = """
        SELECT e.id, e.tier, g.key, l.key, e.day_from, e.day_to, e.status, e.rule, e.confidence,
               v.report_id, s.revision_id, coalesce(v.title, r.title), r.source_url, s.sentence_start, s.sentence_end, s.quote
        FROM events e
        LEFT JOIN actors g ON g.id = e.gainer_id
        LEFT JOIN actors l ON l.id = e.loser_id
        LEFT JOIN event_sources s ON s.event_id = e.id
        LEFT JOIN report_revisions v ON v.id = s.revision_id
        LEFT JOIN reports r ON r.id = v.report_id
        WHERE e.id = ANY(@ids)
        ORDER BY e.id, s.revision_id, s.sentence_start
        """;

    /// <summary>The content version of a built day (its ETag), or null when the day is not built.</summary>
    public async Task<string?> GetDayVersionAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DayVersionSql);
        command.Parameters.AddWithValue("day", day);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The territories of a day as a GeoJSON FeatureCollection: exact, simplified (display) or compact (display on a 1e-4° grid).</summary>
    public async Task<string> GetTerritoriesGeoJsonAsync(DateOnly day, bool simplified, bool compact, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(GeoJsonSql);
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("simplified", simplified);
        command.Parameters.AddWithValue("compact", compact);
        command.Parameters.AddWithValue("grid", Math.Pow(10, -CompactDigits));
        command.Parameters.AddWithValue("digits", compact ? CompactDigits : 7);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Areas per actor and region (''= the whole theater, else governorate and district P-codes) on a day.</summary>
    public async Task<IReadOnlyList<AreaRow>> GetAreasAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(AreasSql);
        command.Parameters.AddWithValue("day", day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AreaRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (held, contested) = (reader.GetDouble(4), reader.GetDouble(5));
            rows.Add(new AreaRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), held, contested, held + contested,
                reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8)));
        }

        return rows;
    }

    /// <summary>The control history of the cell a place lies in, or null when the place is in no cell.</summary>
    public async Task<PlaceControlHistory?> GetPlaceControlAsync(long placeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await CellOfPlaceAsync(connection, placeId, cancellationToken) is not { } cell)
        {
            return null;
        }

        var (name, days) = await HistoryAsync(connection, cell, null, cancellationToken);
        return new PlaceControlHistory(placeId, cell, name, days);
    }

    /// <summary>The events (with their report sentences) behind the state on <paramref name="day"/> of a place's cell, or of the cell at a point.</summary>
    public async Task<CellEvents?> GetCellEventsAsync(DateOnly day, long? placeId, (double Lon, double Lat)? at, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        long? cell;
        if (placeId is { } id)
        {
            cell = await CellOfPlaceAsync(connection, id, cancellationToken);
        }
        else
        {
            await using var command = new NpgsqlCommand(CellAtSql, connection);
            command.Parameters.AddWithValue("lon", at!.Value.Lon);
            command.Parameters.AddWithValue("lat", at.Value.Lat);
            cell = await command.ExecuteScalarAsync(cancellationToken) as long?;
        }

        if (cell is null)
        {
            return null;
        }

        var (name, days) = await HistoryAsync(connection, cell.Value, day, cancellationToken);
        if (days.Count == 0)
        {
            return null;
        }

        var events = new List<CellEvent>();
        await using (var command = new NpgsqlCommand(EventsWithSourcesSql, connection))
        {
            command.Parameters.AddWithValue("ids", days[0].EventIds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var eventId = reader.GetInt64(0);
                if (events.Count == 0 || events[^1].Id != eventId)
                {
                    events.Add(new CellEvent(eventId, Text(reader, 1), Text(reader, 2), Text(reader, 3), reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5),
                        reader.GetString(6), reader.GetString(7), reader.GetFloat(8), new List<EventSourceRow>()));
                }

                if (!reader.IsDBNull(10))
                {
                    ((List<EventSourceRow>)events[^1].Sources).Add(new EventSourceRow(reader.GetInt64(9), reader.GetInt64(10), Text(reader, 11), Text(reader, 12),
                        reader.GetInt32(13), reader.GetInt32(14), reader.GetString(15)));
                }
            }
        }

        return new CellEvents(day, cell.Value, name, days[0], events);
    }

    private static async Task<long?> CellOfPlaceAsync(NpgsqlConnection connection, long placeId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CellOfPlaceSql, connection);
        command.Parameters.AddWithValue("place", placeId);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    private static async Task<(string Name, List<ControlDay> Days)> HistoryAsync(NpgsqlConnection connection, long cell, DateOnly? day, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(HistorySql, connection);
        command.Parameters.AddWithValue("cell", cell);
        command.Parameters.Add(new NpgsqlParameter("day", NpgsqlTypes.NpgsqlDbType.Date) { Value = day.HasValue ? day.Value : DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<ControlDay>();
        var name = string.Empty;
        while (await reader.ReadAsync(cancellationToken))
        {
            name = reader.GetString(6);
            days.Add(new ControlDay(reader.GetFieldValue<DateOnly>(0), Text(reader, 1), reader.GetString(2), Text(reader, 3), reader.GetFieldValue<long[]>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        }

        return (name, days);
    }
}
