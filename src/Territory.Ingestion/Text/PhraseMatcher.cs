namespace Territory.Ingestion.Text;

/// <summary>One word of a phrase pattern: an exact folded word, or a stem that any ending may follow ("empar*").</summary>
public readonly record struct WordPattern(string Word, bool IsStem)
{
    public bool Matches(in TextToken token) =>
        IsStem
            ? token.Key.StartsWith(Word, StringComparison.Ordinal)
            : token.Key == Word || token.StemKey == Word;

    /// <summary>
    /// Parses a written phrase into word patterns, split and folded exactly as text is (« l'armée » is « armee »,
    /// « anti-régime » is « anti » « regime »); a word ending in * is a stem.
    /// </summary>
    public static IReadOnlyList<WordPattern> ParsePhrase(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = new List<WordPattern>();
        foreach (var chunk in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var isStem = chunk.EndsWith('*');
            var tokens = Tokenizer.Tokenize(isStem ? chunk[..^1] : chunk);
            for (var t = 0; t < tokens.Count; t++)
            {
                words.Add(new WordPattern(tokens[t].Key, isStem && t == tokens.Count - 1));
            }
        }

        return words;
    }
}

/// <summary>A phrase to find in text, with what it means.</summary>
/// <param name="Words">The phrase's word patterns, in order.</param>
/// <param name="Value">What a match means (an actor, an event verb...).</param>
/// <param name="UpperCase">True for acronyms (HTS, SDF, ANS): the text must write them in capitals, so « ans » is not the SNA.</param>
/// <param name="MaxGap">Words that may stand between two words of the phrase (« ont rapidement pris »).</param>
public sealed record Phrase<T>(IReadOnlyList<WordPattern> Words, T Value, bool UpperCase = false, int MaxGap = 0);

/// <summary>A phrase found in a text: tokens <see cref="First"/>..<see cref="Last"/>.</summary>
public sealed record PhraseMatch<T>(int First, int Last, Phrase<T> Phrase);

/// <summary>
/// Finds phrases in tokenized text, longest match first, never overlapping. Phrases are indexed by their first word
/// (stems by their first letter), so a text is scanned once.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, List<Phrase<T>>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<Phrase<T>>> _stemFirstByLetter = [];

    public PhraseMatcher(IEnumerable<Phrase<T>> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var stemFirst = new List<Phrase<T>>();
        foreach (var phrase in phrases.Where(p => p.Words.Count > 0 && p.Words[0].Word.Length > 0))
        {
            if (phrase.Words[0].IsStem)
            {
                stemFirst.Add(phrase);
            }
            else
            {
                if (!_byFirstWord.TryGetValue(phrase.Words[0].Word, out var list))
                {
                    _byFirstWord[phrase.Words[0].Word] = list = [];
                }

                list.Add(phrase);
            }
        }

        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Count.CompareTo(a.Words.Count));
        }

        stemFirst.Sort((a, b) => b.Words.Count.CompareTo(a.Words.Count));

        // A word can only start with a stem that starts with its first letter: each word tries those few, in the same order.
        foreach (var phrase in stemFirst)
        {
            var letter = phrase.Words[0].Word[0];
            if (!_stemFirstByLetter.TryGetValue(letter, out var list))
            {
                _stemFirstByLetter[letter] = list = [];
            }

            list.Add(phrase);
        }
    }

    /// <summary>Every match in <paramref name="tokens"/>, in order; at each position the longest phrase wins.</summary>
    public IReadOnlyList<PhraseMatch<T>> FindAll(string text, IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var matches = new List<PhraseMatch<T>>();
        var i = 0;
        while (i < tokens.Count)
        {
            var best = MatchAt(text, tokens, i);
            if (best is null)
            {
                i++;
                continue;
            }

            matches.Add(best);
            i = best.Last + 1;
        }

        return matches;
    }

    private PhraseMatch<T>? MatchAt(string text, IReadOnlyList<TextToken> tokens, int i)
    {
        PhraseMatch<T>? best = null;
        if (_byFirstWord.TryGetValue(tokens[i].Key, out var exact) || (tokens[i].StemKey is { } stem && _byFirstWord.TryGetValue(stem, out exact)))
        {
            best = Longest(text, tokens, i, exact, best);
        }

        return tokens[i].Key.Length > 0 && _stemFirstByLetter.TryGetValue(tokens[i].Key[0], out var stems) ? Longest(text, tokens, i, stems, best) : best;
    }

    private static PhraseMatch<T>? Longest(string text, IReadOnlyList<TextToken> tokens, int i, List<Phrase<T>> candidates, PhraseMatch<T>? best)
    {
        foreach (var phrase in candidates)
        {
            if (best is not null && phrase.Words.Count <= best.Phrase.Words.Count)
            {
                break;
            }

            if (TryMatch(text, tokens, i, phrase) is { } last)
            {
                best = new PhraseMatch<T>(i, last, phrase);
            }
        }

        return best;
    }

    private static int? TryMatch(string text, IReadOnlyList<TextToken> tokens, int i, Phrase<T> phrase)
    {
        var k = i;
        for (var w = 0; w < phrase.Words.Count; w++)
        {
            var found = -1;
            for (var gap = 0; gap <= (w == 0 ? 0 : phrase.MaxGap) && k + gap < tokens.Count; gap++)
            {
                var token = tokens[k + gap];
                if (token.Sentence != tokens[i].Sentence)
                {
                    break;
                }

                if (phrase.Words[w].Matches(token) && (!phrase.UpperCase || IsUpper(text, token)))
                {
                    found = k + gap;
                    break;
                }
            }

            if (found < 0)
            {
                return null;
            }

            k = found + 1;
        }

        return k - 1;
    }

    private static bool IsUpper(string text, TextToken token)
    {
        for (var c = token.Start; c < token.End; c++)
        {
            if (char.IsLetter(text[c]) && !char.IsUpper(text[c]))
            {
                return false;
            }
        }

        return true;
    }
}
