namespace Territory.Domain.Events;

/// <summary>How precisely a report dates an event.</summary>
public enum DatePrecision
{
    /// <summary>One known day.</summary>
    Day,

    /// <summary>Some day within a known range (« depuis mercredi », "over the past three days").</summary>
    Range,

    /// <summary>The report gives no date: only that it happened before it was published.</summary>
    BeforePublication,
}

/// <summary>When an event happened, as days in the theater's local time (UTC+3), with the words that say so.</summary>
/// <param name="From">First possible day.</param>
/// <param name="To">Last possible day (equal to <paramref name="From"/> for a known day).</param>
/// <param name="Evidence">The words that date it, or null for <see cref="DatePrecision.BeforePublication"/>.</param>
public sealed record EventDate(DateOnly From, DateOnly To, DatePrecision Precision, string? Evidence)
{
    /// <summary>Stored keys of <see cref="DatePrecision"/>.</summary>
    public string PrecisionKey => Precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Range => "range",
        _ => "before_publication",
    };

    /// <summary>A single known day.</summary>
    public static EventDate OnDay(DateOnly day, string evidence) => new(day, day, DatePrecision.Day, evidence);
}
