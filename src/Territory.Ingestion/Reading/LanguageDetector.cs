using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Territory.Ingestion.Reading;

/// <summary>What <see cref="LanguageDetector"/> concluded.</summary>
public enum LanguageStatus
{
    /// <summary>A supported language: <see cref="LanguageDetection.Language"/> names it.</summary>
    Detected,

    /// <summary>A language the pipeline does not read (German, Persian...), or one no profile fits; <see cref="LanguageDetection.Nearest"/> names the best guess when there is one.</summary>
    Unsupported,

    /// <summary>Too few words to tell.</summary>
    TooShort,
}

/// <summary>The language of a text, or why there is none.</summary>
/// <param name="Status">Detected, unsupported or too short.</param>
/// <param name="Language">The supported language's code (fr, en, ar, tr) when detected; otherwise null.</param>
/// <param name="Confidence">0–1: how far the best profile leads the next one, growing with the number of words (1 − e^(−lead·√words)).</param>
/// <param name="Script">The writing system of most of the letters (Latin, Arabic, Cyrillic...), or "None".</param>
/// <param name="Nearest">The best-matching profile, supported or not (so an unsupported text can say "looks like German").</param>
public sealed record LanguageDetection(LanguageStatus Status, string? Language, double Confidence, string Script, string? Nearest)
{
    public bool IsSupported => Status == LanguageStatus.Detected;
}

/// <summary>
/// Detects the language of a text: the writing system first (Arabic, Latin, Cyrillic...), then, among the languages
/// written in it, the one whose frequent words, characteristic trigrams and letters fit best, with letters outside
/// a language's alphabet counting against it (Persian's پ چ ژ گ ک ی against Arabic, Turkish ı ş ğ against French).
/// The profiles are data (data/vocabulary/languages.json); unsupported languages have profiles too, so that a German
/// or Persian report is named as such rather than forced into a supported language.
/// </summary>
public sealed class LanguageDetector
{
    private const int MinWords = 3;
    private const int MinLetters = 12;
    private const int MinWordsForUnknown = 8;

    // Only the start of a long text is read: a few thousand words settle the question.
    private const int MaxChars = 20_000;

    // Below this score no profile fits: an unknown language.
    private const double MinScore = 0.12;
    private const double TrigramWeight = 0.5;
    private const double LetterBonus = 0.15;
    private const double LetterShareForFullBonus = 0.01;
    private const double ForeignPenalty = 10;
    private const double MaxForeignPenalty = 0.9;
    private const double ConfidenceScale = 1.0;
    private const int FastTable = 0x800;

    private readonly Profile[] _profiles;
    private readonly string[] _scripts;
    private readonly (int From, int To, byte Script)[] _ranges;
    private readonly byte[] _fastScript = new byte[FastTable];
    private readonly ulong[] _fastAlphabet = new ulong[FastTable];
    private readonly ulong[] _fastLetters = new ulong[FastTable];
    private readonly FrozenDictionary<char, ulong> _alphabet;
    private readonly FrozenDictionary<char, ulong> _letters;
    private readonly FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly FrozenDictionary<ulong, ulong> _trigrams;

