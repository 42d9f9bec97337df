using System.Globalization;
using Territory.Domain.Places;

namespace Territory.Data.Mentions;

/// <summary>Stored keys of a mention's geocode status.</summary>
public static class MentionStatuses
{
    /// <summary>Geocoded by the pipeline, not yet reviewed.</summary>
    public const string Auto = "auto";

    /// <summary>The pipeline found no place it trusted; the candidates wait for an analyst.</summary>
    public const string Unresolved = "unresolved";

    /// <summary>An analyst kept the pipeline's place.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>An analyst chose another place.</summary>
    public const string Corrected = "corrected";

    /// <summary>Whether an analyst has already decided this mention's place.</summary>
    public static bool IsReviewed(string status) => status is Confirmed or Corrected;
}

/// <summary>Which mentions a correction applies to, besides the one it was made on.</summary>
public enum CorrectionScope
{
    /// <summary>That mention only.</summary>
    Mention,

    /// <summary>Every mention of the same spelling (same normalized surface) in the same report, any revision.</summary>
    SpellingInReport,

    /// <summary>Every mention of the same spelling in every report.</summary>
    SpellingEverywhere,
}

/// <summary>Keys of <see cref="CorrectionScope"/> as exchanged by forms and the API.</summary>
public static class CorrectionScopes
{
    /// <summary>Every key, narrowest first.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["mention", "report", "everywhere"];

    /// <summary>The exchanged key of a scope.</summary>
    public static string Key(this CorrectionScope scope) => Keys[(int)scope];

    /// <summary>Parses a key; a missing key is the narrowest scope.</summary>
    public static bool TryParse(string? key, out CorrectionScope scope)
    {
        var index = string.IsNullOrEmpty(key) ? 0 : Keys.ToList().FindIndex(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        scope = (CorrectionScope)Math.Max(index, 0);
        return index >= 0;
    }
}

/// <summary>A gazetteer place as a mention points at it (lon/lat in WGS84 degrees).</summary>
public sealed record MentionPlace(long Id, string Name, string Kind, double Lon, double Lat, string Source);

/// <summary>One of the places the geocoder weighed for a mention, best first, with its score.</summary>
public sealed record MentionCandidate(long Id, string Name, string Kind, double Lon, double Lat, double Score);

/// <summary>A stored mention with everything a reviewer needs: its place, the runner-up, the candidates, who reviewed it.</summary>
public sealed record ReviewMention(
    long Id,
    long RevisionId,
    int Start,
    int End,
    string Surface,
    string? Cue,
    MentionPlace? Place,
    double? Score,
    MentionPlace? RunnerUp,
    double? Margin,
    int? Geoprecision,
    string Status,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<MentionCandidate> Candidates)
{
    /// <summary>What a review form saw; a correction made from an older version is refused as stale.</summary>
    public string Version => MentionVersion.Of(Place?.Id, Status, ReviewedAt);
}

/// <summary>The version token of a mention's reviewable state.</summary>
public static class MentionVersion
{
    public static string Of(long? placeId, string status, DateTimeOffset? reviewedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{placeId}.{status}.{reviewedAt?.UtcTicks}");
}

/// <summary>A revision of a report, for the list of revisions.</summary>
public sealed record RevisionSummary(long Id, int Revision, DateTimeOffset IngestedAt);

/// <summary>A report's mentions in one revision.</summary>
public sealed record ReportMentions(long ReportId, long RevisionId, int Revision, IReadOnlyList<ReviewMention> Mentions);

/// <summary>
/// An analyst's decision on a mention: keep or change its place, given as a gazetteer id or as a new analyst place
/// (exactly one), applied to the mention and, by <see cref="Scope"/>, to the other mentions of its spelling.
/// </summary>
/// <param name="Geoprecision">1 the place itself, 2 near or part of it, 3 only a region; by default 1 for a new place, otherwise kept.</param>
/// <param name="ExpectedVersion">The mention's <see cref="ReviewMention.Version"/> the analyst saw; when given, a different one is refused.</param>
public sealed record MentionCorrection(long MentionId, long? PlaceId, PlaceDraft? NewPlace, CorrectionScope Scope = CorrectionScope.Mention, int? Geoprecision = null, string? ExpectedVersion = null);

/// <summary>What a correction changed.</summary>
/// <param name="PlaceId">The place the mentions now point at.</param>
/// <param name="PlaceCreated">Whether that place was created by this correction.</param>
/// <param name="Mentions">The mentions changed (the reviewed one first when it changed).</param>
/// <param name="Events">Events moved to the new place because they were read at a changed mention.</param>
/// <param name="LeftAsReviewed">Mentions of the spelling in scope left alone because an analyst had already decided them.</param>
public sealed record MentionCorrectionResult(long PlaceId, bool PlaceCreated, IReadOnlyList<long> Mentions, IReadOnlyList<long> Events, int LeftAsReviewed);

/// <summary>Why a correction was refused.</summary>
public enum MentionReviewProblem
{
    /// <summary>No mention has this id.</summary>
    UnknownMention,

    /// <summary>The request itself is wrong (unknown place, implausible coordinates, bad precision...).</summary>
    Invalid,

    /// <summary>The mention changed since the form was loaded.</summary>
    Stale,
}

/// <summary>A refused correction: nothing was changed. <see cref="Field"/> names the input at fault.</summary>
public sealed class MentionReviewException(MentionReviewProblem problem, string field, string message) : Exception(message)
{
    public MentionReviewProblem Problem { get; } = problem;

    public string Field { get; } = field;
}
