using System.Text;
using Territory.Ingestion.Reading;

namespace Territory.Ingestion.Tests.Reading;

/// <summary>The single entry: format by name or content, decoding, reading, and the inputs refused.</summary>
public class ReportReaderTests
{
    private const string Html = "<!DOCTYPE html><html lang=\"fr\"><head><title>Alep</title><script>var leak = 'SCRIPT-LEAK';</script></head><body><p>Les rebelles sont entrés à Alep.</p></body></html>";
    private const string Markdown = "---\ntitle: Alep\npublished: 2024-11-30\nlang: fr\n---\n\nLes **rebelles** sont entrés à Alep.\n";
    private const string Text = "Les rebelles sont entrés à Alep.\n";

    [Theory]
    // file name, content → format
    [InlineData("report.txt", Text, ReportFormat.Text)]
    [InlineData("REPORT.TXT", Html, ReportFormat.Text)]
    [InlineData("report.md", Markdown, ReportFormat.Markdown)]
    [InlineData("report.markdown", Text, ReportFormat.Markdown)]
    [InlineData("report.html", Text, ReportFormat.Html)]
    [InlineData("report.htm", Html, ReportFormat.Html)]
    [InlineData(null, Html, ReportFormat.Html)]
    [InlineData("upload", "  \n<html><body><p>x</p></body></html>", ReportFormat.Html)]
    [InlineData("report.dat", "<p class=\"lead\">Les rebelles</p>", ReportFormat.Html)]
    [InlineData(null, "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></html>", ReportFormat.Html)]
    [InlineData(null, "Titre\n\nUn paragraphe.</p><p>Un autre.</p><p>Et un autre.</p>", ReportFormat.Html)]
    [InlineData(null, Markdown, ReportFormat.Markdown)]
    [InlineData(null, "# Alep tombe\n\nLes rebelles avancent.", ReportFormat.Markdown)]
    [InlineData(null, Text, ReportFormat.Text)]
    [InlineData(null, "<Alep> n'est pas une balise connue", ReportFormat.Text)]
    [InlineData(null, "---\n\nUn trait puis du texte.", ReportFormat.Text)]
    [InlineData("notes", "a < b mais c > d", ReportFormat.Text)]
    public void The_format_comes_from_the_name_then_the_content(string? fileName, string content, ReportFormat expected) =>
        Assert.Equal(expected, ReportFormatDetector.Detect(fileName, content));

    [Fact]
    public void An_HTML_report_is_read_end_to_end()
    {
        var report = ReportReader.Read(Encoding.UTF8.GetBytes(Html), "uploads/2024/alep.html");
        Assert.Equal("Les rebelles sont entrés à Alep.", report.Text);
        Assert.Equal(ReportFormat.Html, report.Format);
        Assert.Equal("utf-8", report.Encoding);
        Assert.Equal("Alep", report.Title);
        Assert.Equal("fr", report.LanguageHint);
        Assert.Equal("alep.html", report.OriginalName);
        Assert.Equal(Encoding.UTF8.GetByteCount(Html), report.ByteCount);
    }

    [Fact]
    public void A_Markdown_report_is_read_end_to_end()
    {
        var report = ReportReader.Read(Encoding.UTF8.GetBytes(Markdown), @"C:\Users\analyste\Desktop\alep.md");
        Assert.Equal("Les rebelles sont entrés à Alep.", report.Text);
        Assert.Equal(ReportFormat.Markdown, report.Format);
        Assert.Equal(new DateOnly(2024, 11, 30), report.PublishedHint!.Date);
        Assert.Equal("alep.md", report.OriginalName);
    }

    [Fact]
    public void A_Latin_1_text_file_with_French_accents_is_decoded_right()
    {
        const string french = "Les forces du régime ont reculé vers Hama ; « c'est la débâcle », a déclaré un officier. Où sont passés les renforts ? Ça ne s'était jamais vu.";
        var report = ReportReader.Read(Encoding.Latin1.GetBytes(french), "depeche.txt");
        Assert.Equal(french, report.Text);
        Assert.Equal("windows-1252", report.Encoding);
        Assert.Equal("fr", LanguageDetector.Default.Detect(report.Text).Language);
    }

