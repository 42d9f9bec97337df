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

    /// <summary>
    /// The side that holds ground when a report does not say (the theater's incumbent): of fighting « entre l'armée et les
    /// factions », the attacker is the other side.
    /// </summary>
    public string DefaultHolderSide { get; init; } = "government";
}

/// <summary>Everything the earlier stages found in one report, the input of <see cref="EventExtractor"/>.</summary>
public sealed record AnnotatedText(
    string Text,
    IReadOnlyList<TextToken> Tokens,
    IReadOnlyList<(int Start, int End)> Sentences,
    IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<ActorMention> Actors,
    IReadOnlyList<DateMention> Dates,
    DateOnly Published)
{
    /// <summary>The reporters' names already found in the text (found again when null).</summary>
    public IReadOnlyList<PhraseMatch<string>>? Reporters { get; init; }
}

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
    private const int ObjectWindow = 24;

    // How many words a Turkish exception word (« hariç ») may follow the place it excepts by: a short list.
    private const int ExceptionWindow = 6;
    private const int AnaphorWindow = 6;
    private const int CivilianWindow = 8;

    // Words between a verb and the civilians or shops that are its subject or object (« les civils », "the petrol stations").
    private const int CivilianObjectWindow = 3;

    // Words from a noun of positions to the place that locates them (« les positions de l'armée à Morek et à Lataminé »).
    private const int PositionWindow = 9;
    private const int ThreatScopeWindow = 6;
    private const int SequenceWindow = 4;
    private const int MoveInWindow = 4;
    private const int PartsWindow = 6;


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
            input.Reporters ?? vocabulary.Reporters.FindAll(input.Text, input.Tokens),
            vocabulary.Casualties.FindAll(input.Text, input.Tokens),
            vocabulary.ClaimUnits.FindAll(input.Text, input.Tokens),
            vocabulary.Anaphors.FindAll(input.Text, input.Tokens),
            vocabulary.CleftOpeners.FindAll(input.Text, input.Tokens),
            MainCity(input.Places),
            vocabulary)
        {
            Datelines = Datelines(input),
        };
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

        return Deduplicate(WithdrawalNext(IncomerNext(events)));
    }

    private void ExtractSentence(SentenceView sentence, List<ExtractedEvent> events)
    {
        var question = sentence.Asks;

        // « en 2016 » is history; « pour la première fois depuis 2016 » is news, unless « depuis 2016, lorsque… ».
        // A year inside an aside on a place ("Idlib, where the first councils formed in 2012,", « Jisr, ville martyre de 1980, »)
        // dates the place's past, not the sentence.
        var past = HistorySpans(sentence);
        var historical = sentence.Dates.Any(d => d.Year is { } y && y < sentence.Input.Published.Year && !(d.AfterSince && !sentence.ClauseWordAfter(d.End))
            && !InPlaceAside(sentence, d) && !FirstTimeSince(sentence, d) && !past.Exists(s => s.Start <= d.Start && d.End <= s.End));
        var verbs = past.Count == 0 ? sentence.Verbs : [.. sentence.Verbs.Where(v => !past.Exists(s => s.Start <= sentence.TokenStart(v.First) && sentence.TokenEnd(v.Last) <= s.End))];
        var hasControlVerb = verbs.Any(v => v.Phrase.Value.Role == VerbRole.Control);
        var controls = new List<ExtractedEvent>();
        var departure = Departure(sentence, pastLeavers: true);
        for (var v = 0; v < verbs.Count; v++)
        {
            var verb = verbs[v];
            var rule = verb.Phrase.Value;
            if (question || historical || Hedged(sentence, verb) || (rule.AfterDeparture && Departure(sentence, pastLeavers: false) < 0 && !DeployedAfterEntry(sentence, verb) && !DeployedAfterWithdrawal(sentence, verb)) || UnknownTaker(sentence, verb)
                || DeniedReport(sentence, verbs, v))
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
                    controls.AddRange(ControlChanges(sentence, verbs, v));
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

        // "took Atarib in the Aleppo countryside": a region's mention (geoprecision 3) is no second event beside a named place.
        var kept = OnePerPlace(TakerAfterWithdrawal(sentence, controls)).ToList();
        if (kept.Exists(e => !InRegion(e.Place)))
        {
            kept.RemoveAll(e => InRegion(e.Place));
        }

        if (departure >= 0)
        {
            kept = [.. kept.Select(e => AfterDeparture(sentence, departure, e))];
        }

        kept = [.. kept.Select(e => AbandonedBy(sentence, e)).Select(e => Redeployed(sentence, e))];

        kept.AddRange([.. Namesakes(sentence, kept), .. HeldCities(sentence, kept), .. PositionsLeft(sentence, kept)]);
        kept.AddRange([.. HeldToo(sentence, kept)]);

        // "In the fighting in Hama and Idlib, 300 people have been killed", « les combats à Alep ont fait 200 morts »: fighting
        // that only frames a toll tells no change of control.
        if (kept.Count > 0 && kept.TrueForAll(e => e.Tier == ControlTier.Contested) && CasualtyCounts(sentence).Count > 0)
        {
            kept.Clear();
        }
        events.AddRange(kept);
        if (!question && !historical)
        {
            events.AddRange(Casualties(sentence));
            if (hasControlVerb || sentence.Distance() is not null)
            {
                events.AddRange(Claims(sentence));
            }
        }
    }

    // A comma-bounded stretch with no verb of ours that opens with a relative or where word, or right after a place.
    private bool InPlaceAside(SentenceView sentence, DateMention date)
    {
        var comma = sentence.LastCommaBefore(date.Start, sentence.Start);
        if (comma < 0 || sentence.Verbs.Any(v => sentence.TokenEnd(v.Last) > comma && sentence.TokenEnd(v.Last) <= sentence.NextComma(date.End)))
        {
            return false;
        }

        var opener = sentence.FirstTokenFrom(comma + 1, sentence.FirstToken + sentence.TokenCount, _ => true);
        if (opener >= 0 && (vocabulary.RelativeWords.Contains(sentence.Input.Tokens[opener]) || vocabulary.WhereWords.Contains(sentence.Input.Tokens[opener])))
        {
            return true;
        }

        // the place and at most one word after it ("Idlib city,") before the comma
        return sentence.Places.Any(p => p.IsResolved && p.Span.End <= comma && sentence.Input.Text.AsSpan(p.Span.End, comma - p.Span.End).Trim().IndexOf(' ') < 0);
    }

    // "all of Aleppo except Sheikh Maqsoud and Ashrafieh", « à l'exception de X », « X ve Y hariç »: an exception word
    // before the place in its stretch between commas, or a Turkish one a few words after it with no verb between.
    private bool Excepted(SentenceView sentence, PlaceMention place)
    {
        var first = sentence.IndexOfOffset(place.Span.Start);
        var comma = sentence.LastCommaBefore(place.Span.Start, sentence.Start);
        if (sentence.FirstTokenFrom(comma < 0 ? sentence.Start : comma, first, vocabulary.ExceptionWords.Contains) >= 0)
        {
            return true;
        }

        var last = sentence.IndexOfOffset(place.Span.End);
        var postposition = sentence.FirstTokenFrom(place.Span.End, Math.Min(last + ExceptionWindow, sentence.FirstToken + sentence.TokenCount), vocabulary.ExceptionPostpositions.Contains);
        return postposition >= 0 && !sentence.PunctuationBetween(place.Span.End, sentence.TokenStart(postposition))
            && !sentence.Verbs.Any(v => sentence.TokenStart(v.First) >= place.Span.End && sentence.TokenEnd(v.Last) <= sentence.TokenStart(postposition));
    }

    // "moved into X after regime forces withdrew", « après le retrait de l'armée », « بعد انسحاب الجيش », « çekilmesinin
    // ardından »: an after word with a word of departure next to it (after it; before it in Turkish). The token of the after
    // word, or -1.
    // With pastLeavers, "after government troops and Iranian-backed militias pulled out": the leavers' names do not count in
    // the window (only for an entry told with it: a deployment still needs the departure close by, or it fires on asides).
    // « rejim güçlerinin çekildiği Rakka'ya girdi » (entered Raqqa, which the regime's forces left): an object participle of
    // departure tells it too.
    private int Departure(SentenceView sentence, bool pastLeavers)
    {
        var end = sentence.FirstToken + sentence.TokenCount;
        bool DepartureAfter(int token) => pastLeavers
            ? sentence.AnyWordAfterActors(token, MoveInWindow, vocabulary.DepartureWords.Contains)
            : sentence.AnyTokenAfter(token, MoveInWindow, vocabulary.DepartureWords.Contains);
        var after = sentence.FirstTokenFrom(sentence.Start, end, t => vocabulary.AfterWords.Contains(t)
            && (DepartureAfter(sentence.IndexOf(t)) || sentence.AnyTokenBefore(sentence.IndexOf(t), 2, vocabulary.DepartureWords.Contains)));
        return after >= 0 ? after
            : sentence.FirstTokenFrom(sentence.Start, end, t => vocabulary.DepartureWords.Contains(t) && EndsWithAny(t, vocabulary.ObjectParticipleEndings) && !LeavesPositions(sentence, sentence.IndexOf(t)));
    }

    // Convention 1: the side that entered a place the holder had just left gains it as a withdrawal. Not when the departure
    // is from another place (« entered Hama after the army withdrew from Homs »), nor for a capture, which stays one.
    private ExtractedEvent AfterDeparture(SentenceView sentence, int departure, ExtractedEvent entry)
    {
        if (entry.Tier != ControlTier.Entered || entry.Gainer.IsUnknown || entry.Place?.Place is not { } place)
        {
            return entry;
        }

        // The departure's clause: from the after word when the departure follows it ("moved into X and Y, two towns east of Z,
        // after militias left"), from the words before it when it comes first (« Menbiç'ten çekilmesinin ardından »).
        var departureFirst = sentence.AnyTokenBefore(departure, 2, vocabulary.DepartureWords.Contains) || vocabulary.DepartureWords.Contains(sentence.Input.Tokens[departure]);
        var (from, to) = (sentence.TokenStart(departureFirst ? Math.Max(0, departure - MoveInWindow) : departure), sentence.NextComma(sentence.TokenEnd(departure)));
        if (sentence.Places.Any(p => p.IsResolved && p.Span.Start >= from && p.Span.End <= to && p.Place!.Id != place.Id && !IsAreal(p)))
        {
            return entry;
        }

        var leaver = sentence.Actors.FirstOrDefault(a => a.Start >= from && a.End <= to && !a.Actor.IsUnknown && a.Actor.Side != entry.Gainer.Side)?.Actor;
        return entry with { Tier = ControlTier.Withdrawn, Loser = leaver ?? entry.Loser, Rule = $"{entry.Rule}.afterDeparture" };
    }

    private IEnumerable<ExtractedEvent> ControlChanges(SentenceView sentence, IReadOnlyList<PhraseMatch<VerbRule>> verbs, int v)
    {
        var verb = verbs[v];
        var rule = verb.Phrase.Value;
        var tier = rule.Tier!.Value;
        var placesFollow = !rule.ObjectBeforeVerb && (!rule.Passive || rule.Nominal);
        var places = ObjectPlaces(sentence, verbs, v, placesFollow, tier);
        if (rule.ObjectBeforeVerb && places.Count > 0 && LeavesPositions(sentence, verb.First))
        {
            places = [];
        }

        // « la prise de Dana », "the fall of Hama": the noun's place follows it closely ("the entry of aid into Aleppo" is no entry).
        // "took Atarib", but "the battle took place in Aleppo": a short common verb's place follows it closely too.
        if ((rule.Nominal || rule.Close) && placesFollow && places.Count > 0 && !sentence.CloseAfter(verb.Last, places[0].Span.Start, vocabulary.LocativeWords) && !KindWordBefore(sentence, verb, places[0])
            && !(rule.Nominal && ActorBeforeDestination(sentence, verb, places[0])))
        {
            places = [];
        }

        // « Ayn Dakna köyünü PKK/YPG'den aldı » but « İdlib'i hedef aldı » (targeted): a short common Turkish verb's place stands right before it.
        if (rule.Close && rule.ObjectBeforeVerb && places.Count > 0 && !CloseBefore(sentence, verb, places[^1]))
        {
            places = [];
        }

        // « Halep'te muhalifler, … Dana'yı ele geçirdi »: a Turkish place in the locative before the verb's own object only says where.
        if (rule.ObjectBeforeVerb && places.Count > 1)
        {
            places = [.. places.Where((p, i) => !HasSuffix(p, vocabulary.LocativeEndings) || places.Skip(i + 1).All(q => HasSuffix(q, vocabulary.LocativeEndings)))];
        }

        // "Saraqib fell to rebels on Friday along with the nearby village of Afes": a passive's places stand before it, and a
        // list continued after it adds to them.
        if (!placesFollow && !rule.ObjectBeforeVerb && rule.Passive && (places.Count > 0 || (v > 0 && verbs[v - 1].Last + 1 == verb.First)))
        {
            places.AddRange(ListedAfter(sentence, verbs, v).Where(p => !places.Exists(q => q.Place == p.Place)));
        }

        // "Saraqib, which rebels seized on Friday, lies on…": the place the relative clause hangs on.
        if (placesFollow && !rule.Nominal && (RelativeAntecedent(sentence, verb) ?? ReportedRelativeAntecedent(sentence, verb)) is { } antecedent
            && !places.Any(p => p.Span.Start < sentence.NextComma(sentence.TokenEnd(verb.Last))))
        {
            places = antecedent;
        }

        // « Rejim güçlerinin çekildiği Menbiç'e » (Manbij, which the regime's forces left): the place after an object participle.
        if (rule.ObjectBeforeVerb && EndsWithAny(sentence.Input.Tokens[verb.Last], vocabulary.ObjectParticipleEndings)
            && ParticipleObject(sentence, verb.Last + 1) is { } participleObject)
        {
            places = [participleObject];
        }

        // « C'est à Saraqeb que les rebelles sont entrés », "It was Atarib that rebels seized": the place the cleft puts first.
        if (placesFollow && !rule.Nominal && places.Count == 0 && CleftPlace(sentence, verb) is { } clefted)
        {
            places = [clefted];
        }

        // "Government forces are fighting to hold X, where clashes with HTS fighters have raged", "evacuating civilians from X,
        // where fighting with the SNA raged": the place the where-clause hangs on; the side named in that clause attacks it
        // (the main clause's subject holds it).
        Actor? whereSide = null;
        if (placesFollow && tier == ControlTier.Contested && places.Count == 0 && WhereAntecedent(sentence, verb) is { } where)
        {
            places = [where];
            whereSide = sentence.Actors.FirstOrDefault(a => a.Start >= sentence.TokenEnd(verb.Last) && !a.Actor.IsUnknown && sentence.SameClause(sentence.TokenEnd(verb.Last), a.Start))?.Actor;
        }

        var anaphor = false;
        if (places.Count == 0 && !rule.Close && !FleesTowardsAnaphor(sentence, verb, tier) && (CapitalPlace(sentence, verb, placesFollow) ?? AnaphorPlace(sentence, verb, placesFollow)) is { } city)
        {
            places = [city];
            anaphor = true;
        }

        // « اقتحمها مقاتلو الفصائل » (the factions' fighters stormed it): a pronoun on the verb stands for the place just named,
        // past a city that only locates it (« بلدة دير حافر شرقي حلب، ودخلتها »).
        if (places.Count == 0 && EndsWithAny(sentence.Input.Tokens[verb.Last], vocabulary.ObjectPronounEndings)
            && (sentence.Places.LastOrDefault(p => p.Span.End <= sentence.TokenStart(verb.First) && p.IsResolved && !Locates(sentence, p))
                ?? sentence.Places.LastOrDefault(p => p.Span.End <= sentence.TokenStart(verb.First))) is { IsResolved: true } named && !IsAreal(named))
        {
            places = [named];
            anaphor = true;
        }

        // « de nombreuses personnes ont commencé à fuir d'Alep »: civilians fleeing is not a withdrawal; "panic seized X" is
        // another sense.
        // "attacking its checkpoints around X", « qui attaquaient ses positions », هاجموا نقاطها: the defender's own ground.
        if (places.Count == 0 || AbstractSubject(sentence, verb, rule) || CivilianSense(sentence, verb, tier) || (tier == ControlTier.Withdrawn && LeaderLeaves(sentence, verb)) || (tier == ControlTier.Reached && OwnPositions(sentence, verb, rule)) || NonCombatantSubject(sentence, verb, rule))
        {
            yield break;
        }

        var subject = rule.Nominal ? NominalAgent(sentence, verb, rule)
            : rule.Passive ? AgentBeforeAfterWord(sentence, verb) : Subject(sentence, verb, rule);
        if (tier == ControlTier.Contested)
        {
            subject = whereSide ?? PrecedentAttacker(sentence, Attacker(sentence, verb, subject));
        }

        // "The army lost control of X", « باتت حماة خارج سيطرة النظام »: the side named lost it; who took it is not said.
        var namedLoser = rule.SubjectLoses ? subject : null;
        subject = rule.SubjectLoses ? null : subject;

        var gainer = tier == ControlTier.Withdrawn ? actors.Unknown : subject ?? actors.Unknown;
        if (gainer.IsUnknown && tier != ControlTier.Withdrawn && sentence.TokensWhere(vocabulary.GenericAgents.Contains))
        {
            gainer = NamedAttacker(sentence) ?? gainer;
        }

        // "Troops had recaptured X": bare troops taking back a place are the holder's; elsewhere ("ambushed troops") they name no side.
        if (gainer.IsUnknown && rule.Retake && !rule.Passive && sentence.AnyTokenBefore(verb.First, 2, vocabulary.BareTroops.Contains))
        {
            gainer = actors.ByKey.GetValueOrDefault(options.DefaultHolderSide) ?? gainer;
        }

        // "X remained in government hands", « reste aux mains du régime », "remains under SDF control", لا تزال: the holder
        // keeps it, whoever it is; nothing changed.
        if (tier == ControlTier.Claimed && !rule.Retake
            && (sentence.AnyTokenBefore(verb.First, HedgeWindow, vocabulary.StativeWords.Contains) || sentence.AnyTokenInside(verb.First, verb.Last, vocabulary.StativeWords.Contains)))
        {
            yield break;
        }

        // "X fell as government forces melted away", « alors que l'armée se débandait »: the side falling apart gains nothing.
        if (tier != ControlTier.Withdrawn && !rule.Retake && Collapses(sentence, gainer))
        {
            gainer = actors.Unknown;
        }

        var loser = namedLoser ?? (tier == ControlTier.Withdrawn ? subject ?? actors.Unknown
            : LoserAfter(sentence, verb, gainer) ?? AblativeLoser(sentence, verb, gainer) ?? sentence.Holders.FirstOrDefault(h => h.Actor.Side != gainer.Side)?.Actor ?? actors.Unknown);
        if (tier == ControlTier.Withdrawn)
        {
            // « ont évacué leurs positions à X, laissant la ville aux combattants de l'opposition »: who moves in.
            var verbEnd = sentence.TokenEnd(verb.Last);
            var incomer = sentence.Actors.FirstOrDefault(a => a.Start >= verbEnd && !a.Actor.IsUnknown && a.Actor.Side != loser.Side && !sentence.InParentheses(a.Start)
                && !Approaches(sentence, a)
                && ((sentence.SameClause(verbEnd, a.Start) && !(sentence.AnyTokenBefore(sentence.IndexOfOffset(a.Start), 1, vocabulary.WhileWords.Contains) && NextVerbOf(sentence, a) is null)) || NextVerbOf(sentence, a)?.Tier is ControlTier.Entered or ControlTier.Claimed
                    || PassiveIncomer(sentence, verbEnd, a) || MovesIn(sentence, a.End) || MovesIn(sentence, sentence.PastAside(a.End))));
            gainer = incomer?.Actor ?? gainer;

            // « a abandonné ses positions à X, ville martyre de 1980, désormais aux mains des rebelles »: the place is now the
            // incomer's, told by a passive taking past a comma: a capture.
            if (incomer is not null && sentence.Verbs.Any(p => p.Phrase.Value is { Role: VerbRole.Control, Passive: true, Nominal: false, Tier: ControlTier.Claimed }
                && sentence.TokenStart(p.First) > verbEnd && sentence.TokenEnd(p.Last) <= incomer.Start && sentence.PunctuationBetween(verbEnd, sentence.TokenStart(p.First))))
            {
                tier = ControlTier.Claimed;
            }

            // "fled X and Y as rebels closed in": the side named only drew near, so each place was reached.
            if (incomer is not null && NextVerbOf(sentence, incomer)?.Tier == ControlTier.Reached)
            {
                tier = ControlTier.Reached;
            }
        }
        else if (tier == ControlTier.Reached && gainer.IsUnknown)
        {
            // « Soğuk hava dalgası çadır kamplarını kuşattı » (a cold wave besieged the camps): reaching needs someone who moves.
            yield break;
        }

        var verbDate = DateFor(sentence, verb);
        var placeDates = PlaceDates(sentence, places);
        var ruleName = $"control.{rule.Language}.{rule.Text}{(anaphor ? ".anaphor" : string.Empty)}";
        foreach (var (place, i) in places.Take(options.MaxPlacesPerVerb).Select((p, i) => (p, i)))
        {
            var date = placeDates?[i] ?? verbDate;
            var confidence = TierConfidence(tier) * (gainer.IsUnknown && loser.IsUnknown ? 0.85 : 1) * PlaceConfidence(place) * DateConfidence(date) * (anaphor ? 0.85 : 1);
            yield return new ExtractedEvent(EventKind.ControlChange, tier, place, gainer, loser, date, sentence.Source, ruleName, Round(confidence))
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
        var counts = CasualtyCounts(sentence);
        if (counts.Count == 0)
        {
            yield break;
        }

        var place = sentence.Places.FirstOrDefault(p => p.IsResolved);
        var date = sentence.Dates.FirstOrDefault(d => d.Year is null)?.Date ?? Undated(sentence);
        yield return new ExtractedEvent(EventKind.Casualties, null, place, actors.Unknown, actors.Unknown, date, sentence.Source, "casualties.count", 0.8)
        {
            Quantities = counts,
            CountedBy = sentence.Reporter,
        };
    }

    // A number shortly before each kind of casualty word ("277 kişi öldü", « 200 morts »).
    private static Dictionary<string, double> CasualtyCounts(SentenceView sentence)
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

        return counts;
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

        // « à 5 km de Hama », "within 10 km of Hama": a distance from a centre.
        if (!quantities.ContainsKey("km_radius") && sentence.Distance() is { } km)
        {
            quantities["km_radius"] = km;
        }

        if (quantities.Count == 0)
        {
            yield break;
        }

        var region = sentence.Places.FirstOrDefault(p => p.IsResolved);
        var date = sentence.Dates.FirstOrDefault(d => d.Year is null)?.Date ?? Undated(sentence);
        var verb = sentence.Verbs.FirstOrDefault(v => v.Phrase.Value.Role == VerbRole.Control);
        var gainer = (verb is null ? sentence.Actors.FirstOrDefault(a => !sentence.InParentheses(a.Start))?.Actor
            : verb.Phrase.Value.Passive ? AgentAfter(sentence, verb) : Subject(sentence, verb, verb.Phrase.Value)) ?? actors.Unknown;
        yield return new ExtractedEvent(EventKind.Claim, null, region, gainer, actors.Unknown, date, sentence.Source, "claim.quantity", 0.75)
        {
            Quantities = quantities,
            CountedBy = sentence.Reporter,
        };
    }

    // The places a verb acts on: after it (before it for a passive or in Turkish), up to the next verb; a place that only
    // says where something else is (« à l'ouest d'Alep », "between Aleppo and Damascus", « İdlib'deki ») is not one, nor a
    // destination after a withdrawal (« ont fui vers X »), nor the region of a count (« 56 villages à Idlib »).
    private List<PlaceMention> ObjectPlaces(SentenceView sentence, IReadOnlyList<PhraseMatch<VerbRule>> verbs, int v, bool placesFollow, ControlTier tier)
    {
        var verb = verbs[v];
        int from, to;
        var afterClause = (From: -1, To: -1);
        if (placesFollow)
        {
            // "declared Saraqib liberated": the place stands inside the phrase.
            from = sentence.TokenEnd(verb.Phrase.Value.ObjectInside ? verb.First : verb.Last);
            to = v + 1 < verbs.Count ? sentence.TokenStart(verbs[v + 1].First) : int.MaxValue;
        }
        else
        {
            // « M5 kara yolunu Atarib yakınlarında kesti » (cut the M5 near Atarib): the place inside the phrase.
            from = v > 0 ? sentence.TokenEnd(verbs[v - 1].Last) : 0;

            // « Telbise ilçesi, rejim güçlerinin çekilmesinin ardından muhaliflerin kontrolüne geçti »: the verb before closes a
            // clause of what came first; the place before that clause is this verb's.
            if (v > 0 && sentence.AnyTokenAfter(verbs[v - 1].Last, 1, vocabulary.AfterWords.Contains))
            {
                from = sentence.ClauseOpening(verbs[v - 1].First);
                afterClause = (sentence.LastCommaBefore(sentence.TokenStart(verbs[v - 1].First), from), sentence.TokenEnd(verbs[v - 1].Last));
            }
            to = sentence.TokenStart(verb.Phrase.Value.ObjectInside ? verb.Last : verb.First);
        }

        // The clause: up to a subordinate word (« où », "where", « après »...) or a semicolon, and at most two dozen words.
        to = Math.Min(to, sentence.ClauseEnd(placesFollow ? verb.Last : verb.First, placesFollow, ObjectWindow));
        from = placesFollow ? from : Math.Max(from, sentence.ClauseStart(verb.First, ObjectWindow));
        // « Après Hama, Homs est passée… », "After Aleppo, Hama fell": the place that opens a sequence is no object (nor what the
        // next place says where of); "cut the M5, which links the capital to the north, near X": the road's relative says
        // nothing changed hands.
        var all = sentence.Places.Where(p => p.Span.Start >= from && p.Span.End <= to && !sentence.OpensSequence(p, vocabulary.AfterWords)
            && !(placesFollow && sentence.InRelativeAside(p, sentence.TokenEnd(verb.Last)))
            && !(p.Span.Start >= afterClause.From && p.Span.End <= afterClause.To)).ToList();
        var inWindow = all.Where((p, i) => !sentence.AfterClaimUnit(p, countedOnly: true) && !sentence.RoadEnd(p) && !RoadEnd(sentence, p) && !RoadDestination(sentence, p)
            && !sentence.Attributive(p) && !HasSuffix(p, vocabulary.LocatorSuffixes) && (!Apposition(sentence, all, i) || ContinuesList(sentence, all, i) || SubjectBetween(sentence, verb, all, i) || FramesParts(sentence, all, i - 1)) && !AreaListed(sentence, all, i) && !RegionListed(sentence, all, i)
            && !FramesParts(sentence, all, i)
            && !Overlooked(sentence, p) && !Suburban(sentence, p) && !EdgeLocates(sentence, verb, p)).ToList();
        // « Serakib'in kontrolünü ele aldı » (took Saraqib's control): a genitive owning the verb's own first word is its object.
        // "Bread prices in Aleppo fell": a place after « in », « à », في before a passive verb only says where.
        var objects = inWindow.Where(p => !IsLocator(p, tier) && !sentence.DistanceFrom(p, verb.Phrase.Value.ObjectBeforeVerb)
            && !(Genitive(p) && !sentence.RightBefore(p, verb.First) && !sentence.PartFollows(p, vocabulary.PartWords) && !sentence.ListMarkerAfter(p) && !ParticipleSubject(sentence, verb))
            && !(tier == ControlTier.Withdrawn && sentence.AfterDestinationWord(p, placesFollow))
            && !(verb.Phrase.Value.Passive && !placesFollow && !verb.Phrase.Value.ObjectBeforeVerb && sentence.LocatorWordBefore(p, vocabulary.LocativeWords) && !(tier == ControlTier.Withdrawn && PositionsAt(sentence, p)))
            && !Excepted(sentence, p)).ToList();

        // "captured X and pressed on towards Y": a movement with no arrival is no event at Y ("and into Y" repeats the verb's word).
        if (placesFollow && tier is not (ControlTier.Reached or ControlTier.Withdrawn))
        {
            objects = [.. objects.Where((p, i) => i == 0 || !sentence.HeadingTo(p, objects[i - 1].Span.End))];
        }

        objects.RemoveAll(p => placesFollow && Describes(sentence, verb, p));

        // « plusieurs quartiers ouest d'Alep, notamment X et Y », "several districts of Aleppo, including X": the city owning
        // the general object did not change hands, the places listed did; "most of Aleppo, including X" did.
        if (objects.FindIndex(p => sentence.ListMarkerBetween(sentence.TokenEnd(verb.Last), p.Span.Start)) is var listed and > 0)
        {
            var marker = objects[listed].Span.Start;
            objects.RemoveAll(p => p.Span.End <= marker && sentence.ListMarkerBetween(p.Span.End, marker) && sentence.OwnerWordBefore(p, vocabulary.OwnerWords)
                && !sentence.AnyTokenBefore(sentence.IndexOfOffset(p.Span.Start), 3, vocabulary.MajorityWords.Contains));
        }

        // "seized the Hamdaniya and Salaheddine districts in Aleppo city", « حيي … في مدينة حلب »: a city after the neighbourhoods,
        // behind a word of where, locates them.
        if (objects.Exists(p => p.Place?.Kind == PlaceKind.Neighbourhood))
        {
            objects.RemoveAll(p => p.Place?.Kind == PlaceKind.City && objects.Exists(n => n.Place?.Kind == PlaceKind.Neighbourhood && n.Span.End <= p.Span.Start)
                && sentence.LocatorWordBefore(p, vocabulary.LocativeWords));
        }

        // A named point beats the area around it: a countryside or a province is where things happened, not what changed
        // hands; a road is, when nothing nearer is named ("cut the M5", but "the M5 near al-Zirbah").
        objects.RemoveAll(p => IsAreal(p) && p.Place?.Kind != PlaceKind.Road);
        if (objects.Any(p => !IsRoad(p)))
        {
            objects.RemoveAll(IsRoad);
        }

        if (objects.Count == 0)
        {
            // « dans la campagne d'Idlib » alone: the event is known only to a region (not when it only places a vague
            // « de nombreuses zones »); « Halep'in batısındaki mahallelere girdi » (entered the districts west of Aleppo):
            // near the named place.
            // Not for a withdrawal ("pulled out of the Aleppo countryside" is no event at Aleppo), nor for a count's region.
            // "Fighting in the Hama countryside killed 65 people": fighting in a region told by its toll is no front line.
            objects = [.. inWindow.Where(p => !IsAreal(p) && !sentence.DistanceFrom(p, verb.Phrase.Value.ObjectBeforeVerb) && ((p.Span.Cue.Relation == CueRelation.Region && tier != ControlTier.Withdrawn && !sentence.AfterClaimUnit(p, countedOnly: false) && !sentence.HasCountedUnit()
                    && !(tier == ControlTier.Contested && sentence.CasualtyWords.Count > 0))
                || (tier is ControlTier.Entered or ControlTier.Reached or ControlTier.Contested
                    && (p.Span.Cue.Relation is CueRelation.Direction or CueRelation.Near || Genitive(p)))))];
        }

        return objects;
    }

    // « Anjara, à l'ouest d'Alep », "Damascus, meeting no resistance, as … Assad's": a place after another one, set off by
    // a comma and words that are not a list's, or right after a direction word, says where the first one is.
    private bool Apposition(SentenceView sentence, List<PlaceMention> window, int i)
    {
        if (i == 0)
        {
            return false;
        }

        // Not after an area or a direction (« la campagne ouest d'Alep, parmi lesquelles Ourm al-Koubra »), nor into a list.
        var previous = window[i - 1];
        if (IsAreal(previous) || IsRoad(previous) || sentence.RoadEnd(previous) || RoadEnd(sentence, previous) || previous.Span.Cue.Relation is CueRelation.Direction or CueRelation.Region || sentence.ListMarkerBetween(previous.Span.End, window[i].Span.Start))
        {
            return false;
        }

        var gap = sentence.Input.Text.AsSpan(previous.Span.End, window[i].Span.Start - previous.Span.End);
        return sentence.LocatorWordBefore(window[i], vocabulary.LocatorWords) || (gap.IndexOf(',') >= 0 && !sentence.OnlyListWords(previous.Span.End, window[i].Span.Start));
    }

    // « la province d'Alep et Idlib voisine »: a place listed with a province or a countryside is one too.
    private static bool AreaListed(SentenceView sentence, List<PlaceMention> window, int i) =>
        i > 0 && IsAreal(window[i - 1]) && window[i - 1].Place?.Kind != PlaceKind.Road && window[i].Span.Start - window[i - 1].Span.End > 1
        && sentence.OnlyListWords(window[i - 1].Span.End, window[i].Span.Start);

    // « Halep ve İdlib kırsalında », "Idlib and Aleppo countryside": a place joined by a bare conjunction to a countryside
    // shares it.
    private static bool RegionListed(SentenceView sentence, List<PlaceMention> window, int i) =>
        i + 1 < window.Count && window[i + 1].Span.Cue.Relation == CueRelation.Region && window[i].Span.Cue.Relation != CueRelation.Region
        && sentence.OnlyConjunction(window[i].Span.End, window[i + 1].Span.Start);

    // "the Hamdaniyeh district": a district cue on a neighbourhood names the neighbourhood itself, not an area around it.
    private static bool InRegion(PlaceMention? place) => place?.Span.Cue.Relation == CueRelation.Region
        && !(place.Span.Cue.Kind == PlaceKind.District && place.Place?.Kind == PlaceKind.Neighbourhood);

    // "as insurgents closed in on the city's western edge", « tandis que les rebelles progressaient vers Hama »: the side named
    // only draws near somewhere (its own verb is a movement, or an approach with an object of its own), so it does not move in.
    private bool Approaches(SentenceView sentence, ActorMention actor)
    {
        var own = sentence.Verbs.FirstOrDefault(v => sentence.TokenStart(v.First) >= actor.End);
        if (own is null || sentence.Actors.Any(a => a.Start > actor.End && a.End <= sentence.TokenStart(own.First)))
        {
            return false;
        }

        return own.Phrase.Value.Role == VerbRole.Movement
            || (own.Phrase.Value.Tier == ControlTier.Reached && (sentence.Anaphors.Any(n => n.First > own.Last && n.First - own.Last <= AnaphorWindow)
                || sentence.Places.Any(p => p.Span.Start >= sentence.TokenEnd(own.Last))));
    }

    // "rebels moved in", « où les FDS se sont déployées »: a word of moving in after the side, not "moved to within a few
    // kilometres of Homs" (a distance is no arrival).
    private bool MovesIn(SentenceView sentence, int offset)
    {
        var first = sentence.IndexOfOffset(offset);
        for (var t = first; t < first + MoveInWindow && t < sentence.FirstToken + sentence.TokenCount; t++)
        {
            if (vocabulary.MoveInWords.Contains(sentence.Input.Tokens[t]))
            {
                return !sentence.AnyTokenAfter(t, 2 * MoveInWindow, vocabulary.DistanceUnits.Contains);
            }
        }

        return false;
    }

    // "…, where HTS fighters then entered", « où les rebelles sont entrés », "as rebels closed in": the active control verb
    // whose subject the actor is, when it has no place of its own (it acts on the place just left).
    private VerbRule? NextVerbOf(SentenceView sentence, ActorMention actor)
    {
        // Verb-subject order (« حيث دخلت الفصائل »): the verb just before the actor.
        var next = sentence.Verbs.FirstOrDefault(v => sentence.TokenStart(v.First) >= actor.End);
        if (sentence.Verbs.LastOrDefault(v => sentence.TokenEnd(v.Last) <= actor.Start) is { } before
            && (before.Phrase.Value.Language == "ar" || sentence.AnyTokenBefore(before.First, 3, vocabulary.InversionWords.Contains))
            && !sentence.Actors.Any(a => a.Start >= sentence.TokenEnd(before.Last) && a.End <= actor.Start))
        {
            next = before;
        }

        return next is not null && next.Phrase.Value is { Role: VerbRole.Control, Passive: false, Nominal: false }
            && !sentence.Actors.Any(a => a.Start > actor.End && a.End <= sentence.TokenStart(next.First))
            && !sentence.Places.Any(p => p.Span.Start >= sentence.TokenEnd(next.Last)) ? next.Phrase.Value : null;
    }

    // "Panic seized the districts of X", « la panique s'est emparée de X », سيطر الذعر, « Panik X'i ele geçirdi »: an
    // abstract noun as the subject, next to the verb with no actor between.
    // Civilians fleeing (« de nombreuses personnes ont commencé à fuir d'Alep »), civilians as the subject ("residents
    // stormed…") or as what is evacuated (« évacuer les civils de X », "evacuate our people from X"), and shops or supplies
    // as the object ("stormed the petrol stations of X") are no side taking or leaving ground.
    private bool CivilianSense(SentenceView sentence, PhraseMatch<VerbRule> verb, ControlTier tier) =>
        (tier == ControlTier.Contested && sentence.AnyTokenBefore(verb.First, CivilianWindow, vocabulary.Civilians.Contains) && !sentence.Actors.Any(a => a.End <= sentence.TokenStart(verb.First)))
        || (tier == ControlTier.Withdrawn && (CivilianBefore(sentence, verb, CivilianWindow) || sentence.AnyTokenAfter(verb.Last, CivilianObjectWindow, vocabulary.Civilians.Contains)))
        || (sentence.AnyTokenBefore(verb.First, CivilianObjectWindow - 1, vocabulary.Civilians.Contains) && !sentence.Actors.Any(a => a.End <= sentence.TokenStart(verb.First) && a.Start >= sentence.TokenStart(Math.Max(0, verb.First - CivilianObjectWindow))))
        || sentence.AnyTokenAfter(verb.Last, CivilianObjectWindow, vocabulary.CivilianObjects.Contains);

    private bool AbstractSubject(SentenceView sentence, PhraseMatch<VerbRule> verb, VerbRule rule)
    {
        if (rule.Language == "ar" && sentence.AnyTokenAfter(verb.Last, 2, vocabulary.AbstractSubjects.Contains))
        {
            return true;
        }

        var from = rule.ObjectBeforeVerb ? sentence.ClauseOpening(verb.First) : sentence.TokenStart(Math.Max(0, verb.First - 3));
        var word = sentence.FirstTokenFrom(from, verb.First, vocabulary.AbstractSubjects.Contains);
        return word >= 0 && !sentence.Actors.Any(a => a.Start >= sentence.TokenEnd(word) && a.End <= sentence.TokenStart(verb.First));
    }

    // « l'autoroute M5 Damas-Alep »: the places right after a road are its ends. Two places joined by a bare hyphen
    // ("the Aleppo-Damascus highway", طريق حلب-دمشق) name a road or a line between them, not a place reached.
    private static bool RoadEnd(SentenceView sentence, PlaceMention place)
    {
        var places = sentence.Places;
        var i = places.ToList().IndexOf(place);
        // « طريق حلب - دمشق »: spaces may stand around the hyphen.
        bool Hyphened(PlaceMention left, PlaceMention right) => right.Span.Start > left.Span.End && right.Span.Start - left.Span.End <= 3
            && sentence.Input.Text.AsSpan(left.Span.End, right.Span.Start - left.Span.End).Trim() is "-" or "–";
        if ((i > 0 && Hyphened(places[i - 1], place)) || (i + 1 < places.Count && Hyphened(place, places[i + 1])) || JoinedToName(sentence.Input.Text, place))
        {
            return true;
        }

        for (var k = i - 1; k >= 0; k--)
        {
            if (sentence.Input.Text.AsSpan(places[k].Span.End, Math.Max(0, places[i].Span.Start - places[k].Span.End)).Trim(" -–—/").Length > 0)
            {
                return false;
            }

            if (places[k].Place?.Kind == PlaceKind.Road)
            {
                return true;
            }

            i = k;
        }

        return false;
    }

    // « Halep-Şam kara yolu »: a place joined by a hyphen to a name the gazetteer does not know is a road's end too (not
    // "al-Bab": the word before the hyphen is a capitalised name of more than three letters).
    private static bool JoinedToName(string text, PlaceMention place)
    {
        var (start, end) = (place.Span.Start, place.Span.End);
        if (end + 1 < text.Length && text[end] is '-' or '–' && char.IsUpper(text[end + 1]))
        {
            return true;
        }

        if (start < 2 || text[start - 1] is not ('-' or '–'))
        {
            return false;
        }

        var word = start - 1;
        while (word > 0 && char.IsLetter(text[word - 1]))
        {
            word--;
        }

        return start - 1 - word > 3 && char.IsUpper(text[word]);
    }

    // « a capturé une grande partie de la ville », "moved into the town", « şehri terk etti »: the city just named, or the
    // one the report is about; "abandoned it": the place just named.
    private PlaceMention? AnaphorPlace(SentenceView sentence, PhraseMatch<VerbRule> verb, bool placesFollow)
    {
        var anaphor = sentence.Anaphors.FirstOrDefault(a => placesFollow
            ? a.First > verb.Last && a.First - verb.Last <= AnaphorWindow
            : a.Last < verb.First && verb.First - a.Last <= AnaphorWindow);
        // « 50'den fazla köy ve beldeyi » (more than 50 villages and towns): a word of a count's list names no town.
        if (anaphor is null || sentence.ClaimUnits.Any(u => u.Last < anaphor.First && anaphor.First - u.Last <= 2) || LocatingAnaphor(sentence, anaphor) || UnheadedAnaphor(sentence, anaphor))
        {
            return null;
        }

        var at = sentence.TokenStart(anaphor.First);

        // "and rebels moved into the town": a town word stands for the last town named, not a city that only locates it
        // (« Salamiyeh, east of Hama »); « Hama'nın kuzeyindeki X'i aldıktan sonra kente girdi »: a city word for the last city.
        var kind = anaphor.Phrase.Value switch
        {
            EventVocabulary.AnaphorTown => sentence.Places.LastOrDefault(p => p.Span.End <= at && p.Place?.Kind is PlaceKind.Town or PlaceKind.Village && p.Span.Cue.Relation != CueRelation.Direction && !InRegion(p) && !HasSuffix(p, vocabulary.LocatorSuffixes)),
            EventVocabulary.AnaphorCity => sentence.Places.LastOrDefault(p => p.Span.End <= at && p.Place?.Kind == PlaceKind.City && !InRegion(p)),
            _ => null,
        };
        if (kind is not null)
        {
            return kind;
        }

        if (anaphor.Phrase.Value == EventVocabulary.AnaphorPronoun)
        {
            // « ريف حلب … منها »: a countryside stands for no city; « سراقب شرقي إدلب … منها »: a city that only locates the
            // place before it is not what the pronoun stands for.
            return sentence.Places.LastOrDefault(p => p.Span.End <= at && p.IsResolved && !IsAreal(p) && !InRegion(p) && p.Place!.Kind != PlaceKind.Country && !HasSuffix(p, vocabulary.LocatorSuffixes) && !Locates(sentence, p))
                ?? sentence.Places.LastOrDefault(p => p.Span.End <= at && p.IsResolved && !IsAreal(p) && !InRegion(p) && p.Place!.Kind != PlaceKind.Country && !HasSuffix(p, vocabulary.LocatorSuffixes));
        }

        // « Hama'ya ulaştı. … kente girdi »: else the city the report is about, else the last one it named.
        return sentence.Places.LastOrDefault(p => p.Span.End <= at && IsSettlement(p) && !InRegion(p) && !HasSuffix(p, vocabulary.LocatorSuffixes)) ?? sentence.MainCity
            ?? sentence.Input.Places.LastOrDefault(p => p.Span.End <= sentence.Start && p.Place?.Kind == PlaceKind.City && !InRegion(p));
    }

    // The city a report is about: the settlement it names most often (at least twice), the first on a tie.
    private static PlaceMention? MainCity(IReadOnlyList<PlaceMention> places) =>
        places.Where(IsSettlement).GroupBy(p => p.Place!.Id).Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();

    private static bool IsSettlement(PlaceMention place) => place.Place?.Kind is PlaceKind.City or PlaceKind.Town or PlaceKind.Village;

    // « l'autoroute M4 » that the gazetteer does not know is a road all the same.
    private static bool IsRoad(PlaceMention place) => place.Place?.Kind == PlaceKind.Road || (place.Place is null && place.Span.Cue.Kind == PlaceKind.Road);

    private static bool IsAreal(PlaceMention place) => place.Place?.Kind is PlaceKind.Governorate or PlaceKind.District or PlaceKind.Subdistrict or PlaceKind.Region or PlaceKind.Road;

    private bool Genitive(PlaceMention place) => HasSuffix(place, vocabulary.GenitiveSuffixes);

    private static bool HasSuffix(PlaceMention place, IReadOnlyList<string> suffixes)
    {
        if (suffixes.Count == 0)
        {
            return false;
        }

        var surface = place.Span.Surface;
        var apostrophe = surface.LastIndexOfAny(['\'', '’']);
        if (apostrophe < 0)
        {
            return false;
        }

        var ending = surface[(apostrophe + 1)..].ToLowerInvariant();
        return suffixes.Any(s => ending == s);
    }

    // A country is never what changed hands; a place that says where something else is, is not either.
    private static bool IsLocator(PlaceMention place, ControlTier tier) => place.Place?.Kind == PlaceKind.Country || place.Span.Cue.Relation switch
    {
        CueRelation.Direction => true,
        CueRelation.Near => tier != ControlTier.Reached,
        CueRelation.Region => InRegion(place),
        _ => false,
    };

    // « Atareb, que les rebelles ont conquise vendredi », "Saraqib, which rebels seized": a place, a comma, a relative word,
    // then the clause holding the verb.
    private List<PlaceMention>? RelativeAntecedent(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var relative = sentence.LastTokenBefore(verb.First, HedgeWindow, vocabulary.RelativeWords.Contains);
        if (relative < 0 || !sentence.Input.Tokens[relative].PunctuationBefore)
        {
            return null;
        }

        // « Tell Aar et Maarrat, au nord de Hama, que les combattants ont investies »: past a locator, the list before it.
        var at = sentence.TokenStart(relative);
        var before = sentence.Places.Where(p => p.Span.End <= at).ToList();
        var last = before.FindLastIndex(p => !IsLocator(p, ControlTier.Entered));
        if (last < 0 || !before[last].IsResolved || IsAreal(before[last]) || !(sentence.OnlyListWords(before[last].Span.End, at) || before.Skip(last + 1).Any()))
        {
            return null;
        }

        var first = last;
        while (first > 0 && before[first - 1].IsResolved && !IsLocator(before[first - 1], ControlTier.Entered) && sentence.OnlyListWords(before[first - 1].Span.End, before[first].Span.Start))
        {
            first--;
        }

        return before[first..(last + 1)];
    }

    // « X, où des combats font rage », "X, a town north of Hama, where clashes raged": a where word after a comma just before
    // the verb, and the last place before it that is not a locator.
    private PlaceMention? WhereAntecedent(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var where = sentence.LastTokenBefore(verb.First + 1, 2, vocabulary.WhereWords.Contains);
        if (where < 0 || !sentence.CommaJustBefore(where))
        {
            return null;
        }

        var at = sentence.TokenStart(where);
        var place = sentence.Places.LastOrDefault(p => p.Span.End <= at && p.IsResolved && !IsAreal(p) && !IsLocator(p, ControlTier.Contested) && !HasSuffix(p, vocabulary.LocatorSuffixes));
        return place;
    }

    // « C'est la localité de X que le régime a abandonnée », "It is the town of X that the army gave up": a cleft opener,
    // a place, then a relative word opening the clause of the verb (no other verb between).
    private PlaceMention? CleftPlace(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var cleft = sentence.Clefts.LastOrDefault(c => c.Last < verb.First);
        var relative = cleft is null ? -1 : sentence.LastTokenBefore(verb.First, 2 * HedgeWindow, vocabulary.RelativeWords.Contains);
        if (cleft is null || relative <= cleft.Last || sentence.Verbs.Any(v => v.First > cleft.Last && v.Last < verb.First))
        {
            return null;
        }

        var (from, to) = (sentence.TokenEnd(cleft.Last), sentence.TokenStart(relative));
        return sentence.Places.LastOrDefault(p => p.Span.Start >= from && p.Span.End <= to && p.IsResolved && !IsAreal(p));
    }

    // The object of an attack opens with a possessive of the defender ("its positions", « ses positions »; نقاطها in one
    // word; before the verb in Turkish, « mevzilerine saldırdı »).
    private bool OwnPositions(SentenceView sentence, PhraseMatch<VerbRule> verb, VerbRule rule) => rule.ObjectBeforeVerb
        ? sentence.AnyTokenBefore(verb.First, 1, vocabulary.OwnPositionWords.Contains)
        : sentence.AnyTokenAfter(verb.Last, 1, vocabulary.OwnPositionWords.Contains);

    // « X'in de muhaliflerin kontrolüne geçtiği bildirildi » (X too was reported to have passed under the rebels' control): a
    // genitive is the subject of a clause whose verb ends in an object participle.
    private bool ParticipleSubject(SentenceView sentence, PhraseMatch<VerbRule> verb) =>
        verb.Phrase.Value is { ObjectBeforeVerb: true, Passive: true } && EndsWithAny(sentence.Input.Tokens[verb.Last], vocabulary.ObjectParticipleEndings);

    private static bool EndsWithAny(TextToken token, IReadOnlyList<string> endings) =>
        endings.Any(e => token.Key.Length > e.Length + 2 && token.Key.EndsWith(e, StringComparison.Ordinal));

    // The agent an action noun names (« la prise d'Atareb par les insurgés », "the fall of Hama to the rebels", سقوط سراقب
    // بيد الفصائل); else, for a taking, the clause's subject (« les rebelles ont revendiqué la prise de Dana »).
    private Actor? NominalAgent(SentenceView sentence, PhraseMatch<VerbRule> verb, VerbRule rule)
    {
        var agent = sentence.Actors.FirstOrDefault(a => a.Start >= sentence.TokenEnd(verb.Last) && !sentence.InParentheses(a.Start)
            && sentence.AgentWordBefore(a.Start, verb.Last, vocabulary.AgentWords));
        if (agent is not null)
        {
            return agent.Actor;
        }

        return rule.Passive ? (rule.ObjectBeforeVerb ? AgentAfter(sentence, verb) : null) : Subject(sentence, verb, rule);
    }

    // « l'armée comme HTS… », "fighting between the army and the factions": the side attacking is the one that does not hold.
    private Actor? Attacker(SentenceView sentence, PhraseMatch<VerbRule> verb, Actor? subject)
    {
        var named = sentence.Actors.Where(a => !a.Actor.IsUnknown && !sentence.InParentheses(a.Start)).Select(a => a.Actor).ToList();
        if (subject is not null && subject.Side != options.DefaultHolderSide)
        {
            return subject;
        }

        return named.FirstOrDefault(a => a.Side != options.DefaultHolderSide)
            ?? subject
            ?? sentence.Actors.FirstOrDefault(a => a.Start >= sentence.TokenEnd(verb.Last))?.Actor;
    }

    // One event per place per sentence (the gold set's rule): a capture wins; a withdrawal with the side that moved in
    // (« X girdi; rejim güçleri şehri terk etti », « entered X after the regime withdrew from it ») is a withdrawal to that
    // side; otherwise the strongest tier.
    private static IEnumerable<ExtractedEvent> OnePerPlace(List<ExtractedEvent> controls)
    {
        foreach (var group in controls.GroupBy(e => (e.Place?.Place?.Id, e.Place?.Place is null ? e.Place?.Span.Start : null)))
        {
            var list = group.ToList();

            // "pulled out of X as insurgents closed in on the town's edge": the approach named by a word for X is not the
            // side that moved in, nor a second event at X.
            if (list.Exists(e => e.Tier == ControlTier.Withdrawn))
            {
                list.RemoveAll(e => e.Tier == ControlTier.Reached && e.Rule.EndsWith(".anaphor", StringComparison.Ordinal));
            }

            var claimed = list.Where(e => e.Tier == ControlTier.Claimed).MaxBy(e => e.Confidence);
            var withdrawn = list.FirstOrDefault(e => e.Tier == ControlTier.Withdrawn);
            var incomer = list.FirstOrDefault(e => e.Tier is ControlTier.Entered or ControlTier.Reached or ControlTier.Contested && !e.Gainer.IsUnknown
                && (withdrawn is null || e.Gainer.Side != withdrawn.Loser.Side));
            if (claimed is not null)
            {
                yield return claimed;
            }
            else if (withdrawn is not null && incomer is not null)
            {
                yield return withdrawn with { Gainer = incomer.Gainer, MoreSources = [.. withdrawn.MoreSources] };
            }
            else
            {
                yield return list.OrderBy(e => TierRank(e.Tier)).ThenByDescending(e => e.Confidence).First();
            }
        }
    }

    // "fell to the attackers": the side named in the sentence, or the subject of the one before, that does not hold the
    // ground; nobody otherwise.
    private Actor? NamedAttacker(SentenceView sentence) =>
        sentence.Actors.Where(a => !a.Actor.IsUnknown && a.Actor.Side != options.DefaultHolderSide && !sentence.InParentheses(a.Start)).Select(a => a.Actor).FirstOrDefault()
        ?? (sentence.PreviousSubject is { IsUnknown: false } previous && previous.Side != options.DefaultHolderSide ? previous : null);

    private static int TierRank(ControlTier? tier) => tier switch
    {
        ControlTier.Claimed => 0,
        ControlTier.Entered => 1,
        ControlTier.Contested => 2,
        ControlTier.Reached => 3,
        _ => 4,
    };

    // The subject: the nearest actor before the verb (after it in Arabic, verb-subject-object), else the previous sentence's subject.
    private Actor? Subject(SentenceView sentence, PhraseMatch<VerbRule> verb, VerbRule rule)
    {
        var verbStart = sentence.TokenStart(verb.First);
        var verbEnd = sentence.TokenEnd(verb.Last);
        if (rule.Language == "ar")
        {
            // « وصلت طلائع فصائل المعارضة إلى مشارف »: the subject may stand inside the verb phrase.
            // Not past « بعد » (after): « الفصائل تدخل سراقب بعد انسحاب قوات النظام » names who left.
            var after = sentence.Actors.FirstOrDefault(a => a.Start >= sentence.TokenEnd(verb.First) && a.Start - verbEnd <= 30 && !sentence.InParentheses(a.Start)
                && !sentence.Input.Tokens.Any(t => t.Start >= verbEnd && t.End <= a.Start && vocabulary.AfterWords.Contains(t)));
            if (after is not null)
            {
                return after.Actor;
            }
        }

        // « Dana'yı ele geçiren muhalifler » (the rebels who took Dana): a subject participle's subject is the actor right after it.
        if (rule.ObjectBeforeVerb && (EndsWithAny(sentence.Input.Tokens[verb.Last], vocabulary.RelativeParticipleEndings) || ShortSubjectParticiple(sentence.Input.Tokens[verb.Last])) && verb.Last + 1 < sentence.Input.Tokens.Count
            && !EndsWithAny(sentence.Input.Tokens[verb.Last], vocabulary.ConverbEndings) && !sentence.PunctuationBetween(sentence.TokenEnd(verb.Last), sentence.TokenStart(verb.Last + 1))
            && sentence.Actors.FirstOrDefault(a => a.Start == sentence.TokenStart(verb.Last + 1)) is { } head)
        {
            return head.Actor;
        }

        // "Rebels attacked the army, taking X", « …, s'emparant de X »: a participle after a comma has the main clause's subject.
        if (Participle(sentence, verb) && sentence.Actors.FirstOrDefault(a => a.End <= verbStart && !sentence.InParentheses(a.Start)) is { } main)
        {
            return main.Actor;
        }

        // Subject-object-verb (Turkish): the subject opens the sentence; elsewhere it stands nearest before the verb, outside
        // an aside « (interdit en Russie) ».
        var clauseStart = rule.ObjectBeforeVerb ? sentence.ClauseOpening(verb.First) : sentence.Start;
        var candidates = sentence.Actors.Where(a => a.End <= verbStart && a.Start >= clauseStart && !sentence.InParentheses(a.Start) && !(rule.ObjectBeforeVerb && NotTheTaker(sentence, a, verb)));
        var before = rule.ObjectBeforeVerb ? candidates.FirstOrDefault() : candidates.LastOrDefault();
        if (before is not null && !rule.ObjectBeforeVerb && PushedBack(sentence, before))
        {
            // the clause's subject, which may open the sentence before a backer ("troops backed by Russian jets pushed…")
            before = sentence.Input.Actors.FirstOrDefault(a => a.Start >= sentence.Start && a.End <= before.Start && !a.Actor.IsUnknown && !sentence.InParentheses(a.Start) && !PushedBack(sentence, a)) ?? before;
        }

        if (before is not null && !rule.ObjectBeforeVerb && TakenFromSubject(sentence, before) is { } taker)
        {
            return taker;
        }

        // « Muhalifler X'i ele geçirdikten sonra Y'ye ilerledi »: a clause after a converb shares the sentence's subject.
        if (before is null && rule.ObjectBeforeVerb)
        {
            before = sentence.Actors.FirstOrDefault(a => a.End <= verbStart && !sentence.InParentheses(a.Start)
                && sentence.Input.Text.AsSpan(a.End, verbStart - a.End).IndexOf(';') < 0 && !NotTheTaker(sentence, a, verb));
        }

        // "Footage shows HTS fighters inside Dana": the subject inside the phrase's gap.
        before ??= sentence.Actors.FirstOrDefault(a => a.Start >= sentence.TokenEnd(verb.First) && a.End <= verbStart + (verbEnd - verbStart) && a.End <= sentence.TokenStart(verb.Last));
        return before?.Actor ?? sentence.SpeakerAfterQuote(verbStart) ?? SequenceSubject(sentence, verb) ?? sentence.PreviousSubject;
    }

    private bool Participle(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var key = sentence.Input.Tokens[verb.First].Key;
        return vocabulary.ParticipleEndings.Any(e => key.Length > e.Length + 2 && key.EndsWith(e, StringComparison.Ordinal)) && sentence.CommaJustBefore(verb.First);
    }

    // Several places each with its own day (« samedi de Dana puis, dimanche, de Saraqib », "X on Friday and Y on Saturday"):
    // as many dates as places, each between its place's neighbours: pair them in order.
    private static List<EventDate>? PlaceDates(SentenceView sentence, List<PlaceMention> places)
    {
        if (places.Count < 2)
        {
            return null;
        }

        var dates = sentence.Dates.Where(d => d.Year is null).OrderBy(d => d.Start).ToList();
        if (dates.Count != places.Count)
        {
            return null;
        }

        // Each date between the places on either side of its own.
        for (var i = 0; i < places.Count; i++)
        {
            var from = i > 0 ? places[i - 1].Span.End : 0;
            var to = i + 1 < places.Count ? places[i + 1].Span.Start : int.MaxValue;
            if (dates[i].Start < from || dates[i].End > to)
            {
                return null;
            }
        }

        return [.. dates.Select(d => d.Date)];
    }

    // "After seizing Dana, the rebels pushed on", "Hours after announcing the capture of X, rebels…": a fronted clause of
    // sequence has the main clause's subject, after it.
    private Actor? SequenceSubject(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        // « Entrés la veille à Alep, les combattants… »: a participle opening the sentence is such a clause too.
        if (!sentence.AnyTokenBefore(verb.First, SequenceWindow, vocabulary.SequenceWords.Contains) && !vocabulary.SequenceWords.Contains(sentence.Input.Tokens[verb.First])
            && !(sentence.Opens(verb.First) && sentence.NextComma(sentence.TokenEnd(verb.Last)) < sentence.End))
        {
            return null;
        }

        var verbEnd = sentence.TokenEnd(verb.Last);
        return sentence.Actors.FirstOrDefault(a => a.Start >= verbEnd && !sentence.InParentheses(a.Start))?.Actor;
    }

    // « tombée aux mains des jihadistes », "fell to the rebels", « muhaliflerin eline geçti » (the possessor comes before in Turkish);
    // « tenue par les rebelles désormais »: the agent may stand inside the phrase.
    // "which reported a withdrawal of government forces": the side named as leaving is the loser, never the agent.
    private Actor? AgentAfter(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var verbStart = sentence.TokenStart(verb.First);
        var verbEnd = sentence.TokenEnd(verb.First);
        return verb.Phrase.Value.ObjectBeforeVerb
            ? sentence.Actors.LastOrDefault(a => a.End <= sentence.TokenStart(verb.Last) && !NotTheTaker(sentence, a, verb))?.Actor
            : sentence.Actors.FirstOrDefault(a => a.Start >= verbEnd && !sentence.AnyTokenBefore(sentence.IndexOfOffset(a.Start), 3, vocabulary.DepartureWords.Contains))?.Actor;
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

    // The date of the verb's own clause: the nearest after it ("reached Hama on Tuesday"), else the nearest before
    // (« Samedi, les combattants ont atteint… »); « ; la veille, … » or « …, qui estime … depuis le 27 novembre » date
    // other verbs.
    private EventDate DateFor(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var verbStart = sentence.TokenStart(verb.First);
        var verbEnd = sentence.TokenEnd(verb.Last);
        var dates = sentence.Dates.Where(d => d.Year is null && sentence.SameClause(Math.Min(d.End, verbStart), Math.Max(d.Start, verbEnd)) && !DatesTheReport(sentence, d) && !DatesALaunch(sentence, verb, d)).ToList();

        // "took X on Friday and are now at the gates of Y", « et se trouvent désormais aux portes de »: a present state after
        // a dated clause is not of that day.
        if (sentence.AnyTokenBefore(verb.First, 3, vocabulary.NowWords.Contains))
        {
            dates.RemoveAll(d => d.End <= verbStart);
        }

        // « sont passées mercredi sous le contrôle de », « ont coupé ce jeudi l'autoroute »: inside the verb's own words.
        var dated = dates.FirstOrDefault(d => d.Start >= verbStart && d.End <= verbEnd)
            ?? dates.Where(d => d.Start >= verbEnd).MinBy(d => d.Start - verbEnd) ?? dates.Where(d => d.End <= verbStart).MinBy(d => verbStart - d.End);
        return dated?.Date ?? Undated(sentence);
    }

    // "a monitor said on Sunday", « a indiqué lundi une ONG », « a annoncé samedi le redéploiement », « قال يوم الأحد »: a day
    // right after a verb of saying (a short word between) is the day of the report, not of the event.
    private bool DatesTheReport(SentenceView sentence, DateMention date)
    {
        var tokens = sentence.Input.Tokens;
        var first = sentence.IndexOfOffset(date.Start);

        // « أعلنت الفصائل أمس السيطرة على »: the verb's subject may stand between (verb-subject order).
        for (int t = first - 1, words = 0; t >= 0 && words < 2; t--)
        {
            if (sentence.Actors.Any(a => a.Start <= tokens[t].Start && tokens[t].End <= a.End))
            {
                continue;
            }

            if (vocabulary.ReportingVerbs.Contains(tokens[t]))
            {
                return true;
            }

            // "the ministry said late on Friday": a word of the time of day does not part the saying from its day.
            if (vocabulary.DayPartWords.Contains(tokens[t]))
            {
                continue;
            }

            if (tokens[t].Key.Length > 3)
            {
                break;
            }

            words++;
        }

        return false;
    }

    // A chronology (« **Samedi 30 novembre.** Les insurgés prennent… », "## 29 November") dates the undated sentences under
    // each of its day headings. One such line alone is more likely the report's own dateline, so two are needed.
    private static List<(int Sentence, EventDate Date)> Datelines(AnnotatedText input)
    {
        var datelines = new List<(int, EventDate)>();
        foreach (var date in input.Dates.Where(d => d.Year is null && d.Date.Precision == DatePrecision.Day))
        {
            var (start, end) = input.Sentences[date.Sentence];
            if (input.Tokens.Any(t => t.Start >= start && t.End <= end && (t.Start < date.Start || t.End > date.End)))
            {
                continue;
            }

            datelines.Add((date.Sentence, date.Date));
        }

        return datelines.Count >= 2 ? datelines : [];
    }

    // The date of a sentence that gives none: its chronology heading's, else any day up to publication.
    private EventDate Undated(SentenceView sentence) => sentence.SectionDate ?? BeforePublication(sentence.Input.Published);

    private EventDate BeforePublication(DateOnly published)
    {
        var from = options.TheaterStart <= published ? options.TheaterStart : published.AddDays(-7);
        return new EventDate(from, published, DatePrecision.BeforePublication, null);
    }

    private bool Negated(SentenceView sentence, PhraseMatch<VerbRule> verb) => sentence.AnyTokenBefore(verb.First, NegationWindow, vocabulary.Negations.Contains)
        || sentence.AnyTokenInside(verb.First, verb.Last, vocabulary.Negations.Contains);

    // « Une chute de Hama couperait… » (a fall of Hama would cut…): a nominal event whose verb is conditional is hypothetical.
    // « pourrait tomber », "vowed to retake"; « ele geçirecek » (will take), « girmeyi » (to enter): the verb's own ending.
    private bool Hedged(SentenceView sentence, PhraseMatch<VerbRule> verb) => sentence.AnyTokenBefore(verb.First, HedgeWindow, vocabulary.Hedges.Contains)
        || vocabulary.HedgeEndings.Any(e => sentence.Input.Tokens[verb.Last].Key.EndsWith(e, StringComparison.Ordinal))
        || (verb.Phrase.Value.Nominal && sentence.AnyTokenAfter(verb.Last, HedgeWindow, t => vocabulary.ConditionalEndings.Any(e => t.Key.EndsWith(e, StringComparison.Ordinal))))
        || (verb.Phrase.Value.ObjectBeforeVerb && sentence.AnyTokenAfter(verb.Last, 2, vocabulary.Hedges.Contains))
        || InThreatScope(sentence, verb);

    // "vowed to retake all the areas the terrorists entered in A and B": a clause describing a threat's generic object
    // (areas, « zones », المناطق) is no dated event.
    private bool InThreatScope(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var area = sentence.LastTokenBefore(verb.First, ThreatScopeWindow, vocabulary.AreaNouns.Contains);
        return area >= 0 && !sentence.PunctuationBetween(sentence.TokenEnd(area), sentence.TokenStart(verb.First))
            && sentence.AnyTokenBefore(area, ObjectWindow, vocabulary.Hedges.Contains);
    }

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

            // Told once undated (the title) and once with its day: the day is what is known.
            var date = better.Date.Precision != DatePrecision.Day && other.Date.Precision == DatePrecision.Day
                && other.Date.From >= better.Date.From && other.Date.To <= better.Date.To ? other.Date : better.Date;
            kept[twin] = better with { Date = date, MoreSources = [.. better.MoreSources, other.Source, .. other.MoreSources] };
        }

        return kept;
    }

    // « Des combats opposent les FDS aux factions de l'ANS », "clashes pitted the SDF against the SNA": of the sides named, the
    // one the vocabulary's precedence says attacks the other.
    private Actor? PrecedentAttacker(SentenceView sentence, Actor? chosen)
    {
        if (chosen is null || vocabulary.AttackerPrecedence.Count == 0)
        {
            return chosen;
        }

        foreach (var other in sentence.Actors.Where(a => !a.Actor.IsUnknown && !sentence.InParentheses(a.Start)).Select(a => a.Actor))
        {
            if (other.Side != chosen.Side && vocabulary.AttackerPrecedence.Any(p => Matches(other, p.Attacker) && Matches(chosen, p.Defender)))
            {
                chosen = other;
            }
        }

        return chosen;

        static bool Matches(Actor actor, string entry) => entry == "*" || entry == actor.Key || entry == actor.Parent || entry == actor.Side;
    }

    // "captured X from Kurdish-led forces, along with the nearby Y", « …, ainsi que le village voisin de Y »: the list goes on past
    // the aside naming the loser, to a place a few words on that no locator ("near", « à l'ouest de ») places and no count or area stands before
    // (« ainsi que plusieurs villages autour de Y »).
    private bool ContinuesList(SentenceView sentence, List<PlaceMention> window, int i)
    {
        var continuation = PhrasesBetween(vocabulary.ListContinuations, sentence, window[i - 1].Span.End, window[i].Span.Start).LastOrDefault();
        var place = sentence.FirstTokenFrom(window[i].Span.Start, sentence.FirstToken + sentence.TokenCount, _ => true);
        return continuation is not null && place - continuation.Last <= AnaphorWindow && !sentence.LocatorWordBefore(window[i], vocabulary.LocatorWords)
            && (sentence.Actors.Any(a => a.Start >= window[i - 1].Span.End && a.End <= sentence.TokenStart(continuation.First)) || sentence.CommaJustBefore(continuation.First))
            && !sentence.AnyTokenAfter(continuation.Last, place - continuation.Last - 1, t => vocabulary.LocatorWords.Contains(t) || vocabulary.LocativeWords.Contains(t) || vocabulary.AreaNouns.Contains(t))
            && !sentence.ClaimUnits.Any(u => u.First > continuation.Last && u.Last < place);
    }

    // "Anadan, which the insurgents say they seized", « Kuweires, que les rebelles disent avoir prise »: a relative clause whose
    // verb follows a word of saying.
    private List<PlaceMention>? ReportedRelativeAntecedent(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var relative = sentence.LastTokenBefore(verb.First, 2 * HedgeWindow, vocabulary.RelativeWords.Contains);
        if (relative < 0 || !sentence.Input.Tokens[relative].PunctuationBefore || sentence.Verbs.Any(v => v.First > relative && v.Last < verb.First)
            || !sentence.AnyTokenAfter(relative, verb.First - relative - 1, vocabulary.SayWords.Contains))
        {
            return null;
        }

        var at = sentence.TokenStart(relative);
        var place = sentence.Places.LastOrDefault(p => p.Span.End <= at);
        return place is { IsResolved: true } && !IsAreal(place) && sentence.OnlyListWords(place.Span.End, at) ? [place] : null;
    }

    // « la « libération » de la capitale », "left the capital": the last city named before the word.
    private PlaceMention? CapitalPlace(SentenceView sentence, PhraseMatch<VerbRule> verb, bool placesFollow)
    {
        var (first, last) = placesFollow ? (verb.Last + 1, verb.Last + AnaphorWindow) : (verb.First - AnaphorWindow, verb.First - 1);
        (first, last) = (Math.Max(sentence.FirstToken, first), Math.Min(sentence.FirstToken + sentence.TokenCount - 1, last));
        var capital = first > last ? [] : PhrasesBetween(vocabulary.CapitalAnaphors, sentence, sentence.TokenStart(first), sentence.TokenEnd(last));
        return capital.Count == 0 ? null
            : sentence.Places.LastOrDefault(p => p.Span.End <= sentence.TokenStart(capital[0].First) && p.Place?.Kind == PlaceKind.City && !InRegion(p));
    }

    // « فرار جماعي لعناصر النظام نحو المدينة », "fleeing towards the city": the city is where they go, not what they left.
    private bool FleesTowardsAnaphor(SentenceView sentence, PhraseMatch<VerbRule> verb, ControlTier tier)
    {
        var anaphor = sentence.Anaphors.FirstOrDefault(a => a.First > verb.Last && a.First - verb.Last <= AnaphorWindow);
        return tier == ControlTier.Withdrawn && anaphor is not null && sentence.AnyTokenBefore(anaphor.First, 2, vocabulary.Destinations.Contains);
    }

    // « Bachar al-Assad a quitté Damas », "President Bashar al-Assad has left Damascus", « مغادرة بشار الأسد »: a leader who
    // leaves (the words between short ones) is no force withdrawing; not inside an actor's name (« قوات الأسد », "Assad regime").
    private bool LeaderLeaves(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        bool Leader(int t) => vocabulary.LeaderWords.Contains(sentence.Input.Tokens[t])
            && !sentence.Actors.Any(a => a.Start <= sentence.TokenStart(t) && sentence.TokenEnd(t) <= a.End);
        bool Short(int t) => sentence.Input.Tokens[t].Key.Length <= 3 || vocabulary.LeaderWords.Contains(sentence.Input.Tokens[t]);
        var before = verb.First - 1;
        while (before >= sentence.FirstToken && before >= verb.First - 3 && !Leader(before) && Short(before))
        {
            before--;
        }

        var after = verb.Last + 1;
        while (verb.Phrase.Value.Language == "ar" && after < sentence.FirstToken + sentence.TokenCount && after <= verb.Last + 2 && !Leader(after) && Short(after))
        {
            after++;
        }

        return (before >= sentence.FirstToken && before >= verb.First - 3 && Leader(before))
            || (verb.Phrase.Value.Language == "ar" && after < sentence.FirstToken + sentence.TokenCount && after <= verb.Last + 2 && Leader(after));
    }

    // "abandoned A and B, which were then taken over by opposition factions", « qui a ensuite été investie par les rebelles »:
    // the agent of a passive of entry after a comma that follows the withdrawal moved in.
    private bool PassiveIncomer(SentenceView sentence, int verbEnd, ActorMention actor)
    {
        var comma = sentence.Input.Text.IndexOfAny([',', '،'], verbEnd, Math.Max(0, actor.Start - verbEnd));
        var agentWord = sentence.LastTokenBefore(sentence.IndexOf(sentence.Input.Tokens.First(t => t.Start >= actor.Start)), 2, vocabulary.AgentWords.Contains);
        return comma >= 0 && agentWord >= 0 && sentence.TokenStart(agentWord) > comma && sentence.FirstTokenFrom(comma, agentWord, vocabulary.PassiveEntryWords.Contains) >= 0;
    }

    // "X fell on Thursday after the army abandoned its positions", « est tombée après que l'armée… »: an actor past an after
    // word is the one that left, no agent of the fall.
    private Actor? AgentBeforeAfterWord(SentenceView sentence, PhraseMatch<VerbRule> verb)
    {
        var verbEnd = sentence.TokenEnd(verb.First);
        var agent = sentence.Actors.FirstOrDefault(a => a.Start >= verbEnd);
        return verb.Phrase.Value.ObjectBeforeVerb || agent is null || sentence.FirstTokenFrom(verbEnd, sentence.IndexOf(sentence.Input.Tokens.First(t => t.Start >= agent.Start)), vocabulary.AfterWords.Contains) < 0
            ? AgentAfter(sentence, verb)
            : null;
    }

    // "took the town of Anadan", « pris la localité de X »: a town or city word and an owner word between a close verb and its place.
    private bool KindWordBefore(SentenceView sentence, PhraseMatch<VerbRule> verb, PlaceMention place)
    {
        var kind = sentence.Anaphors.FirstOrDefault(a => a.First == verb.Last + 1 && a.Phrase.Value != EventVocabulary.AnaphorPronoun);
        return kind is not null && kind.Last + 2 == sentence.IndexOfOffset(place.Span.Start)
            && vocabulary.OwnerWords.Contains(sentence.Input.Tokens[kind.Last + 1]);
    }

    // "The offensive, launched last Wednesday, reached…", « l'opération lancée samedi », « cumartesi başlatılan harekât »: a day
    // right after a word of launching (right before it in Turkish) dates the launch, not the event (a distractor).
    private bool DatesALaunch(SentenceView sentence, PhraseMatch<VerbRule> verb, DateMention date)
    {
        var end = sentence.FirstToken + sentence.TokenCount;
        var first = sentence.FirstTokenFrom(date.Start, end, _ => true);
        var after = sentence.FirstTokenFrom(date.End, end, _ => true);
        bool Launch(TextToken t) => vocabulary.LaunchWords.Contains(t) && !(t.Start >= sentence.TokenStart(verb.First) && t.End <= sentence.TokenEnd(verb.Last));
        return (first >= 0 && sentence.AnyTokenBefore(first, 3, Launch)) || (verb.Phrase.Value.ObjectBeforeVerb && after >= 0 && sentence.AnyTokenAfter(after - 1, 2, Launch));
    }

    // The matches of a phrase list between two offsets of a sentence, with token indexes of the whole text.
    private static List<PhraseMatch<string>> PhrasesBetween(PhraseMatcher<string> phrases, SentenceView sentence, int from, int to)
    {
        var tokens = sentence.Input.Tokens.Where(t => t.Start >= from && t.End <= to).ToList();
        if (tokens.Count == 0)
        {
            return [];
        }

        var offset = sentence.IndexOf(tokens[0]);
        return [.. phrases.FindAll(sentence.Input.Text, tokens).Select(m => m with { First = m.First + offset, Last = m.Last + offset })];
    }

    // "the airbase fell, along with the nearby town of the same name", « la ville du même nom », « aynı adı taşıyan kasaba »:
    // the settlement that shares the name of the place just named changed hands with it; the name's other meanings are the
    // candidates the geocoder weighed for that place.
    private IEnumerable<ExtractedEvent> Namesakes(SentenceView sentence, List<ExtractedEvent> controls)
    {
        foreach (var phrase in InSentence(sentence, vocabulary.Namesakes, controls))
        {
            var at = sentence.TokenStart(phrase.First);
            if (controls.LastOrDefault(c => c.Place is { Place: not null } p && p.Span.End <= at) is not { Place: { } named } namedEvent)
            {
                continue;
            }

            var namesake = named.Span.Candidates.Select(c => c.Entry)
                .Where(e => e.Kind is PlaceKind.City or PlaceKind.Town or PlaceKind.Village && e.Kind != named.Place!.Kind)
                .OrderByDescending(e => e.Population ?? 0)
                .FirstOrDefault();
            if (namesake is not null && !controls.Exists(c => c.Place?.Place?.Id == namesake.Id))
            {
                yield return Elsewhere(sentence, namedEvent, namesake, phrase, "namesake");
            }
        }
    }

    // « L'aéroport de Hama est aux mains des rebelles, qui contrôlent aussi l'essentiel de la ville », "…, who now also control
    // most of the city": the side that took a place holds the city too; the city is the one the place is named after (an
    // airport's city), else the last city named. « a pris l'aéroport d'Alep ainsi que la majeure partie de la ville »: a list
    // carried on to the city word is the same.
    private IEnumerable<ExtractedEvent> HeldCities(SentenceView sentence, List<ExtractedEvent> controls)
    {
        foreach (var hold in InSentence(sentence, vocabulary.CityHolds, controls).Concat(InSentence(sentence, vocabulary.ListContinuations, controls)))
        {
            var at = sentence.TokenStart(hold.First);
            var cityWord = sentence.Anaphors.Any(a => a.Phrase.Value == EventVocabulary.AnaphorCity && a.First > hold.Last && a.First - hold.Last <= AnaphorWindow);
            if (!cityWord || controls.LastOrDefault(c => c.Tier == ControlTier.Claimed && c.Place is { Place: not null } p && p.Span.End <= at) is not { Place: { } named } taken)
            {
                continue;
            }

            var city = named.Place!.Kind == PlaceKind.City ? null
                : named.Span.Candidates.Select(c => c.Entry).FirstOrDefault(e => e.Kind == PlaceKind.City)
                    ?? sentence.Places.LastOrDefault(p => p.Span.End <= at && p.Place?.Kind == PlaceKind.City && !InRegion(p))?.Place;
            if (city is not null && !controls.Exists(c => c.Place?.Place?.Id == city.Id))
            {
                yield return Elsewhere(sentence, taken, city, hold, "held-city");
            }
        }
    }

    // « Rejim güçleri, Deyr Hafir'deki mevzilerini SDG'ye bırakarak çekildi » (withdrew, leaving its positions in X to the
    // SDF): the place that locates the positions left is the one withdrawn from (not a mere locator), and the side named
    // between the positions and the verb receives them.
    private IEnumerable<ExtractedEvent> PositionsLeft(SentenceView sentence, List<ExtractedEvent> controls)
    {
        foreach (var verb in sentence.Verbs.Where(v => v.Phrase.Value is { Role: VerbRole.Control, Tier: ControlTier.Withdrawn, ObjectBeforeVerb: true }))
        {
            var positions = sentence.LastTokenBefore(verb.First + 1, ObjectWindow, vocabulary.OwnPositionWords.Contains);
            var place = positions < 0 ? null : sentence.Places.LastOrDefault(p => p.IsResolved && !IsAreal(p) && sentence.RightBefore(p, positions) && HasSuffix(p, vocabulary.LocatorSuffixes));
            if (place is null || controls.Exists(c => c.Place?.Place?.Id == place.Place!.Id) || Hedged(sentence, verb) || Negated(sentence, verb))
            {
                continue;
            }

            var rule = verb.Phrase.Value;
            var (from, to) = (sentence.TokenEnd(positions), sentence.TokenStart(verb.First));
            var loser = Subject(sentence, verb, rule) ?? actors.Unknown;
            var gainer = sentence.Actors.FirstOrDefault(a => a.Start >= from && a.End <= to && !a.Actor.IsUnknown && a.Actor.Side != loser.Side)?.Actor ?? actors.Unknown;
            var date = DateFor(sentence, verb);
            var confidence = TierConfidence(ControlTier.Withdrawn) * PlaceConfidence(place) * DateConfidence(date) * 0.9;
            yield return new ExtractedEvent(EventKind.ControlChange, ControlTier.Withdrawn, place, gainer, loser, date, sentence.Source, $"control.{rule.Language}.{rule.Text}.positions", Round(confidence))
            {
                CountedBy = sentence.Reporter,
            };
        }
    }

    // Matched only for a sentence with a control change (most have none).
    private static IEnumerable<PhraseMatch<string>> InSentence(SentenceView sentence, PhraseMatcher<string> matcher, List<ExtractedEvent> controls) =>
        controls.Count == 0 ? [] : matcher.FindAll(sentence.Input.Text, sentence.Input.Tokens)
            .Where(m => sentence.TokenStart(m.First) >= sentence.Start && sentence.TokenEnd(m.Last) <= sentence.End);

    // The same change at a place the sentence names only by a phrase (provenance: that phrase's span).
    private static ExtractedEvent Elsewhere(SentenceView sentence, ExtractedEvent control, GazetteerEntry place, PhraseMatch<string> phrase, string rule)
    {
        var (start, end) = (sentence.TokenStart(phrase.First), sentence.TokenEnd(phrase.Last));
        var span = new MentionSpan(start, end, sentence.Input.Text[start..end], control.Place!.Span.Sentence, MentionCue.Empty, [new PlaceCandidate(place, place.Name, NameMatch.None, 0)]);
        var mention = new PlaceMention(span, place, control.Place.Score, null, 0, 1, []);
        return control with { Place = mention, Rule = $"{control.Rule}.{rule}", Confidence = Round(control.Confidence * 0.9) };
    }

    // "seized X from Kurdish forces and then took Y", « ont pris X aux FDS avant de s'emparer de Y »: the side an earlier
    // taking took a place from (a from word right before it) is not the next verb's subject; the earlier taker is.
    private Actor? TakenFromSubject(SentenceView sentence, ActorMention nearest)
    {
        var first = sentence.IndexOfOffset(nearest.Start);
        var earlier = sentence.Verbs.LastOrDefault(p => p.Phrase.Value.Role == VerbRole.Control && sentence.TokenEnd(p.Last) <= nearest.Start);
        if (earlier is null || !sentence.AnyTokenBefore(first, 2, vocabulary.FromWords.Contains) || sentence.PunctuationBetween(sentence.TokenEnd(earlier.Last), nearest.Start)
            || sentence.Places.Any(p => p.Span.Start >= sentence.TokenStart(Math.Max(sentence.FirstToken, first - 2)) && p.Span.End <= nearest.Start))
        {
            return null;
        }

        return sentence.Actors.LastOrDefault(a => a.End <= sentence.TokenStart(earlier.First) && a.Actor.Side != nearest.Actor.Side && !sentence.InParentheses(a.Start))?.Actor;
    }

    // "the hill overlooking Hama", « surplombant Hama », « المطل على مدينة حماة », « Hama'ya hakim »: the place overlooked
    // only says where the object is.
    private bool Overlooked(SentenceView sentence, PlaceMention place)
    {
        var first = sentence.IndexOfOffset(place.Span.Start);
        var last = sentence.IndexOfOffset(place.Span.End) - 1;
        return sentence.AnyTokenBefore(first, 3, vocabulary.OverlookWords.Contains) || sentence.AnyTokenAfter(last, 1, vocabulary.OverlookPostpositions.Contains);
    }

    // "the Damascus suburb of Jaramana", « la banlieue de Damas de Jaramana »: a city next to a suburb word, with the suburb's
    // own name right after, only locates it.
    private bool Suburban(SentenceView sentence, PlaceMention place)
    {
        var first = sentence.IndexOfOffset(place.Span.Start);
        var last = sentence.IndexOfOffset(place.Span.End) - 1;
        return (sentence.AnyTokenBefore(first, 2, vocabulary.SuburbWords.Contains) || sentence.AnyTokenAfter(last, 1, vocabulary.SuburbWords.Contains))
            && sentence.Places.Any(p => p.IsResolved && p.Span.Start > place.Span.End && sentence.IndexOfOffset(p.Span.Start) - last <= 3 && !sentence.PunctuationBetween(place.Span.End, p.Span.Start));
    }

    // « Ayn Dakna köyünü PKK/YPG'den aldı », « rejim güçlerine karşı operasyon başlatan muhalifler », « rejim güçlerinin
    // çekilmesinin ardından muhalifler … »: an actor in the ablative lost the place, one before « karşı » is the target, and a
    // genitive before an after word is the subject of the fronted clause: none of them took it.
    private bool NotTheTaker(SentenceView sentence, ActorMention actor, PhraseMatch<VerbRule> verb)
    {
        var surface = sentence.Input.Text[actor.Start..actor.End].ToLowerInvariant();
        if (Ablative(surface))
        {
            return true;
        }

        if (Targeted(sentence, actor, verb))
        {
            return true;
        }

        return vocabulary.GenitiveSuffixes.Any(g => g.Length > 2 && surface.Length > g.Length + 2 && surface.EndsWith(g, StringComparison.Ordinal))
            && sentence.FirstTokenFrom(actor.End, verb.First, vocabulary.AfterWords.Contains) >= 0;
    }

    private bool Ablative(string surface) =>
        vocabulary.AblativeEndings.Any(e => surface.Length > e.Length + 2 && surface.EndsWith(e, StringComparison.Ordinal));

    // « SMO, Ayn Dakna köyünü PKK/YPG'den aldı », « rejim güçlerinden aldı »: the side in the ablative before a Turkish verb of
    // taking (or inside its phrase), or the one fought against, is the loser.
    private Actor? AblativeLoser(SentenceView sentence, PhraseMatch<VerbRule> verb, Actor gainer) => verb.Phrase.Value.ObjectBeforeVerb
        ? sentence.Actors.LastOrDefault(a => a.End <= sentence.TokenStart(verb.Last) && a.Start >= sentence.ClauseOpening(verb.First) && a.Actor.Side != gainer.Side && !a.Actor.IsUnknown
            && (Ablative(sentence.Input.Text[a.Start..a.End].ToLowerInvariant()) || Targeted(sentence, a, verb)))?.Actor
        : null;

    // « HTŞ'ye karşı savaşan rejim güçleri »: the actor before « karşı » is fought against.
    private bool Targeted(SentenceView sentence, ActorMention actor, PhraseMatch<VerbRule> verb)
    {
        var next = sentence.IndexOfOffset(actor.End);
        return next < verb.First && vocabulary.TargetPostpositions.Contains(sentence.Input.Tokens[next]);
    }

    // « kontrol altına alan muhalifler »: a subject participle of a short verb (« alan », « giren ») is three or four letters.
    private bool ShortSubjectParticiple(TextToken token) =>
        vocabulary.RelativeParticipleEndings.Any(e => token.Key.Length > e.Length + 1 && token.Key.EndsWith(e, StringComparison.Ordinal));

    // « Halep'in batı kırsalında … başlatan muhalifler, Kefr Naha ve … aldı »: in Turkish the subject between two places, before a
    // comma, ends the first one's clause: the second opens the verb's object, no apposition.
    private static bool SubjectBetween(SentenceView sentence, PhraseMatch<VerbRule> verb, List<PlaceMention> window, int i) =>
        verb.Phrase.Value.ObjectBeforeVerb && i > 0 && sentence.Actors.Any(a => a.Start >= window[i - 1].Span.End && a.End <= window[i].Span.Start);

    // Only the place's own words (« köyünü »), an actor in the ablative (« PKK/YPG'den ») and days stand between a short
    // Turkish verb and its place.
    private bool CloseBefore(SentenceView sentence, PhraseMatch<VerbRule> verb, PlaceMention place)
    {
        for (var t = sentence.IndexOfOffset(place.Span.End); t < verb.First; t++)
        {
            var token = sentence.Input.Tokens[t];
            var own = place.Span.Cue.Text == token.Key || (token.Start >= place.Span.Start && token.End <= place.Span.End);
            var ablative = sentence.Actors.Any(a => a.Start <= token.Start && token.End <= a.End && Ablative(sentence.Input.Text[a.Start..a.End].ToLowerInvariant()));
            var day = sentence.Dates.Any(d => d.Start <= token.Start && token.End <= d.End);
            if (!own && !ablative && !day)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the vocabulary matched in the whole text, found once per text.</summary>
    private sealed record TextFindings(
        IReadOnlyList<PhraseMatch<VerbRule>> Verbs,
        IReadOnlyList<PhraseMatch<string>> Reporters,
        IReadOnlyList<PhraseMatch<string>> Casualties,
        IReadOnlyList<PhraseMatch<string>> ClaimUnits,
        IReadOnlyList<PhraseMatch<string>> Anaphors,
        IReadOnlyList<PhraseMatch<string>> Clefts,
        PlaceMention? MainCity,
        EventVocabulary Vocabulary)
    {
        /// <summary>The sentences that are only a day (« Samedi 30 novembre. »), by sentence index, in a chronology.</summary>
        public IReadOnlyList<(int Sentence, EventDate Date)> Datelines { get; init; } = [];
    }

    /// <summary>One sentence with what the earlier stages found in it.</summary>
    private sealed class SentenceView
    {
        private readonly int _firstToken;
        private readonly int _lastToken;
        private readonly EventVocabulary _vocabulary;

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
            Places = [.. input.Places.Where(p => p.Span.Start >= start && p.Span.End <= end)];
            _vocabulary = found.Vocabulary;
            var actors = input.Actors.Where(a => a.Start >= start && a.End <= end && !Overlaps(a.Start, a.End, Places)).ToList();

            // « هيئة تحرير الشام » (the Levant Liberation Committee) names an actor; its « liberation » is not a verb. A verb
            // that only starts with an actor's words (« rejim güçlerinden aldı », took from the regime's forces) is one.
            Verbs = [.. found.Verbs.Where(v => v.First >= _firstToken && v.Last <= _lastToken
                && !actors.Any(a => Inside(input.Tokens[v.First], a) && Inside(input.Tokens[v.Last], a)))];

            // "the SDF-held town", « tenue par les FDS »: a holder loses, it never gains; "backed by Russia" names who backs the
            // subject; « quelles factions » asks who: none of them is the subject.
            Holders = [.. actors.Where(a => MarkedBy(a, _vocabulary.HeldByWords, _vocabulary.HeldWords))];
            Actors = [.. actors.Where(a => !Holders.Contains(a) && !MarkedBy(a, _vocabulary.BackingWords, _vocabulary.BackedWords) && !Asked(a))];
            Dates = [.. input.Dates.Where(d => d.Start >= start && d.End <= end)];
            Reporter = found.Reporters.Where(r => r.First >= _firstToken && r.Last <= _lastToken).Select(r => r.Phrase.Value).FirstOrDefault()
                ?? found.Reporters.Where(r => r.Last < _firstToken).Select(r => r.Phrase.Value).LastOrDefault();
            PreviousSubject = PreviousSentenceSubject(input, found, _firstToken);
            CasualtyWords = [.. found.Casualties.Where(c => c.First >= _firstToken && c.Last <= _lastToken)];
            ClaimUnits = [.. found.ClaimUnits.Where(c => c.First >= _firstToken && c.Last <= _lastToken && !BareKilometre(input, c))];
            Anaphors = [.. found.Anaphors.Where(a => a.First >= _firstToken && a.Last <= _lastToken)];
            Clefts = [.. found.Clefts.Where(c => c.First >= _firstToken && c.Last <= _lastToken)];
            MainCity = found.MainCity;
            SectionDate = found.Datelines.LastOrDefault(d => d.Sentence < index).Date;
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

        /// <summary>The actors named as holding a place ("SDF-held", « tenue par les FDS »): losers, never gainers.</summary>
        public IReadOnlyList<ActorMention> Holders { get; }

        public IReadOnlyList<PhraseMatch<string>> Clefts { get; }

        public IReadOnlyList<DateMention> Dates { get; }

        /// <summary>The day of the chronology heading this sentence is under, if any.</summary>
        public EventDate? SectionDate { get; }

        public string? Reporter { get; }

        public Actor? PreviousSubject { get; }

        public IReadOnlyList<PhraseMatch<string>> CasualtyWords { get; }

        public IReadOnlyList<PhraseMatch<string>> ClaimUnits { get; }

        public EventSource Source { get; }

        public IReadOnlyList<PhraseMatch<string>> Anaphors { get; }

        public PlaceMention? MainCity { get; }

        public int TokenStart(int token) => Input.Tokens[token].Start;

        // A word right after the actor ("SDF-held", « Rus destekli », « YPG'nin kontrolündeki »: a suffix of the actor's word
        // may stand between), or one in the four words before it with no place or punctuation between ("backed by Russian
        // jets", « tenue par les forces kurdes »), not itself right after a hyphen ("Turkey-backed SNA" names the SNA).
        private bool MarkedBy(ActorMention actor, WordSet before, WordSet after)
        {
            var first = FirstTokenAtOrAfter(Input.Tokens, actor.Start);
            var next = FirstTokenAtOrAfter(Input.Tokens, actor.End);
            // "government forces backed by Russian jets": the actor before "backed by" is the one backed, not a backer.
            if (next <= _lastToken && after.Contains(Input.Tokens[next]) && !(next < _lastToken && _vocabulary.AgentWords.Contains(Input.Tokens[next + 1])))
            {
                var gap = Input.Text.AsSpan(actor.End, Input.Tokens[next].Start - actor.End).Trim(" -–");
                if (gap.Length == 0 || (gap[0] is '\'' or '’' && gap.IndexOf(' ') < 0))
                {
                    return true;
                }
            }

            for (var t = first - 1; t >= Math.Max(_firstToken, first - 4); t--)
            {
                var token = Input.Tokens[t];
                if (Input.Text.AsSpan(token.End, actor.Start - token.End).IndexOfAny(",;،") >= 0 || Places.Any(p => p.Span.Start >= token.End && p.Span.End <= actor.Start))
                {
                    return false;
                }

                // « tenue par les rebelles désormais » is a verb's phrase: its agent gains.
                if (before.Contains(token) && !(token.Start > Start && Input.Text[token.Start - 1] is '-' or '–') && !Verbs.Any(v => v.First <= t && t <= v.Last))
                {
                    return true;
                }
            }

            return false;
        }

        // « quelles factions », "which of the factions", « أي من الفصائل », « hangi muhalif güçlerin »: a question word in the
        // three words before the actor, not opening a relative clause after a comma ("Saraqib, which rebels seized").
        private bool Asked(ActorMention actor)
        {
            var first = FirstTokenAtOrAfter(Input.Tokens, actor.Start);
            for (var t = first - 1; t >= Math.Max(_firstToken, first - 3); t--)
            {
                var token = Input.Tokens[t];
                if (Input.Text.AsSpan(token.End, actor.Start - token.End).IndexOfAny(",;،") >= 0)
                {
                    return false;
                }

                // "the town which rebels seized" is a relative: only a question opening the sentence, one asked or one after a
                // word of not knowing ("unclear which", « sans que l'on sache quelles », لم يُعرف أي) hides the actor; « أي »
                // is "any" otherwise.
                if (_vocabulary.QuestionWords.Contains(token))
                {
                    var before = Input.Text.AsSpan(Start, token.Start - Start).TrimEnd();
                    return before.Length == 0 || (before[^1] is not (',' or '،') && (Asks || TokensWhere(_vocabulary.UncertaintyWords.Contains)));
                }
            }

            return false;
        }

        /// <summary>Whether the sentence is a question ("?", Arabic « ؟ »).</summary>
        public bool Asks => Text.TrimEnd().EndsWith('?') || Text.TrimEnd().EndsWith('؟') || _vocabulary.QuestionInversions.Any(q => Text.Contains(q + " ", StringComparison.OrdinalIgnoreCase));

        /// <summary>The sentence's first token.</summary>
        public int FirstToken => _firstToken;

        /// <summary>The index of the first token at or after an offset.</summary>
        public int IndexOfOffset(int offset) => FirstTokenAtOrAfter(Input.Tokens, offset);

        /// <summary>The index of a token of this sentence.</summary>
        public int IndexOf(TextToken token) => FirstTokenAtOrAfter(Input.Tokens, token.Start);

        // « les FDS, dominées par les Kurdes, se sont déployées »: past an aside between commas right after an offset.
        public int PastAside(int offset)
        {
            var at = offset;
            while (at < End && Input.Text[at] == ' ')
            {
                at++;
            }

            var close = at < End && Input.Text[at] is ',' or '،' ? Input.Text.IndexOfAny([',', '،'], at + 1, End - at - 1) : -1;
            return close < 0 ? offset : close + 1;
        }

        /// <summary>Whether the token is the sentence's first word.</summary>
        public bool Opens(int token) => token == _firstToken;

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

        // Within a window of words after the token, not counting the words of actors' names.
        public bool AnyWordAfterActors(int token, int window, Func<TextToken, bool> test)
        {
            for (int t = token + 1, words = 0; t <= _lastToken && words < window; t++)
            {
                if (test(Input.Tokens[t]))
                {
                    return true;
                }

                words += Input.Actors.Any(a => Inside(Input.Tokens[t], a)) ? 0 : 1;
            }

            return false;
        }

        public bool AnyWordAfter(int offset, int window, Func<TextToken, bool> test) => AnyTokenAfter(FirstTokenAtOrAfter(Input.Tokens, offset) - 1, window, test);

        public bool AnyTokenAfter(int token, int window, Func<TextToken, bool> test)
        {
            for (var t = token + 1; t <= Math.Min(_lastToken, token + window); t++)
            {
                if (test(Input.Tokens[t]))
                {
                    return true;
                }
            }

            return false;
        }

        public int LastTokenBefore(int token, int window, Func<TextToken, bool> test)
        {
            for (var t = token - 1; t >= Math.Max(_firstToken, token - window); t--)
            {
                if (test(Input.Tokens[t]))
                {
                    return t;
                }
            }

            return -1;
        }

        // The first comma after an offset, or the sentence's end.
        public int NextComma(int offset)
        {
            var comma = offset < End ? Input.Text.IndexOf(',', offset, End - offset) : -1;
            return comma < 0 ? End : comma;
        }

        // At most one word, besides a place's own, between a token and an offset (« la prise de la ville de Dana », سقوط مدينة حماة),
        // and not one saying where (« la photo prise à Alep »).
        public bool CloseAfter(int token, int offset, WordSet locatives)
        {
            var last = FirstTokenAtOrAfter(Input.Tokens, offset) - 1;
            var others = 0;
            for (var t = token + 1; t <= last; t++)
            {
                if (locatives.Contains(Input.Tokens[t]))
                {
                    return false;
                }

                // « دخول قواتها إلى مدينة »: the taker's own forces after the action noun; the place's kind word before it.
                if (_vocabulary.PossessedForces.Contains(Input.Tokens[t]) || Places.Any(p => p.Span.Start >= Input.Tokens[t].End && p.Span.Start - Input.Tokens[t].End <= 1 && p.Span.Cue.Text == Input.Tokens[t].Key))
                {
                    continue;
                }

                others += Places.Any(p => p.Span.Start <= Input.Tokens[t].Start && Input.Tokens[t].End <= p.Span.End) ? 0 : 1;
            }

            return others <= 1;
        }

        // An agent word in the two words before the actor, with only places, dates and one other word between the verb and it
        // (« la prise d'Atareb samedi par les insurgés », but not "the fall of Hama was confirmed by the army").
        public bool AgentWordBefore(int offset, int verbLast, WordSet agentWords)
        {
            var actor = FirstTokenAtOrAfter(Input.Tokens, offset);
            var word = -1;
            for (var t = actor - 1; t >= Math.Max(verbLast + 1, actor - 2); t--)
            {
                if (agentWords.Contains(Input.Tokens[t]))
                {
                    word = t;
                    break;
                }
            }

            if (word < 0)
            {
                return false;
            }

            // « سقطت مدينة حماة، أحد أهم معاقل النظام، بيد الفصائل »: an aside between two commas does not count.
            var gapStart = Input.Tokens[verbLast].End;
            var gap = Input.Text.AsSpan(gapStart, Input.Tokens[word].Start - gapStart);
            var (asideFrom, asideTo) = (gap.IndexOfAny(',', '،'), gap.LastIndexOfAny(',', '،'));
            var others = 0;
            for (var t = verbLast + 1; t < word; t++)
            {
                var token = Input.Tokens[t];
                var covered = Places.Any(p => p.Span.Start <= token.Start && token.End <= p.Span.End) || Dates.Any(d => d.Start <= token.Start && token.End <= d.End)
                    || (asideFrom < asideTo && token.Start > gapStart + asideFrom && token.End <= gapStart + asideTo);
                others += covered || ListWords.Contains(token.Key) ? 0 : 1;
            }

            return others <= 1;
        }

        // « Halep'in büyük bölümünü » (a large part of Aleppo): a word naming a part in the two words after the place.
        public bool PartFollows(PlaceMention place, WordSet partWords)
        {
            var after = FirstTokenAtOrAfter(Input.Tokens, place.Span.End);
            return AnyToken(after, after + 1, partWords.Contains);
        }

        // « « Nos combattants sont entrés dans Atareb », a déclaré un commandant rebelle »: inside a quotation, the speaker
        // named after it.
        public Actor? SpeakerAfterQuote(int offset)
        {
            // A sentence starts at its first word: an opening quote mark just before it is the sentence's.
            var from = Math.Max(0, Start - 2);
            if (offset <= from)
            {
                return null;
            }

            var open = Input.Text.LastIndexOfAny(['«', '“'], offset - 1, offset - from);
            var straight = Input.Text.AsSpan(from, offset - from).Count('"') % 2 == 1;
            if (open < 0 && !straight)
            {
                return null;
            }

            var closers = straight ? new[] { '"' } : ['»', '”'];
            if (open >= 0 && Input.Text.AsSpan(open, offset - open).IndexOfAny(closers) >= 0)
            {
                return null;
            }

            var close = Input.Text.IndexOfAny(closers, offset, End - offset);
            return close < 0 ? null : Actors.FirstOrDefault(a => a.Start > close)?.Actor;
        }

        // The place's last word stands right before the token (« Serakib'in kontrolünü »).
        public bool RightBefore(PlaceMention place, int token) => FirstTokenAtOrAfter(Input.Tokens, place.Span.End) == token;

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

        // Words that join the items of a list of places.
        // « de Dana puis, dimanche, de Saraqib », "Atarib and, on Saturday, Dana": « puis », "then", ثم, « ise » join a sequence of them.
        private static readonly HashSet<string> ListWords = ["et", "ou", "ainsi", "que", "de", "d'", "du", "des", "la", "le", "les", "and", "or", "as", "well", "the", "of", "ve", "ile", "و", "puis", "then", "ensuite", "ثم", "ise", "on", "gunu", "nearby", "neighbouring", "neighboring", "adjacent"];

        private static readonly HashSet<string> Conjunctions = ["et", "and", "ve", "ile", "و"];

        // Words between a road's ends (« reliant la capitale Damas à Alep »).
        private static readonly HashSet<string> RoadEndFillers = ["a", "to", "capitale", "capital", "line", "lines", "ligne", "lignes", "route", "routes", "town", "towns", "ville", "villes", "localites", "villages"];

        // Words that open a relative clause set off by commas (« , qui relie Alep à Lattaquié, »).
        private static readonly HashSet<string> RelativeAsideWords = ["qui", "que", "ou", "which", "who", "that", "where", "التي", "الذي", "حيث"];

        // Words that open another clause: the verb's objects stop there.
        private static readonly HashSet<string> ClauseWords = ["ou", "qui", "que", "lorsque", "quand", "alors", "tandis", "mais", "where", "which", "who", "when", "while", "but", "حيث", "لكن", "ancak", "ama"];

        // « ainsi que du château d'Alep » continues the list.
        private bool OpensClause(int t) => ClauseWords.Contains(Input.Tokens[t].Key) && !ContinuesList(t);

        public int ClauseEnd(int verbToken, bool forward, int window)
        {
            var limit = Math.Min(_lastToken, verbToken + window);
            for (var t = verbToken + 1; t <= limit; t++)
            {
                if (RelativeAsideAt(t) is { } aside)
                {
                    t = FirstTokenAtOrAfter(Input.Tokens, aside) - 1;
                    continue;
                }

                if (OpensClause(t) || Input.Text.AsSpan(Input.Tokens[t - 1].End, Input.Tokens[t].Start - Input.Tokens[t - 1].End).IndexOfAny(';', ':') >= 0)
                {
                    return Input.Tokens[t - 1].End;
                }
            }

            return forward ? Input.Tokens[limit].End : int.MaxValue;
        }

        // A clause word just after a comma, closed by another comma before the verb.
        private bool Aside(int t, int verbToken)
        {
            var from = Input.Tokens[Math.Max(_firstToken, t - 2)].End;
            var at = Input.Tokens[t].Start;
            return from < at && Input.Text.AsSpan(from, at - from).IndexOf(',') >= 0
                && Input.Text.AsSpan(Input.Tokens[t].End, Input.Tokens[verbToken].Start - Input.Tokens[t].End).IndexOf(',') >= 0;
        }

        // "the M5, which links the capital to the north, near X", « l'autoroute M4, qui relie Alep à Lattaquié, à hauteur de X »:
        // a relative word after a comma, closed by a comma that a word of where follows; the offset after the closing comma.
        private int? RelativeAsideAt(int t)
        {
            if (t <= _firstToken || !RelativeAsideWords.Contains(Input.Tokens[t].Key) || Input.Text.AsSpan(Input.Tokens[t - 1].End, Input.Tokens[t].Start - Input.Tokens[t - 1].End).IndexOf(',') < 0)
            {
                return null;
            }

            var close = Input.Text.IndexOf(',', Input.Tokens[t].End, End - Input.Tokens[t].End);
            var next = close < 0 ? _lastToken + 1 : FirstTokenAtOrAfter(Input.Tokens, close);
            return next <= _lastToken && (_vocabulary.LocativeWords.Contains(Input.Tokens[next]) || _vocabulary.LocatorWords.Contains(Input.Tokens[next])) ? close + 1 : null;
        }

        // Only an aside that opens after the verb (its own verb's places are in it).
        public bool InRelativeAside(PlaceMention place, int verbEnd)
        {
            for (var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start) - 1; t > _firstToken; t--)
            {
                if (Input.Text.AsSpan(Input.Tokens[t].End, place.Span.Start - Input.Tokens[t].End).IndexOf(',') >= 0)
                {
                    return false;
                }

                if (RelativeAsideAt(t) is { } end)
                {
                    return Input.Tokens[t].Start >= verbEnd && place.Span.End <= end;
                }
            }

            return false;
        }

        // « Après Alep, », "After Aleppo,": an after word opening the sentence (or a clause after a comma), the place, a comma.
        public bool OpensSequence(PlaceMention place, WordSet afterWords)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start) - 1;
            if (t < _firstToken || !afterWords.Contains(Input.Tokens[t]) || Input.Text.AsSpan(place.Span.End).TrimStart(' ') is not [',', ..])
            {
                return false;
            }

            return t == _firstToken || Input.Text.AsSpan(Input.Tokens[t - 1].End, Input.Tokens[t].Start - Input.Tokens[t - 1].End).IndexOf(',') >= 0;
        }

        public int ClauseStart(int verbToken, int window)
        {
            var limit = Math.Max(_firstToken, verbToken - window);
            for (var t = verbToken - 1; t >= limit; t--)
            {
                // "Nayrab airbase, from which jets flew for years, was overrun": an aside set off by commas is stepped over.
                if (OpensClause(t) && !Aside(t, verbToken) && !InRelativeAside(t, verbToken))
                {
                    return Input.Tokens[t].End;
                }
            }

            return Input.Tokens[limit].Start;
        }

        // « 56 villages à Idlib et Alep »: a place after a counted unit is the claim's region, not a captured place (nor,
        // for a region, after an uncounted one: « de nombreuses zones dans la campagne d'Idlib »); but « 56 villages dont
        // X, Y » lists the places taken. « des zones entières d'Alep » (no count) is part of Aleppo.
        public bool AfterClaimUnit(PlaceMention place, bool countedOnly)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            return ClaimUnits.Any(u => u.Last < t && t - u.Last <= (Counted(u) ? 12 : 6) && (!countedOnly || Counted(u)) && !AnyToken(u.Last + 1, t - 1, _vocabulary.ListMarkers.Contains));
        }

        // « Halep'in batı kırsalında … 12 köyü »: in Turkish the count follows its region.
        // « 50'den fazla köy » (more than 50 villages): a qualifier may stand between.
        private bool Counted(PhraseMatch<string> unit) =>
            AnyToken(unit.First - 3, unit.First - 1, t => TryNumber(t.Key, out _) || NumberWithSuffix(t.Key));

        // « 50'den » folded to one word: digits, then letters.
        private static bool NumberWithSuffix(string key)
        {
            var digits = 0;
            while (digits < key.Length && char.IsAsciiDigit(key[digits]))
            {
                digits++;
            }

            return digits > 0 && digits < key.Length && key[digits..].All(char.IsLetter);
        }

        // « 50'den » (from 50): a Turkish suffix after an apostrophe is no part of the number.
        private static bool TryNumber(string key, out double value)
        {
            var apostrophe = key.IndexOfAny(['\'', '’']);
            return double.TryParse(apostrophe > 0 ? key[..apostrophe] : key, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        // « ont fui vers X »; in Turkish the word follows (« Sefire'ye doğru »).
        public bool AfterDestinationWord(PlaceMention place, bool wordBefore)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            if (!wordBefore)
            {
                var after = FirstTokenAtOrAfter(Input.Tokens, place.Span.End);
                return after <= _lastToken && _vocabulary.Destinations.Contains(Input.Tokens[after]);
            }

            return AnyToken(Math.Max(_firstToken, t - 3), t - 1, _vocabulary.Destinations.Contains);
        }

        // "pressed on towards X", « poursuivi vers X »: a destination word shortly before the place, not one said again after a conjunction.
        // Only after the place before it: in "moved into X and Y", « into » is X's.
        public bool HeadingTo(PlaceMention place, int after)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            for (var d = Math.Max(Math.Max(_firstToken + 1, t - 3), FirstTokenAtOrAfter(Input.Tokens, after)); d < t; d++)
            {
                if (_vocabulary.Destinations.Contains(Input.Tokens[d]) && !Conjunctions.Contains(Input.Tokens[d - 1].Key))
                {
                    return true;
                }
            }

            return false;
        }

        // « la route reliant Damas à Alep », "the M5 between Aleppo and Damascus": the road's ends, not where it was cut.
        // Only the list of ends counts: in "linking Hama and Aleppo near Saraqib", Saraqib is where.
        public bool RoadEnd(PlaceMention place)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            for (var k = t - 1; k >= Math.Max(_firstToken, t - 9); k--)
            {
                var token = Input.Tokens[k];
                if (_vocabulary.RoadEnds.Contains(token))
                {
                    return true;
                }

                if (!ListWords.Contains(token.Key) && !RoadEndFillers.Contains(token.Key) && !_vocabulary.RoadEndPronouns.Contains(token) && !Places.Any(p => p.Span.Start <= token.Start && token.End <= p.Span.End))
                {
                    return false;
                }
            }

            return false;
        }

        // "a Hama activist network": a place written as an adjective.
        public bool Attributive(PlaceMention place)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            var after = FirstTokenAtOrAfter(Input.Tokens, place.Span.End);
            // The article as written: French « à » folds to "a" too (« positions à Atareb vendredi »).
            return t > _firstToken && _vocabulary.AttributiveArticles.Contains(Input.Tokens[t - 1]) && place.Span.Cue == MentionCue.Empty
                && Input.Text.AsSpan(Input.Tokens[t - 1].Start, Input.Tokens[t - 1].End - Input.Tokens[t - 1].Start).Equals(Input.Tokens[t - 1].Key, StringComparison.OrdinalIgnoreCase)
                && after <= _lastToken && Input.Tokens[after].Start - place.Span.End <= 1 && char.IsLower(Input.Text[Input.Tokens[after].Start]);
        }

        // Between two offsets, only punctuation, dates and the words that join a list (« Ourm al-Koubra, Kafr Naha et Khan al-Assal »).
        public bool OnlyListWords(int from, int to)
        {
            var first = FirstTokenAtOrAfter(Input.Tokens, from);
            var last = FirstTokenAtOrAfter(Input.Tokens, to) - 1;
            for (var t = first; t <= last; t++)
            {
                var token = Input.Tokens[t];
                // « dans X et dans Y », "into X and into Y": the verb's preposition said again after the conjunction.
                var repeated = t > first && Conjunctions.Contains(Input.Tokens[t - 1].Key) && (_vocabulary.LocativeWords.Contains(token) || _vocabulary.Destinations.Contains(token));
                if (!ListWords.Contains(token.Key) && !repeated && !Dates.Any(d => d.Start <= token.Start && token.End <= d.End))
                {
                    return false;
                }
            }

            return true;
        }

        // Where the clause of a verb put last opens (Turkish): after the verb before it or a semicolon
        // (« Muhalifler X'e girdi; rejim güçleri şehri terk etti »).
        public int ClauseOpening(int verbToken)
        {
            var opening = Start;
            foreach (var verb in Verbs.Where(v => v.Last < verbToken))
            {
                opening = Math.Max(opening, Input.Tokens[verb.Last].End);
            }

            var semicolon = Input.Text.LastIndexOf(';', Input.Tokens[verbToken].Start, Input.Tokens[verbToken].Start - Start);
            return Math.Max(opening, semicolon + 1);
        }

        // The last comma between two offsets, or -1 (then nothing lies between a place and the clause after it).
        public int LastCommaBefore(int offset, int from)
        {
            var comma = offset > from ? Input.Text.LastIndexOf(',', offset - 1, offset - from) : -1;
            return comma < 0 ? -1 : comma;
        }

        public bool PunctuationBetween(int from, int to) => to > from && Input.Text.AsSpan(from, to - from).IndexOfAny(',', ';') >= 0;

        // A single conjunction between two offsets (« Halep ve İdlib », "Idlib and Aleppo").
        public bool OnlyConjunction(int from, int to)
        {
            var first = FirstTokenAtOrAfter(Input.Tokens, from);
            var last = FirstTokenAtOrAfter(Input.Tokens, to) - 1;
            return first == last && Conjunctions.Contains(Input.Tokens[first].Key);
        }

        // A count in the sentence (« 70 köyü », "400 km²"): the regions named with it are the claim's.
        public bool HasCountedUnit() => ClaimUnits.Any(Counted);

        // The first token from an offset up to (not including) a token that passes the test, or -1.
        public int FirstTokenFrom(int offset, int beforeToken, Func<TextToken, bool> test)
        {
            for (var t = Math.Max(_firstToken, FirstTokenAtOrAfter(Input.Tokens, offset)); t < beforeToken; t++)
            {
                if (test(Input.Tokens[t]))
                {
                    return t;
                }
            }

            return -1;
        }

        // « Dana ve Serakib'in de arasında »: a list marker just after a place (a Turkish genitive there is the list's).
        public bool ListMarkerAfter(PlaceMention place)
        {
            var after = FirstTokenAtOrAfter(Input.Tokens, place.Span.End);
            return AnyToken(after, after + 2, _vocabulary.ListMarkers.Contains);
        }

        // A comma, and at most an elided pronoun (« , s'emparant »), right before the token.
        public bool CommaJustBefore(int token)
        {
            var at = Input.Tokens[token].Start;
            var comma = Input.Text.LastIndexOf(',', Math.Max(Start, at - 1), Math.Max(0, at - Start));
            return comma >= 0 && at - comma <= 5 && Input.Text.AsSpan(comma + 1, at - comma - 1).Trim().Length <= 2;
        }

        // « à 5 km de Hama », "within two kilometres of Hama", « Hama'ya 5 kilometre mesafeye »: a unit of distance in the
        // three words before the place (after it in Turkish), with no direction between ("30 km west of Aleppo" is where).
        public bool DistanceFrom(PlaceMention place, bool after)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            if (after)
            {
                // « Hama kent merkezine 8 kilometre »: the centre's words may stand between.
                var next = FirstTokenAtOrAfter(Input.Tokens, place.Span.End);
                return AnyToken(next, next + 3, _vocabulary.DistanceUnits.Contains);
            }

            // « à 5 km au nord de X » measures from X in a direction, but « على بعد ثلاثة كيلومترات من أطراف مدينة حماة » (three
            // kilometres from the edges of Hama) from the place itself: a locator stops the search only right after the unit.
            for (var k = t - 1; k >= Math.Max(_firstToken, t - 5); k--)
            {
                if (_vocabulary.LocatorWords.Contains(Input.Tokens[k]))
                {
                    if (k == _firstToken || _vocabulary.DistanceUnits.Contains(Input.Tokens[k - 1]) || k < t - 3)
                    {
                        return false;
                    }

                    continue;
                }

                if (_vocabulary.DistanceUnits.Contains(Input.Tokens[k]))
                {
                    return true;
                }
            }

            return false;
        }

        // The kilometres of a distance from a place (« à 5 km de Hama »): a number in digits right before a distance unit
        // that measures from a place; not an area (« 400 km² »).
        public double? Distance()
        {
            foreach (var (number, at) in Numbers())
            {
                if (at + 1 > _lastToken || !_vocabulary.DistanceUnits.Contains(Input.Tokens[at + 1]))
                {
                    continue;
                }

                var unit = Input.Tokens[at + 1];
                if (unit.End < Input.Text.Length && Input.Text[unit.End] is '²' or '2')
                {
                    continue;
                }

                if (Places.Any(p => DistanceFrom(p, after: false) && FirstTokenAtOrAfter(Input.Tokens, p.Span.Start) > at + 1)
                    || Places.Any(p => DistanceFrom(p, after: true) && FirstTokenAtOrAfter(Input.Tokens, p.Span.End) <= at))
                {
                    return number;
                }
            }

            return null;
        }

        public bool ListMarkerBetween(int from, int to)
        {
            var first = FirstTokenAtOrAfter(Input.Tokens, from);
            var last = FirstTokenAtOrAfter(Input.Tokens, to) - 1;
            return AnyToken(first, last, _vocabulary.ListMarkers.Contains);
        }

        // « quartiers d'Alep », "districts of Aleppo", « أحياء في حلب »: the tokenizer drops an elided « d' », so it is read in the text.
        public bool OwnerWordBefore(PlaceMention place, WordSet words)
        {
            var before = Input.Text.AsSpan(Math.Max(Start, place.Span.Start - 2), Math.Min(2, place.Span.Start - Start));
            return LocatorWordBefore(place, words) || before.Equals("d'", StringComparison.OrdinalIgnoreCase) || before.Equals("d’", StringComparison.OrdinalIgnoreCase);
        }

        public bool LocatorWordBefore(PlaceMention place, WordSet words)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, place.Span.Start);
            return AnyToken(t - 2, t - 1, words.Contains);
        }

        // Inside an aside « (…) »: what stands there is not the sentence's subject.
        public bool InParentheses(int offset)
        {
            var depth = 0;
            for (var i = Start; i < offset && i < End; i++)
            {
                depth += Input.Text[i] == '(' ? 1 : Input.Text[i] == ')' ? -1 : 0;
            }

            return depth > 0;
        }

        // No semicolon and no word opening another clause between two offsets.
        public bool SameClause(int from, int to)
        {
            if (to <= from)
            {
                return true;
            }

            if (Input.Text.AsSpan(from, to - from).IndexOf(';') >= 0)
            {
                return false;
            }

            var first = FirstTokenAtOrAfter(Input.Tokens, from);
            var last = FirstTokenAtOrAfter(Input.Tokens, to) - 1;
            for (var t = Math.Max(first, _firstToken); t <= Math.Min(last, _lastToken); t++)
            {
                if (OpensClause(t))
                {
                    return false;
                }
            }

            return true;
        }

        // « depuis 2016, lorsque… »
        public bool ClauseWordAfter(int offset)
        {
            var t = FirstTokenAtOrAfter(Input.Tokens, offset);
            return (t <= _lastToken && OpensClause(t)) || (t + 1 <= _lastToken && OpensClause(t + 1));
        }

        private bool AnyToken(int first, int last, Func<TextToken, bool> test)
        {
            for (var t = Math.Max(first, _firstToken); t <= Math.Min(last, _lastToken); t++)
            {
                if (test(Input.Tokens[t]))
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
                if (!TryNumber(Input.Tokens[t].Key, out var value))
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

        // The subject of the previous sentence: the actor nearest before its last verb (« les jihadistes … sont arrivés aux
        // portes d'Alep. Et commencent à entrer dans la ville. »); none when no actor stands before it.
        private static Actor? PreviousSentenceSubject(AnnotatedText input, TextFindings found, int firstToken)
        {
            if (firstToken == 0)
            {
                return null;
            }

            var previous = input.Tokens[firstToken - 1].Sentence;
            var lastVerb = found.Verbs.LastOrDefault(v => v.Last < firstToken && input.Tokens[v.First].Sentence == previous);
            var verbStart = lastVerb is null ? input.Tokens[firstToken - 1].End : input.Tokens[lastVerb.First].Start;
            return input.Actors.LastOrDefault(a => a.Sentence == previous && a.End <= verbStart)?.Actor;
        }

        // "400 km²" is an area, "5 km" a distance: the tokenizer drops the sign, so the unit needs it right after.
        private static bool BareKilometre(AnnotatedText input, PhraseMatch<string> unit)
        {
            var last = input.Tokens[unit.Last];
            return unit.Phrase.Value == "km2" && last.Key == "km" && (last.End >= input.Text.Length || input.Text[last.End] != '²');
        }

        private static bool Inside(TextToken token, ActorMention actor) => actor.Start < token.End && token.Start < actor.End;

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

        // A word inside a list continuation (« que » of « ainsi que », « de même que »; 'listContinuations') opens no clause.
        private bool ContinuesList(int t)
        {
            var first = Math.Max(_firstToken, t - 3);
            var words = Input.Tokens.Skip(first).Take(t - first + 1).ToList();
            return _vocabulary.ListContinuations.FindAll(Input.Text, words).Any(m => m.First + first < t && m.Last + first >= t);
        }

        // "Saraqib, which sits where the M4 and M5 meet, fell": a clause word inside a relative aside that opens after a comma
        // and closes with one before the verb is stepped over.
        private bool InRelativeAside(int t, int verbToken)
        {
            var comma = Input.Text.LastIndexOf(',', Input.Tokens[t].Start, Input.Tokens[t].Start - Start);
            var opener = comma < Start ? -1 : FirstTokenAtOrAfter(Input.Tokens, comma);
            return opener >= _firstToken && opener < t && _vocabulary.RelativeWords.Contains(Input.Tokens[opener])
                && Input.Text.AsSpan(Input.Tokens[t].End, Input.Tokens[verbToken].Start - Input.Tokens[t].End).IndexOf(',') >= 0;
        }
    }

    // "the first time the rebels have been in the city since they were driven out in 2014", « une première depuis le début
    // de la guerre en 2011 », « في أول دخول لها منذ عام 2016 », « 2016'dan bu yana ilk kez »: a year counted from after a
    // first is news, unless a clause about that year follows (« depuis 2016, lorsque… »).
    private bool FirstTimeSince(SentenceView sentence, DateMention date)
    {
        if (sentence.ClauseWordAfter(date.End))
        {
            return false;
        }

        var (year, afterYear) = (sentence.IndexOfOffset(date.Start), sentence.IndexOfOffset(date.End));
        var firsts = PhrasesBetween(vocabulary.FirstTimeWords, sentence, sentence.Start, sentence.End);
        return PhrasesBetween(vocabulary.SinceWords, sentence, sentence.Start, sentence.End).Any(since =>
            (since.Last < year && firsts.Any(f => f.Last < since.First && since.First - f.Last <= 12 && !sentence.PunctuationBetween(sentence.TokenEnd(f.Last), sentence.TokenStart(since.First))))
            || (since.First == afterYear && firsts.Any(f => f.First > since.Last && f.First - since.Last <= 2)));
    }

    // "The army said it had pulled out of Hama. Rebels reached the city centre.": the side that moves in, in the next
    // sentence, at an anaphor of the withdrawn city, is the withdrawal's gainer (a withdrawal then a named incomer is one
    // withdrawal with the incomer as gainer).
    private static List<ExtractedEvent> IncomerNext(List<ExtractedEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var withdrawal = events[i];
            if (withdrawal is not { Kind: EventKind.ControlChange, Tier: ControlTier.Withdrawn, Place: { } left } || !withdrawal.Gainer.IsUnknown)
            {
                continue;
            }

            var incomer = events.FindIndex(i + 1, e => e is { Kind: EventKind.ControlChange, Place: { } entered } && entered.Place == left.Place
                && e.Source.SentenceStart >= withdrawal.Source.SentenceEnd && e.Source.SentenceStart - withdrawal.Source.SentenceEnd <= 3 && e.Rule.EndsWith(".anaphor", StringComparison.Ordinal)
                && !e.Gainer.IsUnknown && e.Gainer.Side != withdrawal.Loser.Side);
            if (incomer > i)
            {
                events[i] = withdrawal with { Gainer = events[incomer].Gainer, Rule = $"{withdrawal.Rule}.incomerNext" };
                events.RemoveAt(incomer);
            }
        }

        return events;
    }

    // « sont entrés dans X et Y, abandonnées par les milices », "moved into X, deserted by the army": an entry into places
    // a participle of abandoning says another side left is a withdrawal to the side that entered (convention 1).
    private ExtractedEvent AbandonedBy(SentenceView sentence, ExtractedEvent entry)
    {
        if (entry.Tier != ControlTier.Entered || entry.Gainer.IsUnknown || entry.Place is not { IsResolved: true } place)
        {
            return entry;
        }

        var end = sentence.FirstToken + sentence.TokenCount;
        var participle = sentence.FirstTokenFrom(place.Span.End, end, t => vocabulary.AbandonedByWords.Contains(t)
            && sentence.AnyTokenAfter(sentence.IndexOf(t), 1, vocabulary.AgentWords.Contains));
        if (participle < 0 || sentence.Verbs.Any(v => v.Phrase.Value.Role == VerbRole.Control && sentence.TokenStart(v.First) >= place.Span.End && v.First < participle))
        {
            return entry;
        }

        var leaver = sentence.Actors.FirstOrDefault(a => a.Start >= sentence.TokenEnd(participle) && sentence.IndexOfOffset(a.Start) - participle <= 3);
        return leaver is null || leaver.Actor.Side == entry.Gainer.Side ? entry
            : entry with { Tier = ControlTier.Withdrawn, Loser = leaver.Actor.IsUnknown ? entry.Loser : leaver.Actor, Rule = $"{entry.Rule}.abandonedBy" };
    }

    // "Aid trucks reached Azaz", « des ambulances sont arrivées à X », « وصلت قوافل المساعدات », « yardım konvoyu ulaştı »:
    // non-combatants just before the verb (just after it in Arabic) move no front line.
    private bool NonCombatantSubject(SentenceView sentence, PhraseMatch<VerbRule> verb, VerbRule rule)
    {
        var window = rule.ObjectBeforeVerb ? 6 : 4;
        var before = PhrasesBetween(vocabulary.NonCombatants, sentence, sentence.TokenStart(Math.Max(sentence.FirstToken, verb.First - window)), sentence.TokenStart(verb.First));
        var after = rule.Language == "ar" ? PhrasesBetween(vocabulary.NonCombatants, sentence, sentence.TokenEnd(verb.Last), sentence.TokenEnd(Math.Min(sentence.FirstToken + sentence.TokenCount - 1, verb.Last + 3))) : [];
        return before.Any(m => !sentence.PunctuationBetween(sentence.TokenEnd(m.Last), sentence.TokenStart(verb.First))) || after.Any(m => m.First == verb.Last + 1);
    }

    // "as government forces melted away", « alors que l'armée se débandait »: the side named just before a word of collapse.
    private bool Collapses(SentenceView sentence, Actor gainer) =>
        !gainer.IsUnknown && sentence.Actors.Any(a => a.Actor.Side == gainer.Side && sentence.AnyTokenAfter(sentence.IndexOfOffset(a.End) - 1, 3, vocabulary.CollapseWords.Contains));

    // "the highway to Damascus", « la route de Hama »: where a road leads is no place reached.
    private bool RoadDestination(SentenceView sentence, PlaceMention place) =>
        PhrasesBetween(vocabulary.RoadDestinations, sentence, sentence.TokenStart(Math.Max(sentence.FirstToken, sentence.IndexOfOffset(place.Span.Start) - 3)), place.Span.Start)
            .Any(m => m.Last == sentence.IndexOfOffset(place.Span.Start) - 1 || (m.Last == sentence.IndexOfOffset(place.Span.Start) - 2 && sentence.Input.Tokens[m.Last + 1].Key is "the" or "la" or "le"));

    // "pushed the rebels back from X and retook Y": the side right after a word of pushing back is its object.
    private bool PushedBack(SentenceView sentence, ActorMention actor) =>
        sentence.AnyTokenBefore(sentence.IndexOfOffset(actor.Start), 2, vocabulary.PushBackWords.Contains);

    // "Troops abandoned X and the SDF took over the city": a taking at a word for the place just left is the incomer's
    // move, so one withdrawal with the taker as gainer (convention 1); "took the city after the army fled" stays a capture.
    private List<ExtractedEvent> TakerAfterWithdrawal(SentenceView sentence, List<ExtractedEvent> controls)
    {
        if (sentence.TokensWhere(vocabulary.AfterWords.Contains))
        {
            return controls;
        }

        var result = new List<ExtractedEvent>(controls);
        foreach (var withdrawn in controls.Where(e => e.Tier == ControlTier.Withdrawn && e.Place?.Place is not null))
        {
            var taker = result.Find(e => e.Tier == ControlTier.Claimed && e.Place?.Place == withdrawn.Place!.Place && e.Rule.EndsWith(".anaphor", StringComparison.Ordinal)
                && !e.Gainer.IsUnknown && e.Gainer.Side != withdrawn.Loser.Side);
            if (taker is not null && sentence.Actors.Any(a => a.Actor == taker.Gainer && Conjoined(sentence, sentence.IndexOfOffset(a.Start))))
            {
                result.Remove(taker);
                result[result.IndexOf(withdrawn)] = withdrawn with { Gainer = taker.Gainer, Rule = $"{withdrawn.Rule}.takerAfter" };
            }
        }

        return result;
    }

    // "…, and the SDF took over": a side after a conjunction word (at most an article between) opens a clause of its own.
    private static bool Conjoined(SentenceView sentence, int token) =>
        Enumerable.Range(token - 2, 2).Any(k => k >= sentence.FirstToken && sentence.OnlyConjunction(sentence.TokenStart(k), sentence.TokenStart(k + 1)));

    // "fell to the rebels, who also hold X": the side that took the first place holds the place named right after the phrase.
    private IEnumerable<ExtractedEvent> HeldToo(SentenceView sentence, List<ExtractedEvent> controls)
    {
        foreach (var hold in InSentence(sentence, vocabulary.CityHolds, controls))
        {
            var place = sentence.Places.FirstOrDefault(p => p.IsResolved && !IsAreal(p) && p.Span.Start >= sentence.TokenEnd(hold.Last) && sentence.IndexOfOffset(p.Span.Start) - hold.Last <= 2);
            if (place is null || controls.Exists(c => c.Place?.Place?.Id == place.Place!.Id)
                || controls.LastOrDefault(c => c.Tier == ControlTier.Claimed && !c.Gainer.IsUnknown && c.Place is { } taken && taken.Span.End <= sentence.TokenStart(hold.First)) is not { } control)
            {
                continue;
            }

            yield return control with { Place = place, Rule = $"{control.Rule}.heldToo", Confidence = Round(control.Confidence * 0.9) };
        }
    }

    // « دخلوا أجزاء من مدينة X، وإن القوات المسلحة نفذت عملية إعادة انتشار », "entered parts of X and the army redeployed":
    // an entry followed by the other side's redeployment, with no other place named, is a withdrawal to the side that entered.
    private ExtractedEvent Redeployed(SentenceView sentence, ExtractedEvent entry)
    {
        if (entry.Tier != ControlTier.Entered || entry.Gainer.IsUnknown || entry.Place is not { IsResolved: true } place)
        {
            return entry;
        }

        var phrase = PhrasesBetween(vocabulary.RedeploymentWords, sentence, place.Span.End, sentence.End).FirstOrDefault();
        if (phrase is null || sentence.Places.Any(p => p.IsResolved && p.Span.Start >= place.Span.End && p.Place!.Id != place.Place!.Id && !IsAreal(p)))
        {
            return entry;
        }

        // « ses forces », « القوات المسلحة »: in a report of the entry, forces named by no side are the holder's, when the side
        // that entered is not.
        var leaver = sentence.Input.Actors.LastOrDefault(a => a.Start >= place.Span.End && a.End <= sentence.TokenStart(phrase.First) && !a.Actor.IsUnknown && a.Actor.Side != entry.Gainer.Side)?.Actor
            ?? (entry.Gainer.Side != options.DefaultHolderSide && sentence.AnyTokenBefore(sentence.IndexOfOffset(place.Span.Start), ObjectWindow, vocabulary.ReportingVerbs.Contains)
                ? actors.ByKey.GetValueOrDefault(options.DefaultHolderSide) : null);
        return leaver is null ? entry : entry with { Tier = ControlTier.Withdrawn, Loser = leaver, Rule = $"{entry.Rule}.redeployed" };
    }

    // « deux quartiers de l'ouest d'Alep, X et Y », "two districts in western Homs, X and Y", « حيين في غرب حلب، X و Y »: a
    // city after a count of its parts, with their names after a comma, only frames the list; the parts changed hands.
    private bool FramesParts(SentenceView sentence, List<PlaceMention> all, int i)
    {
        if (i < 0 || i + 1 >= all.Count || all[i].Place?.Kind != PlaceKind.City || !sentence.OwnerWordBefore(all[i], vocabulary.OwnerWords)
            || sentence.Input.Text.AsSpan(all[i].Span.End, all[i + 1].Span.Start - all[i].Span.End).Trim().ToString() is not ("," or "،"))
        {
            return false;
        }

        var t = sentence.IndexOfOffset(all[i].Span.Start);
        for (var k = Math.Max(sentence.FirstToken, t - PartsWindow); k < t; k++)
        {
            var token = sentence.Input.Tokens[k];
            if (vocabulary.PartNouns.Contains(token)
                && (vocabulary.CountWords.Contains(token) || (k > sentence.FirstToken && (vocabulary.CountWords.Contains(sentence.Input.Tokens[k - 1])
                    || int.TryParse(sentence.Input.Tokens[k - 1].Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))))
            {
                return true;
            }
        }

        return false;
    }

    // "Qamhana, a town north of Hama whose militia is loyal to Damascus": a place inside a relative of possession, or right
    // after a word of allegiance, only describes the verb's object.
    private bool Describes(SentenceView sentence, PhraseMatch<VerbRule> verb, PlaceMention place)
    {
        var t = sentence.IndexOfOffset(place.Span.Start);
        if (sentence.AnyTokenBefore(t, 2, vocabulary.AllegianceWords.Contains))
        {
            return true;
        }

        for (var k = t - 1; k > verb.Last; k--)
        {
            if (vocabulary.PossessiveRelatives.Contains(sentence.Input.Tokens[k]))
            {
                return sentence.Places.Any(p => p.Span.End <= sentence.Input.Tokens[k].Start && p.Span.Start >= sentence.TokenEnd(verb.Last))
                    && sentence.SameClause(sentence.Input.Tokens[k].Start, place.Span.Start);
            }
        }

        return false;
    }

    // Stretches of a sentence that tell a place's past while the rest tells news: the clause between "since" and its year in
    // "the first time they had entered the city since the army retook it in 2014" (not "the first time since 2016 that
    // rebels entered…"), and a comma-bounded aside right after a place with a
    // relative word before its verb ("Khan Shaykhun, a town that the army recaptured in 2019, fell", « Kafranbel, bourgade
    // que le régime avait reprise en 2019, est tombée »). Their verbs give no event; the sentence's other verbs do.
    private List<(int Start, int End)> HistorySpans(SentenceView sentence)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var date in sentence.Dates.Where(d => d.Year is { } y && y < sentence.Input.Published.Year))
        {
            var end = sentence.NextComma(date.End);
            if (FirstTimeSince(sentence, date))
            {
                var year = sentence.IndexOfOffset(date.Start);
                var since = PhrasesBetween(vocabulary.SinceWords, sentence, sentence.Start, sentence.End).LastOrDefault(s => s.Last < year);
                if (since is not null)
                {
                    spans.Add((sentence.TokenStart(since.First), date.End));
                }

                continue;
            }

            var comma = sentence.LastCommaBefore(date.Start, sentence.Start);
            var inside = sentence.Verbs.Where(v => sentence.TokenStart(v.First) > comma && sentence.TokenEnd(v.Last) <= end).ToList();
            if (comma < 0 || inside.Count == 0 || !sentence.Verbs.Any(v => sentence.TokenStart(v.First) > end)
                || !sentence.Places.Any(p => p.IsResolved && p.Span.End <= comma && sentence.Input.Text.AsSpan(p.Span.End, comma - p.Span.End).Trim().IsEmpty))
            {
                continue;
            }

            var relative = sentence.FirstTokenFrom(comma + 1, inside[0].First, t => vocabulary.RelativeWords.Contains(t));
            if (relative >= 0)
            {
                spans.Add((comma, end));
            }
        }

        return spans;
    }

    // "withdrew from X, without saying who had taken over the town", « sans que l'on sache qui a pris la ville »: after a
    // withdrawal, a verb of taking whose subject is asked about tells no capture, least of all by the side that left.
    private bool UnknownTaker(SentenceView sentence, PhraseMatch<VerbRule> verb) =>
        verb.Phrase.Value.Role == VerbRole.Control && sentence.Verbs.Any(w => w.Last < verb.First && w.Phrase.Value.Tier == ControlTier.Withdrawn) && PhrasesBetween(vocabulary.UnknownTakers, sentence, sentence.Start, sentence.TokenStart(verb.First))
            .Any(p => p.Last < verb.First && verb.First - p.Last <= 3 && !sentence.Actors.Any(a => a.Start > sentence.TokenEnd(p.Last) && a.End <= sentence.TokenStart(verb.First)));

    // The places after a list continuation ("along with", « ainsi que ») that follows a verb, in its clause, up to the next verb.
    private List<PlaceMention> ListedAfter(SentenceView sentence, IReadOnlyList<PhraseMatch<VerbRule>> verbs, int v)
    {
        var end = v + 1 < verbs.Count ? sentence.TokenStart(verbs[v + 1].First) : sentence.End;
        var continuation = PhrasesBetween(vocabulary.ListContinuations, sentence, sentence.TokenEnd(verbs[v].Last), end).FirstOrDefault();
        if (continuation is null || sentence.Input.Text.AsSpan(sentence.TokenEnd(verbs[v].Last), sentence.TokenStart(continuation.First) - sentence.TokenEnd(verbs[v].Last)).IndexOf(';') >= 0)
        {
            return [];
        }

        var from = sentence.TokenEnd(continuation.Last);
        var to = Math.Min(end, sentence.NextComma(from));
        return [.. sentence.Places.Where(p => p.IsResolved && p.Span.Start >= from && p.Span.End <= to && !IsAreal(p))];
    }

    // « sont entrés dans Alep, où ils se sont déployés dans le quartier de X »: a deployment in a where-clause after an entry
    // is the same side moving on into the place, no deployment waiting for a departure.
    private bool DeployedAfterEntry(SentenceView sentence, PhraseMatch<VerbRule> verb) =>
        sentence.Verbs.Any(e => e.Last < verb.First && e.Phrase.Value is { Role: VerbRole.Control, Tier: ControlTier.Entered, AfterDeparture: false }
            && sentence.AnyTokenInside(e.Last, verb.First, vocabulary.WhereWords.Contains));

    // « بعد دخول أعداد كبيرة من الإرهابيين إلى مدينة حلب » (after large numbers of terrorists entered Aleppo): an action noun's
    // own side, a few words after it, then a word of destination right before the place (past its kind word).
    private bool ActorBeforeDestination(SentenceView sentence, PhraseMatch<VerbRule> verb, PlaceMention place)
    {
        var actor = sentence.Actors.FirstOrDefault(a => a.Start > sentence.TokenEnd(verb.Last) && a.End <= place.Span.Start);
        if (actor is null || sentence.IndexOfOffset(actor.Start) - verb.Last > 4 || sentence.PunctuationBetween(sentence.TokenEnd(verb.Last), place.Span.Start))
        {
            return false;
        }

        var (from, to) = (sentence.IndexOfOffset(actor.End), sentence.IndexOfOffset(place.Span.Start));
        return to - from is >= 1 and <= 2 && vocabulary.Destinations.Contains(sentence.Input.Tokens[from]);
    }

    // « سراقب شرقي إدلب », "Saraqib, east of Idlib": a place right after another one, behind a direction or a locator word,
    // only says where the first one is.
    private bool Locates(SentenceView sentence, PlaceMention place)
    {
        var window = sentence.Places.Where(p => p.IsResolved && p.Span.End <= place.Span.End).ToList();
        return place.Span.Cue.Relation == CueRelation.Direction || (window.Count > 1 && window[^1] == place && Apposition(sentence, window, window.Count - 1));
    }

    // "the research centre on Aleppo's western edge", « à la lisière ouest d'Alep »: a place whose edge the verb's object stands
    // on, behind a word of where, only locates it; "reached Aleppo's western edge" (the edge the verb's own object) is reached.
    private bool EdgeLocates(SentenceView sentence, PhraseMatch<VerbRule> verb, PlaceMention place)
    {
        var tokens = sentence.Input.Tokens;
        var (first, after) = (sentence.IndexOfOffset(place.Span.Start), sentence.IndexOfOffset(place.Span.End));
        var text = sentence.Input.Text;
        var possessive = Possessive(text, place.Span.End) || (place.Span.End >= 2 && Possessive(text, place.Span.End - 2));
        int edge;
        if (possessive && sentence.AnyTokenAfter(after - 1, 4, vocabulary.EdgeWords.Contains))
        {
            edge = first;
        }
        else
        {
            edge = sentence.LastTokenBefore(first, 4, vocabulary.EdgeWords.Contains);
        }

        if (edge < 0 || edge <= verb.Last)
        {
            return false;
        }

        for (var t = edge - 1; t > verb.Last && t >= edge - 3; t--)
        {
            if (vocabulary.EdgePrepositions.Contains(tokens[t]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Possessive(string text, int at) => at + 1 < text.Length && text[at] is '\'' or '’' && char.ToLowerInvariant(text[at + 1]) == 's';

    // "Residents said the army had abandoned X": civilians who speak before the verb are its source, not its subject.
    private bool CivilianBefore(SentenceView sentence, PhraseMatch<VerbRule> verb, int window)
    {
        var civilian = sentence.LastTokenBefore(verb.First, window, vocabulary.Civilians.Contains);
        return civilian >= 0 && !sentence.AnyTokenInside(civilian, verb.First, t => vocabulary.ReportingVerbs.Contains(t) || vocabulary.SayWords.Contains(t));
    }

    // "Army positions in Morek were abandoned", « les positions de l'armée à Morek ont été abandonnées »: the place that
    // locates the positions a passive withdrawal left is the place left.
    private bool PositionsAt(SentenceView sentence, PlaceMention place)
    {
        var first = sentence.IndexOfOffset(place.Span.Start);
        var positions = sentence.LastTokenBefore(first, PositionWindow, vocabulary.PositionNouns.Contains);
        return positions >= 0 && !sentence.PunctuationBetween(sentence.TokenEnd(positions), place.Span.Start);
    }

    // « ont évacué Tall Rifaat, où se sont déployés les supplétifs de la Turquie »: a deployment in a where-clause after a
    // withdrawal is the side moving into the place just left.
    private bool DeployedAfterWithdrawal(SentenceView sentence, PhraseMatch<VerbRule> verb) =>
        sentence.Verbs.Any(e => e.Last < verb.First && e.Phrase.Value is { Role: VerbRole.Control, Tier: ControlTier.Withdrawn, AfterDeparture: false }
            && sentence.AnyTokenInside(e.Last, verb.First, vocabulary.WhereWords.Contains));

    // « X'i ele geçirdikleri yönündeki haberleri yalanladı »: a verb of taking before a report noun and a later denial verb
    // is what the reports said, and the denial is the event (verb-final languages deny after the denied clause).
    private bool DeniedReport(SentenceView sentence, IReadOnlyList<PhraseMatch<VerbRule>> verbs, int v) =>
        verbs[v].Phrase.Value.Role == VerbRole.Control && verbs.Skip(v + 1).Any(d => d.Phrase.Value.Role == VerbRole.Denial
            && Enumerable.Range(verbs[v].Last + 1, Math.Max(0, d.First - verbs[v].Last - 1)).Any(t => vocabulary.DeniedReportNouns.Contains(sentence.Input.Tokens[t])));

    // « Muhalifler Hama'yı kontrolüne aldı. Rejim güçleri, kentten çekildiklerini açıkladı. »: a withdrawal from a city word
    // in the sentence after another side's capture of that city is the same change told from the loser's side; after an
    // entry it makes the entry a withdrawal to the side that entered (convention 1).
    private static List<ExtractedEvent> WithdrawalNext(List<ExtractedEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var taking = events[i];
            if (taking is not { Kind: EventKind.ControlChange, Tier: ControlTier.Claimed or ControlTier.Entered, Place: { } taken } || taking.Gainer.IsUnknown)
            {
                continue;
            }

            var withdrawal = events.FindIndex(i + 1, e => e is { Kind: EventKind.ControlChange, Tier: ControlTier.Withdrawn, Place: { } left } && left.Place == taken.Place
                && e.Source.SentenceStart >= taking.Source.SentenceEnd && e.Source.SentenceStart - taking.Source.SentenceEnd <= 3 && e.Rule.EndsWith(".anaphor", StringComparison.Ordinal)
                && e.Gainer.IsUnknown && e.Loser.Side != taking.Gainer.Side);
            if (withdrawal > i)
            {
                var left = events[withdrawal];
                events[i] = taking.Tier == ControlTier.Entered
                    ? taking with { Tier = ControlTier.Withdrawn, Loser = taking.Loser.IsUnknown ? left.Loser : taking.Loser, Rule = $"{taking.Rule}.withdrawalNext", MoreSources = [.. taking.MoreSources, left.Source] }
                    : taking with { Loser = taking.Loser.IsUnknown ? left.Loser : taking.Loser, MoreSources = [.. taking.MoreSources, left.Source] };
                events.RemoveAt(withdrawal);
            }
        }

        return events;
    }

    // « kentin batısındaki mevzilerini terk etti »: a city word whose next word is a locative of direction (« batısındaki »)
    // only says where the positions are; leaving them is not leaving the city.
    private bool LocatingAnaphor(SentenceView sentence, PhraseMatch<string> anaphor) =>
        anaphor.Last + 1 < sentence.Input.Tokens.Count && sentence.TokenStart(anaphor.Last + 1) < sentence.End
            && vocabulary.LocatorSuffixes.Any(x => sentence.Input.Tokens[anaphor.Last + 1].Key.EndsWith(x, StringComparison.Ordinal))
            && vocabulary.GenitiveSuffixes.Any(x => sentence.Input.Tokens[anaphor.Last].Key.EndsWith(x, StringComparison.Ordinal));

    // The place an object participle hangs on, starting at a token: past a genitive city and a locative of direction that
    // only locate it (« çekildiği Halep'in doğusundaki Deyr Hafir'e »).
    private PlaceMention? ParticipleObject(SentenceView sentence, int token)
    {
        var place = token < sentence.Input.Tokens.Count ? sentence.Places.FirstOrDefault(p => p.IsResolved && p.Span.Start == sentence.TokenStart(token)) : null;
        var next = place is null ? -1 : sentence.IndexOfOffset(place.Span.End);
        if (place is null || !HasSuffix(place, vocabulary.GenitiveSuffixes) || next + 1 >= sentence.Input.Tokens.Count || sentence.TokenStart(next + 1) >= sentence.End
            || !vocabulary.LocatorSuffixes.Any(x => sentence.Input.Tokens[next].Key.EndsWith(x, StringComparison.Ordinal)))
        {
            return place;
        }

        return sentence.Places.FirstOrDefault(p => p.IsResolved && p.Span.Start == sentence.TokenStart(next + 1)) ?? place;
    }

    // « kent merkezinin kontrolünü ele geçirdi »: the city centre's control is the city; the city centre's anything else is not.
    private bool UnheadedAnaphor(SentenceView sentence, PhraseMatch<string> anaphor) =>
        vocabulary.HeadedAnaphors.Contains(string.Join(' ', Enumerable.Range(anaphor.First, anaphor.Last - anaphor.First + 1).Select(t => sentence.Input.Tokens[t].Key)))
            && !(anaphor.Last + 1 < sentence.Input.Tokens.Count && sentence.TokenStart(anaphor.Last + 1) < sentence.End && vocabulary.AnaphorHeads.Contains(sentence.Input.Tokens[anaphor.Last + 1]));

    // « Hama'ya girdiği, ordunun ise şehrin doğusundaki mevzilerinden çekildiği »: a verb a few words after a city word that
    // only locates positions leaves those positions, not the place named before.
    private bool LeavesPositions(SentenceView sentence, int token) =>
        sentence.Anaphors.Any(a => a.Last < token && token - a.Last == 3 && LocatingAnaphor(sentence, a) && vocabulary.PositionNouns.Contains(sentence.Input.Tokens[a.Last + 2]));
}
