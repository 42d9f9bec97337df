namespace Territory.Ingestion.Reading;

/// <summary>Options of <see cref="ReportReader"/>.</summary>
public sealed record ReportReadOptions
{
    public static ReportReadOptions Default { get; } = new();

    /// <summary>The largest report accepted, in input bytes (default 2 MB); checked before anything is decoded.</summary>
    public long MaxBytes { get; init; } = ReportDecoder.DefaultMaxBytes;

    /// <summary>Read as this format whatever the name and content say.</summary>
    public ReportFormat? Format { get; init; }
}

/// <summary>A report read: its plain text (what every later offset refers to) and what it says about itself.</summary>
/// <param name="Text">Plain text, line endings \n, Unicode NFC, paragraphs separated by a blank line.</param>
/// <param name="Format">How the input was written.</param>
/// <param name="Encoding">The encoding the bytes were read in (<see cref="DecodedText.Encoding"/>).</param>
/// <param name="Title">The title it gives (front matter, &lt;h1&gt;/&lt;title&gt;, or a plain text's headline line).</param>
/// <param name="PublishedHint">The publication date it states, and where.</param>
/// <param name="SourceUrl">The address it says it was published at.</param>
/// <param name="Outlet">The outlet it names (front matter outlet, og:site_name).</param>
/// <param name="LanguageHint">The language it declares (front matter lang, &lt;html lang&gt;); see <see cref="LanguageDetector"/> for the detected one.</param>
/// <param name="Restates">The outlets it restates, as the samples' front matter lists them.</param>
/// <param name="Metadata">Everything else it declares, by name.</param>
/// <param name="OriginalName">The file name it came with (without folders).</param>
/// <param name="ByteCount">The input's size in bytes.</param>
/// <param name="Warnings">What reading repaired, in words.</param>
public sealed record ReadReport(
    string Text,
    ReportFormat Format,
    string Encoding,
    string? Title,
    PublishedHint? PublishedHint,
    string? SourceUrl,
    string? Outlet,
    string? LanguageHint,
    IReadOnlyList<string> Restates,
    IReadOnlyDictionary<string, string> Metadata,
    string? OriginalName,
    long ByteCount,
    IReadOnlyList<string> Warnings);
