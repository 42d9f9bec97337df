using Npgsql;

namespace Territory.Testing;

/// <summary>
/// <see cref="SnapshotTestData"/>'s territories plus what measuring reads beyond them, in the engine's table contract:
/// a district with a boundary, the French spelling of the Aleppo governorate, a village, and control_states for both
/// days (Saraqib taken by HTS, Anadan contested, Idlib unchanged) pointing at the events and report sentences. One
/// quote holds a comma, quotes and a line break, so exports must quote it.
/// </summary>
public static class MeasureTestData
{
    /// <summary>The quote of the event behind Saraqib's change.</summary>
    public const string SaraqibQuote = "HTS said: \"Saraqib is ours, and the M5 too\"\nsecond line";

    private const string Sql = """
        INSERT INTO places (kind, name, point, area, source, source_key, pcode, created_at) VALUES
            ('district', 'Jebel Saman', ST_SetSRID(ST_MakePoint(37.1, 36.2), 4326),
             ST_Multi(ST_GeomFromText('POLYGON((36.9 36.0, 37.4 36.0, 37.4 36.5, 36.9 36.5, 36.9 36.0))', 4326)), 'boundaries', 'SY0200', 'SY0200', now()),
            ('village', 'Anadan', ST_SetSRID(ST_MakePoint(36.9, 36.5), 4326), NULL, 'curated', 'anadan', NULL, now());
        INSERT INTO place_names (place_id, name, lang, normalized, is_primary)
            SELECT id, 'Alep', 'fr', 'alep', false FROM places WHERE source_key = 'SY02';
        UPDATE event_sources SET quote = @quote
            WHERE event_id = (SELECT e.id FROM events e JOIN actors a ON a.id = e.gainer_id WHERE a.key = 'hts');

        CREATE TEMP TABLE hand_states (day date, place text, actor text, state text, gainer text) ON COMMIT DROP;
        INSERT INTO hand_states VALUES
            ('2024-11-29', 'saraqib', 'government', 'held', NULL),
            ('2024-11-29', 'idlib', 'hts', 'held', NULL),
            ('2024-11-29', 'anadan', 'government', 'held', NULL),
            ('2024-11-29', 'aleppo', 'government', 'held', NULL),
            ('2024-11-30', 'saraqib', 'hts', 'held', 'hts'),
            ('2024-11-30', 'idlib', 'hts', 'held', NULL),
            ('2024-11-30', 'anadan', NULL, 'contested', 'sna'),
            ('2024-11-30', 'aleppo', 'government', 'held', NULL);
        INSERT INTO control_states (day, place_id, actor_id, state, tier, event_ids)
            SELECT h.day, p.id, a.id, h.state, CASE h.state WHEN 'contested' THEN 'contested' ELSE 'claimed' END,
                   coalesce((SELECT array_agg(e.id) FROM events e JOIN actors g ON g.id = e.gainer_id WHERE g.key = h.gainer), '{}')
            FROM hand_states h JOIN places p ON p.source_key = h.place LEFT JOIN actors a ON a.key = h.actor;
        """;

    /// <summary>
    /// Inserts the data unless the database already holds territories: the tests of one class run one after another
    /// on one database, so the first to ask inserts it.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var exists = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM territories)");
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            await InsertAsync(dataSource);
        }
    }

    /// <summary>Inserts <see cref="SnapshotTestData"/> and the measure data into a migrated database (once per database).</summary>
    public static async Task InsertAsync(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await SnapshotTestData.InsertAsync(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            command.Parameters.AddWithValue("quote", SaraqibQuote);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
