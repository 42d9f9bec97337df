using System.Collections.Frozen;
using System.Globalization;
using Territory.Domain.Events;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Dates;

/// <summary>A dating expression found in a text, already resolved to days.</summary>
/// <param name="Start">Offset of the first character of the expression.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Sentence">Sentence index of its first word.</param>
/// <param name="Date">The days it means.</param>
/// <param name="Year">For a bare year (« en 2016 »): the year, to tell history from news; then <paramref name="Date"/> covers that year.</param>
public sealed record DateMention(int Start, int End, int Sentence, EventDate Date, int? Year = null)
{
    /// <summary>A year after « depuis », "since" (« pour la première fois depuis 2016 »): it measures, it does not date.</summary>
    public bool AfterSince { get; init; }
}

/// <summary>
/// Finds and resolves the expressions that date events: explicit dates (« vendredi 29 novembre », "Nov. 29",
/// « 29 Kasım »), ranges (« les 27 et 28 novembre », « dans la nuit de vendredi à samedi »), weekdays (the latest such day
/// on or before publication; « mercredi dernier », "since Wednesday"), relative days (« hier », "yesterday", « أمس »,
/// « dün »; « la veille » and « dans la soirée » relative to the day just spoken of) and durations (« depuis 3 jours »).
/// Years come from the publication date, never from the clock.
/// </summary>
public sealed class DateFinder(DateVocabulary vocabulary)
{
    // The first words of every phrase (relative days, durations, nights): most words start none, and then no phrase is
    // tried word by word.
    private readonly FrozenSet<string> _phraseStarts = vocabulary.Relative.Select(r => r.Words)
        .Concat(vocabulary.Within).Concat(vocabulary.Ago).Concat(vocabulary.NightOf)
        .Where(words => words.Count > 0).Select(words => words[0]).ToFrozenSet(StringComparer.Ordinal);

    public DateFinder()
        : this(DateVocabulary.Default)
    {
    }

    private (IReadOnlyList<IReadOnlyList<string>> Phrases, bool IsAgo)[] DurationPhrases => field ??= [(vocabulary.Within, false), (vocabulary.Ago, true)];

    private bool StartsPhrase(TextToken token) => _phraseStarts.Contains(token.Key) || (token.StemKey is { } stem && _phraseStarts.Contains(stem));

    /// <summary>Every dating expression of a text, in order, resolved against <paramref name="published"/>.</summary>
    public IReadOnlyList<DateMention> Find(string text, IReadOnlyList<TextToken> tokens, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<DateMention>();
        var reference = published;
        var referenceSentence = -1;
        var i = 0;
        while (i < tokens.Count)
        {
            // « à midi », « la veille » speak of the day just named, not of one named paragraphs earlier.
            var stale = referenceSentence >= 0 && tokens[i].Sentence - referenceSentence > 1;
            var match = Match(text, tokens, i, published, reference, stale);
            if (match is null)
            {
                i++;
                continue;
            }

            var (mention, next) = match.Value;
            found.Add(mention);
            if (mention.Date.Precision == DatePrecision.Day && mention.Year is null)
            {
                reference = mention.Date.From;
                referenceSentence = mention.Sentence;
            }

            i = next;
        }

        return found;
    }

    private (DateMention Mention, int Next)? Match(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published, DateOnly reference, bool staleReference)
    {
        return NightOf(text, tokens, i, published)
            ?? DayMonth(text, tokens, i, published)
            ?? MonthDay(text, tokens, i, published)
            ?? Duration(text, tokens, i, published)
            ?? Relative(text, tokens, i, published, reference, staleReference)
            ?? Weekday(text, tokens, i, published)
            ?? BareYear(text, tokens, i, published, i > 0 && vocabulary.Since.Contains(tokens[i - 1].Key));
    }

    // « dans la nuit de vendredi à samedi », "on the night of Friday to Saturday"
    private (DateMention, int)? NightOf(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published)
    {
        if (!StartsPhrase(tokens[i]))
        {
            return null;
        }

        foreach (var phrase in vocabulary.NightOf)
        {
            if (!At(tokens, i, phrase))
            {
                continue;
            }

            var k = i + phrase.Count;

            // « de vendredi à samedi »; « ليل السبت - الأحد » (the dash is no word).
            var gap = k + 1 < tokens.Count && vocabulary.Weekdays.ContainsKey(tokens[k + 1].Key) ? 1 : 2;
            if (k + gap < tokens.Count && vocabulary.Weekdays.TryGetValue(tokens[k].Key, out var first)
                && vocabulary.Weekdays.TryGetValue(tokens[k + gap].Key, out var second))
            {
                var to = LatestOnOrBefore(published, second);
                var from = to.AddDays(-(((int)second - (int)first + 7) % 7));
                return (Mention(text, tokens, i, k + gap, new EventDate(from, to, DatePrecision.Range, null)), k + gap + 1);
            }
        }

        return null;
    }

