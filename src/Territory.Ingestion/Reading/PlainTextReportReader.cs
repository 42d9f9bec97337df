namespace Territory.Ingestion.Reading;

/// <summary>Plain text: the text stays as decoded; a short first line standing alone above a blank line is taken as the title.</summary>
public static class PlainTextReportReader
{
    private const int MaxTitleLength = 200;

    public static ReportContent Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReportContent.TextOnly(text, TitleLine(text));
    }

    // "Les groupes armés ont pris le centre-ville d'Alep\n\nDernières nouvelles…": a headline has no full stop and a blank line after it.
    private static string? TitleLine(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        while (start < span.Length && char.IsWhiteSpace(span[start]))
        {
            start++;
        }

        var end = span[start..].IndexOf('\n');
        if (end <= 0 || end > MaxTitleLength)
        {
            return null;
        }

        var line = span.Slice(start, end).Trim();
        var rest = span[(start + end + 1)..];
        var blank = rest.IndexOf('\n');
        if (line.IsEmpty || blank < 0 || !rest[..blank].IsWhiteSpace() || line[^1] is '.' or ',' or ';' or ':')
        {
            return null;
        }

        return line.ToString();
    }
}
