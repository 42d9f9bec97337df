using System.Globalization;
using Territory.Domain.Places;

namespace Territory.Ingestion.Text;

/// <summary>
/// Splits a text into words with offsets and sentences. Hyphens separate words ("al-Atarib" is "al" + "Atarib");
/// French elision is its own word (« d'Alep » is « d' » + « Alep »); other apostrophes stay inside a word.
/// </summary>
public static class Tokenizer
{
    /// <summary>The words of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<TextToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TextToken>(text.Length / 6);
        var sentence = 0;
        var sentenceStart = true;
        var punctuation = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c))
            {
                if (c is '.' or '!' or '?' or '؟' or '…' && EndsSentence(text, i))
                {
                    sentence++;
                    sentenceStart = true;
                }
                else if (c == '\n' && NextNonSpaceIsNewline(text, i))
                {
                    sentence++; // a blank line ends a paragraph, and a title has no full stop
                    sentenceStart = true;
                }
                else if (c is ',' or ';' or ':' or '(' or ')' or '«' or '»' or '"' or '“' or '”' or '–' or '—' or '،' or '؛')
                {
                    punctuation = true;
                }

                i++;
                continue;
            }

            var start = i;
            var apostrophe = -1;
            while (i < text.Length && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                if (IsApostrophe(text[i]))
                {
                    // « d'Alep », « l'aéroport », « qu'il »: the elided word ends here.
                    if (i - start == 1 || (i - start == 2 && char.ToLowerInvariant(text[start]) == 'q' && char.ToLowerInvariant(text[start + 1]) == 'u'))
                    {
                        if (IsElidable(text.AsSpan(start, i - start)))
                        {
                            i++;
                            break;
                        }
                    }

                    apostrophe = i;
                }

                i++;
            }

            // A trailing transliteration mark belongs to the word: "Mare'".
            if (i < text.Length && IsApostrophe(text[i]) && i > start && !IsElidable(text.AsSpan(start, i - start)) && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
            {
                i++;
            }

            var surface = text[start..i];
            var key = NameNormalizer.FoldWord(surface);
            if (key.Length == 0)
            {
                continue;
            }

            string? stem = null;
            if (apostrophe > start + 1 && i - apostrophe - 1 <= 4)
            {
                stem = NameNormalizer.FoldWord(text[start..apostrophe]);
            }

            var first = text[start];
            tokens.Add(new TextToken(
                start,
                i,
                key,
                stem,
                sentence,
                char.IsUpper(first),
                NameNormalizer.IsArabic(first),
                sentenceStart,
                punctuation));
            sentenceStart = false;
            punctuation = false;
        }

        return tokens;
    }

    /// <summary>Sentence boundaries as [start, end) offsets, in the same numbering as the tokens' <see cref="TextToken.Sentence"/>.</summary>
    public static IReadOnlyList<(int Start, int End)> Sentences(string text, IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var sentence = tokens[i].Sentence;
            var start = tokens[i].Start;
            var j = i;
            while (j + 1 < tokens.Count && tokens[j + 1].Sentence == sentence)
            {
                j++;
            }

            var end = tokens[j].End;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '؟' or '…' or '"' or '»' or '”' or ')')
            {
                end++;
            }

            while (spans.Count < sentence)
            {
                spans.Add((start, start)); // a sentence number with no words
            }

            spans.Add((start, end));
            i = j + 1;
        }

        return spans;
    }

    private static bool IsWordChar(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.ModifierLetter || c is 'ʿ' or 'ʾ';
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or '`' or 'ʼ';

    /// <summary>
    /// True when the word follows an elided French article (« l'aéroport », « l’université »), which the tokenizer drops
    /// as a word of its own.
    /// </summary>
    public static bool AfterElidedArticle(string text, TextToken token)
    {
        ArgumentNullException.ThrowIfNull(text);
        return token.Start >= 2 && char.ToLowerInvariant(text[token.Start - 2]) == 'l' && text[token.Start - 1] is '\'' or '’';
    }

    private static bool IsElidable(ReadOnlySpan<char> word) =>
        word.Length == 1 ? char.ToLowerInvariant(word[0]) is 'd' or 'l' or 'j' or 'n' or 's' or 'm' or 't' or 'c'
        : word.Length == 2 && char.ToLowerInvariant(word[0]) == 'q' && char.ToLowerInvariant(word[1]) == 'u';

    // A full stop ends a sentence unless a lower-case word or a digit follows (abbreviations, decimals, initials).
    private static bool EndsSentence(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && text[j] is '.' or '!' or '?' or '"' or '»' or '”' or ')' or '’')
        {
            j++;
        }

        if (j >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[j]))
        {
            return false;
        }

        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j >= text.Length || !char.IsLower(text[j]);
    }

    private static bool NextNonSpaceIsNewline(string text, int i)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            if (text[j] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[j]))
            {
                // A single line break ends a sentence too when the line does not end mid-sentence (titles, captions).
                var k = i - 1;
                while (k >= 0 && text[k] is ' ' or '\t' or '\r')
                {
                    k--;
                }

                return k >= 0 && (char.IsLetterOrDigit(text[k]) || text[k] is '"' or '»' or '”' or ')') && char.IsUpper(text[j]);
            }
        }

        return true;
    }
}
