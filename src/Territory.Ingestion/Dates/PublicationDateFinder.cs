using System.Globalization;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Dates;

/// <summary>A publication day read from a report's own words, with the words that say so.</summary>
public sealed record InferredPublication(DateOnly Day, string Evidence);

/// <summary>
/// Infers when a report was published when nobody says: from a full date with its weekday (« ce vendredi 29 novembre »,
/// "on Friday, November 29": the latest such date), from « depuis 3 jours » / "for three days" counted from a start the
/// text dates (« le 27 novembre »), or from « mercredi dernier » / "last Wednesday" anchored on a date the text gives
/// that day (the report then comes after it: the latest weekday it names after the anchor, else the day after). A year
/// the text does not write is the one that fits the weekday (or, without one, the latest not after the ingest day);
/// the ingest day comes from the caller, never from the clock.
/// </summary>
public sealed class PublicationDateFinder(DateVocabulary vocabulary)
{
    private const int YearsBack = 7;

    public PublicationDateFinder()
        : this(DateVocabulary.Default)
    {
    }

    public InferredPublication? Infer(string text, DateOnly ingestDay)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var dates = FullDates(text, tokens, ingestDay);
        var withWeekday = dates.Where(d => d.Weekday).MaxBy(d => d.Day);
        if (withWeekday is not null)
        {
            return new InferredPublication(withWeekday.Day, withWeekday.Words);
        }

        return Duration(text, tokens, dates) ?? LastWeekday(text, tokens, dates);
    }

    // « depuis 3 jours » with « le 27 novembre »: the third day after the start.
    private InferredPublication? Duration(string text, IReadOnlyList<TextToken> tokens, List<StatedDate> dates)
    {
        var start = dates.MinBy(d => d.Day);
        if (start is null)
        {
            return null;
        }

        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var phraseLength = vocabulary.Since.Contains(tokens[i].Key) ? 1 : vocabulary.Within.Where(w => At(tokens, i, w)).Select(w => w.Count).FirstOrDefault();
            var k = i + phraseLength;
            if (phraseLength == 0 || k + 1 >= tokens.Count || Number(tokens[k].Key) is not { } days || days is <= 0 or > 60 || !vocabulary.DayWords.Contains(tokens[k + 1].Key))
            {
                continue;
            }

            var words = text[tokens[i].Start..tokens[k + 1].End];
            return new InferredPublication(start.Day.AddDays(days), $"{start.Words} + {words}");
        }

        return null;
    }

    // « mercredi dernier » and « le 27 novembre » a Wednesday: published after it, on the latest weekday named after it.
    private InferredPublication? LastWeekday(string text, IReadOnlyList<TextToken> tokens, List<StatedDate> dates)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (weekday, last) = vocabulary.Weekdays.TryGetValue(tokens[i].Key, out var w) && vocabulary.Last.Contains(tokens[i + 1].Key) ? (w, i + 1)
                : vocabulary.Last.Contains(tokens[i].Key) && vocabulary.Weekdays.TryGetValue(tokens[i + 1].Key, out var w2) ? (w2, i + 1)
                : ((DayOfWeek?)null, -1);
            if (weekday is not { } day || dates.FirstOrDefault(d => d.Day.DayOfWeek == day) is not { } anchor)
            {
                continue;
            }

            var later = tokens.Select((t, k) => (t, k))
                .Where(p => p.k != i && p.k != last && vocabulary.Weekdays.ContainsKey(p.t.Key) && vocabulary.Weekdays[p.t.Key] != day)
                .Select(p => (Day: anchor.Day.AddDays(((int)vocabulary.Weekdays[p.t.Key] - (int)day + 7) % 7), Token: (TextToken?)p.t))
                .DefaultIfEmpty()
                .MaxBy(p => p.Day);
            var words = $"{text[tokens[Math.Min(i, last)].Start..tokens[Math.Max(i, last)].End]} = {anchor.Words}";
            return later.Token is not { } token
                ? new InferredPublication(anchor.Day.AddDays(1), words + " (at the earliest the day after)")
                : new InferredPublication(later.Day, $"{words}, then {text[token.Start..token.End]}");
        }

        return null;
    }

    // « (vendredi) 29 novembre (2024) », "(Friday,) November 29(, 2024)".
    private List<StatedDate> FullDates(string text, IReadOnlyList<TextToken> tokens, DateOnly ingestDay)
    {
        var found = new List<StatedDate>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var first = i;
            DayOfWeek? weekday = null;
            if (vocabulary.Weekdays.TryGetValue(tokens[i].Key, out var w) && i + 1 < tokens.Count)
            {
                // "last Wednesday, November 27" dates an anchor, not the report.
                var said = !(i > 0 && vocabulary.Last.Contains(tokens[i - 1].Key)) && !vocabulary.Last.Contains(tokens[i + 1].Key);
                weekday = said ? w : null;
                i += vocabulary.Last.Contains(tokens[i + 1].Key) && i + 2 < tokens.Count ? 2 : 1;
            }

            int day, month, last;
            if (DayNumber(tokens[i].Key) is { } d && i + 1 < tokens.Count && vocabulary.Months.TryGetValue(tokens[i + 1].Key, out var m))
            {
                (day, month, last) = (d, m, i + 1);
            }
            else if (vocabulary.Months.TryGetValue(tokens[i].Key, out var m2) && i + 1 < tokens.Count && DayNumber(tokens[i + 1].Key) is { } d2)
            {
                (day, month, last) = (d2, m2, i + 1);
            }
            else
            {
                i = first;
                continue;
            }

            int? year = last + 1 < tokens.Count && tokens[last + 1].Key.Length == 4 && int.TryParse(tokens[last + 1].Key, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            last += year is null ? 0 : 1;
            if (Resolve(day, month, year, weekday, ingestDay) is { } date)
            {
                found.Add(new StatedDate(date, weekday is not null, text[tokens[weekday is null ? i : first].Start..tokens[last].End]));
            }

            i = last;
        }

        return found;
    }

    // The year written, else the latest one (not after the ingest day) where the day falls on its weekday.
    private static DateOnly? Resolve(int day, int month, int? year, DayOfWeek? weekday, DateOnly ingestDay)
    {
        foreach (var y in year is { } written ? [written] : Enumerable.Range(ingestDay.Year - YearsBack, YearsBack + 1).Reverse())
        {
            if (day > DateTime.DaysInMonth(y, month))
            {
                continue;
            }

            var date = new DateOnly(y, month, day);
            if ((year is not null || date <= ingestDay.AddDays(1)) && (weekday is null || date.DayOfWeek == weekday))
            {
                return date;
            }
        }

        return null;
    }

    private int? Number(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : vocabulary.Numbers.TryGetValue(key, out var word) ? word : null;

    private static int? DayNumber(string key)
    {
        var digits = key.EndsWith("er", StringComparison.Ordinal) ? key[..^2] : key;
        return digits.Length is 1 or 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31 ? day : null;
    }

    private static bool At(IReadOnlyList<TextToken> tokens, int i, IReadOnlyList<string> words)
    {
        if (i + words.Count > tokens.Count)
        {
            return false;
        }

        for (var w = 0; w < words.Count; w++)
        {
            if (tokens[i + w].Key != words[w])
            {
                return false;
            }
        }

        return true;
    }

    private sealed record StatedDate(DateOnly Day, bool Weekday, string Words);
}
