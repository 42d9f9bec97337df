using System.Globalization;
using Npgsql;
using Territory.Data.Audit;
using Territory.Data.Spatial;
using Territory.Domain.Places;

namespace Territory.Data.Places;

/// <summary>A gazetteer entry as listed to users.</summary>
public sealed record PlaceSummary(long Id, string Kind, string Name, double Lon, double Lat, string Source, long? Population);

/// <summary>Gazetteer reads and analysts' additions.</summary>
public sealed class PlaceStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Largest page a search returns.</summary>
    public const int MaxResults = 200;

    private const string InsertPlaceSql = """
        INSERT INTO places (kind, name, point, population, source, source_key, created_at, created_by)
        VALUES (@kind, @name, @point::geometry, @population, 'analyst', @key, @at, @by)
        RETURNING id
        """;

    private const string InsertNameSql = """
        INSERT INTO place_names (place_id, name, lang, script, normalized, is_primary)
        VALUES (@place, @name, @lang, @script, @normalized, @primary)
        ON CONFLICT DO NOTHING
        """;

    private const string SearchSql = """
        SELECT DISTINCT ON (p.id) p.id, p.kind, p.name, ST_X(p.point), ST_Y(p.point), p.source, p.population
        FROM places p JOIN place_names n ON n.place_id = p.id
        WHERE n.normalized LIKE @prefix OR n.name ILIKE @contains
        ORDER BY p.id
        LIMIT @limit
        """;

    /// <summary>Adds a place entered by an analyst, with its names, and audits it; all or nothing.</summary>
    public async Task<long> AddAnalystPlaceAsync(PlaceDraft draft, long userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await AddAnalystPlaceAsync(connection, transaction, clock, draft, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Adds an analyst's place inside the caller's transaction, so it commits with what uses it.</summary>
    internal static async Task<long> AddAnalystPlaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TimeProvider clock, PlaceDraft draft, long userId, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(InsertPlaceSql, connection, transaction);
        insert.Parameters.AddWithValue("kind", draft.Kind.Key());
        insert.Parameters.AddWithValue("name", draft.Name);
        insert.Parameters.Add(Ewkb.Parameter("point", draft.Point));
        insert.Parameters.AddWithValue("population", draft.Population.HasValue ? draft.Population.Value : DBNull.Value);
        insert.Parameters.AddWithValue("key", Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("at", clock.GetUtcNow());
        insert.Parameters.AddWithValue("by", userId);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;

        var names = draft.Names.Prepend(new PlaceName(draft.Name, "und")).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            await using var name = new NpgsqlCommand(InsertNameSql, connection, transaction);
            name.Parameters.AddWithValue("place", id);
            name.Parameters.AddWithValue("name", names[i].Text);
            name.Parameters.AddWithValue("lang", names[i].Language);
            name.Parameters.AddWithValue("script", names[i].Script);
            name.Parameters.AddWithValue("normalized", NameNormalizer.Normalize(names[i].Text));
            name.Parameters.AddWithValue("primary", i == 0);
            await name.ExecuteNonQueryAsync(cancellationToken);
        }

        // An analyst's place gets its admin codes now: imports never touch analysts' rows afterwards.
        await GazetteerStore.FillAdminCodesAsync(connection, transaction, id, cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, clock, userId, "create", "place", id, null,
            new { kind = draft.Kind.Key(), draft.Name, lon = draft.Point.X, lat = draft.Point.Y, names = draft.Names }, cancellationToken);
        return id;
    }

    /// <summary>Places whose normalized name starts with, or whose name contains, the query.</summary>
    public async Task<IReadOnlyList<PlaceSummary>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        await using var search = dataSource.CreateCommand(SearchSql);
        search.Parameters.AddWithValue("prefix", EscapeLike(NameNormalizer.Normalize(query)) + "%");
        search.Parameters.AddWithValue("contains", "%" + EscapeLike(query) + "%");
        search.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, MaxResults));
        await using var reader = await search.ExecuteReaderAsync(cancellationToken);
        var places = new List<PlaceSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            places.Add(new PlaceSummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6)));
        }

        return places;
    }

    private static string EscapeLike(string value) => value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
