using Npgsql;

namespace Territory.Testing;

/// <summary>
/// Hand-entered territories over northern Syria for two days (the territory engine's table contract), with the
/// actors, two governorates, a few places and the reports behind them, for the snapshot tests.
/// </summary>
public static class SnapshotTestData
{
    public static readonly DateOnly Day = new(2024, 11, 30);
    public static readonly DateOnly DayBefore = new(2024, 11, 29);

    /// <summary>An extent around the hand-entered territories: minLon,minLat,maxLon,maxLat.</summary>
    public const string Bbox = "36.3,35.7,37.9,36.8";

    /// <summary>The actors drawn on <see cref="Day"/>, with their colours.</summary>
    public static IReadOnlyDictionary<string, string> Colors { get; } = new Dictionary<string, string>
    {
        ["hts"] = "#009E73",
        ["government"] = "#D55E00",
        ["sna"] = "#0072B2",
    };

    private const string Sql = """
        INSERT INTO actors (key, name, side, color) VALUES
            ('hts', 'Hayat Tahrir al-Sham', 'opposition', '#009E73'),
            ('government', 'Syrian government forces', 'government', '#D55E00'),
            ('sna', 'Syrian National Army', 'opposition', '#0072B2'),
            ('sdf', 'Syrian Democratic Forces', 'sdf', '#CC79A7');

        INSERT INTO places (kind, name, point, area, source, source_key, pcode, created_at) VALUES
            ('governorate', 'Aleppo', ST_SetSRID(ST_MakePoint(37.5, 36.2), 4326),
             ST_Multi(ST_GeomFromText('POLYGON((36.6 35.6, 38.5 35.6, 38.5 36.8, 36.6 36.8, 36.6 35.6))', 4326)), 'boundaries', 'SY02', 'SY02', now()),
            ('governorate', 'Idleb', ST_SetSRID(ST_MakePoint(36.4, 35.9), 4326),
             ST_Multi(ST_GeomFromText('POLYGON((36.1 35.5, 36.6 35.5, 36.6 36.3, 36.1 36.3, 36.1 35.5))', 4326)), 'boundaries', 'SY07', 'SY07', now()),
            ('city', 'Aleppo', ST_SetSRID(ST_MakePoint(37.16, 36.2), 4326), NULL, 'curated', 'aleppo', NULL, now()),
            ('city', 'Idlib', ST_SetSRID(ST_MakePoint(36.63, 35.93), 4326), NULL, 'curated', 'idlib', NULL, now()),
            ('town', 'Saraqib', ST_SetSRID(ST_MakePoint(36.8, 35.86), 4326), NULL, 'curated', 'saraqib', NULL, now());
        INSERT INTO place_names (place_id, name, lang, normalized, is_primary)
            SELECT id, 'Alep', 'fr', 'alep', true FROM places WHERE source_key = 'aleppo';

        INSERT INTO reports (outlet, title, created_at) VALUES ('AFP', 'Rebels enter Aleppo', now()), ('SOHR', 'Saraqib falls', now());
        INSERT INTO report_revisions (report_id, revision, body, content_sha256, published_on, ingested_at)
            SELECT id, 1, title, sha256(convert_to(title, 'UTF8')), DATE '2024-11-30', now() FROM reports;
        INSERT INTO events (kind, tier, gainer_id, day_from, day_to, date_precision, rule, confidence, status, created_at, updated_at)
            SELECT 'control_change', 'claimed', a.id, DATE '2024-11-29', DATE '2024-11-30', 'range', 'manual', 1, 'accepted', now(), now()
            FROM actors a WHERE a.key IN ('hts', 'sna') ORDER BY a.key;
        INSERT INTO event_sources (event_id, revision_id, sentence_start, sentence_end, quote)
            SELECT e.id, v.id, 0, 5, 'quote' FROM events e JOIN actors a ON a.id = e.gainer_id
            JOIN reports r ON r.outlet = CASE a.key WHEN 'hts' THEN 'AFP' ELSE 'SOHR' END
            JOIN report_revisions v ON v.report_id = r.id;

        CREATE TEMP TABLE hand (day date, actor text, state text, wkt text) ON COMMIT DROP;
        INSERT INTO hand VALUES
            ('2024-11-30', 'hts', 'held', 'POLYGON((36.4 35.8, 37.0 35.8, 37.0 36.4, 36.4 36.4, 36.4 35.8))'),
            ('2024-11-30', 'government', 'held', 'POLYGON((37.0 35.8, 37.8 35.8, 37.8 36.4, 37.0 36.4, 37.0 35.8))'),
            ('2024-11-30', 'sna', 'held', 'POLYGON((37.0 36.4, 37.6 36.4, 37.6 36.7, 37.0 36.7, 37.0 36.4))'),
            ('2024-11-30', NULL, 'contested', 'POLYGON((36.4 36.4, 37.0 36.4, 37.0 36.7, 36.4 36.7, 36.4 36.4))'),
            ('2024-11-29', 'hts', 'held', 'POLYGON((36.4 35.8, 36.8 35.8, 36.8 36.4, 36.4 36.4, 36.4 35.8))'),
            ('2024-11-29', 'government', 'held', 'POLYGON((36.8 35.8, 37.8 35.8, 37.8 36.7, 36.8 36.7, 36.8 35.8))');
        INSERT INTO territories (day, actor_id, state, area, display, area_km2, event_ids, built_at)
            SELECT h.day, a.id, h.state, ST_Multi(ST_GeomFromText(h.wkt, 4326)), ST_Multi(ST_GeomFromText(h.wkt, 4326)),
                   ST_Area(ST_GeomFromText(h.wkt, 4326)::geography) / 1e6,
                   coalesce((SELECT array_agg(e.id ORDER BY e.id) FROM events e WHERE e.gainer_id = a.id), '{}'), now()
            FROM hand h LEFT JOIN actors a ON a.key = h.actor;
        """;

    /// <summary>Inserts the data into a migrated database (once per database).</summary>
    public static async Task InsertAsync(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
