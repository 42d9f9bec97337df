using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Domain.Control;
using Territory.Domain.Places;
using Territory.Domain.Territories;
using Territory.Ingestion.Gazetteer;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory bench territory --communities CSV --boundaries TOPOJSON</c> (run through scripts/bench territory): a full
/// rebuild of 30 days over every OCHA community with synthetic events, in memory (cells, timeline, dissolved exact and
/// display territories, areas), and one event's incremental update; medians, with ratios against a baseline run in the
/// same process (dissolving one day from scratch, without the block cache), ending with <c>territory: VALUE ms</c>.
/// </summary>
internal static class BenchTerritoryCommand
{
    private static readonly DateOnly Start = new(2024, 11, 26);

    public static Command Build(CliConsole console)
    {
        var communities = new Option<FileInfo>("--communities") { Description = "OCHA communities CSV (ocha_syr_admin4_communities.csv)", Required = true };
        var boundaries = new Option<FileInfo>("--boundaries") { Description = "OCHA boundaries (GeoJSON or TopoJSON); the governorates give the country outline", Required = true };
        var runs = new Option<int>("--runs") { Description = "measured runs (default 7)", DefaultValueFactory = _ => 7 };
        var days = new Option<int>("--days") { Description = "days after the start day (default 30)", DefaultValueFactory = _ => 30 };
        var perDay = new Option<int>("--events-per-day") { Description = "synthetic control changes per day (default 20)", DefaultValueFactory = _ => 20 };

        var command = new Command("territory", "full rebuild of the day-by-day territories over every OCHA community, and one event's incremental update");
        command.Options.Add(communities);
        command.Options.Add(boundaries);
        command.Options.Add(runs);
        command.Options.Add(days);
        command.Options.Add(perDay);
        command.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            var sites = ReadSites(parse.GetValue(communities)!);
            var outline = ReadOutline(parse.GetValue(boundaries)!);
            var dayCount = Math.Max(1, parse.GetValue(days));
            var runCount = Math.Max(1, parse.GetValue(runs));
            var end = Start.AddDays(dayCount);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sites: {sites.Count} communities; outline: {outline.NumPoints} vertices; days: {Start:yyyy-MM-dd} to {end:yyyy-MM-dd}"));

            var tessellation = CellTessellation.Build(sites, outline);
            var scenario = Scenario.Create(tessellation, dayCount, parse.GetValue(perDay));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cells: {tessellation.Cells.Count}, {tessellation.Cells.Sum(c => c.Exact.NumPoints)} vertices, {tessellation.Cells.Sum(c => c.AreaKm2):F0} km²; synthetic events: {scenario.Events.Count}"));

            // Baseline: one day dissolved from scratch (a fresh builder, so no cached blocks).
            var timeline = scenario.Timeline(end);
            var baseline = Median(runCount, () => new TerritoryBuilder(tessellation).Build(timeline.On(end), end));
            var tessellate = Median(runCount, () => CellTessellation.Build(sites, outline));
            var full = Median(runCount, () => FullRebuild(sites, outline, scenario, end));

            var builder = new TerritoryBuilder(tessellation);
            var warm = scenario.Timeline(end);
            BuildDays(builder, tessellation, warm, 0);
            var random = new Random(7);
            var middle = dayCount / 2;
            var incremental = Median(runCount, () =>
            {
                var day = Start.AddDays(middle + random.Next(0, 3));
                var extra = new ControlEvent(-1 - random.Next(1000), random.Next(tessellation.Cells.Count), ControlTier.Claimed, scenario.Opposition.Id, scenario.Government.Id, day, day);
                var updated = warm.Recompute([.. scenario.Events, extra], day, end);
                BuildDays(builder, tessellation, updated, day.DayNumber - Start.DayNumber);
            });
            var latest = Median(runCount, () =>
            {
                var extra = new ControlEvent(-5000 - random.Next(1000), random.Next(tessellation.Cells.Count), ControlTier.Claimed, scenario.Opposition.Id, scenario.Government.Id, end, end);
                var updated = warm.Recompute([.. scenario.Events, extra], end, end);
                BuildDays(builder, tessellation, updated, dayCount);
            });

            await Line(console, $"baseline, one day dissolved from scratch: median {baseline.TotalMilliseconds:F1} ms");
            await Line(console, $"cutting the cells (Voronoi, outline, reach, display): median {tessellate.TotalMilliseconds:F1} ms ({tessellate / baseline:F1}× baseline)");
            await Line(console, $"full rebuild, {dayCount + 1} days (cells, timeline, exact and display territories, areas): median {full.TotalMilliseconds:F1} ms ({full / baseline:F1}× baseline; target < 1000 ms)");
            await Line(console, $"incremental, one event mid-period (day {middle} of {dayCount}, the days after it rebuilt): median {incremental.TotalMilliseconds:F1} ms ({incremental / baseline:F2}× baseline; target < 100 ms)");
            await Line(console, $"incremental, one event on the last day: median {latest.TotalMilliseconds:F1} ms ({latest / baseline:F2}× baseline)");
            await Line(console, $"territory: {full.TotalMilliseconds:F0} ms");
            return 0;
        }));
        return command;
    }

    private static Task Line(CliConsole console, FormattableString text) => console.Out.WriteLineAsync(text.ToString(CultureInfo.InvariantCulture));

    private static void FullRebuild(List<CellSite> sites, Geometry outline, Scenario scenario, DateOnly end)
    {
        var tessellation = CellTessellation.Build(sites, outline);
        var timeline = scenario.Timeline(end);
        BuildDays(new TerritoryBuilder(tessellation), tessellation, timeline, 0);
    }

    private static void BuildDays(TerritoryBuilder builder, CellTessellation tessellation, ControlTimeline timeline, int from)
    {
        for (var day = from; day < timeline.DayCount; day++)
        {
            builder.Build(timeline.On(timeline.DayAt(day)), timeline.DayAt(day));
        }

        TerritoryAreas.Compute(tessellation, timeline, Enumerable.Range(from, timeline.DayCount - from));
    }

    private static List<CellSite> ReadSites(FileInfo file)
    {
        using var stream = file.OpenRead();
        return [.. new OchaPlacesReader().Read(stream, file.Name)
            .Where(p => p.Kind is PlaceKind.City or PlaceKind.Town or PlaceKind.Village)
            .Select((p, i) => new CellSite(i + 1, p.Point.X, p.Point.Y, p.Admin1Code, p.Admin2Code))];
    }

    private static Geometry ReadOutline(FileInfo file)
    {
        using var stream = file.OpenRead();
        var governorates = new BoundaryReader().Read(stream, file.Name).Where(p => p.Kind == PlaceKind.Governorate && p.Area is not null).Select(p => (Geometry)p.Area!).ToList();
        if (governorates.Count == 0)
        {
            throw new IOException($"{file.Name}: no governorate outlines in it.");
        }

        return NetTopologySuite.Operation.Union.UnaryUnionOp.Union(governorates);
    }

    /// <summary>Median duration of <paramref name="runs"/> runs after one warm-up run.</summary>
    private static TimeSpan Median(int runs, Action work)
    {
        work();
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>
    /// A front moving out of the north-west: each day the opposition takes cells near its ground, enters a few more, and
    /// the government takes a few back; the same sequence every run (seeded).
    /// </summary>
    private sealed record Scenario(ControlActor Opposition, ControlActor Government, long[] Initial, List<ControlEvent> Events)
    {
        public ControlTimeline Timeline(DateOnly end) => ControlTimeline.Compute(Initial, [Opposition, Government], Events, Start, end);

        public static Scenario Create(CellTessellation tessellation, int days, int perDay)
        {
            var opposition = new ControlActor(1, "opposition", "opposition");
            var government = new ControlActor(2, "government", "government");
            var cells = tessellation.Cells;

            // Start: the opposition holds the cells of Idleb governorate (SY07), the government the rest.
            var initial = cells.Select(c => c.Admin1Code == "SY07" ? opposition.Id : government.Id).ToArray();
            var centre = new Coordinate(36.9, 36.0);
            var byDistance = cells.Where(c => c.Admin1Code != "SY07").OrderBy(c => c.Exact.EnvelopeInternal.Centre.Distance(centre)).Select(c => c.Index).ToList();
            var random = new Random(42);
            var events = new List<ControlEvent>();
            long id = 1;
            for (var day = 1; day <= days; day++)
            {
                var date = Start.AddDays(day);
                var reach = Math.Min(byDistance.Count, day * perDay * 2);
                for (var i = 0; i < perDay; i++)
                {
                    var cell = byDistance[random.Next(reach)];
                    var (tier, gainer, loser) = (i % 10) switch
                    {
                        < 6 => (ControlTier.Claimed, opposition, government),
                        < 8 => (ControlTier.Entered, opposition, government),
                        8 => (ControlTier.Claimed, government, opposition),
                        _ => (ControlTier.Withdrawn, opposition, government),
                    };
                    var from = i % 7 == 0 ? date.AddDays(-2) : date;
                    events.Add(new ControlEvent(id++, cell, tier, gainer.Id, loser.Id, from, date, Retake: gainer == government));
                }
            }

            return new Scenario(opposition, government, initial, events);
        }
    }
}
