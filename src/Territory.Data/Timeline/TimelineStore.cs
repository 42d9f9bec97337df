using System.Security.Cryptography;
using Npgsql;
using Territory.Data.Spatial;

namespace Territory.Data.Timeline;

/// <summary>
/// Reads what the map shows for a range of days from the territory engine's tables (<c>territories</c>,
/// <c>control_states</c>) and the accepted events with their sources, plus the offline basemap from the gazetteer.
/// </summary>
public sealed class TimelineStore(NpgsqlDataSource dataSource)
{
    /// <summary>Most days one timeline covers.</summary>
    public const int MaxDays = 366;

    /// <summary>Most events one timeline carries.</summary>
    public const int MaxEvents = 5_000;

    /// <summary>Most settlements the basemap labels.</summary>
    public const int MaxBasemapPlaces = 400;

    // Okabe & Ito's palette, distinguishable with every common colour-vision deficiency; the taxonomy's own colours
    // are not checked for that, so the map does not use them.
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

    // Degrees; outlines only need to read well at the theater's zoom levels.
    private const double BasemapTolerance = 0.002;

    private const string SpanSql = """
        SELECT min(d), max(d) FROM (
            SELECT day AS d FROM territories
            UNION ALL SELECT day FROM control_states
            UNION ALL SELECT day_to FROM events WHERE status IN ('accepted', 'auto_accepted')) days
        """;

    // Actors that ever hold territory take the first colours, in id order, so a colour never changes with the range.
    private const string ActorsSql = """
        SELECT a.id, a.key, a.name, a.side, EXISTS (SELECT 1 FROM territories t WHERE t.actor_id = a.id) AS holds
        FROM actors a
        ORDER BY holds DESC, a.id
        """;

    // Each distinct display geometry is read once: later rows with the same bytes only carry its hash.
    private const string TerritoriesSql = """
        WITH t AS (
            SELECT day, actor_id, state, area_km2, event_ids, display, md5(ST_AsBinary(display)) AS hash
            FROM territories WHERE day BETWEEN @from AND @to)
        SELECT day, actor_id, state, area_km2, event_ids, hash,
               CASE WHEN row_number() OVER (PARTITION BY hash ORDER BY day, actor_id NULLS FIRST, state) = 1 THEN ST_AsBinary(display) END
        FROM t
        ORDER BY day, actor_id NULLS FIRST, state
        """;

    // The front: where territories of different holders (the contested area counting as one) touch.
    private const string FrontsSql = """
        WITH t AS (SELECT day, coalesce(actor_id, 0) AS holder, display FROM territories WHERE day BETWEEN @from AND @to)
        SELECT a.day, ST_AsBinary(ST_LineMerge(ST_CollectionExtract(ST_Union(ST_Intersection(ST_Boundary(a.display), ST_Boundary(b.display))), 2)))
        FROM t a JOIN t b ON b.day = a.day AND b.holder > a.holder AND ST_Intersects(a.display, b.display)
        GROUP BY a.day
        ORDER BY a.day
        """;

    // A change is a place whose holder or state differs from its previous row, or that appears after the first day known.
    private const string ChangesSql = """
        WITH s AS (
            SELECT day, place_id, actor_id, state, tier, event_ids,
                   lag(day) OVER w AS previous_day, lag(actor_id) OVER w AS previous_actor, lag(state) OVER w AS previous_state
            FROM control_states WHERE day <= @to
            WINDOW w AS (PARTITION BY place_id ORDER BY day))
        SELECT day, place_id, actor_id, previous_actor, state, previous_state, tier, event_ids
        FROM s
        WHERE day >= @from
          AND (previous_day IS NOT NULL AND (actor_id IS DISTINCT FROM previous_actor OR state <> previous_state)
               OR previous_day IS NULL AND day > (SELECT min(day) FROM control_states))
        ORDER BY day, place_id
        """;

    private const string EventsSql = """
        SELECT id, kind, tier, place_id, gainer_id, loser_id, day_from, day_to
        FROM events
        WHERE status IN ('accepted', 'auto_accepted') AND day_from <= @to AND day_to >= @from
        ORDER BY day_from, id
        LIMIT @limit
        """;

    private const string EventSourcesSql = """
        SELECT s.event_id, r.id, coalesce(v.title, r.title), r.outlet, r.source_url, s.quote
        FROM event_sources s
        JOIN report_revisions v ON v.id = s.revision_id
        JOIN reports r ON r.id = v.report_id
        WHERE s.event_id = ANY(@ids)
        ORDER BY s.event_id, v.published_on NULLS LAST, r.id, s.sentence_start
        """;

    private const string PlacesSql = "SELECT id, name, kind, ST_X(point), ST_Y(point) FROM places WHERE id = ANY(@ids) ORDER BY id";

