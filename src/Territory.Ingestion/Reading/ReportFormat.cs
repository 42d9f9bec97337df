namespace Territory.Ingestion.Reading;

/// <summary>How a report's text is written.</summary>
public enum ReportFormat
{
    /// <summary>Plain text, read as it is.</summary>
    Text,

    /// <summary>Markdown with an optional front matter (the format of data/samples).</summary>
    Markdown,

    /// <summary>An HTML page.</summary>
    Html,
}
