using System.Globalization;
using System.Text;

namespace Territory.Domain.Places;

/// <summary>
/// Folds a place name to the key the gazetteer index is built on, so that spellings meet:
/// case, diacritics and punctuation go away.
/// </summary>
public static class NameNormalizer
{
    /// <summary>The index key of <paramref name="name"/>.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Marks are diacritics; modifier letters are transliteration signs (ʿ ʾ) and the Arabic tatweel.
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && folded.Length > 0)
                {
                    folded.Append(' ');
                }

                folded.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return folded.ToString();
    }
}
