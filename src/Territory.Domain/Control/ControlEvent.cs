namespace Territory.Domain.Control;

/// <summary>How strongly a report says a place changed hands (the <c>tier</c> of a stored control change).</summary>
public enum ControlTier
{
    /// <summary>Taken and held by the gainer.</summary>
    Claimed,

    /// <summary>The gainer entered the place: contested, not captured.</summary>
    Entered,

    /// <summary>The gainer reached or attacked the place: contested, not captured.</summary>
    Reached,

    /// <summary>Fighting for the place: contested.</summary>
    Contested,

    /// <summary>The loser left: it loses the place (to the gainer when one is named, else the place is contested).</summary>
    Withdrawn,
}

/// <summary>Stored keys of <see cref="ControlTier"/>.</summary>
public static class ControlTiers
{
    /// <summary>The stored key (claimed, entered...).</summary>
    public static string Key(this ControlTier tier) => tier.ToString().ToLowerInvariant();

    /// <summary>Parses a stored key; false for anything else.</summary>
    public static bool TryParse(string? key, out ControlTier tier) =>
        Enum.TryParse(key, ignoreCase: true, out tier) && Enum.IsDefined(tier) && !int.TryParse(key, out _);
}

/// <summary>
/// An accepted control change as the timeline reads it. <paramref name="DayFrom"/>..<paramref name="DayTo"/> are theater
/// days (see <see cref="TheaterDay"/>); a change dated to a range is certain from its last day only.
/// </summary>
/// <param name="Id">The stored event, for provenance.</param>
/// <param name="Cell">The cell (settlement) the change applies to.</param>
/// <param name="GainerId">The actor taking the place; null or the unknown actor when no report names one.</param>
/// <param name="LoserId">The actor losing it, when named.</param>
/// <param name="Retake">The gainer takes back a place it had held.</param>
/// <param name="FromCity">
/// The event names a city and applies to this cell because the cell is one of the city's neighbourhoods: it yields to
/// an event naming the neighbourhood itself on the same days (see <see cref="ControlTimeline"/>).
/// </param>
public sealed record ControlEvent(long Id, int Cell, ControlTier Tier, long? GainerId, long? LoserId, DateOnly DayFrom, DateOnly DayTo, bool Retake = false, bool FromCity = false);

/// <summary>A party to the conflict as the timeline needs it: its id and its side (coalition).</summary>
public sealed record ControlActor(long Id, string Key, string Side);

/// <summary>The day rule of the theater: days are local days at UTC+3 (Syria's time since 2022), for timestamps and reports alike.</summary>
public static class TheaterDay
{
    /// <summary>The theater's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(3);

    /// <summary>The theater day an instant falls on.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
