using Territory.Domain.Events;

namespace Territory.Data.Events;

/// <summary>Stored keys of an event's review status.</summary>
public static class EventStatuses
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string AutoAccepted = "auto_accepted";
    public const string Rejected = "rejected";
    public const string Merged = "merged";

    public static IReadOnlyList<string> All { get; } = [Pending, Accepted, AutoAccepted, Rejected, Merged];
}

/// <summary>Stored keys of event kinds, tiers and date precisions, for validating what an analyst enters.</summary>
public static class EventKeyLists
{
    public static IReadOnlyList<string> Kinds { get; } = [.. Enum.GetValues<EventKind>().Select(k => k.Key())];

    public static IReadOnlyList<string> Tiers { get; } = [.. Enum.GetValues<ControlTier>().Select(t => t.Key())];

    public static IReadOnlyList<string> Precisions { get; } = ["day", "range", "before_publication"];
}

/// <summary>Which events a list shows; every value is optional. Days overlap the range [From, To].</summary>
/// <param name="Place">A place id, or a name in any spelling of the gazetteer.</param>
/// <param name="Actor">An actor key (gainer or loser, or their parent).</param>
/// <param name="Status">One of <see cref="EventStatuses"/>; without it, every event but merged ones.</param>
/// <param name="ReportId">Events read in any revision of this report.</param>
public sealed record EventFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Place = null,
    string? Actor = null,
    string? Kind = null,
    string? Status = null,
    long? ReportId = null,
    int Page = 1,
    int PageSize = EventStore.DefaultPageSize);

/// <summary>One page of events, newest first.</summary>
public sealed record EventPage(IReadOnlyList<EventView> Events, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An event as a reviewer sees it, with its sources and likely duplicates from other reports.</summary>
public sealed record EventView(
    long Id,
    string Kind,
    string? Tier,
    long? PlaceId,
    string? PlaceName,
    string? Gainer,
    string? GainerName,
    string? Loser,
    string? LoserName,
    DateOnly DayFrom,
    DateOnly DayTo,
    string DatePrecision,
    string? DateEvidence,
    string Rule,
    double Confidence,
    string Status,
    long? MergedInto,
    string? Note,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<EventSourceView> Sources,
    IReadOnlyList<long> LikelyDuplicates);

/// <summary>
/// A sentence an event was read in. <paramref name="HighlightStart"/> and <paramref name="HighlightEnd"/> are offsets in
/// <paramref name="Quote"/> of the place mention, when the sentence names the event's place.
/// </summary>
public sealed record EventSourceView(
    long ReportId,
    long RevisionId,
    int Revision,
    string? Title,
    string? Outlet,
    DateOnly? PublishedOn,
    int SentenceStart,
    int SentenceEnd,
    string Quote,
    int? HighlightStart,
    int? HighlightEnd);

/// <summary>What an analyst sets on an event (an edit, or a new event entered by hand).</summary>
public sealed record EventChange(
    string Kind,
    string? Tier,
    long? PlaceId,
    string? Gainer,
    string? Loser,
    DateOnly DayFrom,
    DateOnly DayTo,
    string DatePrecision,
    string? Note)
{
    /// <summary>The problems of the values themselves, by field; references (place, actors) are checked by the store.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!EventKeyLists.Kinds.Contains(Kind))
        {
            errors["kind"] = [$"Unknown kind '{Kind}'; use one of: {string.Join(", ", EventKeyLists.Kinds)}."];
        }

        if (Tier is not null && !EventKeyLists.Tiers.Contains(Tier))
        {
            errors["tier"] = [$"Unknown tier '{Tier}'; use one of: {string.Join(", ", EventKeyLists.Tiers)}, or none."];
        }

        if (!EventKeyLists.Precisions.Contains(DatePrecision))
        {
            errors["precision"] = [$"Unknown precision '{DatePrecision}'; use one of: {string.Join(", ", EventKeyLists.Precisions)}."];
        }

        if (DayTo < DayFrom)
        {
            errors["day_to"] = [$"day_to ({DayTo:yyyy-MM-dd}) is before day_from ({DayFrom:yyyy-MM-dd})."];
        }
        else if (DatePrecision == "day" && DayTo != DayFrom)
        {
            errors["day_to"] = ["A date of precision 'day' has day_to equal to day_from; use 'range' for several days."];
        }

        if (Note is { Length: > 2000 })
        {
            errors["note"] = ["The note is longer than 2,000 characters."];
        }

        return errors;
    }
}

/// <summary>Bad input to a review action: nothing was changed. <see cref="Field"/> names the input at fault.</summary>
public sealed class EventReviewException : Exception
{
    public EventReviewException(string field, string message, bool notFound = false)
        : base(message) => (Field, NotFound) = (field, notFound);

    public EventReviewException()
        : this("id", "the event cannot be changed")
    {
    }

    public EventReviewException(string message, Exception innerException)
        : base(message, innerException) => Field = "id";

    public string Field { get; } = "id";

    /// <summary>The event (or report, place) named does not exist.</summary>
    public bool NotFound { get; }
}

/// <summary>An event re-dated after its revision's publication day was set, or kept with the reason.</summary>
/// <param name="Outcome">redated, unchanged or kept.</param>
public sealed record RedatedEvent(long EventId, string Outcome, DateOnly FromBefore, DateOnly ToBefore, DateOnly FromAfter, DateOnly ToAfter, string PrecisionAfter, string? Reason);

/// <summary>What setting a revision's publication day did.</summary>
public sealed record PublishedDayChange(long RevisionId, long ReportId, DateOnly? Before, string StatusBefore, DateOnly After, IReadOnlyList<RedatedEvent> Events);

/// <summary>An actor of the taxonomy, for choosing gainers and losers.</summary>
public sealed record ActorChoice(string Key, string Name, string Side);

/// <summary>A report's latest revision with its publication day and how it was settled.</summary>
public sealed record RevisionDay(long ReportId, long RevisionId, int Revision, string? Title, DateOnly? PublishedOn, string PublishedStatus, string? PublishedEvidence);
