using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Territory;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory control import FILE</c> (the starting lines) and <c>territory control rebuild [--initial FILE]</c>
/// (every day's states, cells and territories, from the accepted events).
/// </summary>
internal static class ControlCommand
{
    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON FeatureCollection of the starting lines (data/control/*.geojson)" };
        var import = new Command("import", "replace the starting lines (who held what before the offensive) with a GeoJSON file; audited");
        import.Arguments.Add(file);
        import.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            return await ImportAsync(services, parse.GetValue(file)!, console, cancellationToken);
        }));

        var initial = new Option<FileInfo?>("--initial") { Description = "starting lines to import first when none are stored yet" };
        var pending = new Option<bool>("--pending") { Description = "only the days a change has queued since the last rebuild" };
        var rebuild = new Command("rebuild", "build every day's control states, cells and territories from the accepted events");
        rebuild.Options.Add(initial);
        rebuild.Options.Add(pending);
        rebuild.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            if (parse.GetValue(initial) is { } lines && !await services.GetRequiredService<InitialControlStore>().AnyAsync(cancellationToken)
                && await ImportAsync(services, lines, console, cancellationToken) != 0)
            {
                return 1;
            }

            var store = services.GetRequiredService<TerritoryStore>();
            var result = parse.GetValue(pending) ? await store.RebuildPendingAsync(cancellationToken) : await store.RebuildAsync(cancellationToken);
            await console.Out.WriteLineAsync(result.From is null
                ? "territories: up to date, nothing queued"
                : string.Create(CultureInfo.InvariantCulture, $"territories: {result.Start:yyyy-MM-dd} to {result.End:yyyy-MM-dd}, {result.Cells} cells, {result.Events} changes of a cell (accepted control changes, a city's also on its neighbourhoods); {result.DaysWritten.Count} days written in {result.Elapsed.TotalMilliseconds:F0} ms"));
            return 0;
        }));

        var control = new Command("control", "the control timeline and territories");
        control.Subcommands.Add(import);
        control.Subcommands.Add(rebuild);
        return control;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, FileInfo file, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var count = await services.GetRequiredService<InitialControlStore>().ReplaceAsync(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name, null, cancellationToken);
            await console.Out.WriteLineAsync($"starting lines: {count} areas from {file.Name}");
            return 0;
        }
        catch (InitialControlFormatException e)
        {
            await console.Error.WriteLineAsync($"territory: {e.Message}");
            return 1;
        }
    }
}
