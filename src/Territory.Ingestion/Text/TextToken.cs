namespace Territory.Ingestion.Text;

/// <summary>A word of a text with its position; keys are folded as the gazetteer's names are.</summary>
/// <param name="Start">Offset of the first character (UTF-16 units).</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Key">The folded word (<see cref="Domain.Places.NameNormalizer.FoldWord"/>).</param>
/// <param name="StemKey">For a word with a suffix after an apostrophe (Turkish « Halep'in », English "Idlib's"): the part before it; otherwise null.</param>
/// <param name="Sentence">Index of the sentence.</param>
/// <param name="IsCapitalized">Starts with an upper-case letter (Latin, Greek, Cyrillic scripts).</param>
/// <param name="IsArabic">Written in Arabic script (no letter case there).</param>
/// <param name="IsSentenceStart">First word of its sentence.</param>
/// <param name="PunctuationBefore">A comma, colon, dash, bracket or quote separates it from the previous word.</param>
public readonly record struct TextToken(
    int Start,
    int End,
    string Key,
    string? StemKey,
    int Sentence,
    bool IsCapitalized,
    bool IsArabic,
    bool IsSentenceStart,
    bool PunctuationBefore);
