using Territory.Domain.Places;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// "the ancient Citadel", « la citadelle », « القلعة »: a landmark named by its common noun alone, without its city. The
/// nouns come from the gazetteer itself: a landmark's name less the name of the city it stands in (« Citadelle d'Alep »,
/// « قلعة حلب » give « citadelle », « قلعة »). The noun names that landmark when its sentence names the city, itself or
/// through a place bearing its name (Aleppo, "Aleppo University"); otherwise it names nothing.
/// </summary>
public sealed class LandmarkNouns
{
    // A landmark belongs to the cities within this distance; the city named beside the noun must lie as near.
    private const double CityKm = 12;

    // The longest noun kept, in words ("university city", "central prison").
    private const int MaxNounWords = 3;

    private readonly Dictionary<string, List<GazetteerEntry>> _byNoun;
    private readonly PlaceVocabulary _vocabulary;

    // The landmarks and airports whose names hold their city's ("Aleppo University", « aéroport international d'Alep »):
    // naming one names the city.
    private readonly HashSet<long> _namedAfterCity;

    private LandmarkNouns(Dictionary<string, List<GazetteerEntry>> byNoun, HashSet<long> namedAfterCity, PlaceVocabulary vocabulary)
    {
        _byNoun = byNoun;
        _vocabulary = vocabulary;
        _namedAfterCity = namedAfterCity;
    }

    /// <summary>The nouns of the index's landmarks, each with the landmarks it may name.</summary>
    public static LandmarkNouns Build(GazetteerIndex index, PlaceVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var cities = index.Entries.Where(e => e.Kind == PlaceKind.City).ToList();
        var byNoun = new Dictionary<string, List<GazetteerEntry>>(StringComparer.Ordinal);
        var namedAfterCity = new HashSet<long>();
        foreach (var landmark in index.Entries.Where(e => e.Kind is PlaceKind.Landmark or PlaceKind.Airport or PlaceKind.Airbase))
        {
            // Every gazetteer's point for the city nearby: each source spells it its own way (Aleppo, Alep, Halab).
            var cityNames = cities.Where(c => PlaceResolver.DistanceKm(c, landmark) <= CityKm)
                .SelectMany(c => c.Names)
                .Select(n => NameNormalizer.Normalize(n.Text).Split(' '))
                .Where(w => w.Length > 0 && w[0].Length > 0)
                .ToList();
            foreach (var name in landmark.Names)
            {
                if (NounOf(NameNormalizer.Normalize(name.Text).Split(' '), cityNames, vocabulary) is not { } noun)
                {
                    continue;
                }

                namedAfterCity.Add(landmark.Id);
                if (landmark.Kind != PlaceKind.Landmark)
                {
                    continue; // "the airport" alone is the city's airport only through CityAirports' stricter words
                }

                var landmarks = byNoun.TryGetValue(noun, out var list) ? list : byNoun[noun] = [];
                if (!landmarks.Contains(landmark))
                {
                    landmarks.Add(landmark);
                }
            }
        }

        return new LandmarkNouns(byNoun, namedAfterCity, vocabulary);
    }