    // « (vendredi) 29 novembre (2024) », « les 27 et 28 novembre », « du 27 au 30 novembre », « 29 Kasım », « 29 تشرين الثاني »
    private (DateMention, int)? DayMonth(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published)
    {
        var start = i;
        if (vocabulary.Weekdays.ContainsKey(tokens[i].Key) && i + 1 < tokens.Count)
        {
            i++;
        }

        if (DayNumber(tokens[i].Key) is not { } day)
        {
            return null;
        }

        var k = i + 1;
        int? firstDay = null;
        if (k + 1 < tokens.Count && vocabulary.And.Contains(tokens[k].Key) && DayNumber(tokens[k + 1].Key) is { } secondDay)
        {
            firstDay = day;
            day = secondDay;
            k += 2;
        }

        if (k >= tokens.Count || MonthAt(tokens, k) is not { } month)
        {
            return null;
        }

        var last = k + month.Words - 1;
        var year = YearAfter(tokens, last + 1);
        if (year is not null)
        {
            last++;
        }

        var date = Resolve(published, month.Month, day, year);
        if (date is null)
        {
            return null;
        }

        var resolved = firstDay is { } f && Resolve(published, month.Month, f, year) is { } from && from <= date
            ? new EventDate(from, date.Value, DatePrecision.Range, null)
            : EventDate.OnDay(date.Value, string.Empty);
        return (Mention(text, tokens, start, last, resolved), last + 1);
    }

    // "November 29", "Nov. 29", "November 27 and 28"
    private (DateMention, int)? MonthDay(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published)
    {
        var start = i;
        if (vocabulary.Weekdays.ContainsKey(tokens[i].Key) && i + 1 < tokens.Count)
        {
            i++;
        }

        if (!vocabulary.Months.TryGetValue(tokens[i].Key, out var month) || i + 1 >= tokens.Count || DayNumber(tokens[i + 1].Key) is not { } day)
        {
            return null;
        }

        var last = i + 1;
        int? firstDay = null;
        if (last + 2 < tokens.Count && vocabulary.And.Contains(tokens[last + 1].Key) && DayNumber(tokens[last + 2].Key) is { } secondDay)
        {
            firstDay = day;
            day = secondDay;
            last += 2;
        }

        var year = YearAfter(tokens, last + 1);
        if (year is not null)
        {
            last++;
        }

        if (Resolve(published, month, day, year) is not { } date)
        {
            return null;
        }

        var resolved = firstDay is { } f && Resolve(published, month, f, year) is { } from && from <= date
            ? new EventDate(from, date, DatePrecision.Range, null)
            : EventDate.OnDay(date, string.Empty);
        return (Mention(text, tokens, start, last, resolved), last + 1);
    }

    // « depuis 3 jours », « en trois jours », « il y a 2 jours », "over the past three days", "two days ago", « son 3 gün »
    private (DateMention, int)? Duration(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published)
    {
        foreach (var (phrases, isAgo) in StartsPhrase(tokens[i]) ? DurationPhrases : [])
        {
            foreach (var phrase in phrases)
            {
                if (!At(tokens, i, phrase))
                {
                    continue;
                }

                var k = i + phrase.Count;
                if (!isAgo && HoursBack(tokens, k) is { } hours)
                {
                    var span = new EventDate(published.AddDays(-hours.Days), published, DatePrecision.Range, null);
                    return (Mention(text, tokens, i, hours.Last, span), hours.Last + 1);
                }

                if (k + 1 < tokens.Count && Number(tokens[k].Key) is { } n && n is > 0 and <= 60 && vocabulary.DayWords.Contains(tokens[k + 1].Key))
                {
                    var date = isAgo
                        ? EventDate.OnDay(published.AddDays(-n), string.Empty)
                        : new EventDate(published.AddDays(-n), published, DatePrecision.Range, null);
                    return (Mention(text, tokens, i, k + 1, date), k + 2);
                }
            }
        }

        // « depuis 3 jours », "since three days" is not English but « منذ ثلاثة أيام » is Arabic; and "2 days ago".
        if (vocabulary.Since.Contains(tokens[i].Key) && i + 2 < tokens.Count && Number(tokens[i + 1].Key) is { } days && days is > 0 and <= 60
            && vocabulary.DayWords.Contains(tokens[i + 2].Key))
        {
            return (Mention(text, tokens, i, i + 2, new EventDate(published.AddDays(-days), published, DatePrecision.Range, null)), i + 3);
        }

        if (i + 2 < tokens.Count && Number(tokens[i].Key) is { } count && count is > 0 and <= 60 && vocabulary.DayWords.Contains(tokens[i + 1].Key)
            && vocabulary.Ago.Any(a => At(tokens, i + 2, a)))
        {
            var agoWords = vocabulary.Ago.First(a => At(tokens, i + 2, a)).Count;
            return (Mention(text, tokens, i, i + 1 + agoWords, EventDate.OnDay(published.AddDays(-count), string.Empty)), i + 2 + agoWords);
        }

        return null;
    }

