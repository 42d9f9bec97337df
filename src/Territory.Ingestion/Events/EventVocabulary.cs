using System.Collections.Frozen;
using System.Text.Json;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Events;

/// <summary>What a matched phrase says.</summary>
public enum VerbRole
{
    Control,
    Strike,
    Denial,

    /// <summary>A movement with no arrival ("were advancing on", « avançaient vers »): no event, but a verb all the same.</summary>
    Movement,
}

/// <summary>A verb phrase of data/vocabulary/events.json with its meaning.</summary>
/// <param name="Passive">The place is the subject and the gainer follows (« tombée aux mains de », "fell to").</param>
/// <param name="ObjectBeforeVerb">The language puts the object before the verb (Turkish).</param>
/// <param name="Nominal">
/// An action noun (« la prise de », "the capture of", "the fall of", سقوط): the place follows it closely and the gainer is
/// the agent it names (« par les rebelles », "to the insurgents", بيد الفصائل); failing that, the subject of the clause
/// for a taking (« les rebelles ont revendiqué la prise de »), nobody for a fall (<paramref name="Passive"/>).
/// </param>
/// <param name="ObjectInside">The place stands inside the phrase's gap ("declared Saraqib liberated").</param>
public sealed record VerbRule(VerbRole Role, ControlTier? Tier, bool Passive, bool Retake, bool ObjectBeforeVerb, string Language, string Text, bool Nominal = false, bool ObjectInside = false)
{
    /// <summary>The side named is the loser and the gainer is unknown ("the army lost control of", خارج سيطرة النظام).</summary>
    public bool SubjectLoses { get; init; }

    /// <summary>A short, common verb ("took", « perdu »): its place follows it closely, else it has another sense ("took place").</summary>
    public bool Close { get; init; }

    /// <summary>
    /// A deployment ("deployed in", « se sont installées à »): an entry only when the sentence tells the holder's departure
    /// after it ("after the army left").
    /// </summary>
    public bool AfterDeparture { get; init; }
}

/// <summary>Words of one kind in every language, matched on folded words (a trailing * is a stem).</summary>
public sealed class WordSet
{
    private readonly FrozenSet<string> _exact;
    private readonly string[] _stems;

    public WordSet(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var patterns = words.SelectMany(WordPattern.ParsePhrase).ToList();
        _exact = patterns.Where(p => !p.IsStem).Select(p => p.Word).ToFrozenSet(StringComparer.Ordinal);
        _stems = [.. patterns.Where(p => p.IsStem).Select(p => p.Word)];
    }

