using Npgsql;
using Territory.Data;
using Territory.Data.Schema;
using Xunit;

namespace Territory.Testing;

/// <summary>
/// The throwaway PostGIS cluster that scripts/test starts (its admin connection string is in TERRITORY_TEST_POSTGRES).
/// Each test class gets a database of its own, cloned from a template that has the extensions installed.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "TERRITORY_TEST_POSTGRES";
    private const string Template = "territory_test_template";
    private const long TemplateLockKey = 0x74656d706c617465; // "template"

    /// <summary>The admin connection string; fails (never skips) with what is missing.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: these tests need a PostGIS server. Run them with scripts/test, which starts a throwaway cluster, or set {Variable} to the connection string of a PostgreSQL superuser on a server with PostGIS.");

    /// <summary>Creates an empty database (extensions installed, no schema) and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await EnsureTemplateAsync(admin);
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}";
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE {Template}", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A data source over a connection string, set up as the app sets up its own.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        DataServiceCollectionExtensions.CreateDataSource(new TerritoryDataOptions { ConnectionString = connectionString });

    // Several test projects run at once: one of them builds the template, the others wait on the lock.
    private static async Task EnsureTemplateAsync(NpgsqlConnection admin)
    {
        await using (var lockTemplate = new NpgsqlCommand($"SELECT pg_advisory_lock({TemplateLockKey})", admin))
        {
            await lockTemplate.ExecuteNonQueryAsync();
        }

        try
        {
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Template}'", admin);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using (var create = new NpgsqlCommand($"CREATE DATABASE {Template}", admin))
                {
                    await create.ExecuteNonQueryAsync();
                }

                var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Template, Pooling = false };
                await using var template = new NpgsqlConnection(builder.ConnectionString);
                await template.OpenAsync();
                await using var extensions = new NpgsqlCommand("CREATE EXTENSION postgis; CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent;", template);
                await extensions.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({TemplateLockKey})", admin);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    private static string Sanitize(string purpose) =>
        new([.. purpose.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').Take(20)]);
}

/// <summary>A fresh database for one test class, migrated to the current schema unless asked otherwise.</summary>
public class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Whether <see cref="InitializeAsync"/> applies the migrations.</summary>
    protected virtual bool Migrate => true;

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
        DataSource = TestPostgres.CreateDataSource(ConnectionString);
        if (Migrate)
        {
            await new SchemaMigrator(DataSource, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        GC.SuppressFinalize(this);
    }
}

/// <summary>A fresh database with no schema at all.</summary>
public sealed class EmptyTestDatabase : TestDatabase
{
    protected override bool Migrate => false;
}