    private LanguageDetector(Profile[] profiles, string[] scripts, (int, int, byte)[] ranges, Dictionary<string, ulong> words, Dictionary<ulong, ulong> trigrams,
        Dictionary<char, ulong> alphabet, Dictionary<char, ulong> letters)
    {
        _profiles = profiles;
        _scripts = scripts;
        _ranges = ranges;
        _words = words.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _trigrams = trigrams.ToFrozenDictionary();
        _alphabet = alphabet.ToFrozenDictionary();
        _letters = letters.ToFrozenDictionary();
        for (var c = 0; c < FastTable; c++)
        {
            _fastScript[c] = ScriptOfSlow((char)c);
            _fastAlphabet[c] = alphabet.GetValueOrDefault((char)c);
            _fastLetters[c] = letters.GetValueOrDefault((char)c);
        }

        SupportedLanguages = [.. profiles.Where(p => p.Supported).Select(p => p.Code)];
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The profiles compiled into this assembly (data/vocabulary/languages.json).</summary>
    public static LanguageDetector Default { get; } = Load(typeof(LanguageDetector).Assembly.GetManifestResourceStream("Vocabulary.languages.json")
        ?? throw new InvalidOperationException("Vocabulary.languages.json is not embedded"));

    /// <summary>The codes of the languages reported as <see cref="LanguageStatus.Detected"/>.</summary>
    public IReadOnlyList<string> SupportedLanguages { get; }

    /// <summary>Reads profiles in the languages.json format.</summary>
    public static LanguageDetector Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<ProfilesFile>(json, JsonOptions) ?? throw new InvalidDataException("The language profiles are empty.");
        var scripts = new List<string> { "None" };
        var ranges = new List<(int, int, byte)>();
        foreach (var (name, spans) in file.Scripts)
        {
            scripts.Add(name);
            foreach (var span in spans)
            {
                var dash = span.IndexOf('-', StringComparison.Ordinal);
                var from = int.Parse(dash < 0 ? span : span[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var to = dash < 0 ? from : int.Parse(span[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                ranges.Add((from, to, (byte)(scripts.Count - 1)));
            }
        }

        if (file.Languages.Count > 64)
        {
            throw new InvalidDataException("At most 64 language profiles are supported.");
        }

        var profiles = new List<Profile>();
        var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var trigrams = new Dictionary<ulong, ulong>();
        var alphabet = new Dictionary<char, ulong>();
        var letters = new Dictionary<char, ulong>();
        foreach (var (code, entry) in file.Languages)
        {
            var script = scripts.IndexOf(entry.Script);
            if (script <= 0)
            {
                throw new InvalidDataException($"The language '{code}' names an unknown script '{entry.Script}'.");
            }

            var bit = 1UL << profiles.Count;
            profiles.Add(new Profile(code, entry.Name, entry.Supported, (byte)script));
            foreach (var word in entry.Words)
            {
                var key = Fold(word);
                if (key.Length > 0)
                {
                    words[key] = words.GetValueOrDefault(key) | bit;
                }
            }

            foreach (var trigram in entry.Trigrams)
            {
                var folded = Fold(trigram.Replace('_', ' '));
                if (folded.Length != 3)
                {
                    throw new InvalidDataException($"The language '{code}' has a trigram '{trigram}' that is not three characters.");
                }

                var key = TrigramKey(folded[0], folded[1], folded[2]);
                trigrams[key] = trigrams.GetValueOrDefault(key) | bit;
            }

            foreach (var c in Fold(entry.Alphabet))
            {
                alphabet[c] = alphabet.GetValueOrDefault(c) | bit;
            }

            foreach (var c in Fold(entry.Letters))
            {
                letters[c] = letters.GetValueOrDefault(c) | bit;
            }
        }

        return new LanguageDetector([.. profiles], [.. scripts], [.. ranges], words, trigrams, alphabet, letters);
    }

    /// <summary>The language of <paramref name="text"/>.</summary>
    public LanguageDetection Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = Score(text.AsSpan(0, Math.Min(text.Length, MaxChars)), out var script, out var wordCount);
        var scriptName = _scripts[script];
        if (scores.Best < 0)
        {
            // No profile for this script (Greek, Han...): unsupported, if there is enough of it to say so.
            return scores.Letters >= MinLetters
                ? new LanguageDetection(LanguageStatus.Unsupported, null, 0, scriptName, null)
                : new LanguageDetection(LanguageStatus.TooShort, null, 0, scriptName, null);
        }

        if (wordCount < MinWords || scores.Letters < MinLetters)
        {
            return new LanguageDetection(LanguageStatus.TooShort, null, 0, scriptName, null);
        }

        var best = _profiles[scores.Best];
        var bestScore = scores.BestScore;
        if (bestScore < MinScore)
        {
            // A few words with no function word ("Rebels seize Aleppo airport") say nothing; many say it is another language.
            return new LanguageDetection(wordCount < MinWordsForUnknown ? LanguageStatus.TooShort : LanguageStatus.Unsupported, null, 0, scriptName, null);
        }

        // The lead over the runner-up, per word, grows more certain with the number of words (as a mean's error shrinks with √n).
        var lead = scores.Second < 0 ? bestScore : bestScore - scores.SecondScore;
        var confidence = Math.Round(1 - Math.Exp(-ConfidenceScale * lead * Math.Sqrt(wordCount)), 3);
        return best.Supported
            ? new LanguageDetection(LanguageStatus.Detected, best.Code, confidence, scriptName, best.Code)
            : new LanguageDetection(LanguageStatus.Unsupported, null, confidence, scriptName, best.Code);
    }

    /// <summary>Every profile's score for <paramref name="text"/>, best first (for diagnostics and tuning).</summary>
    internal IReadOnlyList<(string Language, double Score)> Explain(string text)
    {
        var all = new List<(string, double)>();
        Score(text.AsSpan(0, Math.Min(text.Length, MaxChars)), out _, out _, all);
        return [.. all.OrderByDescending(s => s.Item2)];
    }

    private (int Best, double BestScore, int Second, double SecondScore, int Letters) Score(ReadOnlySpan<char> text, out byte script, out int wordCount,
        List<(string, double)>? all = null)
    {
        script = DominantScript(text, out var scriptLetters);
        wordCount = 0;
        ulong candidates = 0;
        for (var i = 0; i < _profiles.Length; i++)
        {
            if (_profiles[i].Script == script)
            {
                candidates |= 1UL << i;
            }
        }

        Span<int> wordHits = stackalloc int[64];
        Span<int> trigramHits = stackalloc int[64];
        Span<int> letterHits = stackalloc int[64];
        Span<int> alphabetHits = stackalloc int[64];
        Span<char> word = stackalloc char[48];
        int letters = 0, trigramCount = 0;
        var i0 = 0;
        while (i0 < text.Length)
        {
            if (!char.IsLetter(text[i0]))
            {
                i0++;
                continue;
            }

            var start = i0;
            while (i0 < text.Length && (char.IsLetter(text[i0]) || CharUnicodeInfo.GetUnicodeCategory(text[i0]) == UnicodeCategory.NonSpacingMark))
            {
                i0++;
            }

            if (ScriptOf(text[start]) != script || candidates == 0)
            {
                continue;
            }

            // Letters glued to digits are a code, not a word (« Réf. 06c44e6cb7 », "M5", « 20h »): a hash split at its
            // digits reads as « e », « a », « de » and would tip a short report to Spanish or Portuguese.
            if ((start > 0 && char.IsDigit(text[start - 1])) || (i0 < text.Length && char.IsDigit(text[i0])))
            {
                continue;
            }

            // After a word longer than an elision (« l' », « qu' », « jusqu' »), what follows an apostrophe is a suffix
            // (Turkish « Halep'in », English "Idlib's"): its letters count, but not as a word of its own.
            var suffix = start >= 2 && IsApostrophe(text[start - 1]) && char.IsLetter(text[start - 2]) && !IsElision(text[..(start - 1)]);

            // Fold into the buffer; a longer word is not a function word and its first letters are enough for trigrams.
            var length = 0;
            foreach (var c in text[start..i0])
            {
                if (length < word.Length && FoldChar(c) is var f && f != '\0')
                {
                    word[length++] = f;
                }
            }

            if (length == 0)
            {
                continue;
            }

            var folded = word[..length];
            if (!suffix)
            {
                wordCount++;
                if (_words.TryGetValue(folded, out var wordMask))
                {
                    Add(wordHits, wordMask & candidates);
                }
            }

            for (var k = suffix ? length : -1; k < length - 1; k++)
            {
                var a = k < 0 ? ' ' : folded[k];
                var b = folded[k + 1];
                var c = k + 2 < length ? folded[k + 2] : ' ';
                trigramCount++;
                if (_trigrams.TryGetValue(TrigramKey(a, b, c), out var trigramMask))
                {
                    Add(trigramHits, trigramMask & candidates);
                }
            }

            foreach (var c in folded)
            {
                letters++;
                Add(alphabetHits, AlphabetMask(c) & candidates);
                Add(letterHits, LetterMask(c) & candidates);
            }
        }

        int best = -1, second = -1;
        double bestScore = 0, secondScore = 0;
        for (var p = 0; p < _profiles.Length; p++)
        {
            if ((candidates & (1UL << p)) == 0 || wordCount == 0)
            {
                continue;
            }

            var words = (double)wordHits[p] / wordCount;
            var trigrams = trigramCount == 0 ? 0 : (double)trigramHits[p] / trigramCount;
            var bonus = LetterBonus * Math.Min(1, (double)letterHits[p] / letters / LetterShareForFullBonus);
            var foreign = (double)(letters - alphabetHits[p]) / letters;
            var score = (words + (TrigramWeight * trigrams) + bonus) * (1 - Math.Min(MaxForeignPenalty, ForeignPenalty * foreign));
            all?.Add((_profiles[p].Code, score));
            if (best < 0 || score > bestScore)
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (p, score);
            }
            else if (second < 0 || score > secondScore)
            {
                (second, secondScore) = (p, score);
            }
        }

        return (best, bestScore, second, secondScore, candidates == 0 ? scriptLetters : letters);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    // The word before an apostrophe is an elision when it has one or two letters or ends in "qu".
    private static bool IsElision(ReadOnlySpan<char> before)
    {
        var start = before.Length;
        while (start > 0 && char.IsLetter(before[start - 1]))
        {
            start--;
        }

        var word = before[start..];
        return word.Length <= 2 || word.EndsWith("qu", StringComparison.OrdinalIgnoreCase);
    }

    private static void Add(Span<int> counts, ulong mask)
    {
        while (mask != 0)
        {
            counts[BitOperations.TrailingZeroCount(mask)]++;
            mask &= mask - 1;
        }
    }

    private byte DominantScript(ReadOnlySpan<char> text, out int letters)
    {
        Span<int> counts = stackalloc int[_scripts.Length];
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                counts[ScriptOf(c)]++;
            }
        }

        byte best = 0;
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > counts[best])
            {
                best = (byte)s;
            }
        }

