using Territory.Domain.Places;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// The gazetteer's names in memory, built once: an exact index over orthographic keys, a phonetic index over
/// consonant skeletons and a trigram index for fuzzy suggestions. Lookups allocate little; the index is immutable
/// and safe to share between threads.
/// </summary>
public sealed class GazetteerIndex
{
    private readonly Dictionary<string, NameRef[]> _exact;
    private readonly Dictionary<string, NameRef[]> _phonetic;
    private readonly Dictionary<string, int> _exactFirstWords;
    private readonly Dictionary<string, int[]> _trigrams;
    private readonly string[] _keys;
    private readonly NameRef[][] _refsByKey;
    private readonly Dictionary<string, int[]> _keysByWord;

    // Names recur across reports (« Alep » thousands of times): look-ups are cached by key, results are immutable.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<PlaceCandidate>> _exactCache = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<PlaceCandidate>> _phoneticCache = new(StringComparer.Ordinal);
    private const int MaxCachedKeys = 200_000;

    private GazetteerIndex(IReadOnlyList<GazetteerEntry> entries)
    {
        Entries = entries;
        var exact = new Dictionary<string, List<NameRef>>(StringComparer.Ordinal);
        var phonetic = new Dictionary<string, List<NameRef>>(StringComparer.Ordinal);
        for (var e = 0; e < entries.Count; e++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in entries[e].Names.Prepend(new PlaceName(entries[e].Name, "und")))
            {
                var key = NameNormalizer.Normalize(name.Text);
                if (key.Length < 2 || !seen.Add(key))
                {
                    continue;
                }

                var reference = new NameRef(e, name.Text, key, NameNormalizer.SoftKey(key));
                Add(exact, key, reference);
                var skeleton = NameNormalizer.PhoneticKey(key);
                if (skeleton.Length >= 1)
                {
                    Add(phonetic, skeleton, reference);
                }
            }
        }

        _exact = exact.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _phonetic = phonetic.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _exactFirstWords = FirstWords(_exact.Keys);

