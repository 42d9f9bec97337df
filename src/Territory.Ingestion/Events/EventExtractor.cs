using System.Globalization;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Actors;
using Territory.Ingestion.Dates;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Events;

/// <summary>Settings of event extraction.</summary>
public sealed record ExtractionOptions
{
    /// <summary>First day of the theater's story: an undated event lies between it and publication.</summary>
    public DateOnly TheaterStart { get; init; } = new(2024, 11, 27);

    /// <summary>Most places one verb may take (« 56 villages dont X, Y et Z »).</summary>
    public int MaxPlacesPerVerb { get; init; } = 12;
}

/// <summary>Everything the earlier stages found in one report, the input of <see cref="EventExtractor"/>.</summary>
public sealed record AnnotatedText(
    string Text,
    IReadOnlyList<TextToken> Tokens,
    IReadOnlyList<(int Start, int End)> Sentences,
    IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<ActorMention> Actors,
    IReadOnlyList<DateMention> Dates,
    DateOnly Published);

/// <summary>
/// Reads events sentence by sentence, the way an analyst would: a control verb (or strike, denial) from the vocabulary;
/// its places (after the verb, before it in Turkish or in the passive; a list gives one event per place; places that only
/// locate something, « à l'ouest d'Alep », are not captured); who gained (the subject, the agent of a passive, or the
/// previous sentence's subject), who lost when the words say; the date from the sentence's own words; negations become
/// denials, hedged or historical sentences give nothing. Each event keeps its sentence, rule and confidence.
/// </summary>
public sealed class EventExtractor(EventVocabulary vocabulary, ActorCatalog actors, ExtractionOptions options)
{
    private const int NegationWindow = 3;
    private const int HedgeWindow = 4;

    public EventExtractor()
        : this(EventVocabulary.Default, ActorCatalog.Default, new ExtractionOptions())
    {
    }

    /// <summary>The events of one annotated report, in text order.</summary>
    public IReadOnlyList<ExtractedEvent> Extract(AnnotatedText input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = new TextFindings(
            vocabulary.Verbs.FindAll(input.Text, input.Tokens),
            vocabulary.Reporters.FindAll(input.Text, input.Tokens),
            vocabulary.Casualties.FindAll(input.Text, input.Tokens),
            vocabulary.ClaimUnits.FindAll(input.Text, input.Tokens),
            vocabulary.Destinations);
        var events = new List<ExtractedEvent>();
        for (var s = 0; s < input.Sentences.Count; s++)
        {
            var sentence = new SentenceView(input, s, found);
            if (sentence.TokenCount == 0)
            {
                continue;
            }

            ExtractSentence(sentence, events);
        }

        return Deduplicate(events);
    }

    private void ExtractSentence(SentenceView sentence, List<ExtractedEvent> events)
    {
        var question = sentence.Text.TrimEnd().EndsWith('?');
        var historical = sentence.Dates.Any(d => d.Year is { } y && y < sentence.Input.Published.Year);
        var verbs = sentence.Verbs;
        var hasControlVerb = verbs.Any(v => v.Phrase.Value.Role == VerbRole.Control);
        for (var v = 0; v < verbs.Count; v++)
        {
            var verb = verbs[v];
            var rule = verb.Phrase.Value;
            if (question || historical || Hedged(sentence, verb))
            {
                continue;
            }

            // « a démenti que ses combattants se soient emparés de… »: the capture is what is denied.
            var negated = Negated(sentence, verb) || (rule.Role == VerbRole.Control && verbs.Take(v).Any(p => p.Phrase.Value.Role == VerbRole.Denial));
            switch (rule.Role)
            {
                case VerbRole.Control when negated:
                    if (!verbs.Take(v).Any(p => p.Phrase.Value.Role == VerbRole.Denial))
                    {
                        events.Add(Denial(sentence, verb, $"negated.{rule.Language}.{rule.Text}"));
                    }

                    break;
                case VerbRole.Control:
                    events.AddRange(ControlChanges(sentence, verbs, v));
                    break;
                case VerbRole.Strike when !negated:
                    events.AddRange(Strikes(sentence, verbs, v));
                    break;
                case VerbRole.Denial:
                    events.Add(Denial(sentence, verb, $"denial.{rule.Language}.{rule.Text}"));
                    break;
                default:
                    break;
            }
        }

        if (!question && !historical)
        {
            events.AddRange(Casualties(sentence));
            if (hasControlVerb)
            {
                events.AddRange(Claims(sentence));
            }
        }
    }

