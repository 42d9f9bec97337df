using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Places;
using Territory.Domain.Places;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory gazetteer import FILE --format geonames|ocha-places|boundaries|curated [--kind KIND] [--country SY]
/// [--alternate-names FILE] [--object NAME] [--source NAME]</c>.
/// </summary>
internal static class GazetteerCommand
{
    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "the gazetteer file to import" };
        var format = new Option<string>("--format") { Description = "geonames, ocha-places, boundaries or curated", Required = true };
        format.AcceptOnlyFromAmong(GazetteerFileOptions.Formats);
        var kind = new Option<string?>("--kind") { Description = "ocha-places: the kind of every place; boundaries: the level (governorate, district, subdistrict)" };
        kind.AcceptOnlyFromAmong([.. PlaceKinds.Keys]);
        var country = new Option<string?>("--country") { Description = "geonames, boundaries: keep this ISO country only (e.g. SY)" };
        var alternateNames = new Option<FileInfo?>("--alternate-names") { Description = "geonames: an alternateNamesV2 file whose names to add" };
        var objects = new Option<string[]>("--object") { Description = "boundaries (TopoJSON): the object to read; repeat for several (default: all)", AllowMultipleArgumentsPerToken = false };
        var source = new Option<string?>("--source") { Description = "the source the rows belong to (default: geonames, ocha, boundaries or curated after the format)" };

        var import = new Command("import", "import a gazetteer file into its source's rows (a re-import updates them and changes nothing else)");
        import.Arguments.Add(file);
        import.Options.Add(format);
        import.Options.Add(kind);
        import.Options.Add(country);
        import.Options.Add(alternateNames);
        import.Options.Add(objects);
        import.Options.Add(source);
        import.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            PlaceKinds.TryParse(parse.GetValue(kind), out var parsedKind);
            var options = new GazetteerFileOptions(parse.GetValue(format)!)
            {
                Kind = parse.GetValue(kind) is null ? null : parsedKind,
                Country = parse.GetValue(country),
                AlternateNames = parse.GetValue(alternateNames)?.FullName,
                Objects = parse.GetValue(objects) ?? [],
                Source = parse.GetValue(source),
            };
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync($"territory: no file at {path}");
                return 1;
            }

            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            await ImportAsync(services.GetRequiredService<GazetteerStore>(), path, options, console, cancellationToken);
            return 0;
        }));

        var gazetteer = new Command("gazetteer", "the gazetteer: import GeoNames, OCHA, boundary and curated files");
        gazetteer.Subcommands.Add(import);
        return gazetteer;
    }

    /// <summary>Imports one file and prints what it changed.</summary>
    internal static async Task<GazetteerImportSummary> ImportAsync(GazetteerStore store, string path, GazetteerFileOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var import = new GazetteerImport(options.StoredSource, options.Format, Path.GetFileName(path), await GazetteerFile.Sha256Async(path, cancellationToken), options.Describe());
        var summary = await store.ImportAsync(import, GazetteerFile.Read(path, options), userId: null, cancellationToken);
        await console.Out.WriteLineAsync($"imported {GazetteerFile.Describe(Path.GetFileName(path), summary, watch.Elapsed)}");
        return summary;
    }
}
