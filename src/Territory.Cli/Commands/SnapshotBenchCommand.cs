using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Territory.Data;
using Territory.Data.Snapshots;
using Territory.Domain.Rendering;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory bench snapshot [--map2img PATH]</c>: median times of the theater's snapshot at 1600 × 1000 (SVG, PNG),
/// against reading the scene alone as the baseline, and against MapServer drawing the same layers from the same tables.
/// </summary>
internal static class SnapshotBenchCommand
{
    private static readonly DateOnly Day = new(2024, 11, 30);

    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var runs = new Option<int>("--runs") { Description = "measured runs (default 15)", DefaultValueFactory = _ => 15 };
        var map2img = new Option<string?>("--map2img") { Description = "MapServer's map2img (Debian's mapserver-bin), to compare with" };

        var command = new Command("snapshot", "milliseconds per snapshot of the whole theater at 1600 × 1000, SVG and PNG, and MapServer's time for the same layers");
        command.Options.Add(runs);
        command.Options.Add(map2img);
        command.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await SyntheticTerritories.InsertAsync(dataSource, Day, cancellationToken);

            var request = SnapshotRequest.Parse(Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, "1600", "1000", null, "en", out _)!;
            var store = new SnapshotStore(dataSource);
            var rasterizer = new SvgRasterizer();
            var scene = await store.LoadSceneAsync(request, cancellationToken);
            var svg = SnapshotRenderer.Render(scene);
            var vertices = scene.Territories.Sum(t => t.Display.NumPoints) + scene.Boundaries.Sum(b => b.Area.NumPoints);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"scene: {scene.Territories.Count} territories, {scene.Boundaries.Count} boundaries, {vertices} vertices after clipping and snapping, {scene.Labels.Count} label candidates; SVG {Encoding.UTF8.GetByteCount(svg) / 1024.0:F0} KB"));

            // Other work on the machine shows in the wall-clock medians, the rasteriser's above all (one process per image).
            await console.Out.WriteLineAsync($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} before the runs");
            var count = parse.GetValue(runs);
            var read = await MedianAsync(count, () => store.LoadSceneAsync(request, cancellationToken));
            var render = await MedianAsync(count, () => Task.FromResult(SnapshotRenderer.Render(scene)));
            var full = await MedianAsync(count, async () => SnapshotRenderer.Render(await store.LoadSceneAsync(request, cancellationToken)));
            var png = await MedianAsync(count, async () => await rasterizer.ToPngAsync(SnapshotRenderer.Render(await store.LoadSceneAsync(request, cancellationToken)), request.Width, request.Height, cancellationToken));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"baseline, reading the scene from PostGIS: median {read.TotalMilliseconds:F1} ms"));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"SVG 1600×1000 (read + render): median {full.TotalMilliseconds:F1} ms ({full / read:F2}× the baseline; rendering alone {render.TotalMilliseconds:F1} ms), target < 100 ms"));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"PNG 1600×1000 (SVG + rsvg-convert): median {png.TotalMilliseconds:F1} ms ({png / read:F2}× the baseline), target < 300 ms"));

            if (parse.GetValue(map2img) is { Length: > 0 } mapserver)
            {
                var folder = Directory.CreateTempSubdirectory("territory-mapserver-");
                try
                {
                    var mapfile = Path.Combine(folder.FullName, "snapshot.map");
                    var output = Path.Combine(folder.FullName, "mapserver.png");
                    await File.WriteAllTextAsync(mapfile, Mapfile(scene, dataSource.ConnectionString), cancellationToken);
                    var mapserverTime = await MedianAsync(count, () => RunAsync(mapserver, ["-m", mapfile, "-o", output], cancellationToken));
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"MapServer map2img 1600×1000, the same territories and governorates from the same tables (no labels, legend or sources): median {mapserverTime.TotalMilliseconds:F1} ms, {new FileInfo(output).Length / 1024.0:F0} KB"));
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"ratio to MapServer: SVG {full / mapserverTime:F2}×, PNG {png / mapserverTime:F2}× (below 1 is faster)"));
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            }
            else
            {
                await console.Out.WriteLineAsync("MapServer: not compared (give --map2img; scripts/bench snapshot installs mapserver-bin)");
            }

            await console.Out.WriteLineAsync($"machine: load average {LoadAverage()} after the runs");
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"snapshot: {full.TotalMilliseconds:F1} ms"));
            return 0;
        }));
        return command;
    }

    /// <summary>A mapfile drawing the snapshot's layers (land, territories per actor, contested hatched, governorate lines) in Web Mercator.</summary>
    private static string Mapfile(SnapshotScene scene, string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var connection = $"host={c.Host} port={c.Port} dbname={c.Database} user={c.Username}" + (string.IsNullOrEmpty(c.Password) ? string.Empty : $" password={c.Password}");
        var extent = scene.Frame.Extent;
        static double X(double lon) => 6378137 * lon * Math.PI / 180;
        static double Y(double lat) => 6378137 * Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360));
        var day = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var classes = new StringBuilder();
        foreach (var actor in scene.Territories.Where(t => !t.Contested && t.Color is { Length: 7 }).DistinctBy(t => t.ActorKey))
        {
            var rgb = Convert.FromHexString(actor.Color![1..]);
            classes.Append(CultureInfo.InvariantCulture, $"    CLASS EXPRESSION \"{actor.ActorKey}\" STYLE COLOR {rgb[0]} {rgb[1]} {rgb[2]} OUTLINECOLOR {rgb[0]} {rgb[1]} {rgb[2]} WIDTH 0.6 END END\n");
        }

        return string.Create(CultureInfo.InvariantCulture, $$"""
            MAP
              NAME "territory"
              SIZE {{scene.Request.Width}} {{scene.Request.Height}}
              EXTENT {{X(extent.MinX):F1}} {{Y(extent.MinY):F1}} {{X(extent.MaxX):F1}} {{Y(extent.MaxY):F1}}
              UNITS METERS
              IMAGECOLOR 230 233 236
              PROJECTION "init=epsg:3857" END
              OUTPUTFORMAT NAME "png" DRIVER "AGG/PNG" MIMETYPE "image/png" IMAGEMODE RGB EXTENSION "png" END
              IMAGETYPE "png"
              SYMBOL NAME "hatch" TYPE HATCH END
              LAYER
                NAME "land" TYPE POLYGON STATUS ON
                CONNECTIONTYPE POSTGIS CONNECTION "{{connection}}"
                DATA "geom FROM (SELECT id, area AS geom FROM places WHERE kind = 'governorate' AND area IS NOT NULL) AS t USING UNIQUE id USING SRID=4326"
                PROJECTION "init=epsg:4326" END
                CLASS STYLE COLOR 250 248 243 OUTLINECOLOR 74 79 85 WIDTH 1.5 END END
              END
              LAYER
                NAME "territories" TYPE POLYGON STATUS ON
                CONNECTIONTYPE POSTGIS CONNECTION "{{connection}}"
                DATA "geom FROM (SELECT row_number() OVER () AS id, coalesce(a.key, 'contested') AS actor, t.display AS geom FROM territories t LEFT JOIN actors a ON a.id = t.actor_id WHERE t.day = '{{day}}') AS t USING UNIQUE id USING SRID=4326"
                PROJECTION "init=epsg:4326" END
                CLASSITEM "actor"
            {{classes}}    CLASS EXPRESSION "contested" STYLE COLOR 242 242 242 END STYLE SYMBOL "hatch" COLOR 48 48 48 SIZE 8 WIDTH 3 ANGLE 45 END END
              END
              LAYER
                NAME "governorates" TYPE LINE STATUS ON
                CONNECTIONTYPE POSTGIS CONNECTION "{{connection}}"
                DATA "geom FROM (SELECT id, area AS geom FROM places WHERE kind = 'governorate' AND area IS NOT NULL) AS t USING UNIQUE id USING SRID=4326"
                PROJECTION "init=epsg:4326" END
                CLASS STYLE COLOR 107 113 120 WIDTH 0.9 PATTERN 5 3 END END END
              END
            END

            """);
    }

    private static async Task RunAsync(string executable, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new IOException($"{executable} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Median duration of <paramref name="runs"/> runs after one warm-up run.</summary>
    private static async Task<TimeSpan> MedianAsync(int runs, Func<Task> work)
    {
        await work();
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
