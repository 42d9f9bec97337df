using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Territory.Data;
using Territory.Data.Snapshots;
using Territory.Domain.Rendering;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory snapshot --date 2024-11-30 [--bbox minLon,minLat,maxLon,maxLat] [--width N] [--height N] [--title T]
/// [--lang fr|en] --out map.svg|map.png</c>: the map of a day as an image file, the same as the web app's /snapshots.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var date = new Option<string>("--date") { Description = "the day, YYYY-MM-DD", Required = true };
        var bbox = new Option<string?>("--bbox") { Description = $"extent minLon,minLat,maxLon,maxLat (default the theater, {SnapshotRequest.FormatBbox(SnapshotRequest.Theater)})" };
        var width = new Option<string?>("--width") { Description = $"pixels (default {SnapshotRequest.DefaultWidth})" };
        var height = new Option<string?>("--height") { Description = $"pixels (default {SnapshotRequest.DefaultHeight})" };
        var title = new Option<string?>("--title") { Description = "the heading (default: territorial control)" };
        var lang = new Option<string?>("--lang") { Description = "language of the legend and labels: en (default) or fr" };
        var output = new Option<FileInfo>("--out") { Description = "the file to write: .svg or .png", Required = true };

        var command = new Command("snapshot", "write the map of a day (territories, legend, scale, sources) as SVG or PNG");
        foreach (var option in new Option[] { date, bbox, width, height, title, lang, output })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            var file = parse.GetValue(output)!;
            var format = file.Extension.ToLowerInvariant();
            if (format is not (".svg" or ".png"))
            {
                await console.Error.WriteLineAsync($"territory: --out must end in .svg or .png, not '{file.Name}'");
                return 2;
            }

            var request = SnapshotRequest.Parse(parse.GetValue(date), parse.GetValue(bbox), parse.GetValue(width), parse.GetValue(height), parse.GetValue(title), parse.GetValue(lang), out var errors);
            if (request is null)
            {
                foreach (var (name, message) in errors)
                {
                    await console.Error.WriteLineAsync($"territory: --{name}: {message}");
                }

                return 2;
            }

            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var scene = await new SnapshotStore(services.GetRequiredService<NpgsqlDataSource>()).LoadSceneAsync(request, cancellationToken);
            var svg = SnapshotRenderer.Render(scene);
            byte[] bytes;
            try
            {
                bytes = format == ".svg" ? Encoding.UTF8.GetBytes(svg) : await new SvgRasterizer().ToPngAsync(svg, request.Width, request.Height, cancellationToken);
            }
            catch (SnapshotRasterizerException e)
            {
                await console.Error.WriteLineAsync($"territory: {e.Message}");
                return 1;
            }

            // Written aside then moved, so a failed run leaves no half-written image.
            var temporary = file.FullName + ".partial";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
            await console.Out.WriteLineAsync($"{file.FullName}: {request.Width}×{request.Height} {format[1..].ToUpperInvariant()}, {scene.Territories.Count} territories, {scene.Sources.Count} reports");
            return 0;
        }));
        return command;
    }
}
