using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Territory.Data.Audit;

/// <summary>Who changed what and when, with the row before and after; written in the caller's transaction.</summary>
public static class AuditLog
{
    private const string InsertSql = """
        INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after)
        VALUES (@at, @user, @action, @entity, @entity_id, @before, @after)
        """;

    /// <summary>Appends one audit row inside <paramref name="transaction"/>, so it commits or rolls back with the change.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TimeProvider clock, long? userId, string action, string entity, long? entityId, object? before, object? after, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(InsertSql, connection, transaction);
        insert.Parameters.AddWithValue("at", clock.GetUtcNow());
        insert.Parameters.AddWithValue("user", userId.HasValue ? userId.Value : DBNull.Value);
        insert.Parameters.AddWithValue("action", action);
        insert.Parameters.AddWithValue("entity", entity);
        insert.Parameters.AddWithValue("entity_id", entityId.HasValue ? entityId.Value : DBNull.Value);
        insert.Parameters.Add(Json("before", before));
        insert.Parameters.Add(Json("after", after));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Json(string name, object? value) =>
        new(name, NpgsqlDbType.Jsonb) { Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value) };
}
