using System.Globalization;

namespace Territory.Ingestion.Reading;

/// <summary>
/// The publication date a report states about itself, and where it says it. A hint, not a fact: the date stages
/// decide what it means (the calendar day is taken as written, in the publisher's own offset).
/// </summary>
/// <param name="Date">The calendar day as written.</param>
/// <param name="From">Where it was found: "front matter published", "meta article:published_time", "json-ld datePublished", "time datetime"...</param>
/// <param name="Raw">The value as written.</param>
/// <param name="Instant">The moment, when the value carried a time and an offset.</param>
public sealed record PublishedHint(DateOnly Date, string From, string Raw, DateTimeOffset? Instant = null)
{
    /// <summary>Reads an ISO 8601 date or date-time ("2024-11-29", "2024-11-29T14:05:00+01:00") or an RFC 1123 date; null when it is neither.</summary>
    public static PublishedHint? Parse(string? value, string from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var raw = value?.Trim();
        if (string.IsNullOrEmpty(raw) || raw.Length > 64)
        {
            return null;
        }

        if (raw.Length >= 10 && DateOnly.TryParseExact(raw.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (raw.Length == 10)
            {
                return new PublishedHint(day, from, raw);
            }

            // A time with an offset gives an instant; the day stays the one written.
            var instant = HasOffset(raw) && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
            return raw[10] is 'T' or 't' or ' ' ? new PublishedHint(day, from, raw, instant) : null;
        }

        if (raw.Length >= 8 && raw.Length <= 40 && char.IsLetter(raw[0])
            && DateTimeOffset.TryParseExact(raw, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc))
        {
            return new PublishedHint(DateOnly.FromDateTime(rfc.UtcDateTime), from, raw, rfc);
        }

        return null;
    }

    private static bool HasOffset(string value)
    {
        // After the date: 'Z', or a '+' or '-' (the date's own dashes are before position 10).
        var time = value.AsSpan(10);
        return time.IndexOfAny('+', '-') >= 0 || time.EndsWith("Z", StringComparison.OrdinalIgnoreCase);
    }
}
