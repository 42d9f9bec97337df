using System.Diagnostics;
using System.Text;
using Territory.Ingestion.Reading;

namespace Territory.Ingestion.Tests.Reading;

/// <summary>Bytes → text: encodings, line endings, normalisation, and the inputs refused.</summary>
public class ReportDecoderTests
{
    private const string French = "Les rebelles sont entrés à Alep ; l'armée a reculé vers Hama, « selon l'OSDH ». Ça coûte cher : 255 morts.";

    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static TheoryData<string, byte[], string, bool> Encoded => new()
    {
        // name, bytes, expected encoding, byte-order mark
        { "UTF-8", Encoding.UTF8.GetBytes(French), "utf-8", false },
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(French)], "utf-8", true },
        { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(French)], "utf-16le", true },
        { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(French)], "utf-16be", true },
        { "UTF-32 LE with BOM", [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(French)], "utf-32le", true },
        { "Latin-1", Latin1.GetBytes(French), "windows-1252", false },
        { "ASCII", Encoding.ASCII.GetBytes("Rebels entered Aleppo."), "utf-8", false },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void The_encoding_is_detected_and_the_text_decoded(string name, byte[] bytes, string encoding, bool bom)
    {
        var decoded = ReportDecoder.Decode(bytes);
        Assert.True(decoded.Encoding == encoding, $"{name}: read as {decoded.Encoding}");
        Assert.Equal(bom, decoded.ByteOrderMark);
        Assert.Equal(bytes.Length, decoded.ByteCount);
        Assert.Equal(name == "ASCII" ? "Rebels entered Aleppo." : French, decoded.Text);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void Windows_1252_punctuation_is_read_as_Windows_1252()
    {
        // 0x92 is the typographic apostrophe, 0x85 the ellipsis, 0x80 the euro sign, 0x9C the œ ligature.
        byte[] bytes = [.. Latin1.GetBytes("l"), 0x92, .. Latin1.GetBytes("armée avance"), 0x85, .. Latin1.GetBytes(" 5 "), 0x80, .. Latin1.GetBytes(" c"), 0x9C, .. Latin1.GetBytes("ur")];
        var decoded = ReportDecoder.Decode(bytes);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Equal("l’armée avance… 5 € cœur", decoded.Text);
    }

    [Fact]
    public void Stray_Latin_1_bytes_in_UTF_8_are_repaired_and_reported()
    {
        // A UTF-8 report with one sentence pasted from a Latin-1 source.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Les forces syriennes ont reculé. "), .. Latin1.GetBytes("Le régime a envoyé des renforts."), .. Encoding.UTF8.GetBytes(" Fin du communiqué.")];
        var decoded = ReportDecoder.Decode(bytes);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Equal("Les forces syriennes ont reculé. Le régime a envoyé des renforts. Fin du communiqué.", decoded.Text);
        Assert.Contains("2 byte(s) were not valid UTF-8", Assert.Single(decoded.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Mostly_Latin_1_with_an_accidental_UTF_8_sequence_is_Latin_1()
    {
        var bytes = Latin1.GetBytes("À Alep, l'armée a reculé ; les rebelles ont pris la citadelle. Ã© reste tel quel.");
        var decoded = ReportDecoder.Decode(bytes);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Equal("À Alep, l'armée a reculé ; les rebelles ont pris la citadelle. Ã© reste tel quel.", decoded.Text);
    }

    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("titre\r\n\r\ncorps\r\n", "titre\n\ncorps\n")]
    [InlineData("a\u2028b\u2029c", "a\nb\n\nc")]
    public void Line_endings_become_newlines(string input, string expected) =>
        Assert.Equal(expected, ReportDecoder.Decode(Encoding.UTF8.GetBytes(input)).Text);

    [Fact]
    public void Text_is_normalised_to_NFC_and_otherwise_kept()
    {
        // "é" written as e + combining acute, and Arabic with its vowel marks (already NFC: kept as is).
        const string decomposed = "Le re\u0301gime  —  Hamdaniye\u0301\tحَلَب\u00A0!";
        var decoded = ReportDecoder.Decode(Encoding.UTF8.GetBytes(decomposed));
        Assert.Equal("Le régime  —  Hamdaniyé\tحَلَب\u00A0!", decoded.Text);
        Assert.True(decoded.Text.IsNormalized(NormalizationForm.FormC));
    }

    public static TheoryData<string, byte[], ReportRejection, string> Refused => new()
    {
        // name, bytes, reason, words the message must contain
        { "empty file", [], ReportRejection.Empty, "empty" },
        { "whitespace only", Encoding.UTF8.GetBytes("  \n\t\r\n   \n"), ReportRejection.Empty, "only whitespace" },
        { "a BOM and spaces", [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0xE2, 0x80, 0x8B], ReportRejection.Empty, "empty" },
        { "UTF-16 whitespace", [0xFF, 0xFE, 0x20, 0x00, 0x0A, 0x00], ReportRejection.Empty, "empty" },
        { "PNG header", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], ReportRejection.Binary, "PNG image" },
        { "PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ReportRejection.Binary, "PDF document" },
        { "ZIP", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], ReportRejection.Binary, "ZIP archive" },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], ReportRejection.Binary, "JPEG image" },
        { "gzip", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], ReportRejection.Binary, "gzip archive" },
        { "random bytes", RandomBytes(4096, seed: 7, allowNul: true), ReportRejection.Binary, "NUL bytes" },
        { "random bytes without NUL", RandomBytes(4096, seed: 11, allowNul: false), ReportRejection.Binary, "control or unreadable characters" },
        { "UTF-16 without BOM", Encoding.Unicode.GetBytes("Les rebelles sont entrés à Alep."), ReportRejection.Binary, "UTF-16 text without a byte-order mark" },
        { "text with many control characters", Encoding.ASCII.GetBytes("Alep\u0001\u0002\u0003\u0004 Idlib\u0005\u0006\u0007 Hama"), ReportRejection.Binary, "control" },
        { "truncated UTF-16", [0xFF, 0xFE, 0x41, 0x00, 0x42], ReportRejection.Undecodable, "not a multiple of 2" },
        { "UTF-16 with a lone surrogate", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], ReportRejection.Undecodable, "not valid utf-16" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_input_is_refused_with_a_message_naming_the_problem(string name, byte[] bytes, ReportRejection reason, string words)
    {
        var error = Assert.Throws<ReportRejectedException>(() => ReportDecoder.Decode(bytes));
        Assert.True(error.Reason == reason, $"{name}: {error.Reason}: {error.Message}");
        Assert.Contains(words, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_few_control_characters_in_a_long_text_are_kept()
    {
        var text = string.Concat(Enumerable.Repeat("Les combats se poursuivent au nord d'Alep. ", 20)) + "\u000C\u0001";
        Assert.Equal(text, ReportDecoder.Decode(Encoding.UTF8.GetBytes(text)).Text);
    }

    [Fact]
    public void A_50_MB_input_fails_fast_on_the_size_check_naming_the_size_and_the_limit()
    {
        // NUL bytes: were they looked at before the size, the report would be refused as binary instead.
        var bytes = new byte[50 * 1024 * 1024];
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ReportRejectedException>(() => ReportDecoder.Decode(bytes));
        watch.Stop();
        Assert.Equal(ReportRejection.TooLarge, error.Reason);
        Assert.Equal("the report is 52,428,800 bytes (50 MB), over the limit of 2,097,152 bytes (2 MB)", error.Message);
        Assert.True(watch.ElapsedMilliseconds < 100, $"took {watch.ElapsedMilliseconds} ms: the size is checked after decoding");
    }

    [Fact]
    public void The_caller_sets_the_size_limit()
    {
        var bytes = Encoding.UTF8.GetBytes(French);
        Assert.Equal(French, ReportDecoder.Decode(bytes, maxBytes: bytes.Length).Text);
        var error = Assert.Throws<ReportRejectedException>(() => ReportDecoder.Decode(bytes, maxBytes: 100));
        Assert.Equal($"the report is {bytes.Length} bytes, over the limit of 100 bytes", error.Message);
    }

    [Fact]
    public void A_declared_encoding_is_used_when_given()
    {
        var arabic = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        var decoded = ReportDecoder.Decode(arabic.GetBytes("سيطرت الفصائل على حلب"), arabic);
        Assert.Equal("windows-1256", decoded.Encoding);
        Assert.Equal("سيطرت الفصائل على حلب", decoded.Text);
    }

    private static byte[] RandomBytes(int length, int seed, bool allowNul)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        if (!allowNul)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
            }
        }

        return bytes;
    }
}
