using NetTopologySuite.Geometries;

namespace Territory.Domain.Places;

/// <summary>A name of a place in one language; the script is derived from the text.</summary>
public sealed record PlaceName(string Text, string Language)
{
    /// <summary>ISO 15924 script code of the name: Arab when it holds Arabic letters, else Latn.</summary>
    public string Script => Text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF') ? "Arab" : "Latn";
}

/// <summary>A place about to enter the gazetteer, before it has an id.</summary>
public sealed record PlaceDraft(PlaceKind Kind, string Name, Point Point, IReadOnlyList<PlaceName> Names, int? Population = null);