    private IEnumerable<ExtractedEvent> ControlChanges(SentenceView sentence, IReadOnlyList<PhraseMatch<VerbRule>> verbs, int v)
    {
        var verb = verbs[v];
        var rule = verb.Phrase.Value;
        var tier = rule.Tier!.Value;
        var placesFollow = !(rule.Passive || rule.ObjectBeforeVerb);
        var places = ObjectPlaces(sentence, verbs, v, placesFollow, tier);
        if (places.Count == 0)
        {
            yield break;
        }

        var subject = rule.Passive ? AgentAfter(sentence, verb) : Subject(sentence, verb, rule);
        var gainer = tier == ControlTier.Withdrawn ? actors.Unknown : subject ?? actors.Unknown;
        var loser = tier == ControlTier.Withdrawn ? subject ?? actors.Unknown : LoserAfter(sentence, verb, gainer) ?? actors.Unknown;
        var date = DateFor(sentence, verb);
        foreach (var place in places.Take(options.MaxPlacesPerVerb))
        {
            var confidence = TierConfidence(tier) * (gainer.IsUnknown && loser.IsUnknown ? 0.85 : 1) * PlaceConfidence(place) * DateConfidence(date);
            yield return new ExtractedEvent(EventKind.ControlChange, tier, place, gainer, loser, date, sentence.Source, $"control.{rule.Language}.{rule.Text}", Round(confidence))
            {
                Retake = rule.Retake,
                CountedBy = sentence.Reporter,
            };
        }
    }

    private IEnumerable<ExtractedEvent> Strikes(SentenceView sentence, IReadOnlyList<PhraseMatch<VerbRule>> verbs, int v)
    {
        var verb = verbs[v];
        var rule = verb.Phrase.Value;
        var attacker = Subject(sentence, verb, rule) ?? sentence.Actors.Select(a => a.Actor).FirstOrDefault() ?? actors.Unknown;
        var mode = sentence.TokensWhere(vocabulary.Air.Contains) ? "air" : sentence.TokensWhere(vocabulary.Ground.Contains) ? "ground" : "unknown";
        var places = ObjectPlaces(sentence, verbs, v, placesFollow: !rule.ObjectBeforeVerb, ControlTier.Reached);
        if (places.Count == 0)
        {
            places = [.. sentence.Places.Where(p => p.IsResolved).Take(1)];
        }

        var date = DateFor(sentence, verb);
        foreach (var place in places.DefaultIfEmpty())
        {
            var confidence = 0.8 * (attacker.IsUnknown ? 0.85 : 1) * (place is null ? 0.7 : PlaceConfidence(place)) * DateConfidence(date);
            yield return new ExtractedEvent(EventKind.Strike, null, place, attacker, actors.Unknown, date, sentence.Source, $"strike.{rule.Language}.{rule.Text}", Round(confidence))
            {
                StrikeMode = mode,
                CountedBy = sentence.Reporter,
            };
        }
    }

    private ExtractedEvent Denial(SentenceView sentence, PhraseMatch<VerbRule> verb, string rule)
    {
        var who = Subject(sentence, verb, verb.Phrase.Value) ?? sentence.Actors.Select(a => a.Actor).FirstOrDefault() ?? actors.Unknown;
        var place = sentence.Places.FirstOrDefault(p => p.IsResolved && p.Span.Start >= sentence.TokenStart(verb.First));
        return new ExtractedEvent(EventKind.Denial, verb.Phrase.Value.Tier, place, who, actors.Unknown, DateFor(sentence, verb), sentence.Source, rule, 0.7)
        {
            CountedBy = sentence.Reporter,
        };
    }

