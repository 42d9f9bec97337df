using System.Collections.Frozen;
using System.Text.Json;
using Territory.Domain.Places;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// The common words (stop words) of the supported languages, from the npm package stopwords-iso, compiled into this
/// assembly like the vocabulary files (the build installs the package). A lone word that is one of them is no place name
/// without a cue.
/// </summary>
public sealed class CommonWords
{
    /// <summary>The languages read from the package: the ones reports are written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ar", "en", "fr", "tr"];

    private readonly FrozenDictionary<string, FrozenSet<string>> _byLanguage;

    private CommonWords(FrozenDictionary<string, FrozenSet<string>> byLanguage)
    {
        _byLanguage = byLanguage;
    }

    /// <summary>Number of words of <paramref name="language"/>.</summary>
    public int Count(string language) => _byLanguage.TryGetValue(language, out var words) ? words.Count : 0;

    /// <summary>No words at all.</summary>
    public static CommonWords None { get; } = new(FrozenDictionary<string, FrozenSet<string>>.Empty);

    /// <summary>The package's words, as compiled in.</summary>
    public static CommonWords Embedded { get; } = Read(
        typeof(CommonWords).Assembly.GetManifestResourceStream("Vocabulary.stopwords-iso.json") ?? throw new InvalidOperationException("Vocabulary.stopwords-iso.json is not embedded"),
        "stopwords-iso (npm)");

    /// <summary>True when the (orthographic) key is a common word of <paramref name="language"/>, or of any language when unknown.</summary>
    public bool Contains(string key, string? language) =>
        language is not null
            ? _byLanguage.TryGetValue(language, out var words) && words.Contains(key)
            : _byLanguage.Values.Any(w => w.Contains(key));

    /// <summary>Reads a file in the stopwords-iso format ({"en": ["a", ...], ...}), keeping <see cref="Languages"/>; <paramref name="source"/> names it in errors.</summary>
    public static CommonWords Read(Stream json, string source)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{source}: expected an object of word lists by language code.");
        }

        var byLanguage = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            if (document.RootElement.TryGetProperty(language, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                byLanguage[language] = list.EnumerateArray()
                    .Select(w => NameNormalizer.Normalize(w.GetString() ?? string.Empty))
                    .Where(w => w.Length > 0 && !w.Contains(' ', StringComparison.Ordinal))
                    .ToFrozenSet(StringComparer.Ordinal);
            }
        }

        return new CommonWords(byLanguage.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