    // "the last 24 hours", « les dernières 24 heures », « 24 dernières heures », « 24 saatte », « الساعات الـ24 الماضية »: whole
    // days back from publication, and the index of the phrase's last word.
    private (int Days, int Last)? HoursBack(IReadOnlyList<TextToken> tokens, int k)
    {
        bool IsLast(int at) => at < tokens.Count && vocabulary.Last.Contains(tokens[at].Key);
        bool IsHour(int at) => at < tokens.Count && vocabulary.HourWords.Contains(tokens[at].Key);
        int? NumberAt(int at) => at < tokens.Count ? Number(tokens[at].Key) ?? Number(tokens[at].Key.StartsWith("ال", StringComparison.Ordinal) ? tokens[at].Key[2..] : string.Empty) : null;

        k += IsLast(k) ? 1 : 0;
        int? hours = null;
        if (NumberAt(k) is { } n)
        {
            var unit = k + 1 + (IsLast(k + 1) ? 1 : 0);
            if (IsHour(unit))
            {
                (hours, k) = (n, unit);
            }
        }
        else if (IsHour(k) && NumberAt(k + 1) is { } m)
        {
            (hours, k) = (m, k + 1);
        }

        return hours is > 0 and <= 72 ? ((hours.Value + 23) / 24, k + (IsLast(k + 1) ? 1 : 0)) : null;
    }

    private (DateMention, int)? Relative(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published, DateOnly reference, bool staleReference)
    {
        // « مساء الخميس » (Thursday evening): a part of the day before a weekday is that weekday's, not "that evening".
        if (!StartsPhrase(tokens[i]) || (vocabulary.DayParts.Contains(tokens[i].Key) && i + 1 < tokens.Count && WeekdayOf(tokens[i + 1]) is not null))
        {
            return null;
        }

        foreach (var phrase in vocabulary.Relative)
        {
            if (!At(tokens, i, phrase.Words))
            {
                continue;
            }

            if (phrase.FromReference && staleReference)
            {
                // Consumed, so its words are not read as another date, but it dates nothing.
                return null;
            }

            // « perşembe gece », « dans la nuit de samedi »: a night next to a weekday is that weekday's, read as the weekday.
            if (phrase.Span > 0 && !phrase.Weekend && NextToWeekday(tokens, i, i + phrase.Words.Count - 1))
            {
                return null;
            }

            if (phrase.Weekend)
            {
                // The last weekend on or before publication; a report of Saturday speaks of that day so far.
                var saturday = LatestOnOrBefore(published, DayOfWeek.Saturday);
                var sunday = saturday.AddDays(1) > published ? published : saturday.AddDays(1);
                return (Mention(text, tokens, i, i + phrase.Words.Count - 1, new EventDate(saturday, sunday, DatePrecision.Range, null)), i + phrase.Words.Count);
            }

            var day = (phrase.FromReference ? reference : published).AddDays(phrase.Offset);
            var date = phrase.Span == 0
                ? EventDate.OnDay(day, string.Empty)
                : new EventDate(day, day.AddDays(phrase.Span), DatePrecision.Range, null);
            return (Mention(text, tokens, i, i + phrase.Words.Count - 1, date), i + phrase.Words.Count);
        }

        return null;
    }

    private bool NextToWeekday(IReadOnlyList<TextToken> tokens, int first, int last) =>
        (first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence && WeekdayOf(tokens[first - 1]) is not null)
        || Enumerable.Range(last + 1, 2).Any(k => k < tokens.Count && tokens[k].Sentence == tokens[last].Sentence && WeekdayOf(tokens[k]) is not null);

