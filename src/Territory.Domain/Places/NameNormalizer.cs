using System.Globalization;
using System.Text;

namespace Territory.Domain.Places;

/// <summary>
/// Folds place names so that spellings meet. Two keys:
/// <see cref="Normalize"/> (orthographic: case, diacritics, transliteration marks, hyphens, the Arabic article,
/// French elision, Arabic letter variants) and <see cref="PhoneticKey"/> (a consonant skeleton that also merges the
/// usual transliteration variants: ou/u, e/i/a, dh/z/d, q/k/g, kh/h, sh/ch/ş, doubled letters, Turkish letters).
/// </summary>
public static class NameNormalizer
{
    // Articles written as separate words ("Al Safira", "El Bab"); sun-letter forms are handled by assimilation.
    private static readonly HashSet<string> PlainArticles = ["al", "el", "ul"];

    // "as-Safira", "ash-Shaykh", "eş-Şuğur", "ad-Dana", "er-Raqqa", "en-Nayrab"... (after folding).
    private static readonly string[] SunArticles = ["ash", "ath", "adh", "as", "ad", "ar", "at", "az", "an", "es", "ed", "er", "et", "ez", "en", "us", "ud", "ur", "ut", "uz", "un", "ech", "esh"];

    /// <summary>The orthographic key: lower case, no diacritics, no article, single spaces between words.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JoinWords(Tokens(name));
    }

    /// <summary>
    /// The key of one word as <see cref="Normalize"/> folds it (lower case, no marks, transliteration signs joined);
    /// empty when nothing of it remains. Callers that split text themselves use it with <see cref="JoinWords"/>.
    /// </summary>
    public static string FoldWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        // Fast path, one character at a time through a table, for words of the Latin and Arabic blocks without
        // apostrophes (the elision rule needs the slow path): the tokenizer folds every word of every report.
        var length = 0;
        var unchanged = true;
        foreach (var c in word)
        {
            if (c >= FoldTable.Length || IsTransliterationMark(c))
            {
                return string.Concat(Tokens(word));
            }

            var folded = FoldTable[c];
            length += folded.Length;
            unchanged &= folded.Length == 1 && folded[0] == c;
        }

        if (unchanged)
        {
            return word; // already lower-case ASCII-like: no copy
        }

        return string.Create(length, word, static (span, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                var folded = FoldTable[c];
                folded.AsSpan().CopyTo(span[at..]);
                at += folded.Length;
            }
        });
    }

    // What each character of U+0000..U+07FF becomes on its own: its folded letters, or nothing (marks, punctuation).
    private static readonly string[] FoldTable = BuildFoldTable();

    private static string[] BuildFoldTable()
    {
        var table = new string[0x800];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = char.IsSurrogate((char)c) ? string.Empty : string.Concat(Tokens(((char)c).ToString()));
        }

        return table;
    }

    /// <summary>Joins folded words into a key, dropping articles exactly as <see cref="Normalize"/> does.</summary>
    public static string JoinWords(IReadOnlyList<string> foldedWords)
    {
        ArgumentNullException.ThrowIfNull(foldedWords);
        return string.Join(' ', StripArticles(foldedWords));
    }

    /// <summary>True when a folded word is an article that <see cref="JoinWords"/> drops before <paramref name="next"/>.</summary>
    public static bool IsArticleBefore(string word, string next) =>
        PlainArticles.Contains(word) || IsAssimilatedArticle(word, next);

    /// <summary>
    /// The consonant skeleton of a normalized name (or of any name: it is normalized first when needed).
    /// Latin words: vowels dropped, transliteration variants merged, doubled letters single.
    /// Arabic words: long vowels inside the word and a final ta marbuta/ha dropped.
    /// </summary>
    public static string PhoneticKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = new StringBuilder(name.Length);
        for (var w = 0; w < words.Length; w++)
        {
            // Words are joined: « Kafrouma » and "Kafr Roumma", « Maarratünnuman » and "Maarat al-Numan" meet.
            var last = w == words.Length - 1;
            key.Append(IsArabic(words[w][0]) ? ArabicSkeleton(words[w], last) : LatinSkeleton(words[w], last));
        }

        // Doubled letters across a word boundary count once too.
        var collapsed = new StringBuilder(key.Length);
        foreach (var c in key.ToString())
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    /// <summary>
    /// The spelling with transliteration variants merged but vowels kept (as 'a') and no spaces: what two spellings of a
    /// name are compared on (« Cercenaz » and "Jarjanaz" are the same; "Kilis" and "Kalaseh" are not quite).
    /// </summary>
    public static string SoftKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var soft = new StringBuilder(name.Length);
        foreach (var word in Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsArabic(word[0]))
            {
                soft.Append(word);
                continue;
            }

            for (var i = 0; i < word.Length; i++)
            {
                // Vowels keep two classes: a/e/i/y interchange (Saraqib, Saraqeb; Darat, Daret), and o/u (Douhour, Duhur).
                var (sound, pair) = word[i] is 'o' or 'u' ? ("u", false) : LatinSound(word[i], i + 1 < word.Length ? word[i + 1] : '\0');
                if (soft.Length == 0 || soft[^1] != sound[0] || sound.Length > 1)
                {
                    soft.Append(sound);
                }

                if (pair)
                {
                    i++;
                }
            }
        }

        return soft.ToString();
    }

    /// <summary>True for letters of the Arabic script blocks.</summary>
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static List<string> Tokens(string name)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (IsTransliterationMark(c))
            {
                // French elision (d', l', qu') ends a word: "d'Alep" is "Alep". Elsewhere the mark joins: "Ma'arat", "Mare'".
                if (IsElision(current))
                {
                    current.Clear();
                }

                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol or UnicodeCategory.Format)
            {
                continue; // diacritics, ʿ ʾ, the Arabic tatweel, zero-width joiners
            }

            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(current, c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static bool IsTransliterationMark(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC' or '\u02BB' or '\u2032';

    private static bool IsElision(StringBuilder word) =>
        word.Length == 1 ? word[0] is 'd' or 'l' or 'j' or 'n' or 's' or 'm' or 't' or 'c' : word.Length == 2 && word[0] == 'q' && word[1] == 'u';

    private static void AppendFolded(StringBuilder sb, char c)
    {
        var folded = c switch
        {
            'ı' => "i",                                              // Turkish dotless i (İ decomposes to I + dot)
            'ß' => "ss",
            'æ' or 'Æ' => "ae",
            'œ' or 'Œ' => "oe",
            'ø' or 'Ø' => "o",
            'đ' or 'Đ' => "d",
            'ł' or 'Ł' => "l",
            'ħ' => "h",
            'أ' or 'إ' or 'آ' or 'ٱ' or 'ٲ' or 'ٳ' => "ا",                // alef with hamza or madda
            'ة' => "ه",                                              // ta marbuta
            'ى' or 'ی' or 'ې' => "ي",                                 // alef maqsura, Persian ya
            'ؤ' => "و",
            'ئ' => "ي",
            'ء' => string.Empty,                                     // lone hamza
            'ک' => "ك",                                              // Persian kaf
            _ => null,
        };
        if (folded is null)
        {
            sb.Append(char.ToLowerInvariant(c));
        }
        else
        {
            sb.Append(folded);
        }
    }

    private static IReadOnlyList<string> StripArticles(IReadOnlyList<string> tokens)
    {
        var kept = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var hasNext = i + 1 < tokens.Count;
            if (hasNext && IsArticleBefore(token, tokens[i + 1]))
            {
                continue;
            }

            // Arabic article fused to the word: الأتارب → اتارب (keep short words whole).
            if (token.Length > 4 && token.StartsWith("ال", StringComparison.Ordinal))
            {
                token = token[2..];
            }

            // A Latin article glued to a later word, as OCHA writes it: "Khan Elsobol", "Kafr Naseh Elatareb".
            if (kept.Count > 0 && token.Length >= 6 && (token.StartsWith("al", StringComparison.Ordinal) || token.StartsWith("el", StringComparison.Ordinal)))
            {
                token = token[2..];
            }

            // Glued Latin article: "Alsafira", "Elbab" are rare; "Al" alone at the end is a name ("Al" is kept).
            kept.Add(token);
        }

        return kept.Count == 0 ? tokens : kept;
    }

    // "as Safira", "ash Shughur", "es Sugur", "ad Dana": the article's consonant is the next word's first sound.
    private static bool IsAssimilatedArticle(string token, string next)
    {
        if (Array.IndexOf(SunArticles, token) < 0)
        {
            return false;
        }

        var consonant = token[1..];
        return next.StartsWith(consonant, StringComparison.Ordinal)
            || (consonant is "sh" or "ch" && next.StartsWith('s'))
            || (consonant is "th" && next.StartsWith('t'))
            || (consonant is "dh" && (next.StartsWith('d') || next.StartsWith('z')));
    }

    private static string LatinSkeleton(string word, bool lastWord)
    {
        var mapped = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            var (sound, pair) = LatinSound(word[i], next);
            mapped.Append(sound);
            if (pair)
            {
                i++;
            }
        }

        // The name's final -a(h)/-e(h)/-at/-et is the ta marbuta (Hama/Hamah, Izza/Izzet): drop it. Inside a name the
        // construct form keeps its t in every spelling (Darat, Maarat).
        var s = mapped.ToString();
        if (lastWord && s.Length > 3 && (s.EndsWith("ah", StringComparison.Ordinal) || s.EndsWith("at", StringComparison.Ordinal)))
        {
            s = s[..^2];
        }

        var skeleton = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == 'a')
            {
                continue;
            }

            if (skeleton.Length > 0 && skeleton[^1] == c)
            {
                continue; // doubled letters
            }

            skeleton.Append(c);
        }

        return skeleton.ToString();
    }

    // One letter (or a digraph with the next letter) as its sound class; vowels become 'a'.
    private static (string Sound, bool Pair) LatinSound(char c, char next) => (c, next) switch
    {
        ('s' or 'c', 'h') => ("s", true),        // sh, French ch
        ('k', 'h') => ("h", true),               // kh/h
        ('g', 'h') => ("k", true),               // gh, Turkish ğ, q/k/g
        ('d' or 'z', 'h') => ("d", true),        // dh/z/d
        ('t', 'h') => ("t", true),
        ('d', 'j') => ("j", true),               // French Djisr, Djebel
        ('q' or 'k' or 'g', _) => ("k", false),
        ('c', _) => ("j", false),                // Turkish c is j: Cerablus, Cisr
        ('z', _) => ("d", false),
        ('p', _) => ("b", false),                // Neyrap / Nayrab
        ('v', _) => ("w", false),                // Turkish v for w
        ('x', _) => ("ks", false),
        ('y', 'a' or 'e' or 'i' or 'o' or 'u') => ("y", false), // a consonant before a vowel: Hamdaniya, Mayadin
        ('a' or 'e' or 'i' or 'o' or 'u' or 'y', _) => ("a", false),
        _ => (c.ToString(), false),
    };

    private static string ArabicSkeleton(string word, bool lastWord)
    {
        var skeleton = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var isLast = i == word.Length - 1;
            if (c is 'ا' or 'و' or 'ي' && (i > 0 || c == 'ا'))
            {
                continue; // long vowels are written or not, and so is an initial alef (عزاز / أعزاز)
            }

            if (lastWord && isLast && i > 1 && c is 'ه' or 'ت')
            {
                continue; // ta marbuta written ة, ه or ت
            }

            if (skeleton.Length > 0 && skeleton[^1] == c)
            {
                continue;
            }

            skeleton.Append(c);
        }

        return skeleton.ToString();
    }
}
