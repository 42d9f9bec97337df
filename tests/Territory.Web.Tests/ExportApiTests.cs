using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>/api/export/*: events, territories and areas as files that parse and carry their sources.</summary>
public class ExportApiTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    private async Task<HttpClient> ClientWithDataAsync()
    {
        await MeasureTestData.EnsureAsync(app.DataSource);
        return app.CreateBrowserlikeClient();
    }

    [Fact]
    public async Task Events_as_CSV_are_RFC_4180_with_one_row_per_source_and_the_quote_intact()
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri("/api/export/events.csv?from=2024-11-01&to=2024-12-31&status=accepted&kind=control_change", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var rows = ParseCsv(text);
        var header = rows[0];
        Assert.All(rows, row => Assert.Equal(header.Count, row.Count));
        var records = rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(2, records.Count);
        var hts = Assert.Single(records, r => r["gainer"] == "hts");
        Assert.Equal(MeasureTestData.SaraqibQuote, hts["quote"]);
        Assert.Equal("AFP", hts["outlet"]);
        Assert.Matches("^[0-9]+$", hts["report_id"]);
        Assert.True(text.Split("\r\n").Length > 3, "records end with CRLF");

        using var none = await client.GetAsync(new Uri("/api/export/events.csv?kind=strike", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Single(ParseCsv(await none.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("/api/export/events.csv?status=approved", "status")]
    [InlineData("/api/export/events.geojson?from=30-11-2024", "from")]
    [InlineData("/api/export/events.csv?kind=battle", "kind")]
    [InlineData("/api/export/areas.csv?from=2024-11-30&to=2024-11-01", "to")]
    [InlineData("/api/export/territories/2024-11-31.geojson", "date")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string parameter)
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), json.RootElement.ToString());
    }

    [Fact]
    public async Task Events_as_GeoJSON_carry_their_sources()
    {
        using var client = await ClientWithDataAsync();
        using var json = await GetJsonAsync(client, "/api/export/events.geojson?status=accepted");
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var sources = features.SelectMany(f => f.GetProperty("properties").GetProperty("sources").EnumerateArray()).ToList();
        Assert.Equal(["AFP", "SOHR"], sources.Select(s => s.GetProperty("outlet").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(sources, s => s.GetProperty("quote").GetString() == MeasureTestData.SaraqibQuote);
    }

    [Fact]
    public async Task Territories_of_a_day_as_GeoJSON_have_exact_geometry_areas_events_and_sources()
    {
        using var client = await ClientWithDataAsync();
        using var json = await GetJsonAsync(client, "/api/export/territories/2024-11-30.geojson");
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(4, features.Count);
        Assert.All(features, f => Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        var hts = features.Single(f => f.GetProperty("properties").GetProperty("actor").GetString() == "hts").GetProperty("properties");
        await using var command = app.DataSource.CreateCommand("SELECT ST_Area(ST_GeomFromText('POLYGON((36.4 35.8, 37.0 35.8, 37.0 36.4, 36.4 36.4, 36.4 35.8))', 4326)::geography) / 1e6");
        var expected = (double)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(expected, hts.GetProperty("area_km2").GetDouble(), 3);
        Assert.Single(hts.GetProperty("event_ids").EnumerateArray());
        Assert.Equal("AFP", hts.GetProperty("sources")[0].GetProperty("outlet").GetString());
        Assert.Contains("ST_Area", json.RootElement.GetProperty("method").GetString(), StringComparison.Ordinal);

        using var missing = await client.GetAsync(new Uri("/api/export/territories/2020-01-01.geojson", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Territories_of_a_day_as_GeoPackage_open_in_GDAL_with_every_feature()
    {
        if (!OnPath("ogr2ogr") || !OnPath("ogrinfo"))
        {
            Assert.Skip("GeoPackage exports need GDAL's ogr2ogr (Debian's gdal-bin), which is not installed here; scripts/test installs it.");
        }

        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri("/api/export/territories/2024-11-30.gpkg", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("SQLite format 3\0", Encoding.ASCII.GetString(bytes, 0, 16));
        var file = Path.Combine(Path.GetTempPath(), $"territory-test-{Guid.NewGuid():N}.gpkg");
        try
        {
            await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
            var info = await RunAsync("ogrinfo", "-al", "-so", file);
            Assert.Contains("Feature Count: 4", info, StringComparison.Ordinal);
            Assert.Contains("Multi Polygon", info, StringComparison.Ordinal);
            var features = await RunAsync("ogrinfo", "-al", "-q", "-where", "actor = 'hts'", file);
            Assert.Contains("AFP", features, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Areas_per_day_as_CSV_give_held_and_upper_bounds_per_actor_with_the_method()
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri("/api/export/areas.csv?from=2024-11-29&to=2024-11-30", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ParseCsv(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["day", "actor", "actor_name", "held_km2", "contested_km2", "upper_km2", "method"], rows[0]);
        var records = rows.Skip(1).ToList();
        Assert.Equal(5, records.Count); // two actors on the 29th, three on the 30th
        var hts = records.Single(r => r[0] == "2024-11-30" && r[1] == "hts");
        var held = double.Parse(hts[3], System.Globalization.CultureInfo.InvariantCulture);
        var contested = double.Parse(hts[4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(contested > 0);
        Assert.Equal(held + contested, double.Parse(hts[5], System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.Contains("ST_Area", hts[6], StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text);
    }

    /// <summary>An RFC 4180 reader written for the test: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, $"a quote inside an unquoted field at {i}");
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.True(c != '\n' && c != '\r', $"a bare line break outside quotes at {i}");
                field.Append(c);
            }
        }

        Assert.False(quoted, "an unterminated quoted field");
        Assert.True(row.Count == 0 && field.Length == 0, "the last record does not end with CRLF");
        return rows;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(folder => File.Exists(Path.Combine(folder, program)));

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
        return output;
    }
}
