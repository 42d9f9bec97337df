using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Territory.Data;
using Territory.Data.Places;
using Territory.Data.Reports;
using Territory.Ingestion;
using Territory.Ingestion.Geocoding;
using Territory.Ingestion.Reading;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory bench ingest --samples DIR</c> (run through scripts/bench): reports per second through the whole
/// pipeline — read, detect the language, find and geocode mentions, extract events, store everything in PostGIS — for
/// reports of about 3 KB built from the team's sample texts, as medians of several batches, against the analysis alone
/// and one worker in the same process; ends with <c>ingest: VALUE reports/s</c>.
/// </summary>
internal static class BenchIngestCommand
{
    private const int ReportBytes = 3000;

    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var samples = new Option<DirectoryInfo>("--samples") { Description = "the folder of sample reports to build the 3 KB reports from (data/samples)", Required = true };
        var runs = new Option<int>("--runs") { Description = "measured batches (default 5)", DefaultValueFactory = _ => 5 };
        var batch = new Option<int>("--batch") { Description = "reports per batch (default 400)", DefaultValueFactory = _ => 400 };
        var workers = new Option<int>("--workers") { Description = "concurrent workers (default twice the cores)", DefaultValueFactory = _ => 2 * Environment.ProcessorCount };

        var command = new Command("ingest", "reports per second through reading, language, mentions, geocoding, events and the database writes");
        command.Options.Add(samples);
        command.Options.Add(runs);
        command.Options.Add(batch);
        command.Options.Add(workers);
        command.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var entries = await services.GetRequiredService<GazetteerStore>().LoadEntriesAsync(cancellationToken);
            var analyzer = new ReportAnalyzer(GazetteerIndex.Build(entries));
            var ingestion = new ReportIngestion(analyzer, services.GetRequiredService<ReportStore>(), LanguageDetector.Default, services.GetRequiredService<TimeProvider>());

            var paragraphs = SampleParagraphs(parse.GetValue(samples)!);
            if (paragraphs.Count == 0)
            {
                await console.Error.WriteLineAsync("territory: no sample reports (.md, .txt) to build the bench reports from.");
                return 1;
            }

