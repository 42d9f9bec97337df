using Territory.Cli;
using Territory.Data.Places;
using Territory.Testing;

namespace Territory.Cli.Tests;

public sealed class GazetteerCommandTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("territory-gazetteer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Import_prints_what_it_changed_and_a_second_import_changes_nothing()
    {
        var file = WriteFile("communities.csv", "PCODE,NAME_EN,NAME_ARA,LATITUDE,LONGITUDE,CAPIT_LVL\nC3916,Saraqab,سراقب,35.8622,36.8047,3\nC1007,Aleppo,حلب,36.2021,37.1343,1\n");

        var first = await RunAsync("gazetteer", "import", file, "--format", "ocha-places", "--source", "cli-import", "--connection", database.ConnectionString);
        Assert.True(first.Code == 0, first.Errors);
        Assert.Contains("imported communities.csv: 2 records, 2 inserted, 0 updated, 0 unchanged; names +4 -0", first.Output, StringComparison.Ordinal);

        var second = await RunAsync("gazetteer", "import", file, "--format", "ocha-places", "--source", "cli-import", "--connection", database.ConnectionString);
        Assert.Contains("2 records, 0 inserted, 0 updated, 2 unchanged; names +0 -0", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_is_one_line_naming_file_and_line_and_exit_code_1()
    {
        var file = WriteFile("broken.csv", "PCODE,NAME_EN,LATITUDE,LONGITUDE\nC1,Somewhere,36.1,37.1\nC2,Elsewhere,north,37.2\n");
        var (code, output, errors) = await RunAsync("gazetteer", "import", file, "--format", "ocha-places", "--source", "cli-broken", "--connection", database.ConnectionString);

        Assert.Equal(1, code);
        Assert.Equal("territory: broken.csv: line 3: latitude (LATITUDE) 'north' is not a number", errors.Trim());
        Assert.DoesNotContain("imported", output, StringComparison.Ordinal);
        await using var count = database.DataSource.CreateCommand("SELECT count(*) FROM places WHERE source = 'cli-broken'");
        Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_file_or_an_unknown_format_is_refused()
    {
        var missing = await RunAsync("gazetteer", "import", Path.Combine(_folder, "nothing.txt"), "--format", "geonames", "--connection", database.ConnectionString);
        Assert.Equal(1, missing.Code);
        Assert.Contains("no file at", missing.Errors, StringComparison.Ordinal);

        var format = await RunAsync("gazetteer", "import", WriteFile("x.txt", string.Empty), "--format", "shapefile", "--connection", database.ConnectionString);
        Assert.NotEqual(0, format.Code);
        Assert.Contains("shapefile", format.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_loads_the_bundled_data_once_and_Aleppo_is_found()
    {
        var first = await RunAsync("setup", "--repo", RepoFolder.Root, "--connection", database.ConnectionString);
        Assert.True(first.Code == 0, first.Errors);
        Assert.Contains("imported places.geojson", first.Output + first.Errors, StringComparison.Ordinal);

        var second = await RunAsync("setup", "--repo", RepoFolder.Root, "--connection", database.ConnectionString);
        Assert.True(second.Code == 0, second.Errors);
        Assert.Contains("already loaded: geo/theater/places.geojson", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("imported", second.Output, StringComparison.Ordinal);

        var found = await new PlaceStore(database.DataSource, TimeProvider.System).SearchAsync("alep", 50, TestContext.Current.CancellationToken);
        Assert.Contains(found, p => p.Name == "Aleppo");
    }

    [Fact]
    public async Task Setup_outside_a_checkout_says_to_give_the_repository()
    {
        var (code, _, errors) = await RunAsync("setup", "--repo", _folder, "--connection", database.ConnectionString);
        Assert.Equal(1, code);
        Assert.Contains("--repo DIR", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await TerritoryCommand.RunAsync(args, new CliConsole(new StringReader(string.Empty), output, errors, IsInteractive: false), TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
