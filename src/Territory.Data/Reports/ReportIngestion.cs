using Territory.Data.Places;
using Territory.Ingestion;
using Territory.Ingestion.Dates;
using Territory.Ingestion.Geocoding;
using Territory.Ingestion.Reading;

namespace Territory.Data.Reports;

/// <summary>What the person ingesting a report says about it; each value given wins over what the document says.</summary>
/// <param name="FileName">The file's name, kept without folders and used to tell the format.</param>
/// <param name="Published">The publication day, when known.</param>
/// <param name="SourceUrl">The address it was published at.</param>
/// <param name="Outlet">The outlet that published it.</param>
/// <param name="Language">The language (fr, en, ar, tr), when known; otherwise detected.</param>
/// <param name="MaxBytes">The largest input accepted.</param>
public sealed record ReportInput(string? FileName, DateOnly? Published = null, string? SourceUrl = null, string? Outlet = null, string? Language = null, long MaxBytes = ReportDecoder.DefaultMaxBytes);

/// <summary>
/// One report from bytes to rows: <see cref="ReportReader"/> → <see cref="LanguageDetector"/> → publication day (given,
/// else the document's own, else inferred from its words by <see cref="PublicationDateFinder"/>, else unknown) → <see cref="ReportAnalyzer"/> → <see cref="ReportStore.SaveAsync(ReportSubmission, Func{ReportAnalysis}, long?, CancellationToken)"/>.
/// A report that cannot be read throws <see cref="ReportRejectedException"/> before anything is stored; a report in a
/// language the pipeline does not read is stored (status unsupported) without mentions or events. Thread-safe.
/// </summary>
public sealed class ReportIngestion(ReportAnalyzer analyzer, ReportStore store, LanguageDetector detector, TimeProvider clock)
{
    /// <summary>Days are the theater's local days (UTC+3), as everywhere in the pipeline.</summary>
    public static readonly TimeSpan TheaterOffset = TimeSpan.FromHours(3);

    private static readonly ReportAnalysis Nothing = new([], [], [], [], []);

    /// <summary>Builds the analyzer once over the stored gazetteer.</summary>
    public static async Task<ReportIngestion> CreateAsync(GazetteerStore gazetteer, ReportStore store, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var entries = await gazetteer.LoadEntriesAsync(cancellationToken);
        return new ReportIngestion(new ReportAnalyzer(GazetteerIndex.Build(entries)), store, LanguageDetector.Default, clock);
    }

    /// <summary>Reads, analyses and stores one report.</summary>
    /// <exception cref="ReportRejectedException">Empty, binary, too large or undecodable input: nothing is stored.</exception>
    public async Task<ReportSaveResult> IngestAsync(Stream content, ReportInput input, long? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(input);
        var read = ReportReader.Read(content, input.FileName, new ReportReadOptions { MaxBytes = input.MaxBytes });
        var submission = Describe(read, input);

        // The store analyses the text only once it knows, under the text's lock, that it is not stored yet.
        return await store.SaveAsync(
            submission,
            () => submission.LanguageStatus == LanguageStatuses.Unsupported
                ? Nothing
                : analyzer.Analyze(submission.Body, submission.PublishedOn ?? TheaterDay(), submission.Language),
            userId,
            cancellationToken);
    }

    /// <summary>Reads, analyses and stores one report held in memory.</summary>
    public Task<ReportSaveResult> IngestAsync(byte[] bytes, ReportInput input, long? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return IngestAsync(new MemoryStream(bytes, writable: false), input, userId, cancellationToken);
    }

    private ReportSubmission Describe(ReadReport read, ReportInput input)
    {
        // Given beats detected; a text too short to tell takes the language it declares, if it is one the pipeline reads.
        string? language;
        string languageStatus;
        double? confidence = null;
        if (!string.IsNullOrWhiteSpace(input.Language))
        {
            (language, languageStatus) = (input.Language.Trim().ToLowerInvariant(), LanguageStatuses.Given);
        }
        else
        {
            var detection = detector.Detect(read.Text);
            confidence = detection.Confidence;
            (language, languageStatus) = detection.Status switch
            {
                LanguageStatus.Detected => (detection.Language, LanguageStatuses.Detected),
                LanguageStatus.Unsupported => (detection.Nearest, LanguageStatuses.Unsupported),
                _ => (read.LanguageHint is { } hint && detector.SupportedLanguages.Contains(hint) ? hint : null, LanguageStatuses.Detected),
            };
        }

        DateOnly? published = null;
        var publishedStatus = PublishedStatuses.Unknown;
        string? evidence = null;
        if (input.Published is { } given)
        {
            (published, publishedStatus) = (given, PublishedStatuses.Given);
        }
        else if (read.PublishedHint is { } stated)
        {
            (published, publishedStatus, evidence) = (stated.Date, PublishedStatuses.Inferred, $"{stated.From}: {stated.Raw}");
        }
        else if (PublicationDates.Infer(read.Text, TheaterDay()) is { } inferred)
        {
            // « ce vendredi 29 novembre », « depuis 3 jours » after a dated start, « mercredi dernier » with its date.
            (published, publishedStatus, evidence) = (inferred.Day, PublishedStatuses.Inferred, $"text: {inferred.Evidence}");
        }

        return new ReportSubmission(
            read.Text,
            read.Format switch { ReportFormat.Markdown => "markdown", ReportFormat.Html => "html", _ => "text" },
            read.Encoding,
            read.OriginalName,
            Blank(input.SourceUrl) ?? read.SourceUrl,
            Blank(input.Outlet) ?? read.Outlet,
            read.Title,
            language,
            languageStatus,
            confidence,
            published,
            publishedStatus,
            evidence);
    }

    private static readonly PublicationDateFinder PublicationDates = new();

    // The day of ingestion in theater time: what undated words are read against, and the year an inferred date takes.
    private DateOnly TheaterDay() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TheaterOffset).DateTime);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
