using System.Net;
using System.Text.Json;

namespace Territory.Web.Tests;

public class HostTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    [Fact]
    public async Task Healthz_reports_the_database_and_the_PostGIS_version()
    {
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("database");
        Assert.True(database.GetProperty("reachable").GetBoolean());
        Assert.Matches(@"^3\.\d+", database.GetProperty("postgisVersion").GetString());
        Assert.Equal(Data.Schema.Migration.LatestVersion, database.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task The_home_page_says_what_Territory_is_and_what_it_holds()
    {
        using var client = app.CreateBrowserlikeClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Territory reads news reports", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"places\"", html, StringComparison.Ordinal);
        Assert.Contains("PostGIS 3.", html, StringComparison.Ordinal);
        foreach (var page in new[] { "/map", "/reports", "/events", "/places", "/areas", "/snapshots" })
        {
            Assert.Contains($"href=\"{page}\"", html, StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page()
    {
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_query_parameter_gets_a_problem_naming_it()
    {
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri("/api/places?q=alep&limit=100000", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reports_page_and_its_json_twin_list_what_is_stored_and_refuse_a_bad_limit()
    {
        using var client = app.CreateBrowserlikeClient();
        var html = await client.GetStringAsync(new Uri("/reports", UriKind.Relative), TestContext.Current.CancellationToken);
        var json = await client.GetStringAsync(new Uri("/api/reports", UriKind.Relative), TestContext.Current.CancellationToken);
        using var list = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, list.RootElement.ValueKind);
        Assert.Contains(list.RootElement.GetArrayLength() == 0 ? "data-testid=\"no-reports\"" : "data-testid=\"reports\"", html, StringComparison.Ordinal);

        using var bad = await client.GetAsync(new Uri("/api/reports?limit=0", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("limit", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
