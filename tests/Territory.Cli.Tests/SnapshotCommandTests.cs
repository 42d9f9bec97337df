using System.Xml.Linq;
using Territory.Cli;
using Territory.Testing;

namespace Territory.Cli.Tests;

/// <summary>A migrated database holding the hand-entered snapshot territories.</summary>
public sealed class SnapshotCliDatabase : TestDatabase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SnapshotTestData.InsertAsync(DataSource);
    }
}

public class SnapshotCommandTests(SnapshotCliDatabase database) : IClassFixture<SnapshotCliDatabase>
{
    [Fact]
    public async Task Snapshot_writes_the_same_svg_twice_and_a_png_of_the_requested_size()
    {
        var folder = Directory.CreateTempSubdirectory("territory-snapshot-");
        try
        {
            var svg = Path.Combine(folder.FullName, "map.svg");
            var common = new[] { "snapshot", "--date", "2024-11-30", "--bbox", SnapshotTestData.Bbox, "--width", "800", "--height", "500", "--title", "Alep", "--lang", "fr", "--connection", database.ConnectionString };
            var (code, output, errors) = await RunAsync([.. common, "--out", svg]);
            Assert.True(code == 0, errors);
            Assert.Contains("4 territories, 2 reports", output, StringComparison.Ordinal);
            var first = await File.ReadAllBytesAsync(svg, TestContext.Current.CancellationToken);
            Assert.Equal("Alep", XDocument.Load(svg).Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Single(t => (string?)t.Attribute("id") == "title").Value);
            Assert.Equal(0, (await RunAsync([.. common, "--out", svg])).Code);
            Assert.Equal(first, await File.ReadAllBytesAsync(svg, TestContext.Current.CancellationToken));

            var png = Path.Combine(folder.FullName, "map.png");
            Assert.Equal(0, (await RunAsync([.. common, "--out", png])).Code);
            Assert.Equal((800, 500), PngImage.ReadSize(await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--bbox", "36,35,37", "--bbox")]
    [InlineData("--width", "99999", "--width")]
    [InlineData("--lang", "de", "--lang")]
    [InlineData("--date", "2024-11-31", "--date")]
    public async Task A_bad_option_is_a_usage_error_naming_it_and_writes_nothing(string option, string value, string named)
    {
        var output = Path.Combine(Path.GetTempPath(), $"territory-{Guid.NewGuid():N}.png");
        string[] args = ["snapshot", "--date", "2024-11-30", "--out", output, "--connection", database.ConnectionString];
        var index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, option, value];
        var (code, _, errors) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(named, errors, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task An_output_that_is_not_svg_or_png_is_refused()
    {
        var (code, _, errors) = await RunAsync("snapshot", "--date", "2024-11-30", "--out", "map.jpg", "--connection", database.ConnectionString);
        Assert.Equal(2, code);
        Assert.Contains(".svg or .png", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await TerritoryCommand.RunAsync(args, new CliConsole(new StringReader(string.Empty), output, errors, IsInteractive: false), TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