            var size = parse.GetValue(batch);
            var count = Math.Max(1, parse.GetValue(runs));
            var parallelism = Math.Max(1, parse.GetValue(workers));
            var published = new DateOnly(2024, 11, 30);
            var batchNumber = 0;
            byte[][] NextBatch() => Reports(paragraphs, batchNumber++, size);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"gazetteer: {entries.Count} places; reports of ~{ReportBytes / 1000} KB built from {paragraphs.Sum(p => p.Value.Count)} sample paragraphs ({string.Join(", ", paragraphs.Keys)}); {size} reports per batch, {count} batches"));

            // Analysis alone (read, language, mentions, geocodes, events), one core: the baseline, with the time per stage.
            var stages = new AnalysisStageTimes();
            long readTicks = 0, languageTicks = 0, analysed = 0;
            var analysisBatches = 0;
            var analysis = await MedianAsync(count, NextBatch, reports =>
            {
                // The warm-up batch (JIT, caches) is left out of the stage times.
                var times = analysisBatches++ == 0 ? null : stages;
                foreach (var bytes in reports)
                {
                    var mark = Stopwatch.GetTimestamp();
                    var read = ReportReader.Read(new MemoryStream(bytes), "bench.txt", new ReportReadOptions());
                    var afterRead = Stopwatch.GetTimestamp();
                    var language = LanguageDetector.Default.Detect(read.Text).Language;
                    var afterLanguage = Stopwatch.GetTimestamp();
                    analyzer.Analyze(read.Text, published, language, times);
                    if (times is not null)
                    {
                        (readTicks, languageTicks, analysed) = (readTicks + afterRead - mark, languageTicks + afterLanguage - afterRead, analysed + 1);
                    }
                }

                return Task.CompletedTask;
            });
            var input = new ReportInput("bench.txt", published);
            var oneWorker = await MedianAsync(count, NextBatch, async reports =>
            {
                foreach (var bytes in reports)
                {
                    await ingestion.IngestAsync(bytes, input, null, cancellationToken);
                }
            });
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            var serverBefore = await ServerCpuAsync(dataSource, cancellationToken);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var concurrent = await MedianAsync(count, NextBatch, reports => Parallel.ForEachAsync(
                reports, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (bytes, ct) => await ingestion.IngestAsync(bytes, input, null, ct)));
            var cpuPerReport = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / ((count + 1) * size);
            var serverAfter = await ServerCpuAsync(dataSource, cancellationToken);
            TimeSpan? serverPerReport = serverBefore is null || serverAfter is null
                ? null
                : TimeSpan.FromSeconds(serverAfter.Sum(b => b.Value - serverBefore.GetValueOrDefault(b.Key)) / (double)ClockTicksPerSecond / ((count + 1) * size));

            double Rate(TimeSpan t) => size / t.TotalSeconds;
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"baseline, analysis only (no database), one core: median {analysis.TotalMilliseconds:F0} ms per batch = {Rate(analysis):F0} reports/s"));
            string PerReport(TimeSpan total) => string.Create(CultureInfo.InvariantCulture, $"{total.TotalMilliseconds / analysed:F2} ms");
            await console.Out.WriteLineAsync(
                $"analysis per report by stage (mean): read {PerReport(Stopwatch.GetElapsedTime(0, readTicks))}, language {PerReport(Stopwatch.GetElapsedTime(0, languageTicks))}, "
                + string.Join(", ", AnalysisStageTimes.Stages.Select(stage => $"{stage} {PerReport(stages[stage])}")));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ingest with database writes, one worker: median {oneWorker.TotalMilliseconds:F0} ms = {Rate(oneWorker):F0} reports/s ({oneWorker / analysis:F2}× the analysis baseline's time)"));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ingest with database writes, {parallelism} workers on {Environment.ProcessorCount} cores: median {concurrent.TotalMilliseconds:F0} ms = {Rate(concurrent):F0} reports/s ({oneWorker / concurrent:F2}× one worker)"));
            var server = serverPerReport is { } serverTime
                ? string.Create(CultureInfo.InvariantCulture, $"the database server's {serverTime.TotalMilliseconds:F2} ms; {Environment.ProcessorCount} idle cores would ingest about {Environment.ProcessorCount * 1000 / (cpuPerReport + serverTime).TotalMilliseconds:F0} reports/s")
                : "the database server's not measured (not on this machine)";
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"CPU per report with {parallelism} workers: this process {cpuPerReport.TotalMilliseconds:F2} ms, {server}; load average {LoadAverage()} (other work shares these cores)"));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ingest: {Rate(concurrent):F0} reports/s"));
            return 0;
        }));
        return command;
    }

    // Linux's USER_HZ: /proc/PID/stat counts CPU time in these ticks.
    private const int ClockTicksPerSecond = 100;

    // CPU ticks (user + system) of each server process serving this database, read from /proc when the server runs on
    // this machine: the share of the work a wall-clock figure on a busy machine cannot show. Null when unreadable.
    private static async Task<Dictionary<int, long>?> ServerCpuAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ticks = new Dictionary<int, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var pid = reader.GetInt32(0);
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return null;
            }

            // Fields after the command name in parentheses; utime and stime are the 14th and 15th of the line.
            var line = await File.ReadAllTextAsync(stat, cancellationToken);
            var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
            ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        return ticks;
    }

    // Other work on a shared machine slows every figure: the 1-minute load average says how much (Linux only).
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    // The samples' paragraphs by language (front matter and titles left out), so a built report keeps one language.
    private static Dictionary<string, List<string>> SampleParagraphs(DirectoryInfo folder)
    {
        var byLanguage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in folder.EnumerateFiles("*.*").Where(f => f.Extension is ".md" or ".txt" && !f.Name.StartsWith("README", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var read = ReportReader.Read(File.OpenRead(file.FullName), file.Name, new ReportReadOptions());
            var language = read.LanguageHint ?? LanguageDetector.Default.Detect(read.Text).Language ?? "und";
            if (!byLanguage.TryGetValue(language, out var list))
            {
                byLanguage[language] = list = [];
            }

            list.AddRange(read.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length > 80));
        }

        return byLanguage;
    }

    // Batch b's reports: paragraphs of one language taken in turn until about 3 KB, with a first line that makes each
    // text new (the same text again would be a duplicate, not an ingest).
    private static byte[][] Reports(Dictionary<string, List<string>> paragraphs, int batch, int size)
    {
        var languages = paragraphs.Keys.Order(StringComparer.Ordinal).ToList();
        var reports = new byte[size][];
        for (var r = 0; r < size; r++)
        {
            var pool = paragraphs[languages[r % languages.Count]];
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Bench {batch}-{r}\n\n"));
            for (var k = (r * 7) + batch; Encoding.UTF8.GetByteCount(text.ToString()) < ReportBytes; k++)
            {
                text.Append(pool[k % pool.Count]).Append("\n\n");
            }

            reports[r] = Encoding.UTF8.GetBytes(text.ToString());
        }

        return reports;
    }

    /// <summary>Median duration of <paramref name="runs"/> batches after one warm-up batch, each on new reports.</summary>
    private static async Task<TimeSpan> MedianAsync(int runs, Func<byte[][]> next, Func<byte[][], Task> work)
    {
        await work(next());
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var reports = next();
            var watch = Stopwatch.StartNew();
            await work(reports);
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
