namespace Territory.Domain.Places;

/// <summary>What a gazetteer entry is; stored as its snake_case key.</summary>
public enum PlaceKind
{
    Country,
    Governorate,
    District,
    Subdistrict,
    City,
    Town,
    Village,
    Neighbourhood,
    Airport,
    Airbase,
    MilitaryBase,
    Landmark,
    Road,
    Junction,
    Square,
    Region,
}

/// <summary>Keys of <see cref="PlaceKind"/> as stored and exchanged (<c>military_base</c>, <c>village</c>...).</summary>
public static class PlaceKinds
{
    private static readonly Dictionary<string, PlaceKind> ByKey =
        Enum.GetValues<PlaceKind>().ToDictionary(Key, k => k, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key, in enum order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Enum.GetValues<PlaceKind>().Select(Key)];

    /// <summary>The stored key of a kind.</summary>
    public static string Key(this PlaceKind kind) => kind switch
    {
        PlaceKind.MilitaryBase => "military_base",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a stored key; false for anything else.</summary>
    public static bool TryParse(string? key, out PlaceKind kind) => ByKey.TryGetValue(key ?? string.Empty, out kind);
}
