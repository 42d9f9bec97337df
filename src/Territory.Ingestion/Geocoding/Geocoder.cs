using Territory.Domain.Places;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// Text in, resolved place mentions out: <see cref="MentionFinder"/>, <see cref="PlaceResolver"/>, then the landmarks
/// named by their noun alone (<see cref="LandmarkNouns"/>).
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
    public IReadOnlyList<PlaceMention> Geocode(string text, IReadOnlyList<TextToken> tokens, string? language = null) =>
        _landmarks.Value.AddTo(text, tokens, _resolver.Resolve(_finder.Find(text, tokens, language), text, vocabulary.ListJoiners));
}
