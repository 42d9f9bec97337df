using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Places;
using Territory.Data.Reports;
using Territory.Ingestion.Reading;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory ingest FILES|DIR [--published YYYY-MM-DD] [--source URL] [--outlet NAME] [--lang fr|en|ar|tr] [--max-mb N] [--if-empty]</c>:
/// reads, analyses and stores reports, a few at a time. The same text twice is harmless (the database keys texts by
/// their SHA-256), so a folder can be ingested again. Exit code 1 when any file was rejected.
/// </summary>
internal static class IngestCommand
{
    /// <summary>The files a folder contributes, searched recursively.</summary>
    internal static readonly string[] Extensions = [".txt", ".md", ".html", ".htm"];

    private const int Workers = 3;

    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "report files, or folders of .txt, .md, .html and .htm files (READMEs left out)", Arity = ArgumentArity.OneOrMore };
        var published = new Option<string?>("--published") { Description = "the publication day (YYYY-MM-DD), overriding what the reports state" };
        var source = new Option<string?>("--source") { Description = "the address the report was published at (a new text for it becomes a new revision)" };
        var outlet = new Option<string?>("--outlet") { Description = "the outlet that published it" };
        var language = new Option<string?>("--lang") { Description = "the reports' language, instead of detecting it" };
        language.AcceptOnlyFromAmong("fr", "en", "ar", "tr");
        var ifEmpty = new Option<bool>("--if-empty") { Description = "do nothing when the database already holds reports (first-start loading)" };
        var maxMb = new Option<int>("--max-mb") { Description = "the largest report accepted, in MB (default 2)", DefaultValueFactory = _ => 2 };

        var command = new Command("ingest", "read reports, find their places and events, and store them with their sources");
        command.Arguments.Add(paths);
        command.Options.Add(published);
        command.Options.Add(source);
        command.Options.Add(outlet);
        command.Options.Add(language);
        command.Options.Add(maxMb);
        command.Options.Add(ifEmpty);
        command.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            DateOnly? day = null;
            if (parse.GetValue(published) is { } publishedText)
            {
                if (!DateOnly.TryParseExact(publishedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await console.Error.WriteLineAsync($"territory: --published '{publishedText}' is not a day written YYYY-MM-DD");
                    return 2;
                }

                day = parsed;
            }

            var megabytes = parse.GetValue(maxMb);
            if (megabytes is < 1 or > 1024)
            {
                await console.Error.WriteLineAsync($"territory: --max-mb must be from 1 to 1024, not {megabytes}");
                return 2;
            }

            if (parse.GetValue(source) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                await console.Error.WriteLineAsync($"territory: --source '{url}' is not an absolute address");
                return 2;
            }

            var files = new List<string>();
            foreach (var path in parse.GetValue(paths) ?? [])
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !IsReadme(f))
                        .Order(StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    await console.Error.WriteLineAsync($"territory: no file or folder at {path}");
                    return 2;
                }
            }

            // One address is one report: several files under it would become revisions of each other.
            if (parse.GetValue(source) is not null && files.Count > 1)
            {
                await console.Error.WriteLineAsync($"territory: --source names one report's address, but {files.Count} files were given");
                return 2;
            }

            if (files.Count == 0)
            {
                await console.Error.WriteLineAsync("territory: no reports to ingest (.txt, .md, .html, .htm)");
                return 1;
            }

            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var store = services.GetRequiredService<ReportStore>();
            if (parse.GetValue(ifEmpty) && await store.HasReportsAsync(cancellationToken))
            {
                await console.Out.WriteLineAsync("reports already stored: nothing ingested (--if-empty)");
                return 0;
            }

            var ingestion = await ReportIngestion.CreateAsync(
                services.GetRequiredService<GazetteerStore>(), store, services.GetRequiredService<TimeProvider>(), cancellationToken);

            var template = new ReportInput(null, day, parse.GetValue(source), parse.GetValue(outlet), parse.GetValue(language), megabytes * 1024L * 1024L);
            var summary = await IngestAllAsync(ingestion, files, template, console, cancellationToken);
            await console.Out.WriteLineAsync(
                $"{files.Count} files: {summary.New} new, {summary.Revisions} revisions, {summary.Duplicates} duplicates, {summary.Rejected} rejected; {summary.Mentions} mentions, {summary.Events} events ({summary.AutoAccepted} auto-accepted)");
            return summary.Rejected > 0 ? 1 : 0;
        }));
        return command;
    }

    // A folder's README describes the folder; it is not a report (a README named on the command line is read).
    private static bool IsReadme(string path) => Path.GetFileNameWithoutExtension(path).Equals("README", StringComparison.OrdinalIgnoreCase);

    private static async Task<IngestSummary> IngestAllAsync(ReportIngestion ingestion, List<string> files, ReportInput template, CliConsole console, CancellationToken cancellationToken)
    {
        var summary = new IngestSummary();
        var done = 0;
        var output = new SemaphoreSlim(1, 1);
        var width = files.Count.ToString(CultureInfo.InvariantCulture).Length;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            string line;
            try
            {
                await using var stream = File.OpenRead(file);
                var result = await ingestion.IngestAsync(stream, template with { FileName = file }, null, ct);
                summary.Add(result);
                line = result.Outcome == ReportSaveOutcome.Duplicate
                    ? $"duplicate (report {result.ReportId} revision {result.Revision})"
                    : $"{result.OutcomeKey}: report {result.ReportId} revision {result.Revision}, {result.Mentions} mentions, {result.Events} events";
            }
            catch (Exception e) when (e is ReportRejectedException or IOException or UnauthorizedAccessException)
            {
                summary.Reject();
                line = $"rejected: {e.Message}";
            }

            await output.WaitAsync(ct);
            try
            {
                var n = Interlocked.Increment(ref done).ToString(CultureInfo.InvariantCulture).PadLeft(width);
                await console.Out.WriteLineAsync($"[{n}/{files.Count}] {file}: {line}");
            }
            finally
            {
                output.Release();
            }
        });
        return summary;
    }

    private sealed class IngestSummary
    {
        private int _new, _revisions, _duplicates, _rejected, _mentions, _events, _autoAccepted;

        public int New => _new;

        public int Revisions => _revisions;

        public int Duplicates => _duplicates;

        public int Rejected => _rejected;

        public int Mentions => _mentions;

        public int Events => _events;

        public int AutoAccepted => _autoAccepted;

        public void Add(ReportSaveResult result)
        {
            _ = result.Outcome switch
            {
                ReportSaveOutcome.NewReport => Interlocked.Increment(ref _new),
                ReportSaveOutcome.NewRevision => Interlocked.Increment(ref _revisions),
                _ => Interlocked.Increment(ref _duplicates),
            };
            Interlocked.Add(ref _mentions, result.Mentions);
            Interlocked.Add(ref _events, result.Events);
            Interlocked.Add(ref _autoAccepted, result.AutoAccepted);
        }

        public void Reject() => Interlocked.Increment(ref _rejected);
    }
}
