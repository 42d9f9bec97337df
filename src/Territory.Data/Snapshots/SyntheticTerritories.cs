using Npgsql;
using NpgsqlTypes;

namespace Territory.Data.Snapshots;

/// <summary>
/// Made-up territories for benchmarks while no real ones are stored: the Voronoi cells of the theater's towns, cut to
/// the governorates, dealt to four actors by region (every ninth cell contested) and merged per actor.
/// Never used by the app itself.
/// </summary>
public static class SyntheticTerritories
{
    private const string Sql = """
        INSERT INTO actors (key, name, side, color) VALUES
            ('hts', 'Hayat Tahrir al-Sham', 'opposition', '#009E73'),
            ('government', 'Syrian government forces and allied militias', 'government', '#D55E00'),
            ('sna', 'Syrian National Army', 'opposition', '#0072B2'),
            ('sdf', 'Syrian Democratic Forces', 'sdf', '#CC79A7')
        ON CONFLICT (key) DO NOTHING;

        WITH theater AS (SELECT ST_MakeEnvelope(35.6, 35.0, 38.8, 37.0, 4326) AS box),
        land AS (
            SELECT ST_Union(p.area) AS geom FROM places p, theater WHERE p.kind = 'governorate' AND p.area && theater.box
        ),
        seeds AS (
            SELECT ST_Collect(p.point ORDER BY p.id) AS points FROM places p, theater
            WHERE p.kind IN ('city', 'town') AND p.point && theater.box
        ),
        cells AS (
            SELECT row_number() OVER (ORDER BY ST_X(ST_Centroid(d.geom)), ST_Y(ST_Centroid(d.geom))) AS n, d.geom
            FROM seeds, theater, ST_Dump(ST_VoronoiPolygons(seeds.points, 0, theater.box)) AS d
        ),
        dealt AS (
            SELECT CASE
                       WHEN c.n % 9 = 0 THEN NULL
                       WHEN ST_X(ST_Centroid(c.geom)) < 36.95 THEN 'hts'
                       WHEN ST_X(ST_Centroid(c.geom)) > 38.0 THEN 'sdf'
                       WHEN ST_Y(ST_Centroid(c.geom)) > 36.35 THEN 'sna'
                       ELSE 'government'
                   END AS actor,
                   ST_Intersection(ST_Intersection(c.geom, theater.box), land.geom) AS geom
            FROM cells c, land, theater
        ),
        merged AS (
            SELECT actor, ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(geom)), 3)) AS geom FROM dealt GROUP BY actor
        )
        INSERT INTO territories (day, actor_id, state, area, display, area_km2, event_ids, built_at)
        SELECT @day, a.id, CASE WHEN m.actor IS NULL THEN 'contested' ELSE 'held' END, m.geom, ST_Multi(ST_SimplifyPreserveTopology(m.geom, 0.0005)),
               ST_Area(m.geom::geography) / 1e6, '{}', now()
        FROM merged m LEFT JOIN actors a ON a.key = m.actor
        WHERE NOT ST_IsEmpty(m.geom)
          AND NOT EXISTS (SELECT 1 FROM territories t WHERE t.day = @day);
        """;

    /// <summary>Inserts the day's synthetic territories unless the day already has territories; returns the rows added.</summary>
    public static async Task<int> InsertAsync(NpgsqlDataSource dataSource, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Date) { Value = day });
        command.CommandTimeout = 300;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
