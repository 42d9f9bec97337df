using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Domain.Places;

namespace Territory.Ingestion.Geocoding;

/// <summary>One cue phrase: words that say what kind of place follows or precedes, or how a place is used.</summary>
/// <param name="Words">The phrase's folded words, in text order.</param>
/// <param name="After">True when the cue follows the name (« Serakib kasabası », "Idlib province").</param>
public sealed record PlaceCue(IReadOnlyList<string> Words, bool After, PlaceKind? Kind, CueRelation Relation, Bearing Bearing, string Language)
{
    /// <summary>A plural or dual head (« قريتي », « villages »): its kind holds for every name of the list after it.</summary>
    public bool List { get; init; }
}

/// <summary>
/// The place cues of every language (data/vocabulary/places.json): cue phrases, the small words allowed between a
/// cue and a name, Arabic attached prefixes, and words that are also place names and need a cue to count.
/// </summary>
public sealed record PlaceVocabulary
{
    private PlaceVocabulary(IReadOnlyList<PlaceCue> cues, FrozenSet<string> links, IReadOnlyList<string> arabicPrefixes, FrozenDictionary<string, FrozenSet<string>> homographs, FrozenSet<string> genericHeads, FrozenSet<string> titles)
    {
        Titles = titles;
        GenericHeads = genericHeads;
        Cues = cues;
        Links = links;
        ArabicPrefixes = arabicPrefixes;
        Homographs = homographs;
        var before = cues.Where(c => !c.After).GroupBy(c => c.Words[^1]);
        BeforeByLastWord = before.ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<PlaceCue>)[.. g.OrderByDescending(c => c.Words.Count)]);
        AfterByFirstWord = cues.Where(c => c.After).GroupBy(c => c.Words[0])
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<PlaceCue>)[.. g.OrderByDescending(c => c.Words.Count)]);
    }

    public IReadOnlyList<PlaceCue> Cues { get; }

    /// <summary>Words that may stand between a cue and the name (« de », « d' », « la », "of", "the").</summary>
    public FrozenSet<string> Links { get; }

    /// <summary>One-letter Arabic prefixes written attached to a name (و ب ل ف ك...), longest first.</summary>
    public IReadOnlyList<string> ArabicPrefixes { get; }

    /// <summary>Per language, folded single words that are also common words (« mare », "dana"): they count only with a cue.</summary>
    public FrozenDictionary<string, FrozenSet<string>> Homographs { get; }

    /// <summary>True when <paramref name="key"/> is a common word of <paramref name="language"/> (of any language when unknown).</summary>
    public bool IsHomograph(string key, string? language) =>
        language is not null && Homographs.TryGetValue(language, out var words)
            ? words.Contains(key)
            : Homographs.Values.Any(w => w.Contains(key));

    /// <summary>First words of Arabic place names (Kafr, Tal, Khan...), not a place alone when a capitalised word follows.</summary>
    public FrozenSet<string> GenericHeads { get; }

    /// <summary>
    /// Titles written after a place's name (« Halep Valisi », "Aleppo Governor"): the name is still the place's, not
    /// the start of a longer name, but the person holding the title is meant, not the place.
    /// </summary>
    public FrozenSet<string> Titles { get; }

    /// <summary>Cues standing before a name, indexed by their last word (the one next to the name).</summary>
    public FrozenDictionary<string, IReadOnlyList<PlaceCue>> BeforeByLastWord { get; }

    /// <summary>Cues following a name, indexed by their first word.</summary>
    public FrozenDictionary<string, IReadOnlyList<PlaceCue>> AfterByFirstWord { get; }

    // Declared before Default: static fields initialise in order.
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Words that never start a name variant: function words of the supported languages (« plus », « parmi », "the"),
    /// weekdays and months ("Friday" is not Fayruza), and demonyms ("Kurdish").
    /// </summary>
    public FrozenSet<string> FunctionWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Per language, words that are never a place's name on their own, cue or not: the generic heads (« المدينة », « حي »,
    /// « أحياء »), direction adjectives (« الغربي ») and nouns for armed men (« مقاتلو »). Orthographic keys, articles dropped.
    /// </summary>
    public FrozenDictionary<string, FrozenSet<string>> NeverAlone { get; private init; } = FrozenDictionary<string, FrozenSet<string>>.Empty;

    /// <summary>Words joining the names of a list (« et », "and", « و », « ve »), folded.</summary>
    public FrozenSet<string> ListJoiners { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words for an airport named only through the city before it (« son aéroport », مطارها): see <see cref="CityAirports"/>.</summary>
    public FrozenSet<string> AirportWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Possessives that make such an airport the city's ("its", « son »).</summary>
    public FrozenSet<string> AirportOwnerWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Definite articles that make such an airport the one of the city just named, as an elided « l' » does ("the").</summary>
    public FrozenSet<string> AirportArticles { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Possessive determiners ("its", « sa »): before a landmark noun they name the city's own landmark, as an article does.</summary>
    public FrozenSet<string> PossessiveDeterminers { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words that may stand around the airport word ("international", الدولي), the military ones included.</summary>
    public FrozenSet<string> AirportQualifiers { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Qualifiers that make the city's airport its military one, an airbase ("military", العسكري, "askeri").</summary>
    public FrozenSet<string> MilitaryAirportQualifiers { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words for the city itself written after its airport (« de la ville », "on the city's western edge").</summary>
    public FrozenSet<string> AirportCityWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>People's names as folded words (« Bachar al-Assad », « بشار الأسد »): never places, nor are their neighbours.</summary>
    public IReadOnlyList<IReadOnlyList<string>> People { get; private init; } = [];

    /// <summary>
    /// The last word of each person's name (« assad », « jolani », « اسد »), as orthographic keys: alone, with a possessive or
    /// a suffix ("Assad's", « Esad'ın », « d'Assad », « al-Assad »), it is that person, not a village spelled like it.
    /// </summary>
    public FrozenSet<string> Surnames { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// The first word of each person's name of two words or more (« beşar », « bachar », « بشار », « ahmed »), as folded words:
    /// before a person's last name, whatever is written on it (« Beşar Esed'in »), it is part of that person.
    /// </summary>
    public FrozenSet<string> FirstNames { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Weekdays and months of the date vocabulary (« الخميس », « آذار », « تشرين », "Sunday", « Cuma »), as orthographic keys:
    /// a lone one is no place unless written exactly as a place's name after a cue (« قرية الخميس »).
    /// </summary>
    public FrozenSet<string> DateWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Per language, case and plural endings written directly on a common noun (Turkish « Ordunun », « Rejimin »; a name
    /// takes them after an apostrophe), folded, longest first.
    /// </summary>
    public FrozenDictionary<string, string[]> NounEndings { get; private init; } = FrozenDictionary<string, string[]>.Empty;

    /// <summary>Titles written before a person's name (« le président », الرئيس, "Cumhurbaşkanı"): the name after them is a person's.</summary>
    public FrozenSet<string> PersonTitles { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The common words of each language (stopwords-iso when installed): a lone one needs a cue to be a name.</summary>
    public CommonWords CommonWords { get; init; } = CommonWords.None;

    /// <summary>True when <paramref name="key"/> is never a name alone in <paramref name="language"/> (in any language when unknown).</summary>
    public bool IsNeverAlone(string key, string? language) =>
        language is not null && NeverAlone.TryGetValue(language, out var words)
            ? words.Contains(key)
            : NeverAlone.Values.Any(w => w.Contains(key));

    /// <summary>The vocabulary compiled into this assembly, with the function words of data/vocabulary/languages.json.</summary>
    public static PlaceVocabulary Default { get; } = BuildDefault();

    private static PlaceVocabulary BuildDefault()
    {
        var assembly = typeof(PlaceVocabulary).Assembly;
        var places = Load(assembly.GetManifestResourceStream("Vocabulary.places.json") ?? throw new InvalidOperationException("Vocabulary.places.json is not embedded"));
        var functionWords = LoadFunctionWords(assembly.GetManifestResourceStream("Vocabulary.languages.json") ?? throw new InvalidOperationException("Vocabulary.languages.json is not embedded"));
        return places with
        {
            FunctionWords = functionWords.Union(places.FunctionWords)
                .Union(Dates.DateVocabulary.Default.Weekdays.Keys).Union(Dates.DateVocabulary.Default.Months.Keys)
                .ToFrozenSet(StringComparer.Ordinal),
            CommonWords = CommonWords.Embedded,
            DateWords = Dates.DateVocabulary.Default.Weekdays.Keys.Concat(Dates.DateVocabulary.Default.Months.Keys).Concat(Dates.DateVocabulary.Default.TwoWordMonths.Keys)
                .Select(NameNormalizer.Normalize).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal),
        };
    }

    private static FrozenSet<string> LoadFunctionWords(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in document.RootElement.GetProperty("languages").EnumerateObject())
        {
            if (language.Value.TryGetProperty("supported", out var supported) && supported.GetBoolean() && language.Value.TryGetProperty("words", out var list))
            {
                words.UnionWith(list.EnumerateArray().Select(w => NameNormalizer.FoldWord(w.GetString()!)).Where(w => w.Length > 0));
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Reads a vocabulary in the places.json format.</summary>
    public static PlaceVocabulary Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<VocabularyFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The place vocabulary is empty.");
        var cues = new List<PlaceCue>();
        var links = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var homographs = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var neverAlone = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var joiners = new HashSet<string>(StringComparer.Ordinal);
        var endings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (language, entry) in file.Languages)
        {
            titles.UnionWith(entry.Titles.Select(NameNormalizer.FoldWord).Where(w => w.Length > 0));
            joiners.UnionWith(entry.And.Select(NameNormalizer.FoldWord).Where(w => w.Length > 0));
            links.UnionWith(entry.Connectors.Select(NameNormalizer.FoldWord).Where(w => w.Length > 0));
            prefixes.AddRange(entry.Prefixes.Select(NameNormalizer.FoldWord));
            homographs[language] = entry.Homographs.Select(NameNormalizer.Normalize).ToFrozenSet(StringComparer.Ordinal);
            endings[language] = [.. entry.NounEndings.Select(NameNormalizer.FoldWord).Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length)];
            neverAlone[language] = entry.NeverAlone.Select(NameNormalizer.Normalize).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
            foreach (var cue in entry.Cues)
            {
                var phrase = cue.Before ?? cue.After ?? throw new InvalidDataException($"A {language} cue has neither 'before' nor 'after'.");
                var words = Words(phrase);
                PlaceKind? kind = null;
                if (cue.Kind is not null)
                {
                    kind = PlaceKinds.TryParse(cue.Kind, out var parsed) ? parsed : throw new InvalidDataException($"Unknown kind '{cue.Kind}' in the {language} cue '{phrase}'.");
                }

                var relation = cue.Relation switch
                {
                    null => CueRelation.None,
                    "region" => CueRelation.Region,
                    "near" => CueRelation.Near,
                    "direction" => CueRelation.Direction,
                    _ => throw new InvalidDataException($"Unknown relation '{cue.Relation}' in the {language} cue '{phrase}'."),
                };
                cues.Add(new PlaceCue(words, cue.After is not null, kind, relation, ParseBearing(cue.Direction, language, phrase), language) { List = cue.List });
            }
        }

        var heads = (file.GenericHeads ?? []).Select(NameNormalizer.FoldWord).ToFrozenSet(StringComparer.Ordinal);
        return new PlaceVocabulary(cues, links.ToFrozenSet(), [.. prefixes.Distinct().OrderByDescending(p => p.Length)], homographs.ToFrozenDictionary(StringComparer.Ordinal), heads, titles.ToFrozenSet(StringComparer.Ordinal))
        {
            FunctionWords = (file.NotNames ?? []).Select(NameNormalizer.FoldWord).ToFrozenSet(StringComparer.Ordinal),
            NeverAlone = neverAlone.ToFrozenDictionary(StringComparer.Ordinal),
            ListJoiners = joiners.ToFrozenSet(StringComparer.Ordinal),
            People = [.. (file.People ?? []).Select(p => (IReadOnlyList<string>)Words(p)).Where(w => w.Count > 0)],
            Surnames = (file.People ?? []).Select(p => Words(p)).Where(w => w.Length > 1).Select(w => NameNormalizer.Normalize(w[^1])).Where(w => w.Length > 0)
                .ToFrozenSet(StringComparer.Ordinal),
            FirstNames = (file.People ?? []).Select(p => Words(p)).Where(w => w.Length > 1).Select(w => w[0]).ToFrozenSet(StringComparer.Ordinal),
            NounEndings = endings.ToFrozenDictionary(StringComparer.Ordinal),
            PersonTitles = (file.PersonTitles ?? []).Select(NameNormalizer.FoldWord).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal),
            AirportWords = Folded(file.CityAirport?.Airport),
            AirportOwnerWords = Folded(file.CityAirport?.Owner),
            AirportArticles = Folded(file.CityAirport?.Article),
            AirportQualifiers = Folded([.. file.CityAirport?.Qualifier ?? [], .. file.CityAirport?.Military ?? []]),
            MilitaryAirportQualifiers = Folded(file.CityAirport?.Military),
            AirportCityWords = Folded(file.CityAirport?.City),
            PossessiveDeterminers = Folded(file.PossessiveDeterminers),
        };
    }

    private static FrozenSet<string> Folded(string[]? words) =>
        (words ?? []).Select(NameNormalizer.FoldWord).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);

    // Cue phrases are split like text: hyphens and spaces separate words.
    private static string[] Words(string phrase) =>
        [.. phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(NameNormalizer.FoldWord).Where(w => w.Length > 0)];

    private static Bearing ParseBearing(string? direction, string language, string phrase) => direction switch
    {
        null => Bearing.None,
        "north" => Bearing.North,
        "northeast" => Bearing.NorthEast,
        "east" => Bearing.East,
        "southeast" => Bearing.SouthEast,
        "south" => Bearing.South,
        "southwest" => Bearing.SouthWest,
        "west" => Bearing.West,
        "northwest" => Bearing.NorthWest,
        _ => throw new InvalidDataException($"Unknown direction '{direction}' in the {language} cue '{phrase}'."),
    };

    private sealed record VocabularyFile(Dictionary<string, LanguageEntry> Languages, string[]? GenericHeads, string[]? NotNames, string[]? People, string[]? PersonTitles, CityAirportEntry? CityAirport, string[]? PossessiveDeterminers);

    private sealed record CityAirportEntry(string[]? Airport, string[]? Owner, string[]? Qualifier, string[]? Military, string[]? City, string[]? Article);

    private sealed record LanguageEntry(
        [property: JsonPropertyName("connectors")] string[] Connectors,
        [property: JsonPropertyName("cues")] CueEntry[] Cues,
        [property: JsonPropertyName("homographs")] string[] Homographs)
    {
        [JsonPropertyName("prefixes")]
        public string[] Prefixes { get; init; } = [];

        [JsonPropertyName("titles")]
        public string[] Titles { get; init; } = [];

        [JsonPropertyName("neverAlone")]
        public string[] NeverAlone { get; init; } = [];

        [JsonPropertyName("and")]
        public string[] And { get; init; } = [];

        [JsonPropertyName("nounEndings")]
        public string[] NounEndings { get; init; } = [];
    }

    private sealed record CueEntry(string? Before, string? After, string? Kind, string? Relation, string? Direction, bool List = false);
}
