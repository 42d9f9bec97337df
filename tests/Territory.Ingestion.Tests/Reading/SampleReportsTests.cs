using Territory.Ingestion.Reading;
using Territory.Testing;

namespace Territory.Ingestion.Tests.Reading;

/// <summary>The team's sample reports (data/samples) and the shared seed reports read as what they are.</summary>
public class SampleReportsTests
{
    public static TheoryData<string> Samples => [.. Directory.GetFiles(RepoFolder.Path("data", "samples"), "*_*_*.md").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_report_reads_with_its_front_matter_and_its_language(string fileName)
    {
        var report = ReportReader.Read(File.ReadAllBytes(RepoFolder.Path("data", "samples", fileName)), fileName);
        var parts = fileName.Split('_');
        Assert.Equal(ReportFormat.Markdown, report.Format);
        Assert.Equal(parts[0], report.PublishedHint!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(parts[1], report.LanguageHint);
        Assert.NotNull(report.Title);
        Assert.NotEmpty(report.Restates);
        Assert.DoesNotContain("---", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("title:", report.Text, StringComparison.Ordinal);
        var detection = LanguageDetector.Default.Detect(report.Text);
        Assert.True(detection.Language == parts[1] && detection.Confidence > 0.8, $"{fileName}: {detection}");
    }

    [Fact]
    public void The_seed_reports_are_French_UTF_8_text()
    {
        var folder = SharedFolder.Require("seeds");
        var files = Directory.GetFiles(folder, "*.txt");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var report = ReportReader.Read(File.ReadAllBytes(file), Path.GetFileName(file));
            Assert.Equal(ReportFormat.Text, report.Format);
            Assert.Equal("utf-8", report.Encoding);
            var detection = LanguageDetector.Default.Detect(report.Text);
            Assert.True(detection.Language == "fr" && detection.Confidence > 0.8, $"{Path.GetFileName(file)}: {detection}");
        }
    }
}