    // Rows an analyst's correction supersedes are left out. Without a country row, the governorates' union outlines it.
    private const string BasemapAreasSql = """
        WITH live AS (
            SELECT p.* FROM places p
            WHERE p.area IS NOT NULL AND p.kind IN ('country', 'governorate')
              AND NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id))
        SELECT kind, name, ST_AsBinary(ST_SimplifyPreserveTopology(area, @tolerance)) FROM live
        UNION ALL
        SELECT 'country', NULL, ST_AsBinary(ST_SimplifyPreserveTopology(ST_Union(area), @tolerance)) FROM live
        WHERE kind = 'governorate' AND NOT EXISTS (SELECT 1 FROM live WHERE kind = 'country')
        HAVING count(*) > 0
        """;

    private const string BasemapPlacesSql = """
        SELECT p.name, p.kind, ST_X(p.point), ST_Y(p.point), p.population
        FROM places p
        WHERE p.kind IN ('city', 'town', 'village') AND p.population > 0
          AND NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id)
        ORDER BY p.population DESC, p.id
        LIMIT @limit
        """;

    /// <summary>The first and last day with territories, control states or accepted events; null when there is none.</summary>
    public async Task<(DateOnly First, DateOnly Last)?> GetSpanAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SpanSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? null : (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
    }

    /// <summary>
    /// The days a timeline covers when <paramref name="from"/> or <paramref name="to"/> is not given: up to the last day
    /// with data (or <paramref name="today"/> when there is none), from the first, keeping within <see cref="MaxDays"/>.
    /// </summary>
    public async Task<(DateOnly From, DateOnly To)> ResolveRangeAsync(DateOnly? from, DateOnly? to, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (from is { } f && to is { } t)
        {
            return (f, t);
        }

        var span = await GetSpanAsync(cancellationToken);
        var end = to ?? span?.Last ?? from ?? today;
        var start = from ?? DateOnly.FromDayNumber(Math.Max((span?.First ?? end).DayNumber, end.DayNumber - MaxDays + 1));
        return (start, DateOnly.FromDayNumber(Math.Clamp(end.DayNumber, start.DayNumber, start.DayNumber + MaxDays - 1)));
    }

    /// <summary>The timeline from <paramref name="from"/> to <paramref name="to"/>, both included (at most <see cref="MaxDays"/> days).</summary>
    public async Task<MapTimeline> GetTimelineAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"A timeline covers 1 to {MaxDays} days, from {from:yyyy-MM-dd}.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var actors = await ReadActorsAsync(connection, cancellationToken);
        var geometries = new List<int[][][]>();
        var geometryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var territories = await ReadTerritoriesAsync(connection, from, to, geometries, geometryIds, cancellationToken);
        var fronts = await ReadFrontsAsync(connection, from, to, geometries, geometryIds, cancellationToken);
        var changes = await ReadChangesAsync(connection, from, to, cancellationToken);
        var events = await ReadEventsAsync(connection, from, to, cancellationToken);

        var placeIds = changes.Values.SelectMany(c => c).Select(c => c.Place)
            .Concat(events.Where(e => e.Place is not null).Select(e => e.Place!.Value)).Distinct().ToArray();
        var places = await ReadPlacesAsync(connection, placeIds, cancellationToken);

