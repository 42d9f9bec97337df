using Territory.Domain.Places;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// Text in, resolved place mentions out: <see cref="MentionFinder"/>, <see cref="PlaceResolver"/>, then the landmarks
/// named by their noun alone (<see cref="LandmarkNouns"/>) and the airports named through their city (<see cref="CityAirports"/>).
/// </summary>
public sealed class Geocoder(GazetteerIndex index, PlaceVocabulary vocabulary, ResolverOptions options)
{
    private readonly MentionFinder _finder = new(index, vocabulary);
    private readonly PlaceResolver _resolver = new(options);
    private readonly Lazy<LandmarkNouns> _landmarks = new(() => LandmarkNouns.Build(index, vocabulary));

    public Geocoder(GazetteerIndex index)
        : this(index, PlaceVocabulary.Default, new ResolverOptions())
    {
    }

    public GazetteerIndex Index => index;

    public PlaceVocabulary Vocabulary => vocabulary;

    /// <summary>Every place mention of <paramref name="text"/> (in <paramref name="language"/> when known), resolved or not, in text order.</summary>
    public IReadOnlyList<PlaceMention> Geocode(string text, string? language = null) => Geocode(text, Tokenizer.Tokenize(text), language);

    /// <summary>The same, for a text already split into words.</summary>
    public IReadOnlyList<PlaceMention> Geocode(string text, IReadOnlyList<TextToken> tokens, string? language = null) => Geocode(text, tokens, language, []);

    /// <summary>
    /// The same, where <paramref name="names"/> (character ranges of actors' and reporters' names) win over a place inside
    /// them: « Tahrir Damas », « régime de Damas » are not Damascus, « عنب بلدي » is no village. A cued, resolved place stays.
    /// </summary>
    public IReadOnlyList<PlaceMention> Geocode(string text, IReadOnlyList<TextToken> tokens, string? language, IReadOnlyList<(int Start, int End)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var places = _landmarks.Value.AddTo(text, tokens, _resolver.Resolve(_finder.Find(text, tokens, language), text, vocabulary.ListJoiners));
        if (names.Count > 0)
        {
            places = [.. places.Where(p => (p.Span.Cue != MentionCue.Empty && p.IsResolved) || !names.Any(n => n.Start < p.Span.End && p.Span.Start < n.End))];
        }

        // An airport named through its city is read once the city is known, and not inside an actor's name.
        var airports = CityAirports.Find(text, tokens, places, index, vocabulary).ToList();
        return airports.Count == 0 ? places : [.. places.Concat(airports).OrderBy(p => p.Span.Start)];
    }
}