    // « vendredi », "on Friday", « mercredi dernier », "last Wednesday", « depuis mercredi », "since Wednesday", « çarşamba günü », « geçen çarşamba »
    private (DateMention, int)? Weekday(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published)
    {
        var start = i;
        var since = false;
        var lastBefore = false;
        if (vocabulary.Since.Contains(tokens[i].Key) && i + 1 < tokens.Count)
        {
            since = true;
            i++;

            // « منذ فجر الثلاثاء », "since dawn on Tuesday": a part of the day between.
            if (i + 1 < tokens.Count && vocabulary.DayParts.Contains(tokens[i].Key) && WeekdayOf(tokens[i + 1]) is not null)
            {
                i++;
            }
        }
        else if (vocabulary.Last.Contains(tokens[i].Key) && i + 1 < tokens.Count && WeekdayOf(tokens[i + 1]) is not null)
        {
            lastBefore = true;
            i++;
        }

        if (WeekdayOf(tokens[i]) is not { } weekday)
        {
            return null;
        }

        var end = i;
        if (i + 1 < tokens.Count && vocabulary.Last.Contains(tokens[i + 1].Key))
        {
            lastBefore = true;
            end = i + 1;
        }

        // Turkish and Arabic put "since" after: « çarşambadan beri », « çarşamba gününden bu yana ».
        if (end + 1 < tokens.Count && vocabulary.Since.Contains(tokens[end + 1].Key))
        {
            since = true;
            end++;
            while (end + 1 < tokens.Count && vocabulary.Since.Contains(tokens[end + 1].Key))
            {
                end++;
            }
        }

        var day = LatestOnOrBefore(published, weekday);
        if (lastBefore && day == published)
        {
            day = day.AddDays(-7);
        }

        var date = since ? new EventDate(day, published, DatePrecision.Range, null) : EventDate.OnDay(day, string.Empty);
        return (Mention(text, tokens, start, end, date), end + 1);
    }

    // « en 2016 », "in 2020": history, not news, when it is not the publication year.
    private static (DateMention, int)? BareYear(string text, IReadOnlyList<TextToken> tokens, int i, DateOnly published, bool afterSince)
    {
        var digits = tokens[i].StemKey ?? tokens[i].Key; // « 2016'da »
        if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
        {
            return null;
        }

        var date = new EventDate(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Range, null);
        var end = year == published.Year ? published : date.To;
        return (Mention(text, tokens, i, i, date with { To = end }) with { Year = year, AfterSince = afterSince }, i + 1);
    }

    private DayOfWeek? WeekdayOf(TextToken token) =>
        vocabulary.Weekdays.TryGetValue(token.Key, out var day) || vocabulary.GluedWeekdays.TryGetValue(token.Key, out day) ? day : null;

    private (int Month, int Words)? MonthAt(IReadOnlyList<TextToken> tokens, int k)
    {
        if (vocabulary.TwoWordMonths.TryGetValue(tokens[k].Key, out var pairs) && k + 1 < tokens.Count)
        {
            foreach (var (second, month) in pairs)
            {
                if (tokens[k + 1].Key == second)
                {
                    return (month, 2);
                }
            }
        }

        return vocabulary.Months.TryGetValue(tokens[k].Key, out var single) ? (single, 1) : null;
    }

    private int? Number(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : vocabulary.Numbers.TryGetValue(key, out var word) ? word : null;

    private static int? DayNumber(string key)
    {
        var digits = key.EndsWith("er", StringComparison.Ordinal) ? key[..^2] : key; // « 1er décembre »
        return digits.Length is 1 or 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31 ? day : null;
    }

    private static int? YearAfter(IReadOnlyList<TextToken> tokens, int k) =>
        k < tokens.Count && tokens[k].Key.Length == 4 && int.TryParse(tokens[k].Key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100 ? year : null;

    // A day and month without a year belong to the publication year, unless that puts them well after publication.
    private static DateOnly? Resolve(DateOnly published, int month, int day, int? year)
    {
        var y = year ?? published.Year;
        if (day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        if (year is null && date > published.AddDays(2))
        {
            date = date.AddYears(-1);
        }

        return date;
    }

    /// <summary>The latest <paramref name="weekday"/> on or before <paramref name="published"/>.</summary>
    public static DateOnly LatestOnOrBefore(DateOnly published, DayOfWeek weekday) =>
        published.AddDays(-(((int)published.DayOfWeek - (int)weekday + 7) % 7));

    private static bool At(IReadOnlyList<TextToken> tokens, int i, IReadOnlyList<string> words)
    {
        if (i + words.Count > tokens.Count)
        {
            return false;
        }

        for (var w = 0; w < words.Count; w++)
        {
            if (tokens[i + w].Key != words[w] && tokens[i + w].StemKey != words[w])
            {
                return false;
            }
        }

        return true;
    }

    private static DateMention Mention(string text, IReadOnlyList<TextToken> tokens, int first, int last, EventDate date)
    {
        var evidence = text[tokens[first].Start..tokens[last].End];
        return new DateMention(tokens[first].Start, tokens[last].End, tokens[first].Sentence, date with { Evidence = evidence });
    }
}
