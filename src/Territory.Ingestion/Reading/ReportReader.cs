using System.Text;

namespace Territory.Ingestion.Reading;

/// <summary>
/// The first stages of the report pipeline in one call: size check → <see cref="ReportDecoder"/> →
/// <see cref="ReportFormatDetector"/> → <see cref="PlainTextReportReader"/>, <see cref="MarkdownReportReader"/> or
/// <see cref="HtmlReportReader"/>. Bytes in, a <see cref="ReadReport"/> out; no I/O beyond the stream a caller passes.
/// </summary>
public static class ReportReader
{
    /// <summary>Reads a report with the default options (2 MB limit, format from name and content).</summary>
    /// <exception cref="ReportRejectedException">Empty, too large, binary or undecodable input, or a page with no text.</exception>
    public static ReadReport Read(byte[] bytes, string? fileName) => Read(bytes, fileName, ReportReadOptions.Default);

    /// <summary>Reads a report.</summary>
    /// <exception cref="ReportRejectedException">Empty, too large, binary or undecodable input, or a page with no text.</exception>
    public static ReadReport Read(byte[] bytes, string? fileName, ReportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        ReportDecoder.CheckSize(bytes.Length, options.MaxBytes);
        var decoded = ReportDecoder.Decode(bytes, options.MaxBytes);
        var format = options.Format ?? ReportFormatDetector.Detect(fileName, decoded.Text);
        if (format == ReportFormat.Html && decoded.Encoding == "windows-1252" && DeclaredCharset(decoded.Text) is { } declared)
        {
            decoded = ReportDecoder.Decode(bytes, declared, options.MaxBytes);
        }

        var content = format switch
        {
            ReportFormat.Markdown => MarkdownReportReader.Read(decoded.Text),
            ReportFormat.Html => HtmlReportReader.Read(decoded.Text),
            _ => PlainTextReportReader.Read(decoded.Text),
        };

        if (string.IsNullOrWhiteSpace(content.Text))
        {
            throw new ReportRejectedException(
                ReportRejection.Empty,
                format == ReportFormat.Html
                    ? "the report is empty: the page has no text outside scripts, styles, forms and site navigation"
                    : "the report is empty: it holds only a front matter and Markdown syntax");
        }

        return new ReadReport(
            content.Text,
            format,
            decoded.Encoding,
            content.Title,
            content.Published,
            content.SourceUrl,
            content.Outlet,
            content.Language,
            content.Restates,
            content.Metadata,
            FileName(fileName),
            decoded.ByteCount,
            decoded.Warnings);
    }

    /// <summary>Reads a report from a stream, reading no more than the size limit allows (an upload over the limit is refused without being buffered).</summary>
    /// <exception cref="ReportRejectedException">Empty, too large, binary or undecodable input, or a page with no text.</exception>
    public static ReadReport Read(Stream stream, string? fileName, ReportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (stream.CanSeek)
        {
            ReportDecoder.CheckSize(stream.Length - stream.Position, options.MaxBytes);
        }

        var limit = options.MaxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new ReportRejectedException(
                    ReportRejection.TooLarge,
                    $"the report is larger than the limit of {ReportDecoder.FormatSize(limit)}");
            }
        }

        return Read(buffer.ToArray(), fileName, options);
    }

    // "C:\Users\x\report.html" or "uploads/report.html" → "report.html": no machine paths are kept.
    private static string? FileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return name.Length == 0 ? null : name;
    }

    // <meta charset="windows-1256"> or <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9"> in the first 1024 characters,
    // when it names a legacy encoding other than Windows-1252 (which is what Latin-1 and ASCII labels mean on the web). Used only when the bytes are not UTF-8.
    private static Encoding? DeclaredCharset(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 1024));
        for (var meta = head.IndexOf("<meta", StringComparison.OrdinalIgnoreCase); meta >= 0; meta = head.IndexOf("<meta", StringComparison.OrdinalIgnoreCase))
        {
            head = head[(meta + 5)..];
            var end = head.IndexOf('>');
            var tag = end < 0 ? head : head[..end];
            var charset = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (charset < 0)
            {
                continue;
            }

            var value = tag[(charset + 7)..].TrimStart();
            if (!value.StartsWith('='))
            {
                continue;
            }

            value = value[1..].TrimStart().TrimStart("\"'");
            var stop = value.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");
            var name = (stop < 0 ? value : value[..stop]).ToString().ToLowerInvariant();
            if (name is "" or "utf-8" or "utf8" or "windows-1252" or "cp1252" or "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1")
            {
                return null;
            }

            try
            {
                var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
                return encoding is UnicodeEncoding or UTF32Encoding or UTF8Encoding ? null : encoding; // these need a byte-order mark or are already tried
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return null;
    }
}
