using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Territory.Data.Export;
using Territory.Data.Spatial;
using Territory.Domain.Places;

namespace Territory.Data.Measure;

/// <summary>
/// Measures the territories inside a region: PostGIS intersects each territory's exact geometry with the region and
/// takes <c>ST_Area</c> of the intersection as geography (on the WGS84 ellipsoid); the places that changed hands come
/// from <c>control_states</c> of the two days, with the events (and their report sentences) that put them there.
/// </summary>
public sealed class MeasureStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Most changed places listed; the result says when there were more.</summary>
    public const int MaxChangedPlaces = 500;

    /// <summary>How every figure is computed, as the result and the exports say it.</summary>
    public const string Method =
        "km² = ST_Area(geography) of ST_Intersection(territory exact geometry, region) in PostGIS: geodesic area on the WGS84 ellipsoid, "
        + "summed per actor and state. Lower bound = held; upper bound = held + contested (contested ground with no actor counts for every actor). "
        + "Radius regions are ST_Buffer(place::geography, radius, quad_segs=32). Changed places: control_states of the two days differ in actor or state.";

    // Admin units are looked up by P-code, then any spelling of their name; the highest level wins, then the OCHA boundary.
    private const string AdminSql = """
        SELECT p.id, p.name, p.kind, p.pcode, ST_AsEWKB(p.area)
        FROM places p
        WHERE p.area IS NOT NULL AND p.kind IN ('governorate', 'district', 'subdistrict')
          AND NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id)
          AND (upper(p.pcode) = upper(@text) OR lower(p.name) = lower(@text)
               OR p.id IN (SELECT n.place_id FROM place_names n WHERE n.normalized = @key))
        ORDER BY upper(p.pcode) = upper(@text) DESC NULLS LAST,
                 CASE p.kind WHEN 'governorate' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, p.source = 'boundaries' DESC, p.id
        LIMIT 1
        """;

    // A place by id or by any spelling; cities before towns before the rest, then the most populous.
    private const string CircleSql = """
        SELECT p.id, p.name, p.kind, p.pcode, ST_AsEWKB(ST_Buffer(p.point::geography, @metres, 'quad_segs=32')::geometry)
        FROM places p
        WHERE NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id)
          AND (p.id = @id OR lower(p.name) = lower(@text) OR p.id IN (SELECT n.place_id FROM place_names n WHERE n.normalized = @key))
        ORDER BY p.id = @id DESC, CASE p.kind WHEN 'city' THEN 0 WHEN 'town' THEN 1 WHEN 'village' THEN 2 ELSE 3 END,
                 p.population DESC NULLS LAST, p.id
        LIMIT 1
        """;

    private const string RegionAreaSql = "SELECT ST_Area(@region::geometry::geography) / 1e6";

    private const string LatestDaySql = "SELECT max(day) FROM territories";

    // Each territory row's share of the region, then summed per day, actor and state.
    private const string AreasSql = """
        WITH region AS (SELECT @region::geometry AS g),
        parts AS (
            SELECT t.day, t.actor_id, t.state, ST_Area(ST_Intersection(t.area, region.g)::geography) / 1e6 AS km2
            FROM territories t CROSS JOIN region
            WHERE t.day = ANY(@days) AND t.area && region.g AND ST_Intersects(t.area, region.g))
        SELECT x.day, a.key, a.name, a.color, x.state, sum(x.km2)
        FROM parts x LEFT JOIN actors a ON a.id = x.actor_id
        GROUP BY x.day, a.key, a.name, a.color, x.state
        ORDER BY a.key NULLS FIRST, x.day, x.state
        """;

    private const string ChangedPlacesSql = """
        WITH region AS (SELECT @region::geometry AS g)
        SELECT p.id, p.name, p.kind, ST_X(p.point), ST_Y(p.point), fa.key, f.state, ta.key, t.state, coalesce(t.event_ids, '{}')
        FROM (SELECT * FROM control_states WHERE day = @to) t
        FULL JOIN (SELECT * FROM control_states WHERE day = @from) f ON f.place_id = t.place_id
        JOIN places p ON p.id = coalesce(t.place_id, f.place_id)
        CROSS JOIN region
        LEFT JOIN actors fa ON fa.id = f.actor_id
        LEFT JOIN actors ta ON ta.id = t.actor_id
        WHERE p.point && region.g AND ST_Intersects(region.g, p.point)
          AND (f.place_id IS NULL OR t.place_id IS NULL OR f.actor_id IS DISTINCT FROM t.actor_id OR f.state <> t.state)
        ORDER BY p.name, p.id
        LIMIT @limit
        """;

    private const string EventsSql = "SELECT id, kind, tier, day_from, day_to, status FROM events WHERE id = ANY(@ids) ORDER BY day_from, id";

    /// <summary>
    /// Areas per actor inside <paramref name="region"/> on <paramref name="to"/> (the latest day with territories when
    /// null), compared with <paramref name="from"/> when given. Throws <see cref="MeasureRegionNotFoundException"/>
    /// when the region names nothing in the gazetteer.
    /// </summary>
    public async Task<MeasureResult> MeasureAsync(MeasureRegion region, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (measured, geometry) = await ResolveAsync(connection, region, cancellationToken);
        var day = to ?? await LatestDayAsync(connection, cancellationToken) ?? from ?? Today();
        var days = from is { } f && f != day ? new[] { f, day } : [day];
        var first = days.Length == 2 ? days[0] : (DateOnly?)null;

        var rows = new List<(DateOnly Day, string? Actor, string? Name, string? Color, bool Contested, double Km2)>();
        await using (var command = new NpgsqlCommand(AreasSql, connection))
        {
            command.Parameters.Add(Ewkb.Parameter("region", geometry));
            command.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetFieldValue<DateOnly>(0), SourceQuote.Text(reader, 1), SourceQuote.Text(reader, 2), SourceQuote.Text(reader, 3),
                    reader.GetString(4) == "contested", reader.GetDouble(5)));
            }
        }

        double Contested(DateOnly d, string? actor) => rows.Where(r => r.Day == d && r.Contested && r.Actor == actor).Sum(r => r.Km2);
        AreaRange Range(DateOnly d, string actor)
        {
            var held = rows.Where(r => r.Day == d && !r.Contested && r.Actor == actor).Sum(r => r.Km2);
            return new AreaRange(held, held + Contested(d, actor) + Contested(d, null));
        }

        var actors = rows.Where(r => r.Actor is not null).GroupBy(r => r.Actor!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var last = Range(day, g.Key);
            var before = first is { } b ? Range(b, g.Key) : null;
            var change = before is null ? null : new AreaRange(last.HeldKm2 - before.HeldKm2, last.UpperKm2 - before.UpperKm2);
            return new ActorArea(g.Key, g.First().Name ?? g.Key, g.First().Color, before, last, change);
        }).ToList();

        var changed = first is { } since ? await ChangedPlacesAsync(connection, geometry, since, day, cancellationToken) : [];
        var truncated = changed.Count > MaxChangedPlaces;
        return new MeasureResult(measured, first, day, actors, first is { } c ? rows.Where(r => r.Day == c && r.Contested).Sum(r => r.Km2) : null,
            rows.Where(r => r.Day == day && r.Contested).Sum(r => r.Km2), truncated ? changed[..MaxChangedPlaces] : changed, truncated, Method);
    }

    /// <summary>The latest day with territories, or today in the theater (UTC+3) when there is none yet.</summary>
    public async Task<DateOnly> LatestDayAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LatestDayAsync(connection, cancellationToken) ?? Today();
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Reports.ReportIngestion.TheaterOffset).DateTime);

    private static async Task<(MeasuredRegion Region, Geometry Geometry)> ResolveAsync(NpgsqlConnection connection, MeasureRegion region, CancellationToken cancellationToken)
    {
        if (region.Polygon is { } polygon)
        {
            await using var command = new NpgsqlCommand(RegionAreaSql, connection);
            command.Parameters.Add(Ewkb.Parameter("region", polygon));
            var km2 = (double)(await command.ExecuteScalarAsync(cancellationToken))!;
            return (new MeasuredRegion("polygon", "drawn polygon", null, null, null, km2), polygon);
        }

        var circle = region.Admin is null;
        var text = (circle ? region.Place : region.Admin)!;
        await using (var command = new NpgsqlCommand(circle ? CircleSql : AdminSql, connection))
        {
            command.Parameters.AddWithValue("text", text);
            command.Parameters.AddWithValue("key", NameNormalizer.Normalize(text));
            if (circle)
            {
                command.Parameters.AddWithValue("id", long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1L);
                command.Parameters.AddWithValue("metres", region.RadiusKm!.Value * 1000);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.GetGeometry(4) is not { IsEmpty: false } geometry)
            {
                throw circle
                    ? new MeasureRegionNotFoundException("place", $"There is no place '{text}' in the gazetteer (give its id or a name).")
                    : new MeasureRegionNotFoundException("region", $"There is no governorate, district or subdistrict '{text}' with a boundary in the gazetteer (give its P-code, e.g. SY02, or its name).");
            }

            var found = (Id: reader.GetInt64(0), Name: reader.GetString(1), Kind: reader.GetString(2), Pcode: SourceQuote.Text(reader, 3), Geometry: geometry);
            await reader.CloseAsync();
            await using var area = new NpgsqlCommand(RegionAreaSql, connection);
            area.Parameters.Add(Ewkb.Parameter("region", found.Geometry));
            var km2 = (double)(await area.ExecuteScalarAsync(cancellationToken))!;
            return (new MeasuredRegion(circle ? "radius" : found.Kind, found.Name, found.Pcode, found.Id, region.RadiusKm, km2), found.Geometry);
        }
    }

    private static async Task<DateOnly?> LatestDayAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LatestDaySql, connection);
        return await command.ExecuteScalarAsync(cancellationToken) is DateOnly day ? day : null;
    }

    private static async Task<List<ChangedPlace>> ChangedPlacesAsync(NpgsqlConnection connection, Geometry region, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var places = new List<(long Id, string Name, string Kind, double Lon, double Lat, PlaceControl Before, PlaceControl After, long[] EventIds)>();
        await using (var command = new NpgsqlCommand(ChangedPlacesSql, connection))
        {
            command.Parameters.Add(Ewkb.Parameter("region", region));
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to });
            command.Parameters.AddWithValue("limit", MaxChangedPlaces + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                places.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4),
                    new PlaceControl(SourceQuote.Text(reader, 5), SourceQuote.Text(reader, 6)), new PlaceControl(SourceQuote.Text(reader, 7), SourceQuote.Text(reader, 8)),
                    reader.GetFieldValue<long[]>(9)));
            }
        }

        var ids = places.SelectMany(p => p.EventIds).Distinct().ToArray();
        var events = new Dictionary<long, (string Kind, string? Tier, DateOnly From, DateOnly To, string Status)>();
        if (ids.Length > 0)
        {
            await using var command = new NpgsqlCommand(EventsSql, connection);
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events[reader.GetInt64(0)] = (reader.GetString(1), SourceQuote.Text(reader, 2), reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4), reader.GetString(5));
            }
        }

        var sources = await SourceQuote.ReadAsync(connection, ids, cancellationToken);
        return [.. places.Select(p => new ChangedPlace(p.Id, p.Name, p.Kind, p.Lon, p.Lat, p.Before, p.After, [.. p.EventIds.Where(events.ContainsKey).Select(id =>
        {
            var e = events[id];
            return new ChangeEvent(id, e.Kind, e.Tier, e.From, e.To, e.Status, sources.TryGetValue(id, out var s) ? s : []);
        })]))];
    }
}