        _keys = [.. _exact.Keys];
        _refsByKey = [.. _keys.Select(k => _exact[k])];
        var trigrams = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < _keys.Length; k++)
        {
            foreach (var gram in Trigrams(_keys[k]).Distinct())
            {
                if (!trigrams.TryGetValue(gram, out var list))
                {
                    trigrams[gram] = list = [];
                }

                list.Add(k);
            }
        }

        _trigrams = trigrams.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < _keys.Length; k++)
        {
            foreach (var word in _keys[k].Split(' ').Distinct())
            {
                if (!byWord.TryGetValue(word, out var list))
                {
                    byWord[word] = list = [];
                }

                list.Add(k);
            }
        }

        _keysByWord = byWord.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Places of one of <paramref name="kinds"/> whose name contains <paramref name="normalizedKey"/> as whole words:
    /// « aéroport militaire d'Abou Douhour » is the base named "Abu al-Duhur Military Airbase".
    /// </summary>
    public IReadOnlyList<PlaceCandidate> NamedAfter(string normalizedKey, IReadOnlySet<PlaceKind> kinds, double nameScore, NameMatch match)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var words = normalizedKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !_keysByWord.TryGetValue(words[0], out var keys))
        {
            return [];
        }

        var found = new List<PlaceCandidate>();
        foreach (var k in keys)
        {
            var key = _keys[k];
            if (key.Length <= normalizedKey.Length || !(" " + key + " ").Contains(" " + normalizedKey + " ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var reference in _refsByKey[k])
            {
                if (kinds.Contains(Entries[reference.Entry].Kind))
                {
                    found.Add(new PlaceCandidate(Entries[reference.Entry], reference.Name, match, nameScore));
                }
            }
        }

        return found;
    }

    /// <summary>The places, in the order the index refers to them.</summary>
    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Number of distinct orthographic keys.</summary>
    public int NameCount => _keys.Length;

    /// <summary>Builds the index over <paramref name="entries"/>.</summary>
    public static GazetteerIndex Build(IEnumerable<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new GazetteerIndex([.. entries]);
    }

    /// <summary>The most words a name starting with this (orthographic) word has; 0 when no name starts with it.</summary>
    public int MaxWordsStartingWith(string firstWord) => _exactFirstWords.GetValueOrDefault(firstWord);

    /// <summary>Places named exactly <paramref name="normalizedKey"/> (an orthographic key).</summary>
    public IReadOnlyList<PlaceCandidate> Exact(string normalizedKey)
    {
        if (!_exact.TryGetValue(normalizedKey, out var refs))
        {
            return [];
        }

        return Cached(_exactCache, normalizedKey, key => ToCandidates(refs, NameMatch.Exact, _ => 1.0));
    }

    /// <summary>
    /// Places whose names have the same consonant skeleton, scored by how close the spellings are
    /// (0.75 to 0.95); names whose spelling is too far from <paramref name="normalizedKey"/> are left out.
    /// </summary>
    public IReadOnlyList<PlaceCandidate> Phonetic(string normalizedKey) => Cached(_phoneticCache, normalizedKey, LookUpPhonetic);

    private static IReadOnlyList<PlaceCandidate> Cached(System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<PlaceCandidate>> cache, string key, Func<string, IReadOnlyList<PlaceCandidate>> lookUp)
    {
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var found = lookUp(key);
        if (cache.Count < MaxCachedKeys)
        {
            cache.TryAdd(key, found);
        }

        return found;
    }

    private IReadOnlyList<PlaceCandidate> LookUpPhonetic(string normalizedKey)
    {
        var skeleton = NameNormalizer.PhoneticKey(normalizedKey);
        if (!_phonetic.TryGetValue(skeleton, out var refs))
        {
            return [];
        }

        var candidates = new List<PlaceCandidate>(refs.Length);
        var soft = NameNormalizer.SoftKey(normalizedKey);
        foreach (var reference in refs)
        {
            // Compared on soft keys: transliteration variants and spaces do not count, vowels and extra letters do.
            var similarity = Similarity.Ratio(soft, reference.SoftKey);
            if (similarity >= 0.5)
            {
                candidates.Add(new PlaceCandidate(Entries[reference.Entry], reference.Name, NameMatch.Phonetic, 0.55 + (0.4 * similarity) - Secondary(reference)));
            }
        }

        return candidates;
    }

    /// <summary>The best <paramref name="max"/> places by trigram similarity of their names (fuzzy suggestions).</summary>
    public IReadOnlyList<PlaceCandidate> Fuzzy(string normalizedKey, int max, double minimumSimilarity = 0.3)
    {
        var grams = Trigrams(normalizedKey).Distinct().ToArray();
        if (grams.Length == 0)
        {
            return [];
        }

        var shared = new Dictionary<int, int>();
        foreach (var gram in grams)
        {
            if (_trigrams.TryGetValue(gram, out var keys))
            {
                foreach (var k in keys)
                {
                    shared[k] = shared.GetValueOrDefault(k) + 1;
                }
            }
        }

        return [.. shared
            .Select(p => (Key: p.Key, Jaccard: p.Value / (double)(grams.Length + Trigrams(_keys[p.Key]).Distinct().Count() - p.Value)))
            .Where(p => p.Jaccard >= minimumSimilarity)
            .OrderByDescending(p => p.Jaccard)
            .Take(max)
            .SelectMany(p => ToCandidates(_refsByKey[p.Key], NameMatch.Fuzzy, _ => 0.6 * p.Jaccard))];
    }

    private List<PlaceCandidate> ToCandidates(NameRef[] refs, NameMatch match, Func<NameRef, double> score)
    {
        var list = new List<PlaceCandidate>(refs.Length);
        foreach (var reference in refs)
        {
            list.Add(new PlaceCandidate(Entries[reference.Entry], reference.Name, match, score(reference) - Secondary(reference)));
        }

        return list;
    }

    // GeoNames' alternate names mix history and other languages' exonyms (Aleppo is also "Berea"): they count a little less.
    private double Secondary(NameRef reference) =>
        Entries[reference.Entry].Source == GazetteerSources.GeoNames && reference.Name != Entries[reference.Entry].Name ? 0.05 : 0;

    private static void Add(Dictionary<string, List<NameRef>> index, string key, NameRef reference)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(reference);
    }

    private static Dictionary<string, int> FirstWords(IEnumerable<string> keys)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var words = key.Split(' ');
            first[words[0]] = Math.Max(first.GetValueOrDefault(words[0]), words.Length);
        }

        return first;
    }

    // Padded trigrams, so short names and word starts count.
    private static IEnumerable<string> Trigrams(string key)
    {
        var padded = "  " + key + " ";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    private readonly record struct NameRef(int Entry, string Name, string Key, string SoftKey);
}

/// <summary>String similarity used to score transliteration variants.</summary>
public static class Similarity
{
    /// <summary>1 − Levenshtein distance / length of the longer string (1 = equal, 0 = nothing in common).</summary>
    public static double Ratio(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        // Names are short; a long input falls back to the heap.
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return 1 - (previous[b.Length] / (double)Math.Max(a.Length, b.Length));
    }
}
