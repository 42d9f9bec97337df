using System.Globalization;
using System.Text.Json;
using Territory.Cli;
using Territory.Testing;

namespace Territory.Cli.Tests;

/// <summary>A migrated database holding the hand-entered territories and control states of the measure tests.</summary>
public sealed class MeasureCliDatabase : TestDatabase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await MeasureTestData.InsertAsync(DataSource);
    }
}

public class AreaCommandTests(MeasureCliDatabase database) : IClassFixture<MeasureCliDatabase>
{
    [Fact]
    public async Task Area_as_json_gives_the_bounds_the_change_and_the_changed_places_with_quotes()
    {
        var (code, output, errors) = await RunAsync("area", "--from", "2024-11-29", "--to", "2024-11-30", "--region", "Alep", "--format", "json", "--connection", database.ConnectionString);
        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("SY02", json.RootElement.GetProperty("region").GetProperty("pcode").GetString());
        var hts = json.RootElement.GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("actor").GetString() == "hts");
        Assert.True(hts.GetProperty("change").GetProperty("heldKm2").GetDouble() > 0, "HTS gained ground in the governorate");
        Assert.True(hts.GetProperty("to").GetProperty("upperKm2").GetDouble() > hts.GetProperty("to").GetProperty("heldKm2").GetDouble());
        var saraqib = json.RootElement.GetProperty("changedPlaces").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Saraqib");
        Assert.Equal(MeasureTestData.SaraqibQuote, saraqib.GetProperty("events")[0].GetProperty("sources")[0].GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Area_as_csv_has_one_row_per_actor_agreeing_with_json()
    {
        var common = new[] { "area", "--from", "2024-11-29", "--to", "2024-11-30", "--place", "Aleppo", "--radius-km", "40", "--connection", database.ConnectionString };
        var (code, output, errors) = await RunAsync([.. common, "--format", "csv"]);
        Assert.True(code == 0, errors);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("actor", header[3]);
        Assert.Contains("upper_to_km2", header);
        var json = JsonDocument.Parse((await RunAsync([.. common, "--format", "json"])).Output);
        var actors = json.RootElement.GetProperty("actors").EnumerateArray().ToList();
        Assert.Equal(actors.Count, lines.Length - 1);
        foreach (var actor in actors)
        {
            // The method column is quoted (it holds commas); the figures come before it.
            var row = lines.Single(l => l.Split(',')[3] == actor.GetProperty("actor").GetString()).Split(',');
            Assert.Equal(Math.Round(actor.GetProperty("to").GetProperty("heldKm2").GetDouble(), 3), double.Parse(row[Array.IndexOf(header, "held_to_km2")], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Area_as_a_table_names_the_region_the_actors_and_the_method()
    {
        var polygon = Path.Combine(Path.GetTempPath(), $"territory-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(polygon, """{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[36.5,36.0],[37.5,36.0],[37.5,36.6],[36.5,36.6],[36.5,36.0]]]}}""", TestContext.Current.CancellationToken);
        try
        {
            var (code, output, errors) = await RunAsync("area", "--from", "2024-11-29", "--to", "2024-11-30", "--polygon", polygon, "--connection", database.ConnectionString);
            Assert.True(code == 0, errors);
            Assert.Contains("drawn polygon", output, StringComparison.Ordinal);
            Assert.Contains("Anadan", output, StringComparison.Ordinal);
            Assert.Contains("Method: ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(polygon);
        }
    }

    [Theory]
    [InlineData("--radius-km", "--place", "Aleppo", "--radius-km", "-1")]
    [InlineData("--date", "--region", "SY02", "--date", "2024-11-31")]
    [InlineData("--format", "--region", "SY02", "--format", "xml")]
    [InlineData("--region", "--date", "2024-11-30")]
    public async Task A_bad_option_is_a_usage_error_naming_it(string named, params string[] options)
    {
        var (code, _, errors) = await RunAsync(["area", .. options, "--connection", database.ConnectionString]);
        Assert.Equal(2, code);
        Assert.Contains(named, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_region_fails_naming_it()
    {
        var (code, _, errors) = await RunAsync("area", "--region", "Atlantis", "--connection", database.ConnectionString);
        Assert.Equal(1, code);
        Assert.Contains("Atlantis", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await TerritoryCommand.RunAsync(args, new CliConsole(new StringReader(string.Empty), output, errors, IsInteractive: false), TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