    // « plus de 255 morts », "24 civilians were killed", « 12 civils ont été tués », « 30 civils ont été blessés »
    private IEnumerable<ExtractedEvent> Casualties(SentenceView sentence)
    {
        var counts = new Dictionary<string, double>();
        foreach (var (number, at) in sentence.Numbers())
        {
            foreach (var casualty in sentence.CasualtyWords)
            {
                if (casualty.First > at && casualty.First - at <= 4 && !counts.ContainsKey(casualty.Phrase.Value))
                {
                    counts[casualty.Phrase.Value] = number;
                    break;
                }
            }
        }

        if (counts.Count == 0)
        {
            yield break;
        }

        var place = sentence.Places.FirstOrDefault(p => p.IsResolved);
        var date = sentence.Dates.FirstOrDefault(d => d.Year is null)?.Date ?? BeforePublication(sentence.Input.Published);
        yield return new ExtractedEvent(EventKind.Casualties, null, place, actors.Unknown, actors.Unknown, date, sentence.Source, "casualties.count", 0.8)
        {
            Quantities = counts,
            CountedBy = sentence.Reporter,
        };
    }

    // « 108 localités », « 850 kilomètres carrés », « 56 villages », « un rayon de 5 kilomètres », "32 villages and areas"
    private IEnumerable<ExtractedEvent> Claims(SentenceView sentence)
    {
        var quantities = new Dictionary<string, double>();
        var numbers = sentence.Numbers().Select(n => ((double Value, int At)?)n).ToList();
        foreach (var unit in sentence.ClaimUnits)
        {
            var key = unit.Phrase.Value;
            if (quantities.ContainsKey(key))
            {
                continue;
            }

            // « un rayon de 5 kilomètres »: the number follows the unit; elsewhere it comes first.
            var number = key == "km_radius"
                ? numbers.FirstOrDefault(n => n!.Value.At > unit.Last && n.Value.At - unit.Last <= 2)
                : numbers.LastOrDefault(n => n!.Value.At < unit.First && unit.First - n.Value.At <= 2);
            if (number is { } n)
            {
                quantities[key] = n.Value;
            }
        }

        if (quantities.Count == 0)
        {
            yield break;
        }

        var region = sentence.Places.FirstOrDefault(p => p.IsResolved);
        var date = sentence.Dates.FirstOrDefault(d => d.Year is null)?.Date ?? BeforePublication(sentence.Input.Published);
        var verb = sentence.Verbs.First(v => v.Phrase.Value.Role == VerbRole.Control);
        var gainer = (verb.Phrase.Value.Passive ? AgentAfter(sentence, verb) : Subject(sentence, verb, verb.Phrase.Value)) ?? actors.Unknown;
        yield return new ExtractedEvent(EventKind.Claim, null, region, gainer, actors.Unknown, date, sentence.Source, "claim.quantity", 0.75)
        {
            Quantities = quantities,
            CountedBy = sentence.Reporter,
        };
    }

    // The places a verb acts on: after it (before it for a passive or in Turkish), up to the next verb; a place that only
    // says where something else is (« à l'ouest d'Alep ») is not one, nor a destination after a withdrawal (« ont fui vers X »).
    private List<PlaceMention> ObjectPlaces(SentenceView sentence, IReadOnlyList<PhraseMatch<VerbRule>> verbs, int v, bool placesFollow, ControlTier tier)
    {
        var verb = verbs[v];
        int from, to;
        if (placesFollow)
        {
            from = sentence.TokenEnd(verb.Last);
            to = v + 1 < verbs.Count ? sentence.TokenStart(verbs[v + 1].First) : int.MaxValue;
        }
        else
        {
            from = v > 0 ? sentence.TokenEnd(verbs[v - 1].Last) : 0;
            to = sentence.TokenStart(verb.First);
        }

        // The clause: up to a subordinate word (« où », "where", « après »...) or a semicolon, and at most a dozen words.
        to = Math.Min(to, sentence.ClauseEnd(placesFollow ? verb.Last : verb.First, placesFollow));
        from = placesFollow ? from : Math.Max(from, sentence.ClauseStart(verb.First));
        var inWindow = sentence.Places.Where(p => p.Span.Start >= from && p.Span.End <= to && !sentence.AfterClaimUnit(p)).ToList();
        var objects = inWindow.Where(p => !IsLocator(p, tier) && !(tier == ControlTier.Withdrawn && sentence.AfterDestinationWord(p))).ToList();
        if (objects.Count == 0)
        {
            // « dans la campagne d'Idlib » alone: the event is known only to a region; « Halep'in batısındaki mahallelere
            // girdi » (entered the districts west of Aleppo): near the named place.
            objects = [.. inWindow.Where(p => p.Span.Cue.Relation == CueRelation.Region
                || (tier is ControlTier.Entered or ControlTier.Reached or ControlTier.Contested && p.Span.Cue.Relation is CueRelation.Direction or CueRelation.Near))];
        }

        return objects;
    }

