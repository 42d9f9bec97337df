using System.Diagnostics;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Actors;
using Territory.Ingestion.Dates;
using Territory.Ingestion.Events;
using Territory.Ingestion.Geocoding;
using Territory.Ingestion.Text;

namespace Territory.Ingestion;

/// <summary>Everything read from one report's text.</summary>
public sealed record ReportAnalysis(
    IReadOnlyList<(int Start, int End)> Sentences,
    IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<ActorMention> Actors,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<ExtractedEvent> Events);

/// <summary>
/// The text pipeline, in order: <see cref="Tokenizer"/> → <see cref="Geocoder"/> (mentions, then places) →
/// <see cref="ActorCatalog"/> → <see cref="DateFinder"/> → <see cref="EventExtractor"/>. Stateless and thread-safe;
/// build it once with the gazetteer index and share it.
/// </summary>
public sealed class ReportAnalyzer(Geocoder geocoder, ActorCatalog actors, DateFinder dates, EventExtractor extractor, EventVocabulary vocabulary)
{
    public ReportAnalyzer(GazetteerIndex index)
        : this(new Geocoder(index), ActorCatalog.Default, new DateFinder(), new EventExtractor(), EventVocabulary.Default)
    {
    }

    public Geocoder Geocoder => geocoder;

    /// <summary>Reads a report published on <paramref name="published"/> (the theater's local day).</summary>
    public ReportAnalysis Analyze(string text, DateOnly published, string? language = null) => Analyze(text, published, language, null);

    /// <summary>The same, adding the time spent in each stage to <paramref name="times"/> when given.</summary>
    public ReportAnalysis Analyze(string text, DateOnly published, string? language, AnalysisStageTimes? times)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mark = times is null ? 0 : Stopwatch.GetTimestamp();
        var tokens = Tokenizer.Tokenize(text);
        var sentences = Tokenizer.Sentences(text, tokens);
        times?.Lap(ref mark, 0);
        var actorMentions = actors.Find(text, tokens);

        // An actor's or a reporter's name wins over a place inside it: « Tahrir Damas », « régime de Damas » are not
        // Damascus, « l'Observatoire syrien des droits de l'Homme » is not Hama.
        var reporters = vocabulary.Reporters.FindAll(text, tokens);
        var names = actorMentions.Select(a => (a.Start, a.End))
            .Concat(reporters.Select(r => (tokens[r.First].Start, tokens[r.Last].End)))
            .ToList();
        times?.Lap(ref mark, 1);
        var places = geocoder.Geocode(text, tokens, language, names);
        times?.Lap(ref mark, 2);
        var dateMentions = dates.Find(text, tokens, published);
        times?.Lap(ref mark, 3);
        var events = extractor.Extract(new AnnotatedText(text, tokens, sentences, places, actorMentions, dateMentions, published) { Reporters = reporters });
        times?.Lap(ref mark, 4);
        return new ReportAnalysis(sentences, places, actorMentions, dateMentions, events);
    }
}
