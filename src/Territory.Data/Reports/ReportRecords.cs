using Territory.Domain.Events;

namespace Territory.Data.Reports;

/// <summary>Stored keys of how a revision's language was settled.</summary>
public static class LanguageStatuses
{
    /// <summary>The person ingesting said which language it is.</summary>
    public const string Given = "given";

    /// <summary>The detector (or, for a text too short to tell, the document's own declaration) said so.</summary>
    public const string Detected = "detected";

    /// <summary>A language the pipeline does not read: stored, not analysed.</summary>
    public const string Unsupported = "unsupported";
}

/// <summary>Stored keys of how a revision's publication day was settled.</summary>
public static class PublishedStatuses
{
    /// <summary>The person ingesting gave it.</summary>
    public const string Given = "given";

    /// <summary>Read from the document (front matter, meta tags); the evidence says where.</summary>
    public const string Inferred = "inferred";

    /// <summary>Nobody knows: events are dated relative to the day of ingestion.</summary>
    public const string Unknown = "unknown";

    /// <summary>An analyst set it after ingestion (audited).</summary>
    public const string Set = "set";
}

/// <summary>A report's text as read, with everything known about it, ready to be stored with its analysis.</summary>
/// <param name="Body">The decoded plain text every offset refers to.</param>
/// <param name="OriginalFormat">text, markdown or html.</param>
/// <param name="OriginalEncoding">The encoding the bytes were read in.</param>
/// <param name="OriginalName">The file name (without folders).</param>
/// <param name="SourceUrl">The address it was published at: a new text for the same address is a new revision.</param>
/// <param name="Language">fr, en, ar, tr; for an unsupported text the nearest profile, if any.</param>
/// <param name="LanguageStatus">One of <see cref="LanguageStatuses"/>.</param>
/// <param name="PublishedStatus">One of <see cref="PublishedStatuses"/>.</param>
/// <param name="PublishedEvidence">Where the day was read ("front matter published: 2024-11-27").</param>
public sealed record ReportSubmission(
    string Body,
    string OriginalFormat,
    string OriginalEncoding,
    string? OriginalName,
    string? SourceUrl,
    string? Outlet,
    string? Title,
    string? Language,
    string LanguageStatus,
    double? LanguageConfidence,
    DateOnly? PublishedOn,
    string PublishedStatus,
    string? PublishedEvidence);

/// <summary>What saving a report did.</summary>
public enum ReportSaveOutcome
{
    /// <summary>A report seen for the first time: revision 1.</summary>
    NewReport,

    /// <summary>A new text for a known source address: the next revision, the earlier ones kept.</summary>
    NewRevision,

    /// <summary>The same text was already stored: nothing changed; the ids are the stored revision's.</summary>
    Duplicate,
}

/// <summary>What <see cref="ReportStore"/> did when saving a report, with the rows it wrote.</summary>
public sealed record ReportSaveResult(
    ReportSaveOutcome Outcome,
    long ReportId,
    long RevisionId,
    int Revision,
    int Mentions,
    int Events,
    int AutoAccepted)
{
    public string OutcomeKey => Outcome switch
    {
        ReportSaveOutcome.NewReport => "new",
        ReportSaveOutcome.NewRevision => "revision",
        _ => "duplicate",
    };
}

/// <summary>A report's latest revision, for lists.</summary>
public sealed record ReportListItem(
    long ReportId,
    long RevisionId,
    int Revision,
    string? Title,
    string? SourceUrl,
    string? Outlet,
    string? OriginalName,
    string? Language,
    string LanguageStatus,
    DateOnly? PublishedOn,
    string PublishedStatus,
    DateTimeOffset IngestedAt,
    int Mentions,
    int Events);

/// <summary>One stored revision: what was submitted (text and metadata), its place mentions and the events read from it.</summary>
public sealed record StoredRevision(
    long Id,
    long ReportId,
    int Revision,
    ReportSubmission Content,
    string ContentSha256,
    DateTimeOffset IngestedAt,
    IReadOnlyList<StoredMention> Mentions,
    IReadOnlyList<StoredEventSource> Events);

/// <summary>A stored place mention.</summary>
public sealed record StoredMention(long Id, int Start, int End, string Surface, string? Cue, long? PlaceId, string? PlaceName, double? Score, int? Geoprecision, string Status);

/// <summary>An event as read from one sentence of a revision.</summary>
public sealed record StoredEventSource(
    long EventId,
    string Kind,
    string? Tier,
    long? PlaceId,
    string? Gainer,
    string? Loser,
    DateOnly DayFrom,
    DateOnly DayTo,
    string DatePrecision,
    string Rule,
    double Confidence,
    string Status,
    int SentenceStart,
    int SentenceEnd,
    string Quote,
    long? MentionId);

/// <summary>Options of <see cref="ReportStore"/>.</summary>
public sealed record ReportStoreOptions
{
    public static ReportStoreOptions Default { get; } = new();

    /// <summary>Events at least this confident are stored as auto_accepted; the others wait as pending.</summary>
    public double AutoAcceptConfidence { get; init; } = EventConfidence.DefaultAutoAccept;

    /// <summary>How many candidates of a mention are kept for review.</summary>
    public int StoredCandidates { get; init; } = 5;

    /// <summary>The most reports a list returns.</summary>
    public int MaxListSize { get; init; } = 500;
}