    // A country is never what changed hands; a place that says where something else is, is not either.
    private static bool IsLocator(PlaceMention place, ControlTier tier) => place.Place?.Kind == PlaceKind.Country || place.Span.Cue.Relation switch
    {
        CueRelation.Direction => true,
        CueRelation.Near => tier != ControlTier.Reached,
        CueRelation.Region => true,
        _ => false,
    };

    // The subject: the nearest actor before the verb (after it in Arabic, verb-subject-object), else the previous sentence's subject.
    private Actor? Subject(SentenceView sentence, PhraseMatch<VerbRule> verb, VerbRule rule)
    {
        var verbStart = sentence.TokenStart(verb.First);
        var verbEnd = sentence.TokenEnd(verb.Last);
        if (rule.Language == "ar")
        {
            var after = sentence.Actors.FirstOrDefault(a => a.Start >= verbEnd && a.Start - verbEnd <= 30);
            if (after is not null)
            {
                return after.Actor;
            }
        }

        // Subject-object-verb (Turkish): the subject opens the sentence; elsewhere it stands nearest before the verb.
        var before = rule.ObjectBeforeVerb ? sentence.Actors.FirstOrDefault(a => a.End <= verbStart) : sentence.Actors.LastOrDefault(a => a.End <= verbStart);
        return before?.Actor ?? sentence.PreviousSubject;
    }

    // « tombée aux mains des jihadistes », "fell to the rebels", « muhaliflerin eline geçti » (the possessor comes before in Turkish).
    private static Actor? AgentAfter(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var verbStart = sentence.TokenStart(verb.First);
        var verbEnd = sentence.TokenEnd(verb.Last);
        return verb.Phrase.Value.ObjectBeforeVerb
            ? sentence.Actors.LastOrDefault(a => a.End <= verbStart)?.Actor
            : sentence.Actors.FirstOrDefault(a => a.Start >= verbEnd)?.Actor;
    }

    // An actor after the verb that is not the gainer's side: « repris Saraqeb aux forces du régime », "seized it from the army".
    private static Actor? LoserAfter(SentenceView sentence, PhraseMatch<VerbRule> verb, Actor gainer)
    {
        if (gainer.IsUnknown)
        {
            return null;
        }

        var verbEnd = sentence.TokenEnd(verb.Last);
        return sentence.Actors.FirstOrDefault(a => a.Start >= verbEnd && a.Actor.Side != gainer.Side && a.Actor.Side != Actor.UnknownKey)?.Actor;
    }

    private EventDate DateFor(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var verbStart = sentence.TokenStart(verb.First);
        var dated = sentence.Dates.Where(d => d.Year is null).OrderBy(d => Math.Abs(d.Start - verbStart)).FirstOrDefault();
        return dated?.Date ?? BeforePublication(sentence.Input.Published);
    }

    private EventDate BeforePublication(DateOnly published)
    {
        var from = options.TheaterStart <= published ? options.TheaterStart : published.AddDays(-7);
        return new EventDate(from, published, DatePrecision.BeforePublication, null);
    }

    private bool Negated(SentenceView sentence, PhraseMatch<VerbRule> verb) => sentence.AnyTokenBefore(verb.First, NegationWindow, vocabulary.Negations.Contains)
        || sentence.AnyTokenInside(verb.First, verb.Last, vocabulary.Negations.Contains);

    private bool Hedged(SentenceView sentence, PhraseMatch<VerbRule> verb) => sentence.AnyTokenBefore(verb.First, HedgeWindow, vocabulary.Hedges.Contains);

    private static double TierConfidence(ControlTier tier) => tier switch
    {
        ControlTier.Claimed => 0.9,
        ControlTier.Entered => 0.88,
        ControlTier.Reached => 0.82,
        ControlTier.Contested => 0.78,
        _ => 0.82,
    };