    // The name's words less the city's name and the small words beside it: « citadelle d alep » → « citadelle ».
    private static string? NounOf(string[] words, List<string[]> cityNames, PlaceVocabulary vocabulary)
    {
        foreach (var city in cityNames)
        {
            for (var i = 0; i + city.Length <= words.Length; i++)
            {
                if (!words.AsSpan(i, city.Length).SequenceEqual(city))
                {
                    continue;
                }

                var rest = words.Take(i).Concat(words.Skip(i + city.Length)).ToList();
                while (rest.Count > 0 && vocabulary.Links.Contains(rest[^1]))
                {
                    rest.RemoveAt(rest.Count - 1);
                }

                while (rest.Count > 0 && vocabulary.Links.Contains(rest[0]))
                {
                    rest.RemoveAt(0);
                }

                return rest.Count is > 0 and <= MaxNounWords ? string.Join(' ', rest) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="places"/> with the landmarks named by their noun alone added, and a lone word read as another place
    /// far from the text's places (« القلعة » as a village called Qal'a) replaced by the landmark of the city named beside it.
    /// </summary>
    public IReadOnlyList<PlaceMention> AddTo(string text, IReadOnlyList<TextToken> tokens, IReadOnlyList<PlaceMention> places)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(places);
        if (_byNoun.Count == 0 || places.Count == 0)
        {
            return places;
        }

        List<PlaceMention>? result = null;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (Noun(text, tokens, t) is not { } found)
            {
                continue;
            }

            var start = tokens[t].Start;
            var end = tokens[found.Last].End;
            var current = result ?? places;
            var existing = current.FirstOrDefault(p => p.Span.Start < end && start < p.Span.End);

            // A name of its own holds the noun (« citadelle d'Alep », "Aleppo University"), or a cue says what it is.
            if (existing is not null && (existing.Span.Start != start || existing.Span.End != end || existing.Span.Cue != MentionCue.Empty))
            {
                continue;
            }

            var others = current.Where(p => p.Place is not null && !ReferenceEquals(p, existing)).ToList();
            if (Nearest(found.Landmarks, others, tokens[t].Sentence) is not { } landmark
                || (existing?.Place is { } read && others.Any(o => PlaceResolver.DistanceKm(o.Place!, read) <= CityKm)))
            {
                continue;
            }

            var span = new MentionSpan(start, end, text[start..end], tokens[t].Sentence, MentionCue.Empty, [new PlaceCandidate(landmark, text[start..end], NameMatch.Exact, 1)]);
            result ??= [.. places];
            if (existing is not null)
            {
                result.Remove(existing);
            }

            result.Add(new PlaceMention(span, landmark, 1, null, 1, 1, []));
            t = found.Last;
        }

        return result is null ? places : [.. result.OrderBy(p => p.Span.Start)];
    }

    // The longest noun starting at token t, written as a common noun: after a link word or an elided article in Latin script
    // ("the ancient Citadel", « la citadelle », « l'université »), with the article in Arabic (« القلعة », « والقلعة »).
    private (int Last, List<GazetteerEntry> Landmarks)? Noun(string text, IReadOnlyList<TextToken> tokens, int t)
    {
        for (var last = Math.Min(tokens.Count - 1, t + MaxNounWords - 1); last >= t; last--)
        {
            if (tokens[last].Sentence != tokens[t].Sentence)
            {
                continue;
            }

            var words = new List<string>(last - t + 1);
            for (var k = t; k <= last; k++)
            {
                words.Add(tokens[k].IsArabic ? WithoutPrefix(tokens[k].Key) : tokens[k].Key);
            }

            if (_byNoun.TryGetValue(NameNormalizer.JoinWords(words), out var landmarks) && WrittenAsNoun(text, tokens, t))
            {
                return (last, landmarks);
            }
        }

        return null;
    }

    // « والقلعة », « بالقلعة »: the one-letter prefixes before the article.
    private string WithoutPrefix(string key)
    {
        foreach (var prefix in _vocabulary.ArabicPrefixes)
        {
            if (key.Length > prefix.Length + 2 && key.StartsWith(prefix, StringComparison.Ordinal) && key.AsSpan(prefix.Length).StartsWith("ال", StringComparison.Ordinal))
            {
                return key[prefix.Length..];
            }
        }

        return key;
    }

    private bool WrittenAsNoun(string text, IReadOnlyList<TextToken> tokens, int t)
    {
        var token = tokens[t];
        if (token.IsArabic)
        {
            return WithoutPrefix(token.Key).StartsWith("ال", StringComparison.Ordinal);
        }

        if (Tokenizer.AfterElidedArticle(text, token))
        {
            return true;
        }

        // The link word or a possessive directly before, or before one adjective ("the ancient Citadel", "Aleppo's medieval
        // citadel", "the city's ancient citadel").
        for (var k = t - 1; k >= 0 && k >= t - 2 && tokens[k].Sentence == token.Sentence; k--)
        {
            if (_vocabulary.Links.Contains(tokens[k].Key) || IsPossessive(text, tokens[k]) || _vocabulary.PossessiveDeterminers.Contains(tokens[k].Key))
            {
                return true;
            }

            if (tokens[k].IsCapitalized)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsPossessive(string text, TextToken token) =>
        token.StemKey is not null && token.End - token.Start > 2 && text[token.End - 1] is 's' or 'S' && text[token.End - 2] is '\'' or '’';

    // The landmark of the city named in the noun's sentence: the city itself (Aleppo, « Alep »), or a place bearing its
    // name ("Aleppo University", « l'aéroport international d'Alep »). The nearest such landmark wins.
    private GazetteerEntry? Nearest(List<GazetteerEntry> landmarks, List<PlaceMention> others, int sentence)
    {
        var context = others.Where(o => o.Span.Sentence == sentence && (o.Place!.Kind == PlaceKind.City || _namedAfterCity.Contains(o.Place.Id))).ToList();
        return landmarks
            .Select(l => (Landmark: l, Km: context.Count == 0 ? double.MaxValue : context.Min(o => PlaceResolver.DistanceKm(o.Place!, l))))
            .Where(l => l.Km <= CityKm)
            .OrderBy(l => l.Km)
            .FirstOrDefault().Landmark;
    }
}