    public bool Contains(TextToken token)
    {
        if (_exact.Contains(token.Key))
        {
            return true;
        }

        foreach (var stem in _stems)
        {
            if (token.Key.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The event vocabulary of every language (data/vocabulary/events.json): control, strike and denial phrases in one matcher
/// (the longest phrase wins: « repris le contrôle de certaines positions » is a counter-claim, not a capture), plus
/// casualty words, claim units, negations, hedges, destination words and the organisations that count and report.
/// </summary>
public sealed class EventVocabulary
{
    private EventVocabulary()
    {
    }

    public PhraseMatcher<VerbRule> Verbs { get; private init; } = null!;

    public WordSet Air { get; private init; } = null!;

    public WordSet Ground { get; private init; } = null!;

    public PhraseMatcher<string> Casualties { get; private init; } = null!;

    public PhraseMatcher<string> ClaimUnits { get; private init; } = null!;

    public WordSet Negations { get; private init; } = null!;

    public WordSet Hedges { get; private init; } = null!;

    public WordSet Destinations { get; private init; } = null!;

    /// <summary>Words that stand for a city already named (« la ville », "the town", « şehri »), to the city they stand for.</summary>
    public PhraseMatcher<string> Anaphors { get; private init; } = null!;

    /// <summary>
    /// Words for a place of another kind named like the place just named ("the town of the same name", « la ville du même
    /// nom », « aynı adı taşıyan », « التي تحمل الاسم نفسه »).
    /// </summary>
    public PhraseMatcher<string> Namesakes { get; private init; } = null!;

    /// <summary>A relative clause saying its side holds something ('who also control', « qui contrôlent »): with a city word after it, that city.</summary>
    public PhraseMatcher<string> CityHolds { get; private init; } = null!;

    /// <summary>Words opening the list a count is made of (« dont », "among them"): the places after them were taken.</summary>
    public WordSet ListMarkers { get; private init; } = null!;

    /// <summary>Civilians: a withdrawal verb said of them is flight, not a change of control.</summary>
    public WordSet Civilians { get; private init; } = null!;

    /// <summary>Supplies and shops: a taking verb whose object is one (« prennent d'assaut les boulangeries », "stormed the petrol stations") has another sense.</summary>
    public WordSet CivilianObjects { get; private init; } = null!;

    /// <summary>Words after which places are the ends of a road (« reliant Damas à Alep », "between Aleppo and Damascus").</summary>
    public WordSet RoadEnds { get; private init; } = null!;

    /// <summary>Words before a place that make it say where the object before it is (« à l'ouest d'Alep », « شرقي حلب »).</summary>
    public WordSet LocatorWords { get; private init; } = null!;

    /// <summary>Articles before a place used as an adjective ("a Hama activist network").</summary>
    public WordSet AttributiveArticles { get; private init; } = null!;

    /// <summary>Endings after an apostrophe that make a place locate something else (Turkish « İdlib'deki »).</summary>
    public IReadOnlyList<string> LocatorSuffixes { get; private init; } = [];

    /// <summary>Genitive endings after an apostrophe (Turkish « Hama'nın kuzeyi »): the place owns what is taken.</summary>
    public IReadOnlyList<string> GenitiveSuffixes { get; private init; } = [];

    /// <summary>Words opening a clause that tells what came first (« après », "after", « بعد »; « ardından » follows in Turkish).</summary>
    public WordSet AfterWords { get; private init; } = null!;

    /// <summary>Words for whoever attacks ("the attackers", « les assaillants »): no side by themselves.</summary>
    public WordSet GenericAgents { get; private init; } = null!;

    /// <summary>Words that open a relative clause after a place (« Atareb, que les rebelles ont prise », "Saraqib, which rebels seized").</summary>
    public WordSet RelativeWords { get; private init; } = null!;

    /// <summary>Prepositions that make a place say where something is ("prices in Aleppo fell"): not the subject of a passive.</summary>
    public WordSet LocativeWords { get; private init; } = null!;

    /// <summary>Words just before an actor that make it the agent of an action noun (« par », "by", "to", بيد).</summary>
    public WordSet AgentWords { get; private init; } = null!;

    /// <summary>Endings of a verb's last word that make it future or intended (Turkish « ele geçirecek », « girmeyi »).</summary>
    public IReadOnlyList<string> HedgeEndings { get; private init; } = [];

    /// <summary>Words after a genitive place naming a part of it (Turkish « Halep'in büyük bölümünü »): the place is still taken.</summary>
    public WordSet PartWords { get; private init; } = null!;

    /// <summary>Words before a taking that say a hold goes on ("remained", « reste », لا تزال, « hâlâ »).</summary>
    public WordSet StativeWords { get; private init; } = null!;

    /// <summary>Abstract nouns that make a taking verb another sense ("panic seized", سيطر الذعر).</summary>
    public WordSet AbstractSubjects { get; private init; } = null!;

    /// <summary>Generic area nouns ("all the areas", « toutes les zones », المناطق): a threat's object that a relative clause describes.</summary>
    public WordSet AreaNouns { get; private init; } = null!;

    /// <summary>Words before a participle or infinitive of sequence ("after seizing", « avant de prendre »).</summary>
    public WordSet SequenceWords { get; private init; } = null!;

    /// <summary>Words before a verb that put its subject after it (« où sont entrés les rebelles »).</summary>
    public WordSet InversionWords { get; private init; } = null!;

    /// <summary>Units of distance (« à 5 km de », "within 10 km of"): the place they measure from is a centre, not what changed hands.</summary>
    public WordSet DistanceUnits { get; private init; } = null!;

    /// <summary>Words before a place that make it the owner of a general object (« quartiers d'Alep », "districts of Aleppo").</summary>
    public WordSet OwnerWords { get; private init; } = null!;

    /// <summary>Words right after a side named past a withdrawal that say it moved in (« où les FDS se sont déployées », "where the SDF deployed").</summary>
    public WordSet MoveInWords { get; private init; } = null!;

    /// <summary>Endings of conditional verbs (« couperait », « ferait »): what a noun before them names is hypothetical.</summary>
    public IReadOnlyList<string> ConditionalEndings { get; private init; } = [];

    /// <summary>Endings of a participle (", taking X", « , s'emparant de X »): after a comma it has the main clause's subject.</summary>
    public IReadOnlyList<string> ParticipleEndings { get; private init; } = [];

    /// <summary>Verbs of saying (« a indiqué », "said", أعلن, « açıkladı »): a day right after one dates the report, not the event.</summary>
    public WordSet ReportingVerbs { get; private init; } = null!;

    /// <summary>Words of the present state ("now", « désormais », الآن, « artık »): just before a verb, its clause is undated.</summary>
    public WordSet NowWords { get; private init; } = null!;

    /// <summary>Words that ask which side (« quelles factions », "which group", أي, « hangi »): the actor after one is no evidence.</summary>
    public WordSet QuestionWords { get; private init; } = null!;

    /// <summary>Words of backing before the backer ("backed by", « soutenue par », المدعومة): the actor they name backs the subject.</summary>
    public WordSet BackingWords { get; private init; } = null!;

    /// <summary>Words of backing after the backer ("Russia-backed", « Rus destekli »).</summary>
    public WordSet BackedWords { get; private init; } = null!;

    /// <summary>Words of holding before the holder (« tenue par », الخاضعة لسيطرة): the actor they name holds the place.</summary>
    public WordSet HeldByWords { get; private init; } = null!;

    /// <summary>Words of holding after the holder ("SDF-held", « YPG'nin kontrolündeki »).</summary>
    public WordSet HeldWords { get; private init; } = null!;

    /// <summary>Possessives opening an attack's object ("its positions", « ses positions », نقاطها): the defender's own ground.</summary>
    public WordSet OwnPositionWords { get; private init; } = null!;

    /// <summary>Words opening a cleft sentence (« c'est … que », "it was … that").</summary>
    public PhraseMatcher<string> CleftOpeners { get; private init; } = null!;

    /// <summary>Words for the taker's own forces between an action noun and its place (« leur entrée dans », دخول قواتها إلى).</summary>
    public WordSet PossessedForces { get; private init; } = null!;

    /// <summary>Endings of a Turkish subject participle (« ele geçiren muhalifler »): its subject is the actor after it.</summary>
    public IReadOnlyList<string> RelativeParticipleEndings { get; private init; } = [];

    /// <summary>Endings of a Turkish object participle (« çekildiği Menbiç »): its place is the one after it.</summary>
    public IReadOnlyList<string> ObjectParticipleEndings { get; private init; } = [];

    /// <summary>Words of the holder's departure ("withdrew", « retrait », انسحاب, « çekilmesinin ») in a clause opened by an after word.</summary>
    public WordSet DepartureWords { get; private init; } = null!;

    /// <summary>Words of not knowing ("unclear", « on ignore », لم يُعرف, « bilinmiyor »): with them a question word asks who.</summary>
    public WordSet UncertaintyWords { get; private init; } = null!;

    /// <summary>Words of the time of day ("late", « tard »): between a verb of saying and its day, the day is still the report's.</summary>
    public WordSet DayPartWords { get; private init; } = null!;

    /// <summary>Words opening a clause of time or contrast ("as", « tandis que »): a side after one moves in only by a verb of its own.</summary>
    public WordSet WhileWords { get; private init; } = null!;

    /// <summary>Words opening a clause of place after a place ("where", « où », حيث): fighting told there is at that place.</summary>
    public WordSet WhereWords { get; private init; } = null!;

    /// <summary>Endings of an Arabic verb that carry its object (« اقتحمها », stormed it): the place just named.</summary>
    public IReadOnlyList<string> ObjectPronounEndings { get; private init; } = [];

    /// <summary>Phrases carrying a list of places on past an aside ("along with", « ainsi que », فضلاً عن).</summary>
    public PhraseMatcher<string> ListContinuations { get; private set; } = null!;

    /// <summary>Words standing for the capital (« la capitale », "the capital", العاصمة): the last city named before them.</summary>
    public PhraseMatcher<string> CapitalAnaphors { get; private set; } = null!;

    /// <summary>Participles of a passive relative after a withdrawal ("which were then taken over by"): its agent moved in.</summary>
    public WordSet PassiveEntryWords { get; private set; } = null!;

    /// <summary>Words naming a leader (« Bachar al-Assad », "President", الرئيس): a person leaving a city is no withdrawal.</summary>
    public WordSet LeaderWords { get; private set; } = null!;

    /// <summary>Words of saying between a relative word and its verb ("which the group said it had captured").</summary>
    public WordSet SayWords { get; private set; } = null!;

    /// <summary>Words of launching ("launched last Wednesday", « lancée samedi »): the day next to them is the launch's.</summary>
    public WordSet LaunchWords { get; private set; } = null!;

    /// <summary>Words before places excepted from a verb ("except", « à l'exception de », باستثناء): no event there.</summary>
    public WordSet ExceptionWords { get; private set; } = null!;

    /// <summary>Turkish words after places excepted from a verb (« hariç »).</summary>
    public WordSet ExceptionPostpositions { get; private set; } = null!;

    /// <summary>Words of most of a place ("most of", « la majeure partie de », معظم): the place changed hands with the places listed after it.</summary>
    public WordSet MajorityWords { get; private set; } = null!;

    /// <summary>Bare words for troops ("troops", "soldiers"): the holder's only as the subject of a retaking.</summary>
    public WordSet BareTroops { get; private set; } = null!;

    /// <summary>
    /// Who attacks when two sides fight: in each pair an actor matching the first (its key, its parent's or its side; « * »
    /// any) attacks one matching the second.
    /// </summary>
    public IReadOnlyList<(string Attacker, string Defender)> AttackerPrecedence { get; private set; } = [];

    /// <summary>Organisations that count and report (SOHR, AFP, Reuters...): their names → a short name.</summary>
    public PhraseMatcher<string> Reporters { get; private init; } = null!;

    /// <summary>An anaphor standing for a city (« la ville »).</summary>
    public const string AnaphorCity = "city";

    /// <summary>An anaphor standing for a town or village (« la localité », "the town").</summary>
    public const string AnaphorTown = "town";

    /// <summary>An anaphor standing for the place just named ("it").</summary>
    public const string AnaphorPronoun = "pronoun";

    /// <summary>The vocabulary compiled into this assembly.</summary>
    public static EventVocabulary Default { get; } = Load(typeof(EventVocabulary).Assembly.GetManifestResourceStream("Vocabulary.events.json")
        ?? throw new InvalidOperationException("Vocabulary.events.json is not embedded"));

    public static EventVocabulary Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var verbs = new List<Phrase<VerbRule>>();
        var casualties = new List<Phrase<string>>();
        var units = new List<Phrase<string>>();
        var anaphors = new List<Phrase<string>>();
        var clefts = new List<Phrase<string>>();
        List<string> air = [], ground = [], negations = [], hedges = [], destinations = [], listMarkers = [], civilians = [], civilianObjects = [], roadEnds = [], locatorWords = [], articles = [], locatorSuffixes = [], genitiveSuffixes = [], afterWords = [], genericAgents = [], relativeWords = [], locativeWords = [], agentWords = [], hedgeEndings = [], partWords = [], stativeWords = [], abstractSubjects = [], areaNouns = [], sequenceWords = [], inversionWords = [], distanceUnits = [], ownerWords = [], moveInWords = [], conditionalEndings = [], participleEndings = [], reportingVerbs = [], nowWords = [], questionWords = [], backingWords = [], backedWords = [], heldByWords = [], heldWords = [], ownPositionWords = [], possessedForces = [], relativeParticipleEndings = [], objectParticipleEndings = [], departureWords = [], uncertaintyWords = [], objectPronounEndings = [], dayPartWords = [], whereWords = [], whileWords = [];
        List<Phrase<string>> namesakes = [], cityHolds = [];
        foreach (var language in document.RootElement.GetProperty("languages").EnumerateObject())
        {
            var entry = language.Value;
            var objectFirst = entry.TryGetProperty("objectBeforeVerb", out var of) && of.GetBoolean();
            foreach (var control in entry.GetProperty("control").EnumerateArray())
            {
                var text = control.GetProperty("phrase").GetString()!;
                var tierKey = control.GetProperty("tier").GetString();
                if (!EventKeys.TryParseTier(tierKey, out var tier))
                {
                    throw new InvalidDataException($"Unknown tier '{tierKey}' for '{text}' ({language.Name}).");
                }

                var voiceKey = control.TryGetProperty("voice", out var voice) ? voice.GetString() : "active";
                if (voiceKey is not ("active" or "passive" or "nominal" or "nominal-passive"))
                {
                    throw new InvalidDataException($"Unknown voice '{voiceKey}' for '{text}' ({language.Name}).");
                }

                var passive = voiceKey is "passive" or "nominal-passive";
                var nominal = voiceKey is "nominal" or "nominal-passive";
                var retake = control.TryGetProperty("retake", out var r) && r.GetBoolean();
                var gap = control.TryGetProperty("gap", out var g) ? g.GetInt32() : 0;
                var inside = control.TryGetProperty("objectInside", out var oi) && oi.GetBoolean();
                var rule = new VerbRule(VerbRole.Control, tier, passive, retake, objectFirst, language.Name, text, nominal, inside)
                {
                    SubjectLoses = control.TryGetProperty("subjectLoses", out var sl) && sl.GetBoolean(),
                    Close = control.TryGetProperty("close", out var cl) && cl.GetBoolean(),
                    AfterDeparture = control.TryGetProperty("afterDeparture", out var ad) && ad.GetBoolean(),
                };
                verbs.Add(new Phrase<VerbRule>(WordPattern.ParsePhrase(text), rule, MaxGap: gap));
            }

            foreach (var (role, property) in new[] { (VerbRole.Strike, "strike"), (VerbRole.Denial, "denial") })
            {
                foreach (var item in entry.GetProperty(property).EnumerateArray())
                {
                    var text = item.GetProperty("phrase").GetString()!;
                    verbs.Add(new Phrase<VerbRule>(WordPattern.ParsePhrase(text), new VerbRule(role, null, false, false, objectFirst, language.Name, text)));
                }
            }

            // « progressent désormais vers »: an adverb may stand inside a movement as inside the verb it outranks.
            verbs.AddRange(Strings(entry, "movement").Select(m => new Phrase<VerbRule>(WordPattern.ParsePhrase(m), new VerbRule(VerbRole.Movement, null, false, false, objectFirst, language.Name, m), MaxGap: 1)));
            // « progressaient jeudi soir vers », "as they pushed on towards": a time phrase or the subject may stand inside.
            verbs.AddRange(Strings(entry, "movementWithTime").Select(m => new Phrase<VerbRule>(WordPattern.ParsePhrase(m), new VerbRule(VerbRole.Movement, null, false, false, objectFirst, language.Name, m), MaxGap: 3)));

            casualties.AddRange(Strings(entry, "casualties").Select(c => new Phrase<string>(WordPattern.ParsePhrase(c), "dead")));
            casualties.AddRange(Strings(entry, "wounded").Select(c => new Phrase<string>(WordPattern.ParsePhrase(c), "wounded")));
            foreach (var unit in entry.GetProperty("claimUnits").EnumerateObject())
            {
                units.AddRange(unit.Value.EnumerateArray().Select(u => new Phrase<string>(WordPattern.ParsePhrase(u.GetString()!), unit.Name)));
            }

            air.AddRange(Strings(entry, "air"));
            ground.AddRange(Strings(entry, "ground"));
            negations.AddRange(Strings(entry, "negation"));
            hedges.AddRange(Strings(entry, "hedges"));
            destinations.AddRange(Strings(entry, "destinations"));
            anaphors.AddRange(Strings(entry, "anaphors").Select(a => new Phrase<string>(WordPattern.ParsePhrase(a), AnaphorCity)));
            anaphors.AddRange(Strings(entry, "townAnaphors").Select(a => new Phrase<string>(WordPattern.ParsePhrase(a), AnaphorTown)));
            namesakes.AddRange(Strings(entry, "namesakes").Select(a => new Phrase<string>(WordPattern.ParsePhrase(a), "namesake")));
            cityHolds.AddRange(Strings(entry, "cityHolds").Select(a => new Phrase<string>(WordPattern.ParsePhrase(a), "hold")));
            anaphors.AddRange(Strings(entry, "pronouns").Select(a => new Phrase<string>(WordPattern.ParsePhrase(a), AnaphorPronoun)));
            locatorWords.AddRange(Strings(entry, "locatorWords"));
            listMarkers.AddRange(Strings(entry, "listMarkers"));
            civilians.AddRange(Strings(entry, "civilians"));
            civilianObjects.AddRange(Strings(entry, "civilianObjects"));
            roadEnds.AddRange(Strings(entry, "roadEnds"));
            articles.AddRange(Strings(entry, "attributiveArticles"));
            locatorSuffixes.AddRange(Strings(entry, "locatorSuffixes"));
            genitiveSuffixes.AddRange(Strings(entry, "genitiveSuffixes"));
            afterWords.AddRange(Strings(entry, "afterWords"));
            genericAgents.AddRange(Strings(entry, "genericAgents"));
            relativeWords.AddRange(Strings(entry, "relativeWords"));
            locativeWords.AddRange(Strings(entry, "locativeWords"));
            agentWords.AddRange(Strings(entry, "agentWords"));
            hedgeEndings.AddRange(Strings(entry, "hedgeEndings").Select(e => NameNormalizer.FoldWord(e)));
            partWords.AddRange(Strings(entry, "partWords"));
            stativeWords.AddRange(Strings(entry, "stativeWords"));
            abstractSubjects.AddRange(Strings(entry, "abstractSubjects"));
            areaNouns.AddRange(Strings(entry, "areaNouns"));
            sequenceWords.AddRange(Strings(entry, "sequenceWords"));
            inversionWords.AddRange(Strings(entry, "inversionWords"));
            distanceUnits.AddRange(Strings(entry, "distanceUnits"));
            ownerWords.AddRange(Strings(entry, "ownerWords"));
            moveInWords.AddRange(Strings(entry, "moveInWords"));
            conditionalEndings.AddRange(Strings(entry, "conditionalEndings"));
            participleEndings.AddRange(Strings(entry, "participleEndings"));
            reportingVerbs.AddRange(Strings(entry, "reportingVerbs"));
            nowWords.AddRange(Strings(entry, "nowWords"));
            questionWords.AddRange(Strings(entry, "questionWords"));
            backingWords.AddRange(Strings(entry, "backingWords"));
            backedWords.AddRange(Strings(entry, "backedWords"));
            heldByWords.AddRange(Strings(entry, "heldByWords"));
            heldWords.AddRange(Strings(entry, "heldWords"));
            ownPositionWords.AddRange(Strings(entry, "ownPositionWords"));
            possessedForces.AddRange(Strings(entry, "possessedForces"));
            clefts.AddRange(Strings(entry, "cleftOpeners").Select(c => new Phrase<string>(WordPattern.ParsePhrase(c), "cleft")));
            relativeParticipleEndings.AddRange(Strings(entry, "relativeParticipleEndings").Select(e => NameNormalizer.FoldWord(e)));
            objectParticipleEndings.AddRange(Strings(entry, "objectParticipleEndings").Select(e => NameNormalizer.FoldWord(e)));
            departureWords.AddRange(Strings(entry, "departureWords"));
            uncertaintyWords.AddRange(Strings(entry, "uncertaintyWords"));
            dayPartWords.AddRange(Strings(entry, "dayPartWords"));
            whereWords.AddRange(Strings(entry, "whereWords"));
            whileWords.AddRange(Strings(entry, "whileWords"));
            objectPronounEndings.AddRange(Strings(entry, "objectPronounEndings").Select(e => NameNormalizer.FoldWord(e)));
        }

        var reporters = new List<Phrase<string>>();
        foreach (var reporter in document.RootElement.GetProperty("reporters").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var name in reporter.Value.EnumerateArray().Select(n => n.GetString()!))
            {
                var upper = name.Length <= 5 && name.All(c => !char.IsLetter(c) || char.IsUpper(c));
                reporters.Add(new Phrase<string>(WordPattern.ParsePhrase(name), reporter.Name, upper));
            }
        }

        var vocabulary = new EventVocabulary
        {
            Verbs = new PhraseMatcher<VerbRule>(verbs),
            Casualties = new PhraseMatcher<string>(casualties),
            ClaimUnits = new PhraseMatcher<string>(units),
            Air = new WordSet(air),
            Ground = new WordSet(ground),
            Negations = new WordSet(negations),
            Hedges = new WordSet(hedges),
            Destinations = new WordSet(destinations),
            Anaphors = new PhraseMatcher<string>(anaphors),
            Namesakes = new PhraseMatcher<string>(namesakes),
            CityHolds = new PhraseMatcher<string>(cityHolds),
            ListMarkers = new WordSet(listMarkers),
            Civilians = new WordSet(civilians),
            CivilianObjects = new WordSet(civilianObjects),
            RoadEnds = new WordSet(roadEnds),
            LocatorWords = new WordSet(locatorWords),
            AttributiveArticles = new WordSet(articles),
            LocatorSuffixes = [.. locatorSuffixes.OrderByDescending(x => x.Length)],
            GenitiveSuffixes = [.. genitiveSuffixes.OrderByDescending(x => x.Length)],
            Reporters = new PhraseMatcher<string>(reporters),
            AfterWords = new WordSet(afterWords),
            GenericAgents = new WordSet(genericAgents),
            RelativeWords = new WordSet(relativeWords),
            LocativeWords = new WordSet(locativeWords),
            AgentWords = new WordSet(agentWords),
            HedgeEndings = [.. hedgeEndings],
            PartWords = new WordSet(partWords),
            StativeWords = new WordSet(stativeWords),
            AbstractSubjects = new WordSet(abstractSubjects),
            AreaNouns = new WordSet(areaNouns),
            SequenceWords = new WordSet(sequenceWords),
            InversionWords = new WordSet(inversionWords),
            DistanceUnits = new WordSet(distanceUnits),
            OwnerWords = new WordSet(ownerWords),
            MoveInWords = new WordSet(moveInWords),
            ConditionalEndings = [.. conditionalEndings],
            ParticipleEndings = [.. participleEndings],
            ReportingVerbs = new WordSet(reportingVerbs),
            NowWords = new WordSet(nowWords),
            QuestionWords = new WordSet(questionWords),
            BackingWords = new WordSet(backingWords),
            BackedWords = new WordSet(backedWords),
            HeldByWords = new WordSet(heldByWords),
            HeldWords = new WordSet(heldWords),
            OwnPositionWords = new WordSet(ownPositionWords),
            CleftOpeners = new PhraseMatcher<string>(clefts),
            PossessedForces = new WordSet(possessedForces),
            RelativeParticipleEndings = [.. relativeParticipleEndings],
            ObjectParticipleEndings = [.. objectParticipleEndings],
            DepartureWords = new WordSet(departureWords),
            UncertaintyWords = new WordSet(uncertaintyWords),
            DayPartWords = new WordSet(dayPartWords),
            WhereWords = new WordSet(whereWords),
            WhileWords = new WordSet(whileWords),
            ObjectPronounEndings = [.. objectPronounEndings],
        };
        vocabulary.LoadLanguageKeys(document.RootElement);
        return vocabulary;
    }

    private static (string Attacker, string Defender) Pair(JsonElement pair) =>
        pair.GetArrayLength() == 2 ? (pair[0].GetString()!, pair[1].GetString()!)
            : throw new InvalidDataException($"An attacker precedence pair has two actors, not {pair.GetArrayLength()}.");

    private static IEnumerable<string> Strings(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];

    /// <summary>Words of a first ("the first time", « une première », أول, « ilk kez »): a year counted from with them is news.</summary>
    public PhraseMatcher<string> FirstTimeWords { get; private set; } = null!;

    /// <summary>Words counting from a year ("since", « depuis », منذ; « bu yana » after it in Turkish).</summary>
    public PhraseMatcher<string> SinceWords { get; private set; } = null!;

    /// <summary>Words before the side a place was taken from ("from", « aux », من): that side is no later verb's subject.</summary>
    public WordSet FromWords { get; private set; } = null!;

    /// <summary>Words of overlooking ("overlooking", « surplombant », المطل, « hakim »): the place overlooked only locates.</summary>
    public WordSet OverlookWords { get; private set; } = null!;

    /// <summary>Turkish words of overlooking after the place overlooked (« Hama'ya hakim »).</summary>
    public WordSet OverlookPostpositions { get; private set; } = null!;

    /// <summary>Words of a suburb ("suburb", « banlieue »): a city next to one, before the suburb's name, only locates it.</summary>
    public WordSet SuburbWords { get; private set; } = null!;

    /// <summary>Endings of a French inverted question (« -ils », « -t-il »): the sentence asks.</summary>
    public IReadOnlyList<string> QuestionInversions { get; private set; } = [];

    /// <summary>Turkish case endings of an actor that make it the one a place was taken from (« PKK/YPG'den », « rejim güçlerinden »): never the gainer.</summary>
    public IReadOnlyList<string> AblativeEndings { get; private set; } = [];

    /// <summary>Turkish postpositions after an actor that make it a target (« rejim güçlerine karşı »): never the gainer.</summary>
    public WordSet TargetPostpositions { get; private set; } = null!;

    /// <summary>Endings of a Turkish converb (« girerken », while entering): its subject is the one before it, not the actor after it.</summary>
    public IReadOnlyList<string> ConverbEndings { get; private set; } = [];

    /// <summary>Turkish locative endings of a place (« Halep'te »): before the verb's own object, it only says where.</summary>
    public IReadOnlyList<string> LocativeEndings { get; private set; } = [];

    /// <summary>Words before a place naming it as where a road leads ("the highway to", « la route de »): the place is no target.</summary>
    public PhraseMatcher<string> RoadDestinations { get; private set; } = null!;

    /// <summary>Words of a side falling apart ("melted away", « se débandait », انهارت): that side gains nothing.</summary>
    public WordSet CollapseWords { get; private set; } = null!;

    /// <summary>Participles of abandoning before an agent ("abandoned by", « désertées par »): the agent left the place.</summary>
    public WordSet AbandonedByWords { get; private set; } = null!;

    /// <summary>Non-combatants ("aid convoys", « ambulances », قوافل المساعدات, « yardım konvoyu »): their arrival changes no control.</summary>
    public PhraseMatcher<string> NonCombatants { get; private set; } = null!;

    /// <summary>Words of pushing a side back ("pushed … back", « repoussé »): the side right after them is an object.</summary>
    public WordSet PushBackWords { get; private set; } = null!;

    /// <summary>Words of a redeployment ("redeployment", « redéploiement », إعادة انتشار): the side named with them left.</summary>
    public PhraseMatcher<string> RedeploymentWords { get; private set; } = null!;

    /// <summary>Count words ('two', « deux », « iki »; an Arabic dual noun, « حيين », counts itself) before a part noun.</summary>
    public WordSet CountWords { get; private set; } = null!;

    /// <summary>Nouns of a city's parts ('districts', « quartiers », « mahalle »): counted before a city, they frame a list.</summary>
    public WordSet PartNouns { get; private set; } = null!;

    /// <summary>Relatives of possession ('whose'): a place in the clause they open after the verb's object only describes it.</summary>
    public WordSet PossessiveRelatives { get; private set; } = null!;

    /// <summary>Words of allegiance ('loyal to', « fidèle à »): the place right after them is whom a side serves, no target.</summary>
    public WordSet AllegianceWords { get; private set; } = null!;

    /// <summary>
    /// Phrases that leave the taker unknown ("without saying who", « sans que l'on sache qui », « لم يعرف من »): a verb of
    /// taking right after one has no subject, and makes no capture.
    /// </summary>
    public PhraseMatcher<string> UnknownTakers { get; private set; } = null!;

    /// <summary>Nouns of a place's edge ('edge', « lisière »): behind an 'edgePrepositions' word after the object, the place only locates it.</summary>
    public WordSet EdgeWords { get; private set; } = null!;

    /// <summary>Words of where before a place's edge ('on', « à »).</summary>
    public WordSet EdgePrepositions { get; private set; } = null!;

    /// <summary>Pronouns for the road's other end ('linking it to Aleppo'): the place after them is still a road's end.</summary>
    public WordSet RoadEndPronouns { get; private set; } = null!;

    /// <summary>
    /// Nouns of military positions ('positions', « postes », « mevzi »): the place locating them is the one a passive withdrawal
    /// left; in Turkish, positions left right after a city word that locates them leave the city kept.
    /// </summary>
    public WordSet PositionNouns { get; private set; } = null!;

    /// <summary>Nouns of reports and claims (« haber », « iddia »): a verb of taking before one and a denial is what is denied.</summary>
    public WordSet DeniedReportNouns { get; private set; } = null!;

    /// <summary>City words of a genitive (« kent merkezinin ») that stand for the city only before an <see cref="AnaphorHeads"/> word.</summary>
    public FrozenSet<string> HeadedAnaphors { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>Nouns (« kontrolünü ») after which a headed anaphor stands for the city.</summary>
    public WordSet AnaphorHeads { get; private set; } = null!;

    // The keys each language block lists beside the older ones (their meanings in the file's '_about…' notes): every
    // language's words go into one set, as the tokens they are matched against carry no language.
    private void LoadLanguageKeys(JsonElement root)
    {
        var languages = root.GetProperty("languages");
        WordSet Words(string key) => new(AllLanguages(languages, key));
        PhraseMatcher<string> Phrases(string key, string tag) =>
            new([.. AllLanguages(languages, key).Select(p => new Phrase<string>(WordPattern.ParsePhrase(p), tag))]);

        ListContinuations = Phrases("listContinuations", "continuation");
        CapitalAnaphors = Phrases("capitalAnaphors", AnaphorCity);
        PassiveEntryWords = Words("passiveEntryWords");
        LeaderWords = Words("leaderWords");
        SayWords = Words("sayWords");
        LaunchWords = Words("launchWords");
        ExceptionWords = Words("exceptionWords");
        ExceptionPostpositions = Words("exceptionPostpositions");
        MajorityWords = Words("majorityWords");
        BareTroops = Words("bareTroops");
        AttackerPrecedence = root.TryGetProperty("attackerPrecedence", out var precedence)
            ? [.. precedence.GetProperty("pairs").EnumerateArray().Select(Pair)]
            : [];

        FirstTimeWords = Phrases("firstTimeWords", "first");
        SinceWords = Phrases("sinceWords", "since");

        FromWords = Words("fromWords");
        OverlookWords = Words("overlookWords");
        OverlookPostpositions = Words("overlookPostpositions");
        SuburbWords = Words("suburbWords");
        QuestionInversions = AllLanguages(languages, "questionInversions");

        AblativeEndings = [.. AllLanguages(languages, "ablativeEndings").OrderByDescending(e => e.Length)];
        TargetPostpositions = Words("targetPostpositions");
        ConverbEndings = [.. AllLanguages(languages, "converbEndings").Select(e => NameNormalizer.FoldWord(e))];
        LocativeEndings = AllLanguages(languages, "locativeEndings");

        RoadDestinations = Phrases("roadDestinations", "road");
        NonCombatants = Phrases("nonCombatants", "noncombatant");
        CollapseWords = Words("collapseWords");
        AbandonedByWords = Words("abandonedByWords");
        PushBackWords = Words("pushBackWords");
        RedeploymentWords = Phrases("redeploymentWords", "redeployment");

        CountWords = Words("countWords");
        PartNouns = Words("partNouns");
        PossessiveRelatives = Words("possessiveRelatives");
        AllegianceWords = Words("allegianceWords");
        UnknownTakers = Phrases("unknownTakers", "unknown");

        EdgeWords = Words("edgeWords");
        EdgePrepositions = Words("edgePrepositions");
        RoadEndPronouns = Words("roadEndPronouns");
        PositionNouns = Words("positionNouns");

        DeniedReportNouns = Words("deniedReportNouns");
        HeadedAnaphors = AllLanguages(languages, "headedAnaphors")
            .Select(a => string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(NameNormalizer.FoldWord))).ToFrozenSet(StringComparer.Ordinal);
        AnaphorHeads = Words("anaphorHeads");
    }

    // One key's list from every language block, in file order.
    private static List<string> AllLanguages(JsonElement languages, string key) =>
        [.. languages.EnumerateObject().SelectMany(l => Strings(l.Value, key))];
}
