using Npgsql;

namespace Territory.Web.Tests;

/// <summary>
/// Hand-entered territory data in the engine's table contract, for the map tests: two actors on either side of a
/// north–south front that moves east from 27 to 30 November 2024 (held, contested strip, held), settlements whose
/// holder follows from the strip they lie in, and accepted events with the sentences they were read in.
/// </summary>
internal static class MapTestData
{
    public static readonly DateOnly FirstDay = new(2024, 11, 26);
    public static readonly DateOnly LastDay = new(2024, 12, 1);

    // Longitude of the front's eastern edge per day; the contested strip is 0.1° wide west of it. 1 December repeats
    // 30 November, so its geometries are the same rows' bytes.
    private static readonly (DateOnly Day, double Front)[] Fronts =
    [
        (new(2024, 11, 26), 36.55), (new(2024, 11, 27), 36.55), (new(2024, 11, 28), 36.75),
        (new(2024, 11, 29), 36.95), (new(2024, 11, 30), 37.25), (new(2024, 12, 1), 37.25),
    ];

    private const string SeedSql = """
        INSERT INTO actors (key, name, side) VALUES ('hts', 'Hayat Tahrir al-Sham', 'opposition'), ('saa', 'Syrian Arab Army', 'government');
        INSERT INTO places (kind, name, point, area, population, source, source_key, created_at) VALUES
          ('governorate', 'Idlib', ST_SetSRID(ST_MakePoint(36.6, 35.9), 4326), ST_Multi(ST_MakeEnvelope(36.2, 35.4, 36.9, 36.3, 4326)), NULL, 'test', 'gov-idlib', now()),
          ('governorate', 'Aleppo', ST_SetSRID(ST_MakePoint(37.3, 36.2), 4326), ST_Multi(ST_MakeEnvelope(36.9, 35.4, 37.6, 36.6, 4326)), NULL, 'test', 'gov-aleppo', now()),
          ('city', 'Idlib', ST_SetSRID(ST_MakePoint(36.633, 35.930), 4326), NULL, 165000, 'test', 'idlib', now()),
          ('town', 'Saraqib', ST_SetSRID(ST_MakePoint(36.800, 35.862), 4326), NULL, 34000, 'test', 'saraqib', now()),
          ('town', 'Atarib', ST_SetSRID(ST_MakePoint(36.831, 36.137), 4326), NULL, 30000, 'test', 'atarib', now()),
          ('town', 'Khan al-Asal', ST_SetSRID(ST_MakePoint(37.020, 36.170), 4326), NULL, 8000, 'test', 'khan-asal', now()),
          ('city', 'Aleppo', ST_SetSRID(ST_MakePoint(37.160, 36.200), 4326), NULL, 2100000, 'test', 'aleppo', now()),
          ('town', 'As-Safira', ST_SetSRID(ST_MakePoint(37.370, 36.070), 4326), NULL, 60000, 'test', 'safira', now());
        INSERT INTO reports (source_url, outlet, title, created_at) VALUES
          ('https://news.example/aleppo-falls', 'Example Wire', 'Rebels enter Aleppo', now()),
          ('https://news.example/saraqib', 'Exemple Dépêche', 'Saraqib prise', now());
        INSERT INTO report_revisions (report_id, revision, body, content_sha256, ingested_at, published_on, language)
        SELECT r.id, 1, r.title, sha256(convert_to(r.title, 'UTF8')), now(), '2024-11-30', 'en' FROM reports r;
        """;

    private const string TerritorySql = """
        INSERT INTO territories (day, actor_id, state, area, display, area_km2, built_at)
        SELECT @day, (SELECT id FROM actors WHERE key = @actor), @state, g, g, ST_Area(g::geography) / 1e6, now()
        FROM (SELECT ST_Multi(ST_MakeEnvelope(@west, 35.4, @east, 36.6, 4326)) AS g) x
        """;

    // Every settlement is held by whoever holds the strip it lies in, as the engine would record it.
    private const string ControlStatesSql = """
        INSERT INTO control_states (day, place_id, actor_id, state, tier)
        SELECT t.day, p.id, t.actor_id, t.state, CASE WHEN t.state = 'contested' THEN 'contested' END
        FROM territories t JOIN places p ON p.kind IN ('city', 'town') AND ST_Covers(t.area, p.point)
        """;

    private const string EventSql = """
        WITH e AS (
            INSERT INTO events (kind, tier, place_id, gainer_id, loser_id, day_from, day_to, date_precision, rule, confidence, status, created_at, updated_at)
            VALUES (@kind, @tier, (SELECT id FROM places WHERE source_key = @place), (SELECT id FROM actors WHERE key = @gainer),
                    (SELECT id FROM actors WHERE key = @loser), @day, @day, 'day', 'manual', 0.9, @status, now(), now())
            RETURNING id)
        INSERT INTO event_sources (event_id, revision_id, sentence_start, sentence_end, quote)
        SELECT e.id, v.id, 0, length(@quote), @quote FROM e, report_revisions v JOIN reports r ON r.id = v.report_id WHERE r.outlet = @outlet
        """;

    public const string AleppoQuote = "Rebel fighters led by Hayat Tahrir al-Sham entered the city of Aleppo on Friday.";
    public const string SaraqibQuote = "Les rebelles ont pris Saraqib jeudi, coupant l'autoroute M5.";
    public const string PendingQuote = "A pending claim the map must not show.";

    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(SeedSql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        foreach (var (day, front) in Fronts)
        {
            foreach (var (actor, state, west, east) in new[] { ("hts", "held", 36.2, front - 0.1), ((string?)null, "contested", front - 0.1, front), ("saa", "held", front, 37.6) })
            {
                await using var command = new NpgsqlCommand(TerritorySql, connection, transaction);
                command.Parameters.AddWithValue("day", day);
                command.Parameters.AddWithValue("actor", (object?)actor ?? DBNull.Value);
                command.Parameters.AddWithValue("state", state);
                command.Parameters.AddWithValue("west", west);
                command.Parameters.AddWithValue("east", east);
                await command.ExecuteNonQueryAsync();
            }
        }

        await using (var command = new NpgsqlCommand(ControlStatesSql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        foreach (var (kind, tier, place, day, quote, outlet, status) in new[]
        {
            ("control_change", "claimed", "saraqib", new DateOnly(2024, 11, 28), SaraqibQuote, "Exemple Dépêche", "accepted"),
            ("control_change", "entered", "aleppo", new DateOnly(2024, 11, 29), AleppoQuote, "Example Wire", "auto_accepted"),
            ("control_change", "claimed", "safira", new DateOnly(2024, 11, 29), PendingQuote, "Example Wire", "pending"),
        })
        {
            await using var command = new NpgsqlCommand(EventSql, connection, transaction);
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("tier", tier);
            command.Parameters.AddWithValue("place", place);
            command.Parameters.AddWithValue("gainer", "hts");
            command.Parameters.AddWithValue("loser", "saa");
            command.Parameters.AddWithValue("day", day);
            command.Parameters.AddWithValue("quote", quote);
            command.Parameters.AddWithValue("outlet", outlet);
            command.Parameters.AddWithValue("status", status);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}

/// <summary>The web host over a database holding <see cref="MapTestData"/>.</summary>
public sealed class MapAppFixture : IAsyncLifetime
{
    public TerritoryAppFactory App { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await MapTestData.SeedAsync(App.DataSource);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
