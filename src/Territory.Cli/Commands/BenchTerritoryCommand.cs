using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Domain.Control;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Domain.Territories;
using Territory.Ingestion.Gazetteer;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory bench territory --communities CSV --boundaries TOPOJSON</c> (run through scripts/bench territory): a full
/// rebuild of 30 days over every OCHA community with synthetic events, in memory, given the cells (timeline, dissolved
/// exact and display territories, areas), with the cells' own cost (once per gazetteer) measured apart, and one event's
/// incremental update; medians, with ratios against a baseline run in the same process (one day dissolved by NTS's
/// CoverageUnion), checks that the traced territories equal the overlay's and that an incremental update equals a full
/// rebuild, ending with <c>territory: VALUE ms</c> (the full rebuild given the cells).
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

            // The cells depend on the gazetteer only (the store builds them once per gazetteer version): timed apart.
            var tessellate = Median(runCount, () => CellTessellation.Build(sites, outline));
            var edgeTable = Median(runCount, () =>
            {
                var cells = CellTessellation.Build(sites, outline);
                _ = (cells.Edges(display: false), cells.Edges(display: true));
            });
            var tessellation = CellTessellation.Build(sites, outline);
            var clean = tessellation.Edges(display: false) is not null && tessellation.Edges(display: true) is not null;
            var scenario = Scenario.Create(tessellation, dayCount, parse.GetValue(perDay));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cells: {tessellation.Cells.Count}, {tessellation.Cells.Sum(c => c.Exact.NumPoints)} vertices, {tessellation.Cells.Sum(c => c.AreaKm2):F0} km²; exact coverage (edge tables): {clean}; synthetic events: {scenario.Events.Count}"));

            // Baseline: one day dissolved by NetTopologySuite's CoverageUnion, exact and display, per controller.
            var timeline = scenario.Timeline(end);
            var baseline = Median(runCount, () => OverlayDay(tessellation, timeline.On(end)));
            var full = Median(runCount, () => BuildDays(new TerritoryBuilder(tessellation), tessellation, scenario.Timeline(end), 0));

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

            // Checks: the traced territories equal the overlay's; an incremental update equals a full rebuild.
            var traced = new TerritoryBuilder(tessellation).Build(timeline.On(end), end);
            var overlay = OverlayDay(tessellation, timeline.On(end));
            var worst = traced.Zip(overlay, (t, o) => t.Exact.SymmetricDifference(o).Area / Math.Max(o.Area, 1e-12)).Max();
            var edited = Start.AddDays(middle);
            var editEvent = new ControlEvent(-9999, scenario.Events[0].Cell + 1, ControlTier.Claimed, scenario.Opposition.Id, scenario.Government.Id, edited, edited);
            var afterEdit = warm.Recompute([.. scenario.Events, editEvent], edited, end);
            var same = Enumerable.Range(middle, dayCount - middle + 1).All(d =>
            {
                var day = Start.AddDays(d);
                var incrementalDay = builder.Build(afterEdit.On(day), day);
                var fullDay = new TerritoryBuilder(tessellation).Build(ControlTimeline.Compute(scenario.Initial, [scenario.Opposition, scenario.Government], [.. scenario.Events, editEvent], Start, end).On(day), day);
                return incrementalDay.Count == fullDay.Count && incrementalDay.Zip(fullDay).All(p => p.First.Exact.EqualsExact(p.Second.Exact) && p.First.Display.EqualsExact(p.Second.Display) && p.First.Cells.SequenceEqual(p.Second.Cells));
            });

            await Line(console, $"baseline, one day dissolved by NTS CoverageUnion (exact and display): median {baseline.TotalMilliseconds:F1} ms");
            await Line(console, $"cutting the cells (Voronoi, outline, reach, display; once per gazetteer): median {tessellate.TotalMilliseconds:F1} ms ({tessellate / baseline:F1}× baseline)");
            await Line(console, $"cells plus their edge tables (exact, display; once per gazetteer): median {edgeTable.TotalMilliseconds:F1} ms ({edgeTable / baseline:F1}× baseline)");
            await Line(console, $"full rebuild given the cells, {dayCount + 1} days (timeline, exact and display territories, areas): median {full.TotalMilliseconds:F1} ms ({full / baseline:F1}× baseline; target < 1000 ms)");
            await Line(console, $"full rebuild including the cells and edge tables: about {(full + edgeTable).TotalMilliseconds:F0} ms");
            await Line(console, $"incremental, one event mid-period (day {middle} of {dayCount}, the days after it rebuilt): median {incremental.TotalMilliseconds:F1} ms ({incremental / baseline:F2}× baseline; target < 100 ms)");
            await Line(console, $"incremental, one event on the last day: median {latest.TotalMilliseconds:F1} ms ({latest / baseline:F2}× baseline)");
            await Line(console, $"check: traced territories vs CoverageUnion, worst symmetric difference {worst:E1} of the area; incremental equals full rebuild: {same}");
            await Line(console, $"territory: {full.TotalMilliseconds:F0} ms");
            return 0;
        }));
        return command;
    }

    private static Task Line(CliConsole console, FormattableString text) => console.Out.WriteLineAsync(text.ToString(CultureInfo.InvariantCulture));

    // The day's territories the way NTS merges a coverage: CoverageUnion per controller, exact and display.
    private static List<Geometry> OverlayDay(CellTessellation tessellation, IReadOnlyList<PlaceControl> states)
    {
        var groups = Enumerable.Range(0, states.Count)
            .GroupBy(c => states[c].Status == ControlStatus.Held ? (states[c].ActorId, ControlStatus.Held) : ((long?)null, ControlStatus.Contested))
            .OrderBy(g => g.Key.Item2).ThenBy(g => g.Key.Item1);
        var exact = new List<Geometry>();
        foreach (var group in groups)
        {
            exact.Add(TerritoryDissolver.Union(group.Select(c => tessellation.Cells[c].Exact)));
            TerritoryDissolver.Union(group.Select(c => tessellation.Cells[c].Display));
        }

        return exact;
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