        var days = new List<TimelineDay>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var dayTerritories = territories.GetValueOrDefault(day) ?? [];
            var contested = dayTerritories.Where(t => t.State == "contested").Sum(t => t.AreaKm2);
            var areas = dayTerritories.Where(t => t.State == "held" && t.Actor is not null)
                .GroupBy(t => t.Actor!.Value)
                .Select(g => new DayArea(g.Key, g.Sum(t => t.AreaKm2), g.Sum(t => t.AreaKm2) + contested))
                .ToList();
            var current = day;
            var dayEvents = events.Where(e => e.DayFrom <= current && e.DayTo >= current).Select(e => e.Id).ToList();
            days.Add(new TimelineDay(day, dayTerritories, areas, fronts.TryGetValue(day, out var front) ? front : null,
                changes.GetValueOrDefault(day) ?? [], dayEvents));
        }

        return new MapTimeline(from, to, QuantizedGeometry.Name, QuantizedGeometry.Scale, actors, geometries, places, events, days);
    }

    /// <summary>Country outlines, governorates and the most populous settlements, for a map that needs no tile server.</summary>
    public async Task<Basemap> GetBasemapAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var countries = new List<BasemapArea>();
        var governorates = new List<BasemapArea>();
        await using (var command = new NpgsqlCommand(BasemapAreasSql, connection))
        {
            command.Parameters.AddWithValue("tolerance", BasemapTolerance);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var area = new BasemapArea(reader.IsDBNull(1) ? null : reader.GetString(1), QuantizedGeometry.Encode(Ewkb.FromEwkb(reader.GetFieldValue<byte[]>(2))));
                (reader.GetString(0) == "country" ? countries : governorates).Add(area);
            }
        }

        var places = new List<BasemapPlace>();
        await using (var command = new NpgsqlCommand(BasemapPlacesSql, connection))
        {
            command.Parameters.AddWithValue("limit", MaxBasemapPlaces);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                places.Add(new BasemapPlace(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetInt32(4)));
            }
        }

        return new Basemap(QuantizedGeometry.Name, QuantizedGeometry.Scale, countries, governorates, places);
    }

    private static async Task<List<TimelineActor>> ReadActorsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ActorsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actors = new List<TimelineActor>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actors.Add(new TimelineActor(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Palette[actors.Count % Palette.Length]));
        }

        return actors;
    }

    private static async Task<Dictionary<DateOnly, List<DayTerritory>>> ReadTerritoriesAsync(
        NpgsqlConnection connection, DateOnly from, DateOnly to, List<int[][][]> geometries, Dictionary<string, int> geometryIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TerritoriesSql, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var byDay = new Dictionary<DateOnly, List<DayTerritory>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var hash = reader.GetString(5);
            if (!geometryIds.TryGetValue(hash, out var geometry))
            {
                geometry = geometries.Count;
                geometries.Add(QuantizedGeometry.Encode(Ewkb.FromEwkb(reader.GetFieldValue<byte[]>(6))));
                geometryIds.Add(hash, geometry);
            }

            var day = reader.GetFieldValue<DateOnly>(0);
            var territory = new DayTerritory(reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), geometry,
                Math.Round(reader.GetDouble(3), 2), reader.GetFieldValue<long[]>(4));
            (byDay.TryGetValue(day, out var list) ? list : byDay[day] = []).Add(territory);
        }

        return byDay;
    }

    private static async Task<Dictionary<DateOnly, int>> ReadFrontsAsync(
        NpgsqlConnection connection, DateOnly from, DateOnly to, List<int[][][]> geometries, Dictionary<string, int> geometryIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(FrontsSql, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var fronts = new Dictionary<DateOnly, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var bytes = reader.GetFieldValue<byte[]>(1);
            var hash = "front:" + Convert.ToHexStringLower(MD5.HashData(bytes));
            if (!geometryIds.TryGetValue(hash, out var geometry))
            {
                var encoded = QuantizedGeometry.Encode(Ewkb.FromEwkb(bytes));
                if (encoded.Length == 0)
                {
                    continue;
                }

                geometry = geometries.Count;
                geometries.Add(encoded);
                geometryIds.Add(hash, geometry);
            }

            fronts[reader.GetFieldValue<DateOnly>(0)] = geometry;
        }

        return fronts;
    }

    private static async Task<Dictionary<DateOnly, List<ControlChange>>> ReadChangesAsync(NpgsqlConnection connection, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ChangesSql, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var byDay = new Dictionary<DateOnly, List<ControlChange>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = reader.GetFieldValue<DateOnly>(0);
            var change = new ControlChange(reader.GetInt64(1), NullableInt64(reader, 2), NullableInt64(reader, 3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<long[]>(7));
            (byDay.TryGetValue(day, out var list) ? list : byDay[day] = []).Add(change);
        }

        return byDay;
    }

    private static async Task<List<TimelineEvent>> ReadEventsAsync(NpgsqlConnection connection, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, string Kind, string? Tier, long? Place, long? Gainer, long? Loser, DateOnly DayFrom, DateOnly DayTo)>();
        await using (var command = new NpgsqlCommand(EventsSql, connection))
        {
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            command.Parameters.AddWithValue("limit", MaxEvents);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), NullableInt64(reader, 3),
                    NullableInt64(reader, 4), NullableInt64(reader, 5), reader.GetFieldValue<DateOnly>(6), reader.GetFieldValue<DateOnly>(7)));
            }
        }

        var sources = new Dictionary<long, List<EventQuote>>();
        await using (var command = new NpgsqlCommand(EventSourcesSql, connection))
        {
            command.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var quote = new EventQuote(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5));
                var eventId = reader.GetInt64(0);
                (sources.TryGetValue(eventId, out var list) ? list : sources[eventId] = []).Add(quote);
            }
        }

        return [.. rows.Select(r => new TimelineEvent(r.Id, r.Kind, r.Tier, r.Place, r.Gainer, r.Loser, r.DayFrom, r.DayTo, sources.GetValueOrDefault(r.Id) ?? []))];
    }

    private static async Task<List<TimelinePlace>> ReadPlacesAsync(NpgsqlConnection connection, long[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PlacesSql, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var places = new List<TimelinePlace>();
        while (await reader.ReadAsync(cancellationToken))
        {
            places.Add(new TimelinePlace(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Math.Round(reader.GetDouble(3), 5), Math.Round(reader.GetDouble(4), 5)));
        }

        return places;
    }

    private static long? NullableInt64(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
