using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using Territory.Data.Schema;

namespace Territory.Data;

/// <summary>Makes sure the database is reachable and at this build's schema before the app serves anything.</summary>
public sealed class DatabaseStartup(NpgsqlDataSource dataSource, SchemaMigrator migrator, IOptions<TerritoryDataOptions> options)
{
    /// <summary>Migrates (or verifies) the schema; throws <see cref="DatabaseUnavailableException"/> with a message naming the setting to fix.</summary>
    public async Task<MigrationOutcome?> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                await using var postgis = new NpgsqlCommand("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'", connection);
                if (await postgis.ExecuteScalarAsync(cancellationToken) is null)
                {
                    throw new DatabaseUnavailableException(
                        $"The database named by {TerritoryDataOptions.ConnectionStringSetting} ({Describe()}) has no PostGIS extension available: install PostGIS on that server (Debian: apt-get install postgresql-15-postgis-3).");
                }
            }

            if (options.Value.MigrateOnStart)
            {
                return await migrator.MigrateAsync(cancellationToken);
            }

            await migrator.VerifyAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot reach the database named by {TerritoryDataOptions.ConnectionStringSetting} (environment variable {TerritoryDataOptions.ConnectionStringVariable}) at {Describe()}: {e.Message}", e);
        }
    }

    private string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"host={builder.Host} port={builder.Port} database={builder.Database} user={builder.Username}";
    }
}
