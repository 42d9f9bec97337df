using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Territory.Data;
using Territory.Data.Schema;
using Territory.Testing;

namespace Territory.Data.Tests;

public class MigrationTests : IAsyncLifetime
{
    private EmptyTestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new EmptyTestDatabase();
        await _database.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private SchemaMigrator Migrator => new(_database.DataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task An_empty_database_is_migrated_to_the_latest_version_and_a_rerun_changes_nothing()
    {
        var first = await Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, first.FromVersion);
        Assert.Equal(Migration.LatestVersion, first.ToVersion);
        Assert.Equal(Migration.Known.Count, first.Applied.Count);

        var second = await Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        Assert.Empty(second.Applied);
        Assert.Equal(Migration.LatestVersion, second.FromVersion);

        Assert.Equal((long)Migration.Known.Count, await ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        foreach (var table in new[] { "users", "audit_log", "actors", "places", "place_names", "gazetteer_imports", "reports", "report_revisions", "mentions", "events", "event_sources", "initial_control", "control_states", "control_cells", "territories" })
        {
            Assert.True(await ScalarAsync<bool>($"SELECT to_regclass('{table}') IS NOT NULL"), $"table {table} missing");
        }
    }

    [Fact]
    public async Task Every_geometry_column_is_srid_4326_with_a_gist_index()
    {
        await Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        await using var command = _database.DataSource.CreateCommand("""
            SELECT f_table_name, f_geometry_column, srid,
                   EXISTS (SELECT 1 FROM pg_indexes i WHERE i.tablename = f_table_name AND i.indexdef LIKE '%USING gist (' || f_geometry_column || ')%')
            FROM geometry_columns WHERE f_table_schema = 'public'
            """);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var columns = 0;
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            columns++;
            Assert.True(reader.GetInt32(2) == 4326, $"{reader.GetString(0)}.{reader.GetString(1)} has SRID {reader.GetInt32(2)}");
            Assert.True(reader.GetBoolean(3), $"{reader.GetString(0)}.{reader.GetString(1)} has no GiST index");
        }

        Assert.True(columns >= 6, $"expected the schema's geometry columns, found {columns}");
    }

    [Fact]
    public async Task A_database_whose_schema_is_newer_is_refused_and_left_unchanged()
    {
        await Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync($"INSERT INTO schema_migrations VALUES ({Migration.LatestVersion + 1}, 'from_the_future', 'x', now())");

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Migrator.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Migrator.VerifyAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Migration.LatestVersion + 1, await ScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_is_reported()
    {
        await Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Migrator.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Contains("edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_without_migrating_names_the_missing_versions()
    {
        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Migrator.VerifyAsync(TestContext.Current.CancellationToken));
        Assert.Contains("version 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_migrators_at_once_apply_each_migration_once()
    {
        var results = await Task.WhenAll(Migrator.MigrateAsync(TestContext.Current.CancellationToken), Migrator.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Migration.Known.Count, results.Sum(r => r.Applied.Count));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
