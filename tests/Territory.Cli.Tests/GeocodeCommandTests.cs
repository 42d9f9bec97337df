using Territory.Cli;
using Territory.Testing;

namespace Territory.Cli.Tests;

public class GeocodeCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Geocode_prints_each_mention_with_its_place_kind_coordinates_score_and_precision()
    {
        var curated = RepoFolder.Path("geo", "theater", "places.geojson");
        Assert.Equal(0, (await RunAsync("gazetteer", "import", curated, "--format", "curated", "--connection", database.ConnectionString)).Code);

        var (code, output, errors) = await RunAsync("geocode", "Les insurgés ont pris Serakib puis sont entrés dans le quartier d'Al-Hamdaniya.", "--lang", "fr", "--connection", database.ConnectionString);
        Assert.True(code == 0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("\tSerakib\t", StringComparison.Ordinal) && l.Contains("Saraqib (town", StringComparison.Ordinal) && l.Contains("precision 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Al-Hamdaniya", StringComparison.Ordinal) && l.Contains("neighbourhood", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_name_after_a_cue_is_printed_unresolved_with_candidates()
    {
        var curated = RepoFolder.Path("geo", "theater", "places.geojson");
        await RunAsync("gazetteer", "import", curated, "--format", "curated", "--connection", database.ConnectionString);
        var (code, output, _) = await RunAsync("geocode", "Les rebelles ont pris le village de Kafr Zoubaydiyeh.", "--connection", database.ConnectionString);
        Assert.Equal(0, code);
        Assert.Contains("Kafr Zoubaydiyeh\tUNRESOLVED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_text_is_a_usage_error()
    {
        var (code, _, errors) = await RunAsync("geocode", "--connection", database.ConnectionString);
        Assert.Equal(2, code);
        Assert.Contains("no text to geocode", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await TerritoryCommand.RunAsync(args, new CliConsole(new StringReader(string.Empty), output, errors, IsInteractive: false), TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
