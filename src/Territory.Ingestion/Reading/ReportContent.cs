namespace Territory.Ingestion.Reading;

/// <summary>What a format reader takes out of a decoded report: the plain text and what the document says about itself.</summary>
/// <param name="Text">The plain text, paragraphs separated by a blank line.</param>
/// <param name="Title">The report's title, when it gives one.</param>
/// <param name="Published">The publication date it states.</param>
/// <param name="SourceUrl">The address it says it was published at (absolute http or https).</param>
/// <param name="Outlet">The outlet or site that published it.</param>
/// <param name="Language">The language it declares (a lower-case primary tag: fr, en, ar...); a hint, not a detection.</param>
/// <param name="Restates">The outlets it says it restates (the samples' front matter).</param>
/// <param name="Metadata">Everything else it declares, by name (front matter keys, meta tags).</param>
public sealed record ReportContent(
    string Text,
    string? Title,
    PublishedHint? Published,
    string? SourceUrl,
    string? Outlet,
    string? Language,
    IReadOnlyList<string> Restates,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Only text: nothing declared.</summary>
    public static ReportContent TextOnly(string text, string? title = null) =>
        new(text, title, null, null, null, null, [], EmptyMetadata);

    internal static IReadOnlyDictionary<string, string> EmptyMetadata { get; } = new Dictionary<string, string>().AsReadOnly();

    /// <summary>An absolute http(s) address, or null.</summary>
    internal static string? AbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.OriginalString
            : null;

    /// <summary>"fr-FR", "fr_FR", "FR" → "fr"; null for anything that is not a language tag.</summary>
    internal static string? LanguageTag(string? value)
    {
        var tag = value?.Trim();
        if (string.IsNullOrEmpty(tag))
        {
            return null;
        }

        var end = tag.AsSpan().IndexOfAny('-', '_');
        var primary = end < 0 ? tag : tag[..end];
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetter) ? primary.ToLowerInvariant() : null;
    }
}
