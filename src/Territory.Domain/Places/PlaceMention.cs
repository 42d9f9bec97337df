namespace Territory.Domain.Places;

/// <summary>How a span of text matched a gazetteer name.</summary>
public enum NameMatch
{
    /// <summary>Same orthographic key (case, diacritics, article, elision folded).</summary>
    Exact,

    /// <summary>Same consonant skeleton (transliteration variants merged).</summary>
    Phonetic,

    /// <summary>Similar by character trigrams only.</summary>
    Fuzzy,

    /// <summary>A capitalised span after a place cue that matches nothing well enough.</summary>
    None,
}

/// <summary>What the words around a mention say about it.</summary>
public enum CueRelation
{
    None,

    /// <summary>The wider area named after the place: countryside, province, region (ACLED geoprecision 3).</summary>
    Region,

    /// <summary>Part of or near the place: outskirts, gates, suburbs, "near" (geoprecision 2).</summary>
    Near,

    /// <summary>The thing described lies in a direction from the place ("north of Aleppo").</summary>
    Direction,
}

/// <summary>A compass direction from an anchor place.</summary>
public enum Bearing
{
    None,
    North,
    NorthEast,
    East,
    SouthEast,
    South,
    SouthWest,
    West,
    NorthWest,
}

/// <summary>The cue words found next to a mention.</summary>
/// <param name="Kind">The kind the words say the place is (« le village de », "X airbase"), when they say one.</param>
/// <param name="Relation">Whether the mention anchors a region, a vicinity or a direction.</param>
/// <param name="Bearing">The direction, for direction cues and directional regions (« campagne ouest »).</param>
/// <param name="Text">The cue words as written.</param>
public sealed record MentionCue(PlaceKind? Kind, CueRelation Relation, Bearing Bearing, string Text)
{
    public static MentionCue Empty { get; } = new(null, CueRelation.None, Bearing.None, string.Empty);
}

/// <summary>A place a span may name, with how well the name fits.</summary>
public sealed record PlaceCandidate(GazetteerEntry Entry, string MatchedName, NameMatch Match, double NameScore);

/// <summary>A span of a text that names (or seems to name) a place, before disambiguation.</summary>
/// <param name="Start">Offset of the first character in the text (UTF-16 units).</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Surface">The characters as written.</param>
/// <param name="Sentence">Index of the sentence the span is in.</param>
/// <param name="Cue">The cue words next to the span.</param>
/// <param name="Candidates">Gazetteer entries the span may name, best name fit first; empty for an unmatched span.</param>
public sealed record MentionSpan(int Start, int End, string Surface, int Sentence, MentionCue Cue, IReadOnlyList<PlaceCandidate> Candidates);

/// <summary>
/// A mention resolved to a place (or left unresolved), with how sure the resolver is and why.
/// Geoprecision follows ACLED: 1 the place itself, 2 part of or near a named place, 3 only a region.
/// </summary>
public sealed record PlaceMention(
    MentionSpan Span,
    GazetteerEntry? Place,
    double Score,
    GazetteerEntry? RunnerUp,
    double Margin,
    int Geoprecision,
    IReadOnlyList<ScoredCandidate> Candidates)
{
    /// <summary>True when no candidate was good enough and an analyst should pick.</summary>
    public bool IsResolved => Place is not null;
}

/// <summary>A candidate with its final score and the parts it is made of.</summary>
public sealed record ScoredCandidate(GazetteerEntry Entry, double Score, NameMatch Match, ScoreBreakdown Breakdown)
{
    /// <summary>The reasons that moved the score, in words (built on demand: most candidates are never shown).</summary>
    public IReadOnlyList<string> Reasons => Breakdown.Describe(Match);
}

/// <summary>What a candidate's score is made of: name fit plus or minus each piece of evidence.</summary>
public sealed record ScoreBreakdown(string MatchedName, double Name)
{
    public double KindCue { get; init; }

    public double AdminArea { get; init; }

    public string? Constraint { get; init; }

    public double ConstraintFit { get; init; }

    public double ContextMedianKm { get; init; } = double.NaN;

    public double Context { get; init; }

    public int Sources { get; init; } = 1;

    public double Corroboration { get; init; }

    public double Theater { get; init; }

    public double Prominence { get; init; }

    public IReadOnlyList<string> Describe(NameMatch match)
    {
        var reasons = new List<string> { string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{match.ToString().ToLowerInvariant()} name '{MatchedName}' {Name:F2}") };
        Add(reasons, "kind cue", KindCue);
        Add(reasons, "a bare name rarely means an admin area", AdminArea);
        Add(reasons, Constraint ?? string.Empty, ConstraintFit);
        Add(reasons, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"other places of the text (median {ContextMedianKm:F0} km)"), Context);
        Add(reasons, $"in {Sources} gazetteers", Corroboration);
        Add(reasons, "inside the theater", Theater);
        Add(reasons, "prominence", Prominence);
        return reasons;
    }

    private static void Add(List<string> reasons, string why, double delta)
    {
        if (Math.Abs(delta) >= 0.005)
        {
            reasons.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{why} {delta:+0.00;-0.00}"));
        }
    }
}
