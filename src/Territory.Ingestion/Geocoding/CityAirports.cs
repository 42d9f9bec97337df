using Territory.Domain.Places;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// "Aleppo and its airport", « la ville d'Alep ainsi que l'aéroport international », « حلب ومطارها », "most of Aleppo,
/// including the citadel and the military airport": an airport named only
/// through the city just before it is that city's airport in the gazetteer, when one lies near the city.
/// </summary>
public static class CityAirports
{
    // An airport farther than this from the city's point is some other place's.
    private const double NearKm = 25;

    // Qualifiers written on either side of the airport word (« the city's international airport », « مطارها العسكري »).
    private const int MaxQualifiers = 2;

    // How far after the airport word the city may be named (« l'aéroport militaire de la ville », "on the city's western edge").
    private const int MaxCityWordGap = 4;

    /// <summary>Mentions of airports named through a city, resolved to the gazetteer's airport nearest that city.</summary>
    /// <remarks>
    /// The words come from data/vocabulary/places.json (<c>cityAirport</c>). The airport is the city's when a possessive
    /// (its, « son », the city's, « kentin »), an article ("the", an elided « l'aéroport »), the Arabic suffix (مطارها) or the city's
    /// noun after it (« de la ville ») says so. A military qualifier (military, « militaire », العسكري, « askeri ») makes it
    /// the nearest airbase; otherwise it is the nearest civil airport.
    /// </remarks>
    public static IEnumerable<PlaceMention> Find(string text, IReadOnlyList<TextToken> tokens, IReadOnlyList<PlaceMention> places, GazetteerIndex index, PlaceVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(vocabulary);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (!vocabulary.AirportWords.Contains(token.Key) || places.Any(p => p.Span.Start <= token.Start && token.End <= p.Span.End))
            {
                continue;
            }

            var first = t;
            while (first > 0 && t - first < MaxQualifiers && SameSentence(tokens, first - 1, t) && vocabulary.AirportQualifiers.Contains(tokens[first - 1].Key))
            {
                first--;
            }

            var last = t;
            while (last + 1 < tokens.Count && last - t < MaxQualifiers && SameSentence(tokens, last + 1, t) && vocabulary.AirportQualifiers.Contains(tokens[last + 1].Key))
            {
                last++;
            }

            // The tokenizer drops an elided article (« l'aéroport » is « aeroport »): read it from the text.
            var elided = Tokenizer.AfterElidedArticle(text, tokens[first]);
            var ownerBefore = first > 0 && SameSentence(tokens, first - 1, t) && vocabulary.AirportOwnerWords.Contains(WordOf(tokens[first - 1]));
            var article = first > 0 && SameSentence(tokens, first - 1, t) && vocabulary.AirportArticles.Contains(tokens[first - 1].Key);
            if (!(token.IsArabic || elided || article || ownerBefore || CityWordAfter(tokens, last, vocabulary)))
            {
                continue;
            }

            first = ownerBefore && !token.IsArabic ? first - 1 : first;

            // « l'aéroport de Nayrab », "the airport of Kuweires": the airport's own name follows.
            var end = tokens[last].End;
            if (places.Any(p => p.Span.Start >= end && p.Span.Start - end <= 6 && p.Span.Sentence == token.Sentence))
            {
                continue;
            }

            // "most of Aleppo, including the citadel and the airport": a landmark between them is the city's too.
            var city = places.LastOrDefault(p => p.Span.End <= tokens[first].Start && p.Span.Sentence == token.Sentence && p.Place?.Kind != PlaceKind.Landmark);
            if (city?.Place is not { Kind: PlaceKind.City or PlaceKind.Town } cityPlace)
            {
                continue;
            }

            var military = Enumerable.Range(first, last - first + 1).Any(k => vocabulary.MilitaryAirportQualifiers.Contains(tokens[k].Key));
            var kind = military ? PlaceKind.Airbase : PlaceKind.Airport;
            var airport = index.Entries.Where(e => e.Kind == kind)
                .Select(e => (Entry: e, Km: PlaceResolver.DistanceKm(e, cityPlace)))
                .Where(e => e.Km <= NearKm)
                .OrderBy(e => e.Km)
                .Select(e => e.Entry)
                .FirstOrDefault();
            if (airport is not null)
            {
                var start = tokens[first].Start - (elided ? 2 : 0);
                var span = new MentionSpan(start, end, text[start..end], token.Sentence, MentionCue.Empty, []);
                yield return new PlaceMention(span, airport, 1, null, 1, 1, []);
            }
        }
    }

    // « de la ville », "on the city's western edge", « مطار المدينة »: the city's noun a few words after the airport.
    private static bool CityWordAfter(IReadOnlyList<TextToken> tokens, int last, PlaceVocabulary vocabulary)
    {
        for (var k = last + 1; k < tokens.Count && k - last <= MaxCityWordGap && SameSentence(tokens, k, last); k++)
        {
            if (vocabulary.AirportCityWords.Contains(WordOf(tokens[k])))
            {
                return true;
            }
        }

        return false;
    }

    // "the city's": the word without its possessive.
    private static string WordOf(TextToken token) => token.StemKey ?? token.Key;

    private static bool SameSentence(IReadOnlyList<TextToken> tokens, int k, int t) => tokens[k].Sentence == tokens[t].Sentence;
}
