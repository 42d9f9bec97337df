using Npgsql;
using Territory.Cli;
using Territory.Testing;

namespace Territory.Cli.Tests;

public class IngestCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingesting_the_samples_twice_stores_them_once_and_reports_each_file()
    {
        await ImportCuratedAsync();
        var samples = RepoFolder.Path("data", "samples");
        var reports = Directory.GetFiles(samples, "*.md").Count(f => Path.GetFileName(f) != "README.md");

        var (code, output, errors) = await RunAsync("ingest", samples, "--connection", database.ConnectionString);
        Assert.True(code == 0, errors + output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(reports, lines.Count(l => l.StartsWith('[')));
        Assert.Contains(lines, l => l.StartsWith($"[{reports}/{reports}]", StringComparison.Ordinal));
        Assert.Contains($"{reports} files: ", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 events", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("README.md", output, StringComparison.Ordinal);
        var revisions = await CountAsync("SELECT count(*) FROM report_revisions");

        (code, output, errors) = await RunAsync("ingest", samples, "--connection", database.ConnectionString);
        Assert.True(code == 0, errors + output);
        Assert.Contains($"0 new, 0 revisions, {reports} duplicates, 0 rejected", output, StringComparison.Ordinal);
        Assert.Equal(revisions, await CountAsync("SELECT count(*) FROM report_revisions"));

        (code, output, _) = await RunAsync("ingest", samples, "--if-empty", "--connection", database.ConnectionString);
        Assert.Equal(0, code);
        Assert.Contains("reports already stored", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_file_is_named_with_its_problem_and_the_exit_code_is_1()
    {
        await ImportCuratedAsync();
        var folder = Directory.CreateTempSubdirectory("territory-ingest-");
        try
        {
            var empty = Path.Combine(folder.FullName, "empty.txt");
            await File.WriteAllBytesAsync(empty, [], Cancel);
            var good = Path.Combine(folder.FullName, "good.txt");
            await File.WriteAllTextAsync(good, $"Les rebelles sont entrés dans Alep vendredi soir, selon des témoins. Réf. {Guid.NewGuid():N}", Cancel);

            var (code, output, _) = await RunAsync("ingest", folder.FullName, "--published", "2024-11-29", "--connection", database.ConnectionString);
            Assert.Equal(1, code);
            Assert.Contains($"{empty}: rejected: ", output, StringComparison.Ordinal);
            Assert.Contains($"{good}: new: ", output, StringComparison.Ordinal);
            Assert.Contains("1 new, 0 revisions, 0 duplicates, 1 rejected", output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("29/11/2024")]
    public async Task An_invalid_published_day_is_a_usage_error_naming_the_value(string value)
    {
        var (code, _, errors) = await RunAsync("ingest", RepoFolder.Path("data", "samples"), "--published", value, "--connection", database.ConnectionString);
        Assert.Equal(2, code);
        Assert.Contains($"'{value}'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_source_address_for_several_files_is_a_usage_error()
    {
        var (code, _, errors) = await RunAsync("ingest", RepoFolder.Path("data", "samples"), "--source", "https://example.org/a", "--connection", database.ConnectionString);
        Assert.Equal(2, code);
        Assert.Contains("--source", errors, StringComparison.Ordinal);
    }

    private async Task ImportCuratedAsync()
    {
        var curated = RepoFolder.Path("geo", "theater", "places.geojson");
        var (code, _, errors) = await RunAsync("gazetteer", "import", curated, "--format", "curated", "--connection", database.ConnectionString);
        Assert.True(code == 0, errors);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await TerritoryCommand.RunAsync(args, new CliConsole(new StringReader(string.Empty), output, errors, IsInteractive: false), TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
