using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Places;
using Territory.Ingestion.Evaluation;
using Territory.Ingestion.Geocoding;
using Territory.Ingestion.Text;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory bench geocode --corpus DIR...</c> (run through scripts/bench): each capability's speed, as medians of
/// several runs and ratios against a baseline run in the same process, ending with one line <c>NAME: VALUE UNIT</c>.
/// </summary>
internal static class BenchCommand
{
    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var corpus = new Option<DirectoryInfo[]>("--corpus") { Description = "folders of reports (.txt, .md) to read; repeat for several", Required = true };
        var runs = new Option<int>("--runs") { Description = "measured runs (default 7)", DefaultValueFactory = _ => 7 };
        var megabytes = new Option<double>("--megabytes") { Description = "text per run, repeating the corpus (default 8)", DefaultValueFactory = _ => 8 };
        var gold = new Option<FileInfo?>("--gold") { Description = "a geocoding gold set to score too (data/gold/geocode.tsv)" };

        var geocode = new Command("geocode", "megabytes of report text per second through mention finding and geocoding, with the loaded gazetteer");
        geocode.Options.Add(corpus);
        geocode.Options.Add(runs);
        geocode.Options.Add(megabytes);
        geocode.Options.Add(gold);
        geocode.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var entries = await services.GetRequiredService<GazetteerStore>().LoadEntriesAsync(cancellationToken);
            var watch = Stopwatch.StartNew();
            var index = GazetteerIndex.Build(entries);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"gazetteer: {entries.Count} places, {index.NameCount} distinct names; index built in {watch.ElapsedMilliseconds} ms"));

            var texts = parse.GetValue(corpus)!.SelectMany(d => d.EnumerateFiles("*.*", SearchOption.AllDirectories))
                .Where(f => f.Extension is ".txt" or ".md").Select(f => File.ReadAllText(f.FullName)).ToList();
            if (texts.Count == 0)
            {
                await console.Error.WriteLineAsync("territory: no .txt or .md reports in the corpus folders.");
                return 1;
            }

            var corpusBytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t));
            var repeat = (int)Math.Ceiling(parse.GetValue(megabytes) * 1e6 / corpusBytes);
            var workload = Enumerable.Repeat(texts, repeat).SelectMany(t => t).ToList();
            var mb = corpusBytes * (double)repeat / 1e6;
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"corpus: {texts.Count} reports, {corpusBytes / 1e3:F1} KB, repeated {repeat}× = {mb:F2} MB per run"));

            var geocoder = new Geocoder(index);
            var tokenize = Median(parse.GetValue(runs), () => workload.ForEach(t => Tokenizer.Tokenize(t)));
            var full = Median(parse.GetValue(runs), () => workload.ForEach(t => geocoder.Geocode(t)));
            var parallel = Median(parse.GetValue(runs), () => Parallel.ForEach(workload, t => geocoder.Geocode(t)));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"baseline, tokenizing only: median {tokenize.TotalMilliseconds:F0} ms = {mb / tokenize.TotalSeconds:F1} MB/s"));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"mention finding + geocoding, one core: median {full.TotalMilliseconds:F0} ms = {mb / full.TotalSeconds:F2} MB/s ({full / tokenize:F1}× the tokenizing baseline)"));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"mention finding + geocoding, {Environment.ProcessorCount} cores: median {parallel.TotalMilliseconds:F0} ms = {mb / parallel.TotalSeconds:F2} MB/s"));
            if (parse.GetValue(gold) is { } goldFile)
            {
                await console.Out.WriteLineAsync(GeocodeGoldSet.Score(geocoder, GeocodeGoldSet.Read(goldFile.FullName)).Summary());
            }

            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"geocode: {mb / full.TotalSeconds:F2} MB/s"));
            return 0;
        }));

        var bench = new Command("bench", "benchmarks (run them with scripts/bench NAME)");
        bench.Subcommands.Add(geocode);
        bench.Subcommands.Add(BenchIngestCommand.Build(connection, console));
        bench.Subcommands.Add(SnapshotBenchCommand.Build(connection, console));
        bench.Subcommands.Add(BenchTerritoryCommand.Build(console));
        return bench;
    }

    /// <summary>Median duration of <paramref name="runs"/> runs after one warm-up run.</summary>
    private static TimeSpan Median(int runs, Action work)
    {
        work();
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