    private static double PlaceConfidence(PlaceMention place) =>
        !place.IsResolved ? 0.6 : place.Score >= 1 ? 1 : place.Score >= 0.85 ? 0.92 : 0.85;

    private static double DateConfidence(EventDate date) => date.Precision switch
    {
        DatePrecision.Day => 1,
        DatePrecision.Range => 0.95,
        _ => 0.92,
    };

    private static double Round(double value) => Math.Round(value, 3);

    // One report often tells the same event twice (title and body): keep one, with every sentence as a source.
    private static List<ExtractedEvent> Deduplicate(List<ExtractedEvent> events)
    {
        var kept = new List<ExtractedEvent>();
        foreach (var e in events)
        {
            var twin = e.Kind == EventKind.ControlChange && e.Place?.Place is { } place
                ? kept.FindIndex(k => k.Kind == e.Kind && k.Tier == e.Tier && k.Place?.Place?.Id == place.Id && k.Gainer.Side == e.Gainer.Side
                    && k.Date.From <= e.Date.To && e.Date.From <= k.Date.To)
                : -1;
            if (twin < 0)
            {
                kept.Add(e);
                continue;
            }

            var existing = kept[twin];
            var (better, other) = e.Confidence > existing.Confidence ? (e, existing) : (existing, e);
            kept[twin] = better with { MoreSources = [.. better.MoreSources, other.Source, .. other.MoreSources] };
        }

        return kept;
    }

    /// <summary>What the vocabulary matched in the whole text, found once per text.</summary>
    private sealed record TextFindings(
        IReadOnlyList<PhraseMatch<VerbRule>> Verbs,
        IReadOnlyList<PhraseMatch<string>> Reporters,
        IReadOnlyList<PhraseMatch<string>> Casualties,
        IReadOnlyList<PhraseMatch<string>> ClaimUnits,
        WordSet Destinations);

    /// <summary>One sentence with what the earlier stages found in it.</summary>
    private sealed class SentenceView
    {
        private readonly int _firstToken;
        private readonly int _lastToken;
        private readonly WordSet _destinations;

        public SentenceView(AnnotatedText input, int index, TextFindings found)
        {
            Input = input;
            var (start, end) = input.Sentences[index];
            Start = start;
            End = end;
            Text = input.Text[start..end];
            _firstToken = FirstTokenAtOrAfter(input.Tokens, start);
            _lastToken = FirstTokenAtOrAfter(input.Tokens, end) - 1;
            TokenCount = Math.Max(0, _lastToken - _firstToken + 1);
            Verbs = [.. found.Verbs.Where(v => v.First >= _firstToken && v.Last <= _lastToken)];
            Places = [.. input.Places.Where(p => p.Span.Start >= start && p.Span.End <= end)];
            Actors = [.. input.Actors.Where(a => a.Start >= start && a.End <= end && !Overlaps(a.Start, a.End, Places))];
            Dates = [.. input.Dates.Where(d => d.Start >= start && d.End <= end)];
            Reporter = found.Reporters.Where(r => r.First >= _firstToken && r.Last <= _lastToken).Select(r => r.Phrase.Value).FirstOrDefault()
                ?? found.Reporters.Where(r => r.Last < _firstToken).Select(r => r.Phrase.Value).LastOrDefault();
            PreviousSubject = input.Actors.Where(a => a.End <= start && a.Sentence == input.Tokens[Math.Max(0, _firstToken - 1)].Sentence).Select(a => a.Actor).FirstOrDefault();
            CasualtyWords = [.. found.Casualties.Where(c => c.First >= _firstToken && c.Last <= _lastToken)];
            ClaimUnits = [.. found.ClaimUnits.Where(c => c.First >= _firstToken && c.Last <= _lastToken)];
            _destinations = found.Destinations;
            Source = new EventSource(start, end, Text);
        }

        public AnnotatedText Input { get; }

        public int Start { get; }

        public int End { get; }

        public string Text { get; }

        public int TokenCount { get; }

        public IReadOnlyList<PhraseMatch<VerbRule>> Verbs { get; }

        public IReadOnlyList<PlaceMention> Places { get; }

