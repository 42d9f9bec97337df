namespace Territory.Ingestion.Reading;

/// <summary>Chooses a report's format: by its file name's extension, and by its first characters when the name says nothing.</summary>
public static class ReportFormatDetector
{
    // Tags an HTML fragment commonly starts with.
    private static readonly string[] LeadingTags =
    [
        "html", "head", "body", "meta", "title", "link", "p", "div", "article", "section", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
        "span", "table", "ul", "ol", "blockquote", "figure", "a", "b", "i", "em", "strong", "br", "base", "style", "script",
    ];

    private const int SniffLength = 4096;

    /// <summary>The format the name's extension gives (.txt .text .md .markdown .html .htm .xhtml), or null.</summary>
    public static ReportFormat? FromFileName(string? fileName)
    {
        var extension = Path.GetExtension(fileName.AsSpan());
        return extension switch
        {
            _ when extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) || extension.Equals(".text", StringComparison.OrdinalIgnoreCase) => ReportFormat.Text,
            _ when extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase) => ReportFormat.Markdown,
            _ when extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase) => ReportFormat.Html,
            _ => null,
        };
    }

    /// <summary>
    /// The format the text looks like: a doctype or a leading HTML tag, or several paragraph tags, is HTML; a front
    /// matter or a first-line "# " heading is Markdown; anything else is plain text.
    /// </summary>
    public static ReportFormat FromContent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.AsSpan(0, Math.Min(text.Length, SniffLength)).TrimStart();
        if (head.StartsWith('<') && StartsLikeHtml(head))
        {
            return ReportFormat.Html;
        }

        if (Count(head, "</p>") + Count(head, "<br") + Count(head, "</div>") >= 2)
        {
            return ReportFormat.Html;
        }

        if (head.StartsWith("---") && MarkdownReportReader.FrontMatter.Split(text.TrimStart()).FrontMatter is not null)
        {
            return ReportFormat.Markdown;
        }

        return head.StartsWith("# ") ? ReportFormat.Markdown : ReportFormat.Text;
    }

    /// <summary>By name first, then by content.</summary>
    public static ReportFormat Detect(string? fileName, string text) => FromFileName(fileName) ?? FromContent(text);

    private static bool StartsLikeHtml(ReadOnlySpan<char> head)
    {
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (head.StartsWith("<?xml", StringComparison.Ordinal) || head.StartsWith("<!--", StringComparison.Ordinal))
        {
            return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<p>", StringComparison.OrdinalIgnoreCase);
        }

        var name = head[1..];
        var end = name.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ123456");
        if (end <= 0 || name[end] is not (' ' or '>' or '/' or '\n' or '\t'))
        {
            return false;
        }

        foreach (var tag in LeadingTags)
        {
            if (name[..end].Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int Count(ReadOnlySpan<char> text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase))
        {
            count++;
            text = text[(i + value.Length)..];
        }

        return count;
    }
}
