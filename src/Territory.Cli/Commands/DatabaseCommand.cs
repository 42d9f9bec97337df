using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Health;

namespace Territory.Cli.Commands;

/// <summary><c>territory db migrate</c> and <c>territory db status</c>.</summary>
internal static class DatabaseCommand
{
    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var migrate = new Command("migrate", "apply pending schema migrations (refuses a database newer than this build)");
        migrate.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            var outcome = await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            await console.Out.WriteLineAsync(outcome is null || outcome.Applied.Count == 0
                ? $"schema is at version {Data.Schema.Migration.LatestVersion}; nothing to apply"
                : $"schema migrated from version {outcome.FromVersion} to {outcome.ToVersion}: {string.Join(", ", outcome.Applied)}");
            return 0;
        }));

        var status = new Command("status", "database reachability, versions and what it holds");
        status.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            var health = await services.GetRequiredService<DatabaseStatus>().CheckAsync(cancellationToken);
            if (!health.Reachable)
            {
                await console.Error.WriteLineAsync($"territory: database unreachable ({TerritoryDataOptions.ConnectionStringSetting}): {health.Error}");
                return 1;
            }

            var inventory = await services.GetRequiredService<DatabaseStatus>().InventoryAsync(cancellationToken);
            await console.Out.WriteLineAsync($"PostgreSQL {health.PostgresVersion}, PostGIS {health.PostgisVersion}, schema {health.SchemaVersion}");
            await console.Out.WriteLineAsync($"{inventory.Reports} reports, {inventory.Places} places, {inventory.AcceptedEvents} accepted events");
            return 0;
        }));

        var db = new Command("db", "database schema");
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(status);
        return db;
    }
}
