namespace Territory.Domain.Control;

/// <summary>Whether a cell is held by one actor or contested.</summary>
public enum ControlStatus
{
    /// <summary>One actor holds it.</summary>
    Held,

    /// <summary>Fought over, entered or reached, or reported held by different actors: nobody's for sure.</summary>
    Contested,
}

/// <summary>
/// Who controls one cell on one day, and why. <see cref="Parties"/> are the actors that may hold it: the holder when
/// held; when contested, the previous holder and every gainer (they count in those actors' upper bounds).
/// <see cref="EventIds"/> are the events that put it in this state (empty for the starting state).
/// </summary>
public sealed record PlaceControl(long? ActorId, ControlStatus Status, string Tier, long[] Parties, long[] EventIds, DateOnly Since)
{
    /// <summary>Tier of a cell in its starting state.</summary>
    public const string InitialTier = "initial";

    /// <summary>Tier of a cell reported taken within a date range that has not ended yet.</summary>
    public const string UndatedTier = "unconfirmed";

    /// <summary>Held from the starting lines.</summary>
    public static PlaceControl Initial(long actorId, DateOnly start) => new(actorId, ControlStatus.Held, InitialTier, [actorId], [], start);

    /// <summary>Same state, same reasons (the day it began aside).</summary>
    public bool SameAs(PlaceControl other) =>
        ActorId == other.ActorId && Status == other.Status && Tier == other.Tier
        && Parties.AsSpan().SequenceEqual(other.Parties) && EventIds.AsSpan().SequenceEqual(other.EventIds);
}
