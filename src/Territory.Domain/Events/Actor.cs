namespace Territory.Domain.Events;

/// <summary>A party to the conflict, from the taxonomy in data/actors.</summary>
/// <param name="Key">Stable key (hts, opposition, sna, government, russia, iran, hezbollah, turkey, sdf, unknown).</param>
/// <param name="Side">The coalition whose ground the actor's gains add to on the map (opposition, government, sdf, unknown).</param>
/// <param name="Parent">The broader actor it belongs to, if any (HTS → opposition).</param>
/// <param name="Color">Map colour (colour-blind-safe palette).</param>
public sealed record Actor(string Key, string Name, string Side, string? Parent, string Color)
{
    public const string UnknownKey = "unknown";

    public bool IsUnknown => Key == UnknownKey;
}

/// <summary>Words of a text that name an actor.</summary>
public sealed record ActorMention(int Start, int End, int Sentence, Actor Actor, string Surface);
