using System.Text.Json;
using Npgsql;
using Territory.Data.Audit;
using Territory.Data.Reports;
using Territory.Ingestion.Actors;

namespace Territory.Data.Territory;

/// <summary>One polygon (or place) of the starting lines, as stored in <c>initial_control</c>.</summary>
public sealed record InitialControlArea(long Id, string ActorKey, DateOnly ValidOn, long? PlaceId, string? Note, double? AreaKm2);

/// <summary>A starting-lines file that cannot be read: names the file, the feature and the problem.</summary>
public sealed class InitialControlFormatException(string message) : Exception(message);

/// <summary>
/// The starting lines (who held what before the offensive), editable by analysts: polygons per actor read from a GeoJSON
/// FeatureCollection (<c>data/control/</c>), replaced as a whole, audited. Storing them queues a full territory rebuild
/// (a trigger on <c>initial_control</c>).
/// </summary>
public sealed class InitialControlStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string ListSql = """
        SELECT i.id, a.key, i.valid_on, i.place_id, i.note, CASE WHEN i.area IS NULL THEN NULL ELSE ST_Area(i.area::geography) / 1e6 END
        FROM initial_control i JOIN actors a ON a.id = i.actor_id
        ORDER BY i.id
        """;

    private const string DeleteSql = "DELETE FROM initial_control";

    private const string InsertSql = """
        INSERT INTO initial_control (actor_id, valid_on, area, note, created_at, created_by)
        SELECT @actor, @valid_on, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(@geometry), 4326)), 3)), @note, @at, @by
        RETURNING id
        """;

    private const string AnySql = "SELECT EXISTS (SELECT 1 FROM initial_control)";

    /// <summary>The stored starting lines.</summary>
    public async Task<IReadOnlyList<InitialControlArea>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ListSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var areas = new List<InitialControlArea>();
        while (await reader.ReadAsync(cancellationToken))
        {
            areas.Add(new InitialControlArea(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetDouble(5)));
        }

        return areas;
    }

    /// <summary>Whether any starting line is stored.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(AnySql);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Replaces the starting lines with the features of a GeoJSON FeatureCollection (properties: <c>actor</c>, a key of the
    /// taxonomy; <c>note</c>; <c>valid_on</c> here or on the collection), in one transaction with an audit row; a bad
    /// file changes nothing.
    /// </summary>
    public async Task<int> ReplaceAsync(string geoJson, string fileName, long? userId, CancellationToken cancellationToken = default)
    {
        var features = Parse(geoJson, fileName);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var actors = await ReportStore.UpsertActorsAsync(connection, transaction, ActorCatalog.Default.Actors, cancellationToken);
        var before = await ListAsync(connection, transaction, cancellationToken);
        await using (var delete = new NpgsqlCommand(DeleteSql, connection, transaction))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            if (!actors.TryGetValue(feature.Actor, out var actorId))
            {
                throw new InitialControlFormatException($"{fileName}: feature {i + 1}: unknown actor '{feature.Actor}' (known: {string.Join(", ", actors.Keys.Order())}).");
            }

            await using var insert = new NpgsqlCommand(InsertSql, connection, transaction);
            insert.Parameters.AddWithValue("actor", actorId);
            insert.Parameters.AddWithValue("valid_on", feature.ValidOn);
            insert.Parameters.AddWithValue("geometry", feature.Geometry);
            insert.Parameters.AddWithValue("note", (object?)feature.Note ?? DBNull.Value);
            insert.Parameters.AddWithValue("at", now);
            insert.Parameters.AddWithValue("by", userId.HasValue ? userId.Value : DBNull.Value);
            try
            {
                await insert.ExecuteScalarAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is "XX000" or "22023" or "22P02")
            {
                throw new InitialControlFormatException($"{fileName}: feature {i + 1}: the geometry is not valid GeoJSON ({e.MessageText}).");
            }
        }

        await AuditLog.RecordAsync(connection, transaction, clock, userId, "replace", "initial_control", null,
            before.Select(a => new { a.ActorKey, a.ValidOn, a.Note }), new { File = fileName, Features = features.Select(f => new { f.Actor, f.ValidOn, f.Note }) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return features.Count;
    }

    private static async Task<List<InitialControlArea>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ListSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var areas = new List<InitialControlArea>();
        while (await reader.ReadAsync(cancellationToken))
        {
            areas.Add(new InitialControlArea(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), null, reader.IsDBNull(4) ? null : reader.GetString(4), null));
        }

        return areas;
    }

    private sealed record Feature(string Actor, DateOnly ValidOn, string Geometry, string? Note);

    private static List<Feature> Parse(string geoJson, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(geoJson);
        }
        catch (JsonException e)
        {
            throw new InitialControlFormatException($"{fileName}: not JSON ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InitialControlFormatException($"{fileName}: not a GeoJSON FeatureCollection (no \"features\" array).");
            }

            DateOnly? collectionDay = root.TryGetProperty("valid_on", out var day) ? Day(day, fileName, "the collection") : null;
            var list = new List<Feature>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                var at = $"feature {index}";
                if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
                    || !properties.TryGetProperty("actor", out var actor) || actor.ValueKind != JsonValueKind.String)
                {
                    throw new InitialControlFormatException($"{fileName}: {at}: no \"actor\" property (an actor key such as hts, sna, sdf, government).");
                }

                if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                    || !geometry.TryGetProperty("type", out var type) || type.GetString() is not ("Polygon" or "MultiPolygon"))
                {
                    throw new InitialControlFormatException($"{fileName}: {at}: the geometry must be a Polygon or MultiPolygon.");
                }

                var validOn = properties.TryGetProperty("valid_on", out var own) ? Day(own, fileName, at) : collectionDay
                    ?? throw new InitialControlFormatException($"{fileName}: {at}: no \"valid_on\" day, on the feature or the collection.");
                var note = properties.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                list.Add(new Feature(actor.GetString()!, validOn, geometry.GetRawText(), note));
            }

            if (list.Count == 0)
            {
                throw new InitialControlFormatException($"{fileName}: the collection has no features.");
            }

            return list;
        }
    }

    private static DateOnly Day(JsonElement value, string fileName, string at) =>
        value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out var day)
            ? day
            : throw new InitialControlFormatException($"{fileName}: {at}: valid_on must be a day written yyyy-MM-dd.");
}