    [Fact]
    public void A_UTF_16_file_with_a_BOM_is_read()
    {
        const string arabic = "سيطرت الفصائل المسلحة على معظم أحياء مدينة حلب.\r\nوقال المرصد إن الجيش انسحب.";
        var report = ReportReader.Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(arabic)], "تقرير.txt");
        Assert.Equal(arabic.Replace("\r\n", "\n", StringComparison.Ordinal), report.Text);
        Assert.Equal("utf-16le", report.Encoding);
        Assert.Equal("تقرير.txt", report.OriginalName);
    }

    [Fact]
    public void An_HTML_page_in_a_declared_legacy_charset_is_decoded_in_it()
    {
        var arabic = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        const string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>سيطرت الفصائل على حلب</p></body></html>";
        var report = ReportReader.Read(arabic.GetBytes(page), "page.html");
        Assert.Equal("windows-1256", report.Encoding);
        Assert.Equal("سيطرت الفصائل على حلب", report.Text);
    }

    [Fact]
    public void A_declared_charset_does_not_override_valid_UTF_8()
    {
        const string page = "<html><head><meta charset=\"windows-1256\"></head><body><p>Les rebelles à Alep</p></body></html>";
        var report = ReportReader.Read(Encoding.UTF8.GetBytes(page), "page.html");
        Assert.Equal("utf-8", report.Encoding);
        Assert.Equal("Les rebelles à Alep", report.Text);
    }

    [Fact]
    public void Scripts_and_styles_of_an_HTML_report_do_not_reach_the_text()
    {
        const string page = """
            <html><head><style>body { font: 12px serif } .x::after { content: "STYLE-LEAK" }</style>
            <script src="app.js"></script><script>document.title = "SCRIPT-LEAK"; if (a < b && c > d) {}</script></head>
            <body onload="alert('HANDLER-LEAK')"><p style="color:red">Les combats continuent.</p><script>track("SCRIPT-LEAK")</script></body></html>
            """;
        var report = ReportReader.Read(Encoding.UTF8.GetBytes(page), null);
        Assert.Equal("Les combats continuent.", report.Text);
    }

    [Fact]
    public void A_report_naming_no_place_reads_fine()
    {
        var report = ReportReader.Read(Encoding.UTF8.GetBytes("Le ministre a tenu une conférence de presse ce matin.\n\nAucune autre précision n'a été donnée."), "sans-lieu.txt");
        Assert.Equal("Le ministre a tenu une conférence de presse ce matin.\n\nAucune autre précision n'a été donnée.", report.Text);
    }

    [Fact]
    public void A_plain_text_headline_above_a_blank_line_is_its_title()
    {
        Assert.Equal("Les groupes armés ont pris le centre-ville d'Alep", ReportReader.Read(Encoding.UTF8.GetBytes("Les groupes armés ont pris le centre-ville d'Alep\n\nDernières nouvelles…"), "a.txt").Title);
        Assert.Null(ReportReader.Read(Encoding.UTF8.GetBytes("Une phrase complète.\n\nUne autre."), "b.txt").Title);
        Assert.Null(ReportReader.Read(Encoding.UTF8.GetBytes("Une ligne\nsuivie d'une autre"), "c.txt").Title);
    }

    public static TheoryData<string, byte[], string?, ReportRejection> Refused => new()
    {
        // name, bytes, file name, reason
        { "empty file", [], "vide.txt", ReportRejection.Empty },
        { "whitespace only", Encoding.UTF8.GetBytes("\n \n\t\n"), "blanc.txt", ReportRejection.Empty },
        { "a PNG named .txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "photo.txt", ReportRejection.Binary },
        { "random bytes", RandomBytes(), "x.bin", ReportRejection.Binary },
        { "HTML with only scripts", Encoding.UTF8.GetBytes("<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>"), "vide.html", ReportRejection.Empty },
        { "only a front matter", Encoding.UTF8.GetBytes("---\ntitle: Rien\n---\n\n![](photo.jpg)\n"), "vide.md", ReportRejection.Empty },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_input_is_refused(string name, byte[] bytes, string? fileName, ReportRejection reason)
    {
        var error = Assert.Throws<ReportRejectedException>(() => ReportReader.Read(bytes, fileName));
        Assert.True(error.Reason == reason, $"{name}: {error.Reason}: {error.Message}");
    }

    [Fact]
    public void A_50_MB_input_is_refused_on_its_size_before_decoding()
    {
        var bytes = new byte[50 * 1024 * 1024]; // NUL bytes: decoding would refuse them as binary, not as too large
        var error = Assert.Throws<ReportRejectedException>(() => ReportReader.Read(bytes, "enorme.txt"));
        Assert.Equal(ReportRejection.TooLarge, error.Reason);
        Assert.Contains("52,428,800 bytes (50 MB)", error.Message, StringComparison.Ordinal);
        Assert.Contains("2,097,152 bytes (2 MB)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_over_the_limit_is_refused_without_reading_it_all()
    {
        using var stream = new EndlessStream();
        var error = Assert.Throws<ReportRejectedException>(() => ReportReader.Read(stream, "flux.txt", new ReportReadOptions { MaxBytes = 1024 * 1024 }));
        Assert.Equal(ReportRejection.TooLarge, error.Reason);
        Assert.True(stream.BytesRead <= 1024 * 1024 + 1, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void A_seekable_stream_over_the_limit_is_refused_on_its_length()
    {
        using var stream = new MemoryStream(new byte[3 * 1024 * 1024]);
        var error = Assert.Throws<ReportRejectedException>(() => ReportReader.Read(stream, "gros.txt", ReportReadOptions.Default));
        Assert.Equal("the report is 3,145,728 bytes (3 MB), over the limit of 2,097,152 bytes (2 MB)", error.Message);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void A_stream_within_the_limit_is_read()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Markdown));
        Assert.Equal("Les rebelles sont entrés à Alep.", ReportReader.Read(stream, "a.md", ReportReadOptions.Default).Text);
    }

    [Fact]
    public void The_format_can_be_forced()
    {
        var report = ReportReader.Read(Encoding.UTF8.GetBytes("<p>Texte</p>"), "a.html", new ReportReadOptions { Format = ReportFormat.Text });
        Assert.Equal("<p>Texte</p>", report.Text);
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[2048];
        new Random(3).NextBytes(bytes);
        return bytes;
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
