using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Territory.Ingestion.Reading;

/// <summary>A report's bytes turned into text, with the encoding that was used.</summary>
/// <param name="Text">The text: line endings are \n, Unicode is NFC, nothing else is changed. Offsets computed later refer to it.</param>
/// <param name="Encoding">The encoding's WHATWG name: utf-8, utf-16le, utf-16be, utf-32le, utf-32be, windows-1252, or a charset an HTML page declared.</param>
/// <param name="ByteOrderMark">The bytes began with a byte-order mark (dropped from <paramref name="Text"/>).</param>
/// <param name="ByteCount">The number of input bytes.</param>
/// <param name="Warnings">What the decoder repaired, in words (for example stray Windows-1252 bytes in UTF-8).</param>
public sealed record DecodedText(string Text, string Encoding, bool ByteOrderMark, long ByteCount, IReadOnlyList<string> Warnings);

/// <summary>
/// Bytes → text. UTF-8 (with or without BOM) first; UTF-16 and UTF-32 when a byte-order mark says so; otherwise
/// Windows-1252 (a superset of Latin-1 for text) for 8-bit text. Binary files, empty files and files over the size
/// limit are refused with a <see cref="ReportRejectedException"/> naming the problem.
/// </summary>
public static class ReportDecoder
{
    /// <summary>The default size limit: 2 MB of input bytes.</summary>
    public const long DefaultMaxBytes = 2 * 1024 * 1024;

    // Above this share of control (or replacement) characters a file is not text.
    private const double MaxControlShare = 0.02;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Windows-1252 for 0x80–0x9F; the five undefined bytes map to their C1 controls (as WHATWG does) and then count as controls.
    private static readonly char[] Windows1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    private static readonly SearchValues<char> Unusual = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\uFFFD");

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\u0085\u2028\u2029");