        letters = counts[best];
        return best;
    }

    private byte ScriptOf(char c) => c < FastTable ? _fastScript[c] : ScriptOfSlow(c);

    private byte ScriptOfSlow(char c)
    {
        foreach (var (from, to, script) in _ranges)
        {
            if (c >= from && c <= to)
            {
                return script;
            }
        }

        return 0;
    }

    private ulong AlphabetMask(char c) => c < FastTable ? _fastAlphabet[c] : _alphabet.GetValueOrDefault(c);

    private ulong LetterMask(char c) => c < FastTable ? _fastLetters[c] : _letters.GetValueOrDefault(c);

    private static ulong TrigramKey(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;

    private static string Fold(string value) => string.Concat(value.Select(FoldChar).Where(c => c != '\0'));

    // Lower case (Turkish dotted capital I as i); Arabic without vowel marks and tatweel, hamza-carrying alefs as bare alef.
    private static char FoldChar(char c) => c switch
    {
        'İ' => 'i',
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        '\u0640' => '\0',
        >= '\u064B' and <= '\u065F' or '\u0670' => '\0',
        _ => char.ToLowerInvariant(c),
    };

    private sealed record Profile(string Code, string Name, bool Supported, byte Script);

    private sealed record ProfilesFile(Dictionary<string, string[]> Scripts, Dictionary<string, LanguageEntry> Languages);

    private sealed record LanguageEntry(string Name, bool Supported, string Script, string Alphabet, string Letters, string[] Words, string[] Trigrams);
}