        public IReadOnlyList<ActorMention> Actors { get; }

        public IReadOnlyList<DateMention> Dates { get; }

        public string? Reporter { get; }

        public Actor? PreviousSubject { get; }

        public IReadOnlyList<PhraseMatch<string>> CasualtyWords { get; }

        public IReadOnlyList<PhraseMatch<string>> ClaimUnits { get; }

        public EventSource Source { get; }

        public int TokenStart(int token) => Input.Tokens[token].Start;

        public int TokenEnd(int token) => Input.Tokens[token].End;

        public bool TokensWhere(Func<TextToken, bool> test)
        {
            for (var t = _firstToken; t <= _lastToken; t++)
            {
                if (test(Input.Tokens[t]))
                {
                    return true;
                }
            }

            return false;
        }

        public bool AnyTokenBefore(int token, int window, Func<TextToken, bool> test)
        {
            for (var t = Math.Max(_firstToken, token - window); t < token; t++)
            {
                if (test(Input.Tokens[t]))
                {
                    return true;
                }
            }

            return false;
        }

        public bool AnyTokenInside(int first, int last, Func<TextToken, bool> test)
        {
            for (var t = first + 1; t < last; t++)
            {
                if (test(Input.Tokens[t]))
                {
                    return true;
                }
            }

            return false;
        }

        // Words that open another clause: the verb's objects stop there.
        private static readonly HashSet<string> ClauseWords = ["ou", "qui", "que", "lorsque", "quand", "alors", "tandis", "mais", "dont", "where", "which", "who", "when", "while", "but", "حيث", "لكن", "ancak", "ama"];

        public int ClauseEnd(int verbToken, bool forward)
        {
            var limit = Math.Min(_lastToken, verbToken + 14);
            for (var t = verbToken + 1; t <= limit; t++)
            {
                if (ClauseWords.Contains(Input.Tokens[t].Key) || Input.Text.AsSpan(Input.Tokens[t - 1].End, Input.Tokens[t].Start - Input.Tokens[t - 1].End).IndexOfAny(';', ':') >= 0)
                {
                    return Input.Tokens[t - 1].End;
                }
            }

            return forward ? Input.Tokens[limit].End : int.MaxValue;
        }

        public int ClauseStart(int verbToken)
        {
            var limit = Math.Max(_firstToken, verbToken - 14);
            for (var t = verbToken - 1; t >= limit; t--)
            {
                if (ClauseWords.Contains(Input.Tokens[t].Key))
                {
                    return Input.Tokens[t].End;
                }
            }

            return Input.Tokens[limit].Start;
        }

        // « 56 villages à Idlib et Alep »: a place after a counted unit is the claim's region, not a captured place.
        public bool AfterClaimUnit(PlaceMention place)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            return ClaimUnits.Any(u => u.Last < t && t - u.Last <= 6);
        }

        public bool AfterDestinationWord(PlaceMention place)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            for (var k = t - 1; k >= Math.Max(_firstToken, t - 3); k--)
            {
                if (_destinations.Contains(Input.Tokens[k]))
                {
                    return true;
                }
            }

            return false;
        }

        // Numbers written in digits, with thousands split by spaces or dots (« 10 000 », "1,500").
        public IEnumerable<(double Value, int At)> Numbers()
        {
            for (var t = _firstToken; t <= _lastToken; t++)
            {
                if (!double.TryParse(Input.Tokens[t].Key, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }

                var k = t;
                while (k + 1 <= _lastToken && Input.Tokens[k + 1].Key.Length == 3 && Input.Tokens[k + 1].Start - Input.Tokens[k].End <= 1
                    && double.TryParse(Input.Tokens[k + 1].Key, NumberStyles.None, CultureInfo.InvariantCulture, out var part))
                {
                    value = (value * 1000) + part;
                    k++;
                }

                yield return (value, k);
                t = k;
            }
        }

        private static bool Overlaps(int start, int end, IReadOnlyList<PlaceMention> places) =>
            places.Any(p => p.IsResolved && p.Span.Start < end && start < p.Span.End);

        private static int FirstTokenAtOrAfter(IReadOnlyList<TextToken> tokens, int offset)
        {
            int lo = 0, hi = tokens.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (tokens[mid].Start < offset)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
