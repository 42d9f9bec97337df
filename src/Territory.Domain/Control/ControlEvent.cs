using Territory.Domain.Events;

namespace Territory.Domain.Control;

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
