using Microsoft.Extensions.Logging;
using Npgsql;

namespace Territory.Data.Schema;

/// <summary>What <see cref="SchemaMigrator.MigrateAsync"/> did.</summary>
public sealed record MigrationOutcome(int FromVersion, int ToVersion, IReadOnlyList<string> Applied);

/// <summary>
/// Applies the numbered migrations in order, all pending ones in one transaction, recorded in
/// <c>schema_migrations</c>; safe to re-run and to start twice at once (an advisory lock serialises it).
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x7465727269746f72; // "territor"

    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer PRIMARY KEY,
            name        text NOT NULL,
            checksum    text NOT NULL,
            applied_at  timestamptz NOT NULL
        )
        """;

    private const string AppliedSql = "SELECT version, name, checksum FROM schema_migrations ORDER BY version";

    private const string RecordSql = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @at)";

    /// <summary>Brings the schema to <see cref="Migration.LatestVersion"/>; refuses a database whose schema is newer.</summary>
    public async Task<MigrationOutcome> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(CreateHistorySql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await ReadAppliedAsync(connection, transaction, cancellationToken);
        var current = applied.Count == 0 ? 0 : applied.Keys.Max();
        CheckCompatible(applied);

        var done = new List<string>();
        foreach (var migration in Migration.Known.Where(m => !applied.ContainsKey(m.Version)))
        {
            await using (var run = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await run.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = new NpgsqlCommand(RecordSql, connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            record.Parameters.AddWithValue("at", clock.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken);
            done.Add($"{migration.Version:D4}_{migration.Name}");
            LogApplied(logger, migration.Version, migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MigrationOutcome(current, Migration.LatestVersion, done);
    }

    /// <summary>Fails unless the database is exactly at the schema this build expects (used when not migrating on start).</summary>
    public async Task VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        var hasHistory = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
        var applied = hasHistory ? await ReadAppliedAsync(connection, null, cancellationToken) : [];
        CheckCompatible(applied);
        if (applied.Count < Migration.Known.Count)
        {
            throw new DatabaseUnavailableException(
                $"The database schema is at version {(applied.Count == 0 ? 0 : applied.Keys.Max())}, this build needs {Migration.LatestVersion}: run `territory db migrate` or start with Database:MigrateOnStart=true.");
        }
    }

    private static void CheckCompatible(Dictionary<int, (string Name, string Checksum)> applied)
    {
        var newest = applied.Count == 0 ? 0 : applied.Keys.Max();
        if (newest > Migration.LatestVersion)
        {
            throw new DatabaseUnavailableException(
                $"The database schema is at version {newest}, newer than this build of Territory understands ({Migration.LatestVersion}). Upgrade Territory, or point {TerritoryDataOptions.ConnectionStringSetting} at another database; nothing was changed.");
        }

        foreach (var migration in Migration.Known)
        {
            if (applied.TryGetValue(migration.Version, out var row) && row.Checksum != migration.Checksum)
            {
                throw new DatabaseUnavailableException(
                    $"Migration {migration.Version:D4}_{migration.Name} was edited after it was applied to this database (checksum differs). Add a new migration instead of editing an applied one.");
            }
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand(AppliedSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version:D4}_{Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
