using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Territory.Cli.Commands;
using Territory.Data;

namespace Territory.Cli;

/// <summary>The <c>territory</c> command line: one subcommand per capability.</summary>
public static class TerritoryCommand
{
    /// <summary>Parses and runs; returns the process exit code (0 ok, 1 failed, 2 bad usage).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var connection = new Option<string?>("--connection")
        {
            Description = $"Npgsql connection string (default: the {TerritoryDataOptions.ConnectionStringVariable} environment variable)",
            Recursive = true,
        };
        var root = new RootCommand("Territory: territorial control from news reports, with sources.");
        root.Options.Add(connection);
        root.Subcommands.Add(UsersCommand.Build(connection, console));
        root.Subcommands.Add(DatabaseCommand.Build(connection, console));
        root.Subcommands.Add(GazetteerCommand.Build(connection, console));
        root.Subcommands.Add(SetupCommand.Build(connection, console));
        root.Subcommands.Add(GeocodeCommand.Build(connection, console));
        root.Subcommands.Add(IngestCommand.Build(connection, console));
        root.Subcommands.Add(BenchCommand.Build(connection, console));
        root.Subcommands.Add(SnapshotCommand.Build(connection, console));
        root.Subcommands.Add(ControlCommand.Build(connection, console));
        root.Subcommands.Add(AreaCommand.Build(connection, console));

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }

    /// <summary>The services a command needs, configured like the web app (environment variables, then --connection).</summary>
    internal static ServiceProvider Services(string? connection)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(connection))
        {
            builder.Configuration["ConnectionStrings:Territory"] = connection;
        }

        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddTerritoryData();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>Runs a command body, turning expected failures into one line on stderr and exit code 1.</summary>
    internal static async Task<int> Guard(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is DatabaseUnavailableException or Data.Accounts.AccountException or Npgsql.NpgsqlException
            or Domain.Places.GazetteerFormatException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"territory: {e.Message}");
            return 1;
        }
    }
}
