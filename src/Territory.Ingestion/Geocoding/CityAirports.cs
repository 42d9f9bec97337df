using Territory.Domain.Places;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// "Aleppo and its airport", « la ville d'Alep ainsi que l'aéroport international », « حلب ومطارها »: an airport named only
/// through the city just before it is that city's airport in the gazetteer, when one lies near the city.
/// </summary>
public static class CityAirports
{
    // An airport farther than this from the city's point is some other place's.
    private const double NearKm = 25;

    /// <summary>Mentions of airports named through a city, resolved to the gazetteer's airport nearest that city.</summary>
    /// <remarks>
    /// The words come from data/vocabulary/places.json (<c>cityAirport</c>). The airport is the city's when a possessive
    /// (its, « son »), an elided article (« l'aéroport ») or the Arabic suffix (مطارها) says so.
    /// </remarks>
    public static IEnumerable<PlaceMention> Find(string text, IReadOnlyList<TextToken> tokens, IReadOnlyList<PlaceMention> places, GazetteerIndex index, PlaceVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (!vocabulary.AirportWords.Contains(token.Key) || places.Any(p => p.Span.Start <= token.Start && token.End <= p.Span.End))
            {
                continue;
            }

            var first = t > 0 && vocabulary.AirportQualifiers.Contains(tokens[t - 1].Key) ? t - 1 : t;
            // The tokenizer drops an elided article (« l'aéroport » is « aeroport »): read it from the text.
            var elided = tokens[first].Start >= 2 && char.ToLowerInvariant(text[tokens[first].Start - 2]) == 'l' && text[tokens[first].Start - 1] is '\'' or '’';
            var owned = token.IsArabic || elided
                || (first > 0 && vocabulary.AirportOwnerWords.Contains(tokens[first - 1].Key) && tokens[first - 1].Sentence == token.Sentence);
            if (!owned)
            {
                continue;
            }

            first = token.IsArabic || first == 0 || !vocabulary.AirportOwnerWords.Contains(tokens[first - 1].Key) ? first : first - 1;
            var last = t + 1 < tokens.Count && vocabulary.AirportQualifiers.Contains(tokens[t + 1].Key) ? t + 1 : t;

            // « l'aéroport de Nayrab », "the airport of Kuweires": the airport's own name follows.
            var end = tokens[last].End;
            if (places.Any(p => p.Span.Start >= end && p.Span.Start - end <= 6 && p.Span.Sentence == token.Sentence))
            {
                continue;
            }

            var city = places.LastOrDefault(p => p.Span.End <= tokens[first].Start && p.Span.Sentence == token.Sentence);
            if (city?.Place is not { Kind: PlaceKind.City or PlaceKind.Town } cityPlace)
            {
                continue;
            }

            var airport = index.Entries.Where(e => e.Kind == PlaceKind.Airport)
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
}
