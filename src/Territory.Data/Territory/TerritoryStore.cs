using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Npgsql;
using NpgsqlTypes;
using Territory.Data.Reports;
using Territory.Data.Spatial;
using Territory.Domain.Control;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Domain.Spatial;
using Territory.Domain.Territories;
using Territory.Ingestion.Actors;

namespace Territory.Data.Territory;

/// <summary>What a rebuild did.</summary>
/// <param name="From">The first day it considered (null when nothing was queued).</param>
/// <param name="DaysWritten">Days whose rows were rewritten; days whose control did not change keep their rows.</param>
/// <param name="Events">Changes of a cell: an accepted control change, a city's counted once more per neighbourhood it reaches.</param>
public sealed record TerritoryRebuild(DateOnly? From, DateOnly Start, DateOnly End, int Cells, int Events, IReadOnlyList<DateOnly> DaysWritten, TimeSpan Elapsed);

/// <summary>
/// Builds and stores the day-by-day control states, cells and territories from the accepted control changes, the starting
/// lines and the gazetteer's settlements, one transaction per rebuild. A trigger on <c>events</c> (and on the starting
/// lines) queues the earliest day a change touches; <see cref="RebuildPendingAsync"/> rebuilds from that day on and
/// rewrites only the days whose control changed. The cells and the dissolver's cache stay in memory between rebuilds
/// while the gazetteer is unchanged. Thread-safe: rebuilds queue on a database lock and on an in-process one.
/// </summary>
public sealed partial class TerritoryStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>The theater's default starting day when no starting line is stored.</summary>
    public static readonly DateOnly DefaultStart = new(2024, 11, 26);

    /// <summary>The actor holding every cell no starting polygon covers.</summary>
    public const string FallbackActorKey = "government";

    private const long RebuildLockKey = 0x7465727269746f72; // "territor"

    private static readonly string[] SiteKinds = ["city", "town", "village", "neighbourhood", "airport", "airbase", "military_base"];

    // Events on whole regions are too coarse for a settlement's cell.
    private static readonly HashSet<string> RegionKinds = ["country", "governorate", "district", "subdistrict", "region", "road"];

    private const string LockSql = "SELECT pg_advisory_xact_lock(@key)";

    private const string QueueSql = "SELECT from_day, version FROM territory_rebuild_queue WHERE id = 1";

    private const string ClearQueueSql = "DELETE FROM territory_rebuild_queue WHERE id = 1 AND version = @version";

    private const string GazetteerVersionSql = """
        SELECT count(*)::text || ':' || coalesce(max(id), 0)::text || ':' || (SELECT count(*) FROM gazetteer_imports)::text FROM places
        """;

    private const string SitesSql = """
        SELECT p.id, ST_X(p.point), ST_Y(p.point), p.admin1_code, p.admin2_code, p.source
        FROM places p
        WHERE p.kind = ANY(@kinds) AND NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id)
        """;

    private const string OutlineSql = """
        SELECT coalesce(
            (SELECT ST_Union(area) FROM places WHERE kind = 'governorate' AND area IS NOT NULL),
            (SELECT ST_Buffer(ST_ConvexHull(ST_Collect(point)), 0.1) FROM places WHERE kind = ANY(@kinds)))::bytea
        """;

    private const string ActorsSql = "SELECT id, key, side FROM actors";

    private const string InitialSql = "SELECT actor_id, valid_on, area::bytea, place_id FROM initial_control ORDER BY id";

    // Left out of the map, though kept and listed: an event on a city read only from region-wide wording (every
    // sentence's mention of it has geoprecision 3: "ground in the Idlib countryside", « la campagne d'Alep »), which
    // stands for the city's province, not its cells (a town's "area" stays near its own cell, so it is kept); and an
    // event whose days span more than MaxEventRangeDays (a report dated far from the events it tells, e.g. an unknown
    // publication day read as the ingestion day), which would stretch the timeline over years.
    private const string EventsSql = """
        SELECT e.id, e.place_id, ST_X(p.point), ST_Y(p.point), p.kind, e.tier, e.gainer_id, e.loser_id, e.day_from, e.day_to, e.retake
        FROM events e JOIN places p ON p.id = e.place_id
        WHERE e.kind = 'control_change' AND e.status IN ('accepted', 'auto_accepted') AND e.tier IS NOT NULL
          AND e.day_to - e.day_from <= @maxRangeDays
          AND NOT (p.kind = 'city' AND EXISTS (
              SELECT 1 FROM event_sources s JOIN mentions m ON m.id = s.mention_id
              WHERE s.event_id = e.id AND m.place_id = e.place_id
              HAVING bool_and(m.geoprecision = 3)))
        ORDER BY e.id
        """;

    /// <summary>The longest span of days an event may have and still be placed on the map.</summary>
    public const int MaxEventRangeDays = 62;

    // The neighbourhoods that subdivide the cities and towns events name: the city's children, else (for neighbourhoods
    // with no parent) those inside the city's area, or within reach of its point when that city is the nearest one.
    private const string NeighbourhoodsSql = """
        SELECT c.id, n.id
        FROM places c
        JOIN places n ON n.kind = 'neighbourhood' AND n.id <> c.id AND (
            n.parent_id = c.id
            OR (n.parent_id IS NULL AND (
                ST_Covers(c.area, n.point)
                OR (c.area IS NULL AND ST_DWithin(c.point::geography, n.point::geography, @reach)
                    AND c.id = (SELECT o.id FROM places o WHERE o.kind IN ('city', 'town')
                                ORDER BY o.point <-> n.point LIMIT 1)))))
        WHERE c.id = ANY(@cities) AND c.kind IN ('city', 'town')
        """;

    /// <summary>How far from a city's point a neighbourhood without a parent or city area counts as part of it.</summary>
    public const double NeighbourhoodReachMetres = 8000;

    private const string FingerprintsSql = "SELECT day, fingerprint FROM territory_days";

    private const string DeleteCellsSql = "DELETE FROM control_cells";

    private const string CopyCellsSql = "COPY control_cells (place_id, cell, display, area_km2, admin1_code, admin2_code, built_at) FROM STDIN (FORMAT BINARY)";

    private const string DeleteDaysSql = """
        DELETE FROM control_states WHERE day = ANY(@days) OR day < @start OR day > @end;
        DELETE FROM territories WHERE day = ANY(@days) OR day < @start OR day > @end;
        DELETE FROM territory_areas WHERE day = ANY(@days) OR day < @start OR day > @end;
        DELETE FROM territory_days WHERE day = ANY(@days) OR day < @start OR day > @end;
        """;

    private const string CopyStatesSql = "COPY control_states (day, place_id, actor_id, state, tier, event_ids, since) FROM STDIN (FORMAT BINARY)";

    private const string CopyTerritoriesSql = "COPY territories (day, actor_id, state, area, display, area_km2, event_ids, built_at) FROM STDIN (FORMAT BINARY)";

    private const string CopyAreasSql = "COPY territory_areas (day, actor_id, region, held_km2, contested_km2, gain_km2, loss_km2, since_start_km2) FROM STDIN (FORMAT BINARY)";

    private const string InsertDaySql = "INSERT INTO territory_days (day, fingerprint, built_at) VALUES (@day, @fingerprint, @at)";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Engine? _engine;

    /// <summary>Rebuilds every day from the starting lines to the last event's day, and clears the queue.</summary>
    public Task<TerritoryRebuild> RebuildAsync(CancellationToken cancellationToken = default) => RunAsync(full: true, cancellationToken);

    /// <summary>Rebuilds from the earliest queued day on, if any day is queued; otherwise does nothing (From is null).</summary>
    public Task<TerritoryRebuild> RebuildPendingAsync(CancellationToken cancellationToken = default) => RunAsync(full: false, cancellationToken);

    /// <summary>The earliest queued day, if a change is waiting for a rebuild.</summary>
    public async Task<DateOnly?> QueuedFromAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(QueueSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<DateOnly>(0) : null;
    }

    /// <summary>Makes sure <paramref name="day"/> is built from the current events: rebuilds first when a change touching it is queued.</summary>
    public async Task EnsureCurrentAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        if (await QueuedFromAsync(cancellationToken) is { } from && from <= day)
        {
            await RebuildPendingAsync(cancellationToken);
        }
    }

    private async Task<TerritoryRebuild> RunAsync(bool full, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockRebuild = new NpgsqlCommand(LockSql, connection, transaction))
            {
                lockRebuild.Parameters.AddWithValue("key", RebuildLockKey);
                await lockRebuild.ExecuteNonQueryAsync(cancellationToken);
            }

            DateOnly? queuedFrom = null;
            long? version = null;
            await using (var queue = new NpgsqlCommand(QueueSql, connection, transaction))
            await using (var reader = await queue.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    (queuedFrom, version) = (reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1));
                }
            }

            if (!full && queuedFrom is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new TerritoryRebuild(null, default, default, _engine?.Tessellation.Cells.Count ?? 0, 0, [], watch.Elapsed);
            }

            var engine = await LoadEngineAsync(connection, transaction, cancellationToken);
            var actors = await UpsertAndLoadActorsAsync(connection, transaction, cancellationToken);
            var (initial, start) = await InitialHoldersAsync(connection, transaction, engine.Tessellation, actors, cancellationToken);
            var events = await LoadEventsAsync(connection, transaction, engine.Tessellation, cancellationToken);
            var end = events.Count == 0 ? start : DateOnly.FromDayNumber(Math.Max(start.DayNumber, events.Max(e => e.DayTo).DayNumber));
            var timeline = ControlTimeline.Compute(initial, actors.Values, events, start, end);

            var from = full || engine.Fresh || queuedFrom is null || queuedFrom < start ? start : queuedFrom.Value;
            var stored = await StoredFingerprintsAsync(connection, transaction, cancellationToken);
            // A change past the last built day lengthens the timeline: the days between were never built either.
            while (from > start && !stored.ContainsKey(from.AddDays(-1)))
            {
                from = from.AddDays(-1);
            }

            var days = new List<DateOnly>();
            var fingerprints = new Dictionary<DateOnly, string>();
            for (var day = from; day <= end; day = day.AddDays(1))
            {
                var fingerprint = Fingerprint(engine.Version, timeline.On(day));
                if (full || !stored.TryGetValue(day, out var previous) || previous != fingerprint)
                {
                    days.Add(day);
                    fingerprints[day] = fingerprint;
                }
            }

            var now = clock.GetUtcNow();
            if (engine.Fresh)
            {
                await WriteCellsAsync(connection, transaction, engine.Tessellation, now, cancellationToken);
            }

            await using (var delete = new NpgsqlCommand(DeleteDaysSql, connection, transaction))
            {
                delete.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days.ToArray() });
                delete.Parameters.AddWithValue("start", start);
                delete.Parameters.AddWithValue("end", end);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await WriteDaysAsync(connection, transaction, engine, timeline, days, fingerprints, now, cancellationToken);
            if (version is { } queued)
            {
                await using var clear = new NpgsqlCommand(ClearQueueSql, connection, transaction);
                clear.Parameters.AddWithValue("version", queued);
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            engine.Fresh = false;
            return new TerritoryRebuild(from, start, end, engine.Tessellation.Cells.Count, events.Count, days, watch.Elapsed);
        }
        catch
        {
            // A failed rebuild may have left the cells half-written in a rolled-back transaction: write them next time.
            if (_engine is not null)
            {
                _engine.Fresh = true;
            }

            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class Engine(string version, CellTessellation tessellation)
    {
        public string Version { get; } = version;

        public CellTessellation Tessellation { get; } = tessellation;

        public TerritoryBuilder Builder { get; } = new(tessellation);

        public bool Fresh { get; set; } = true;
    }

    private async Task<Engine> LoadEngineAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        string version;
        await using (var command = new NpgsqlCommand(GazetteerVersionSql, connection, transaction))
        {
            version = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        if (_engine is { } cached && cached.Version == version)
        {
            return cached;
        }

        var sites = new List<CellSite>();
        await using (var command = new NpgsqlCommand(SitesSql, connection, transaction))
        {
            command.Parameters.AddWithValue("kinds", SiteKinds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sites.Add(new CellSite(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), Text(reader, 3), Text(reader, 4), GazetteerSources.Rank(reader.GetString(5))));
            }
        }

        Geometry outline;
        await using (var command = new NpgsqlCommand(OutlineSql, connection, transaction))
        {
            command.Parameters.AddWithValue("kinds", SiteKinds);
            var bytes = await command.ExecuteScalarAsync(cancellationToken);
            outline = bytes is byte[] ewkb ? Ewkb.FromEwkb(ewkb) : Geo.Factory.CreatePolygon();
        }

        _engine = new Engine(version, CellTessellation.Build(sites, outline));
        return _engine;
    }

    private static async Task<Dictionary<long, ControlActor>> UpsertAndLoadActorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ReportStore.UpsertActorsAsync(connection, transaction, ActorCatalog.Default.Actors, cancellationToken);
        var actors = new Dictionary<long, ControlActor>();
        await using var command = new NpgsqlCommand(ActorsSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            actors[reader.GetInt64(0)] = new ControlActor(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        }

        return actors;
    }

    // Each cell's starting holder: a place named in the starting lines, else the smallest polygon covering its settlement
    // (so an enclave drawn inside a larger area wins), else the fallback actor.
    private static async Task<(long[] Holders, DateOnly Start)> InitialHoldersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CellTessellation tessellation, Dictionary<long, ControlActor> actors, CancellationToken cancellationToken)
    {
        var areas = new List<(long Actor, IPreparedGeometry Area, double Size)>();
        var places = new Dictionary<int, long>();
        DateOnly? start = null;
        await using (var command = new NpgsqlCommand(InitialSql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var day = reader.GetFieldValue<DateOnly>(1);
                start = start is null || day < start ? day : start;
                if (reader.GetGeometry(2) is { } area)
                {
                    areas.Add((reader.GetInt64(0), PreparedGeometryFactory.Prepare(area), area.Area));
                }
                else if (!reader.IsDBNull(3) && tessellation.CellOfPlace(reader.GetInt64(3)) is { } cell)
                {
                    places[cell] = reader.GetInt64(0);
                }
            }
        }

        var fallback = actors.Values.First(a => a.Key == FallbackActorKey).Id;
        areas.Sort((a, b) => a.Size.CompareTo(b.Size));
        var holders = new long[tessellation.Cells.Count];
        foreach (var cell in tessellation.Cells)
        {
            if (places.TryGetValue(cell.Index, out var byPlace))
            {
                holders[cell.Index] = byPlace;
                continue;
            }

            var point = Geo.Point(cell.Lon, cell.Lat);
            holders[cell.Index] = areas.FirstOrDefault(a => a.Area.Covers(point)) is { Area: not null } covering ? covering.Actor : fallback;
        }

        return (holders, start ?? DefaultStart);
    }

    private static async Task<List<ControlEvent>> LoadEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CellTessellation tessellation, CancellationToken cancellationToken)
    {
        var events = new List<ControlEvent>();
        var cities = new List<(ControlEvent Event, long PlaceId)>();
        await using var command = new NpgsqlCommand(EventsSql, connection, transaction);
        command.Parameters.AddWithValue("maxRangeDays", MaxEventRangeDays);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (RegionKinds.Contains(reader.GetString(4)) || !EventKeys.TryParseTier(reader.GetString(5), out var tier))
            {
                continue;
            }

            var cell = tessellation.CellOfPlace(reader.GetInt64(1)) ?? tessellation.CellAt(reader.GetDouble(2), reader.GetDouble(3));
            if (cell is null)
            {
                continue;
            }

            events.Add(new ControlEvent(reader.GetInt64(0), cell.Value, tier, Id(reader, 6), Id(reader, 7),
                reader.GetFieldValue<DateOnly>(8), reader.GetFieldValue<DateOnly>(9), reader.GetBoolean(10)));
            if (reader.GetString(4) is "city" or "town")
            {
                cities.Add((events[^1], reader.GetInt64(1)));
            }
        }

        await reader.DisposeAsync();
        await AddNeighbourhoodEventsAsync(connection, transaction, tessellation, events, cities, cancellationToken);
        return events;
    }

    // A city's capture also takes the cells of its neighbourhoods (the timeline lets a neighbourhood's own report win).
    private static async Task AddNeighbourhoodEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CellTessellation tessellation, List<ControlEvent> events, List<(ControlEvent Event, long PlaceId)> cities, CancellationToken cancellationToken)
    {
        if (cities.Count == 0)
        {
            return;
        }

        var neighbourhoods = new List<(long City, long Neighbourhood)>();
        await using (var command = new NpgsqlCommand(NeighbourhoodsSql, connection, transaction))
        {
            command.Parameters.AddWithValue("cities", cities.Select(c => c.PlaceId).Distinct().ToArray());
            command.Parameters.AddWithValue("reach", NeighbourhoodReachMetres);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                neighbourhoods.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        var byCity = neighbourhoods.ToLookup(n => n.City, n => n.Neighbourhood);
        foreach (var (cityEvent, placeId) in cities)
        {
            var cells = byCity[placeId].Select(tessellation.CellOfPlace).OfType<int>().Where(c => c != cityEvent.Cell).Distinct();
            events.AddRange(cells.Select(c => cityEvent with { Cell = c, FromCity = true }));
        }
    }

    private static async Task<Dictionary<DateOnly, string>> StoredFingerprintsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<DateOnly, string>();
        await using var command = new NpgsqlCommand(FingerprintsSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetFieldValue<DateOnly>(0)] = reader.GetString(1);
        }

        return stored;
    }

    private static async Task WriteCellsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CellTessellation tessellation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var delete = new NpgsqlCommand(DeleteCellsSql, connection, transaction))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var writer = await connection.BeginBinaryImportAsync(CopyCellsSql, cancellationToken);
        foreach (var cell in tessellation.Cells)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(cell.PlaceId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteGeometryAsync(CellTessellation.AsMultiPolygon(cell.Exact), cancellationToken);
            await writer.WriteGeometryAsync(CellTessellation.AsMultiPolygon(cell.Display), cancellationToken);
            await writer.WriteAsync(cell.AreaKm2, NpgsqlDbType.Double, cancellationToken);
            await WriteTextAsync(writer, cell.Admin1Code, cancellationToken);
            await WriteTextAsync(writer, cell.Admin2Code, cancellationToken);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteDaysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Engine engine, ControlTimeline timeline, List<DateOnly> days, Dictionary<DateOnly, string> fingerprints, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (days.Count == 0)
        {
            return;
        }

        var cells = engine.Tessellation.Cells;
        await using (var writer = await connection.BeginBinaryImportAsync(CopyStatesSql, cancellationToken))
        {
            foreach (var day in days)
            {
                var states = timeline.On(day);
                for (var c = 0; c < states.Count; c++)
                {
                    var state = states[c];
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
                    await writer.WriteAsync(cells[c].PlaceId, NpgsqlDbType.Bigint, cancellationToken);
                    await WriteIdAsync(writer, state.ActorId, cancellationToken);
                    await writer.WriteAsync(StateKey(state.Status), NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(state.Tier, NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(state.EventIds, NpgsqlDbType.Array | NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(state.Since, NpgsqlDbType.Date, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(CopyTerritoriesSql, cancellationToken))
        {
            foreach (var day in days)
            {
                foreach (var territory in engine.Builder.Build(timeline.On(day), day))
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
                    await WriteIdAsync(writer, territory.ActorId, cancellationToken);
                    await writer.WriteAsync(StateKey(territory.Status), NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteGeometryAsync(territory.Exact, cancellationToken);
                    await writer.WriteGeometryAsync(territory.Display, cancellationToken);
                    await writer.WriteAsync(territory.AreaKm2, NpgsqlDbType.Double, cancellationToken);
                    await writer.WriteAsync(territory.EventIds, NpgsqlDbType.Array | NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var dayIndexes = days.Select(d => d.DayNumber - timeline.Start.DayNumber);
        await using (var writer = await connection.BeginBinaryImportAsync(CopyAreasSql, cancellationToken))
        {
            foreach (var area in TerritoryAreas.Compute(engine.Tessellation, timeline, dayIndexes))
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(area.Day, NpgsqlDbType.Date, cancellationToken);
                await writer.WriteAsync(area.ActorId, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(area.Region, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(area.HeldKm2, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(area.ContestedKm2, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(area.GainKm2, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(area.LossKm2, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(area.SinceStartKm2, NpgsqlDbType.Double, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        foreach (var day in days)
        {
            await using var insert = new NpgsqlCommand(InsertDaySql, connection, transaction);
            insert.Parameters.AddWithValue("day", day);
            insert.Parameters.AddWithValue("fingerprint", fingerprints[day]);
            insert.Parameters.AddWithValue("at", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The stored key of a status (held, contested).</summary>
    public static string StateKey(ControlStatus status) => status == ControlStatus.Held ? "held" : "contested";

    // The day's content: the cells (gazetteer version) and each cell's control with its events.
    private static string Fingerprint(string gazetteerVersion, IReadOnlyList<PlaceControl> states)
    {
        var text = new StringBuilder(gazetteerVersion);
        foreach (var state in states)
        {
            text.Append('|').Append(state.ActorId).Append(state.Status == ControlStatus.Held ? 'h' : 'c').Append(state.Tier);
            foreach (var id in state.Parties)
            {
                text.Append(',').Append(id.ToString(CultureInfo.InvariantCulture));
            }

            text.Append(';');
            foreach (var id in state.EventIds)
            {
                text.Append(',').Append(id.ToString(CultureInfo.InvariantCulture));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long? Id(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static Task WriteTextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteIdAsync(NpgsqlBinaryImporter writer, long? value, CancellationToken cancellationToken) =>
        value is { } id ? writer.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}
