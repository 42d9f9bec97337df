using Npgsql;
using Territory.Data.Schema;

namespace Territory.Data.Health;

/// <summary>What <c>/healthz</c> reports.</summary>
public sealed record DatabaseHealth(bool Reachable, string? PostgresVersion, string? PostgisVersion, int? SchemaVersion, string? Error);

/// <summary>Reads database reachability, versions and what the database holds.</summary>
public sealed class DatabaseStatus(NpgsqlDataSource dataSource)
{
    private const string HealthSql = """
        SELECT current_setting('server_version'), postgis_lib_version(),
               (SELECT max(version) FROM schema_migrations)
        """;

    private const string InventorySql = """
        SELECT (SELECT count(*) FROM reports),
               (SELECT count(*) FROM report_revisions),
               (SELECT count(*) FROM places),
               (SELECT count(*) FROM place_names),
               (SELECT count(*) FROM events WHERE status IN ('accepted', 'auto_accepted')),
               (SELECT count(*) FROM events WHERE status = 'pending'),
               (SELECT min(day) FROM territories),
               (SELECT max(day) FROM territories)
        """;

    /// <summary>Checks the database answers; never throws for an unreachable database.</summary>
    public async Task<DatabaseHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand(HealthSql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new DatabaseHealth(true, reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), null);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseHealth(false, null, null, null, e.Message);
        }
    }

    /// <summary>Counts of what the database holds, for the home page.</summary>
    public async Task<Inventory> InventoryAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(InventorySql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Inventory(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
            Migration.LatestVersion);
    }
}

/// <summary>What the database holds.</summary>
public sealed record Inventory(long Reports, long Revisions, long Places, long PlaceNames, long AcceptedEvents, long PendingEvents, DateOnly? FirstDay, DateOnly? LastDay, int SchemaVersion);
