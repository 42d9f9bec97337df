using System.Collections.Frozen;
using System.Text.Json;
using Territory.Domain.Places;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// The common words (stop words) of the supported languages, from the npm package stopwords-iso
/// (node_modules/stopwords-iso/stopwords-iso.json, installed by `npm ci` with the web assets), found in the checkout above
/// the running assembly or the current folder, as `territory setup` finds the gazetteer files of npm. A lone word that is
/// one of them is no place name without a cue. Without the package the list is empty and only the function words of
/// data/vocabulary/languages.json guard: <see cref="Source"/> says which applies.
/// </summary>
public sealed class CommonWords
{
    /// <summary>The languages read from the package: the ones reports are written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ar", "en", "fr", "tr"];

    private const string PackageFile = "node_modules/stopwords-iso/stopwords-iso.json";

    private readonly FrozenDictionary<string, FrozenSet<string>> _byLanguage;

    private CommonWords(FrozenDictionary<string, FrozenSet<string>> byLanguage, string source)
    {
        _byLanguage = byLanguage;
        Source = source;
    }

    /// <summary>Where the words came from: the package file's path, or a note that it was absent.</summary>
    public string Source { get; }

    /// <summary>Number of words of <paramref name="language"/>.</summary>
    public int Count(string language) => _byLanguage.TryGetValue(language, out var words) ? words.Count : 0;

    /// <summary>No words at all.</summary>
    public static CommonWords None { get; } = new(FrozenDictionary<string, FrozenSet<string>>.Empty, "none");

    /// <summary>The package's words, or <see cref="None"/> with the reason when it is not installed.</summary>
    public static CommonWords Installed { get; } = FindInstalled();

    /// <summary>True when the (orthographic) key is a common word of <paramref name="language"/>, or of any language when unknown.</summary>
    public bool Contains(string key, string? language) =>
        language is not null
            ? _byLanguage.TryGetValue(language, out var words) && words.Contains(key)
            : _byLanguage.Values.Any(w => w.Contains(key));

    /// <summary>Reads a file in the stopwords-iso format ({"en": ["a", ...], ...}), keeping <see cref="Languages"/>.</summary>
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

        return new CommonWords(byLanguage.ToFrozenDictionary(StringComparer.Ordinal), source);
    }

    private static CommonWords FindInstalled()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var path = Path.Combine(folder.FullName, PackageFile);
                if (File.Exists(path))
                {
                    using var stream = File.OpenRead(path);
                    return Read(stream, path);
                }
            }
        }

        return new CommonWords(FrozenDictionary<string, FrozenSet<string>>.Empty, $"{PackageFile} not found (run `npm ci` at the repository root): function words only");
    }
}
