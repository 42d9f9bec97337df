using Territory.Domain.Places;

namespace Territory.Domain.Events;

/// <summary>What a report says happened.</summary>
public enum EventKind
{
    /// <summary>Ground changed hands, or was entered, reached, contested or left.</summary>
    ControlChange,

    /// <summary>An air or ground strike on a place.</summary>
    Strike,

    /// <summary>A count of dead or wounded, with who counted.</summary>
    Casualties,

    /// <summary>An aggregate claim (« 108 localités », "850 km²", "a 5 km radius").</summary>
    Claim,

    /// <summary>A denial or counter-claim (« l'armée a pu reprendre le contrôle de certaines positions »).</summary>
    Denial,
}

/// <summary>Strength of a control change, strongest first.</summary>
public enum ControlTier
{
    /// <summary>Control claimed: took, seized, captured.</summary>
    Claimed,

    /// <summary>Entered the place.</summary>
    Entered,

    /// <summary>Reached, advanced to, besieged, attacked, cut the road.</summary>
    Reached,

    /// <summary>Fighting inside; disputed.</summary>
    Contested,

    /// <summary>The named side withdrew or fled.</summary>
    Withdrawn,
}

/// <summary>Stored keys of the event enums.</summary>
public static class EventKeys
{
    public static string Key(this EventKind kind) => kind switch
    {
        EventKind.ControlChange => "control_change",
        EventKind.Strike => "strike",
        EventKind.Casualties => "casualties",
        EventKind.Claim => "claim",
        _ => "denial",
    };

    public static string Key(this ControlTier tier) => tier.ToString().ToLowerInvariant();

    public static bool TryParseKind(string? key, out EventKind kind)
    {
        foreach (var value in Enum.GetValues<EventKind>())
        {
            if (value.Key() == key)
            {
                kind = value;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a stored tier key (claimed, entered...); false for anything else, numbers included.</summary>
    public static bool TryParseTier(string? key, out ControlTier tier) =>
        Enum.TryParse(key, ignoreCase: true, out tier) && Enum.IsDefined(tier) && !int.TryParse(key, out _);
}

/// <summary>Where in a report an event was read: the sentence's offsets and its words.</summary>
public sealed record EventSource(int SentenceStart, int SentenceEnd, string Quote);

/// <summary>
/// An event read from a report, with everything it rests on: the sentence, the place mention and its geocode, the actors,
/// the date and its evidence, the rule that fired and a confidence.
/// </summary>
public sealed record ExtractedEvent(
    EventKind Kind,
    ControlTier? Tier,
    PlaceMention? Place,
    Actor Gainer,
    Actor Loser,
    EventDate Date,
    EventSource Source,
    string Rule,
    double Confidence)
{
    /// <summary>The subject took back a place it had held.</summary>
    public bool Retake { get; init; }

    /// <summary>Casualties, aggregate claims: the number and what it counts (dead, wounded, localities, villages, km2, km_radius).</summary>
    public IReadOnlyDictionary<string, double> Quantities { get; init; } = new Dictionary<string, double>();

    /// <summary>Who counted or reported (SOHR, AFP...), when the sentence says.</summary>
    public string? CountedBy { get; init; }

    /// <summary>For strikes: air, ground or unknown.</summary>
    public string? StrikeMode { get; init; }

    /// <summary>More sentences of the same report telling the same event.</summary>
    public IReadOnlyList<EventSource> MoreSources { get; init; } = [];
}