    private static readonly (byte[] Signature, string What)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a Word, Excel or OpenDocument file)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        ([0x50, 0x4B, 0x07, 0x08], "a ZIP archive"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ("GIF87a"u8.ToArray(), "a GIF image"),
        ("GIF89a"u8.ToArray(), "a GIF image"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office document"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ("Rar!\u001A\u0007"u8.ToArray(), "a RAR archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a zstd archive"),
        ("BZh91AY&SY"u8.ToArray(), "a bzip2 archive"),
    ];

    /// <summary>Decodes <paramref name="bytes"/>, choosing the encoding.</summary>
    /// <exception cref="ReportRejectedException">Empty, too large, binary or undecodable input.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes)
    {
        CheckSize(bytes.Length, maxBytes);
        if (bytes.IsEmpty)
        {
            throw new ReportRejectedException(ReportRejection.Empty, "the report is empty (0 bytes)");
        }

        CheckSignature(bytes);
        string[]? warnings = null;
        string text;
        string encoding;
        var bom = true;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            (text, encoding) = (DecodeWide(bytes[4..], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4), "utf-32le");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            (text, encoding) = (DecodeWide(bytes[4..], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4), "utf-32be");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (text, encoding) = (DecodeWide(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2), "utf-16le");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (text, encoding) = (DecodeWide(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2), "utf-16be");
        }
        else
        {
            bom = bytes.StartsWith("\uFEFF"u8);
            var body = bom ? bytes[3..] : bytes;
            CheckNoNul(body);
            encoding = "utf-8";
            if (Utf8.IsValid(body))
            {
                text = StrictUtf8.GetString(body);
            }
            else
            {
                var (multiByte, invalid) = CountUtf8(body);
                if (bom || multiByte >= invalid)
                {
                    // Mostly UTF-8 with a few stray 8-bit bytes (text pasted from two sources): keep the UTF-8 and read each stray byte as Windows-1252.
                    text = DecodeUtf8WithFallback(body);
                    warnings = [string.Create(CultureInfo.InvariantCulture, $"{invalid} byte(s) were not valid UTF-8 and were read as Windows-1252")];
                }
                else
                {
                    text = DecodeWindows1252(body);
                    encoding = "windows-1252";
                }
            }
        }

        return Finish(text, encoding, bom, bytes.Length, warnings);
    }

    /// <summary>Decodes <paramref name="bytes"/> in an encoding the document declares (an HTML page's charset); a byte-order mark still wins.</summary>
    /// <exception cref="ReportRejectedException">Empty, too large, binary or undecodable input.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, Encoding declared, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(declared);
        CheckSize(bytes.Length, maxBytes);
        if (bytes.IsEmpty || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith("\uFEFF"u8)
            || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Decode(bytes, maxBytes);
        }

        CheckSignature(bytes);
        CheckNoNul(bytes);
        return Finish(declared.GetString(bytes), declared.WebName, false, bytes.Length, null);
    }

    /// <summary>Refuses a report over the limit before anything else is done with it.</summary>
    /// <exception cref="ReportRejectedException">The report is larger than <paramref name="maxBytes"/>.</exception>
    public static void CheckSize(long length, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (length > maxBytes)
        {
            throw new ReportRejectedException(
                ReportRejection.TooLarge,
                $"the report is {FormatSize(length)}, over the limit of {FormatSize(maxBytes)}");
        }
    }

    /// <summary>"52,428,800 bytes (50.0 MB)": exact, then readable.</summary>
    internal static string FormatSize(long bytes)
    {
        var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
        return bytes switch
        {
            < 1024 => exact,
            < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{exact} ({bytes / 1024.0:0.#} KB)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{exact} ({bytes / (1024.0 * 1024.0):0.#} MB)"),
        };
    }

    private static void CheckSignature(ReadOnlySpan<byte> bytes)
    {
        foreach (var (signature, what) in Signatures)
        {
            if (bytes.StartsWith(signature))
            {
                throw new ReportRejectedException(ReportRejection.Binary, $"the report is {what}, not text");
            }
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            throw new ReportRejectedException(ReportRejection.Binary, "the report is a WebP image, not text");
        }
    }

    private static void CheckNoNul(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ReportRejectedException(
                ReportRejection.Binary,
                string.Create(CultureInfo.InvariantCulture, $"the report contains NUL bytes (the first at byte {nul}): it is a binary file, or UTF-16 text without a byte-order mark"));
        }
    }

    private static string DecodeWide(ReadOnlySpan<byte> bytes, Encoding encoding, int unit)
    {
        if (bytes.Length % unit != 0)
        {
            throw new ReportRejectedException(
                ReportRejection.Undecodable,
                string.Create(CultureInfo.InvariantCulture, $"the report starts with a {encoding.WebName} byte-order mark but its length ({bytes.Length + unit} bytes) is not a multiple of {unit}: it is truncated or not {encoding.WebName}"));
        }

        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ReportRejectedException(ReportRejection.Undecodable, $"the report starts with a {encoding.WebName} byte-order mark but is not valid {encoding.WebName} ({e.Message})");
        }
    }

    // Valid multi-byte sequences and invalid bytes: which of UTF-8 or Windows-1252 explains the text better.
    private static (int MultiByte, int Invalid) CountUtf8(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                multiByte++;
            }
            else
            {
                invalid += consumed;
            }

            bytes = bytes[consumed..];
        }

        return (multiByte, invalid);
    }

    private static string DecodeUtf8WithFallback(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        Span<char> pair = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            var run = ascii < 0 ? bytes.Length : ascii;
            if (run > 0)
            {
                builder.Append(Encoding.ASCII.GetString(bytes[..run]));
                bytes = bytes[run..];
                continue;
            }

            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == OperationStatus.Done)
            {
                builder.Append(pair[..rune.EncodeToUtf16(pair)]);
            }
            else
            {
                foreach (var b in bytes[..consumed])
                {
                    builder.Append(Windows1252(b));
                }
            }

            bytes = bytes[consumed..];
        }

        return builder.ToString();
    }

    private static string DecodeWindows1252(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = Windows1252(source[i]);
            }
        });

    private static char Windows1252(byte b) => b is >= 0x80 and < 0xA0 ? Windows1252High[b - 0x80] : (char)b;

    private static DecodedText Finish(string text, string encoding, bool bom, long byteCount, string[]? warnings)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        CheckControls(text);
        text = NormalizeLineEndings(text);
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        if (IsBlank(text))
        {
            throw new ReportRejectedException(ReportRejection.Empty, text.Length == 0 ? "the report is empty" : "the report is empty: it holds only whitespace");
        }

        return new DecodedText(text, encoding, bom, byteCount, warnings is null ? [] : [.. warnings]);
    }

    private static void CheckControls(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAny(Unusual);
        if (first < 0)
        {
            return;
        }

        if (span.Contains('\0'))
        {
            throw new ReportRejectedException(ReportRejection.Binary, "the report contains NUL characters: it is a binary file");
        }

        var count = 0;
        for (var i = first; i < span.Length; i++)
        {
            if (Unusual.Contains(span[i]))
            {
                count++;
            }
        }

        if (count > MaxControlShare * span.Length)
        {
            throw new ReportRejectedException(
                ReportRejection.Binary,
                string.Create(CultureInfo.InvariantCulture, $"the report looks binary: {count} of its {span.Length} characters ({100.0 * count / span.Length:0.#}%) are control or unreadable characters"));
        }
    }

    // \r\n, \r, NEL and the Unicode line separator become \n; the paragraph separator becomes a blank line.
    private static string NormalizeLineEndings(string text)
    {
        var first = text.AsSpan().IndexOfAny(LineBreaks);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u0085' or '\u2028':
                    builder.Append('\n');
                    break;
                case '\u2029':
                    builder.Append("\n\n");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'))
            {
                return false;
            }
        }

        return true;
    }
}
