using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Domain.Places;

namespace Territory.Ingestion.Dates;

/// <summary>A word or phrase that dates an event relative to the publication date or to the day just spoken of.</summary>
/// <param name="Words">Folded words of the phrase.</param>
/// <param name="FromReference">True when relative to the day the previous sentences spoke of (« la veille »), not to publication.</param>
/// <param name="Offset">Days from that day.</param>
/// <param name="Span">Extra days the phrase covers (« cette nuit » covers the night into publication day).</param>
public sealed record RelativeDay(IReadOnlyList<string> Words, bool FromReference, int Offset, int Span)
{
    /// <summary>True for the weekend (« ce week-end », "over the weekend"): the last Saturday–Sunday on or before publication.</summary>
    public bool Weekend { get; init; }
}

/// <summary>
/// Month names, weekdays and relative-day words of every language (data/vocabulary/dates.json), folded as text is.
/// All languages are searched at once: a French report quoting an English date still resolves it.
/// </summary>
public sealed class DateVocabulary
{
    private DateVocabulary()
    {
    }

    /// <summary>Folded month name or abbreviation (first word) → month number; multi-word Arabic months by their words.</summary>
    public FrozenDictionary<string, int> Months { get; private init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Two-word month names (تشرين الثاني): first word → (second word, month).</summary>
    public FrozenDictionary<string, (string Second, int Month)[]> TwoWordMonths { get; private init; } = FrozenDictionary<string, (string, int)[]>.Empty;

    /// <summary>Folded weekday → day of week.</summary>
    public FrozenDictionary<string, DayOfWeek> Weekdays { get; private init; } = FrozenDictionary<string, DayOfWeek>.Empty;

    /// <summary>
    /// Weekdays with a case ending glued on (« çarşambadan », « cumaya »), folded → day of week. Only the endings a language
    /// lists: a bare prefix test read « Mardikh » as « mardi ».
    /// </summary>
    public FrozenDictionary<string, DayOfWeek> GluedWeekdays { get; private init; } = FrozenDictionary<string, DayOfWeek>.Empty;

    /// <summary>Relative-day phrases, longest first.</summary>
    public IReadOnlyList<RelativeDay> Relative { get; private init; } = [];

    public FrozenSet<string> Last { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> Since { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> DayWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words for hours ("in the last 24 hours", « en 24 heures »): a span of whole days back from publication.</summary>
    public FrozenSet<string> HourWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Phrases meaning "ago" (« il y a », "ago", « önce »): folded phrases.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Ago { get; private init; } = [];

    /// <summary>Phrases meaning "within the last N days".</summary>
    public IReadOnlyList<IReadOnlyList<string>> Within { get; private init; } = [];

    /// <summary>Number words → value (« trois », "three").</summary>
    public FrozenDictionary<string, int> Numbers { get; private init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Words joining two days of a range (« les 27 et 28 », « du 27 au 30 »).</summary>
    public FrozenSet<string> And { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>"The night of" phrases (« dans la nuit de vendredi à samedi »).</summary>
    public IReadOnlyList<IReadOnlyList<string>> NightOf { get; private init; } = [];

    /// <summary>Parts of a day that may stand between "since" and a weekday (« منذ فجر الثلاثاء », "since dawn on Tuesday").</summary>
    public FrozenSet<string> DayParts { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The vocabulary compiled into this assembly.</summary>
    public static DateVocabulary Default { get; } = Load(typeof(DateVocabulary).Assembly.GetManifestResourceStream("Vocabulary.dates.json")
        ?? throw new InvalidOperationException("Vocabulary.dates.json is not embedded"));

    public static DateVocabulary Load(Stream json)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var file = JsonSerializer.Deserialize<DatesFile>(json, options) ?? throw new InvalidDataException("The date vocabulary is empty.");
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        var twoWord = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        var weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        var glued = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        var relative = new List<RelativeDay>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        HashSet<string> last = [], since = [], days = [], hours = [], and = [], dayParts = [];
        List<IReadOnlyList<string>> ago = [], within = [], nightOf = [];
        foreach (var (language, entry) in file.Languages)
        {
            foreach (var list in new[] { entry.Months, entry.MonthAbbreviations, entry.MonthAlternatives })
            {
                for (var m = 0; m < list.Length; m++)
                {
                    var words = Words(list[m]);
                    if (words.Length == 1)
                    {
                        months[words[0]] = m + 1;
                    }
                    else
                    {
                        if (!twoWord.TryGetValue(words[0], out var pairs))
                        {
                            twoWord[words[0]] = pairs = [];
                        }

                        pairs.Add((words[1], m + 1));
                    }
                }
            }

            if (entry.Weekdays.Length != 7)
            {
                throw new InvalidDataException($"The {language} date vocabulary needs 7 weekdays, Monday first.");
            }

            for (var d = 0; d < 7; d++)
            {
                weekdays[Words(entry.Weekdays[d])[0]] = (DayOfWeek)((d + 1) % 7);
                foreach (var ending in entry.WeekdayEndings)
                {
                    glued[Fold(entry.Weekdays[d] + ending)] = (DayOfWeek)((d + 1) % 7);
                }
            }

            relative.AddRange(entry.Relative.Select(r => r.From is "publication" or "reference" or "weekend"
                ? new RelativeDay(Words(r.Words), r.From == "reference", r.Offset, r.Span) { Weekend = r.From == "weekend" }
                : throw new InvalidDataException($"The {language} relative day '{r.Words}' is counted from '{r.From}'; use publication, reference or weekend.")));
            last.UnionWith(entry.Last.Select(Fold));
            since.UnionWith(entry.Since.SelectMany(Words));
            days.UnionWith(entry.Days.Select(Fold));
            hours.UnionWith(entry.Hours.Select(Fold));
            and.UnionWith(entry.And.Select(Fold));
            dayParts.UnionWith(entry.DayParts.SelectMany(Words));
            ago.AddRange(entry.Ago.Select(a => (IReadOnlyList<string>)Words(a)));
            within.AddRange(entry.Within.Select(a => (IReadOnlyList<string>)Words(a)));
            nightOf.AddRange(entry.NightOf.Select(a => (IReadOnlyList<string>)Words(a)));
            foreach (var (word, value) in entry.Numbers)
            {
                numbers[Fold(word)] = value;
            }
        }

        return new DateVocabulary
        {
            Months = months.ToFrozenDictionary(StringComparer.Ordinal),
            TwoWordMonths = twoWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            Weekdays = weekdays.ToFrozenDictionary(StringComparer.Ordinal),
            GluedWeekdays = glued.ToFrozenDictionary(StringComparer.Ordinal),
            Relative = [.. relative.OrderByDescending(r => r.Words.Count)],
            Last = last.ToFrozenSet(StringComparer.Ordinal),
            Since = since.ToFrozenSet(StringComparer.Ordinal),
            DayWords = days.ToFrozenSet(StringComparer.Ordinal),
            HourWords = hours.ToFrozenSet(StringComparer.Ordinal),
            Ago = ago,
            Within = [.. within.OrderByDescending(w => w.Count)],
            Numbers = numbers.ToFrozenDictionary(StringComparer.Ordinal),
            And = and.ToFrozenSet(StringComparer.Ordinal),
            NightOf = [.. nightOf.OrderByDescending(w => w.Count)],
            DayParts = dayParts.ToFrozenSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Splits a phrase into folded words the way the tokenizer splits text (elided « l' » and « d' » vanish).</summary>
    public static string[] Words(string phrase) =>
        [.. Text.Tokenizer.Tokenize(phrase).Select(t => t.Key)];

    private static string Fold(string word) => NameNormalizer.FoldWord(word);

    private sealed record DatesFile(Dictionary<string, LanguageDates> Languages);

    private sealed record LanguageDates
    {
        public string[] Months { get; init; } = [];

        public string[] MonthAbbreviations { get; init; } = [];

        public string[] MonthAlternatives { get; init; } = [];

        public string[] Weekdays { get; init; } = [];

        public string[] WeekdayEndings { get; init; } = [];

        public RelativeEntry[] Relative { get; init; } = [];

        public string[] Last { get; init; } = [];

        public string[] Since { get; init; } = [];

        public string[] Days { get; init; } = [];

        public string[] Hours { get; init; } = [];

        public string[] Ago { get; init; } = [];

        public string[] Within { get; init; } = [];

        public Dictionary<string, int> Numbers { get; init; } = [];

        public string[] And { get; init; } = [];

        public string[] NightOf { get; init; } = [];

        public string[] DayParts { get; init; } = [];
    }

    private sealed record RelativeEntry(string Words, string From, int Offset)
    {
        [JsonPropertyName("span")]
        public int Span { get; init; }
    }
}
