using System.Net;
using System.Text.Json;

namespace Territory.Web.Tests;

public class ApiDocumentTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_data_endpoints_and_not_the_pages()
    {
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Territory API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/places", paths);
        Assert.Contains("/api/reports", paths);
        Assert.All(paths, path => Assert.True(path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/snapshots/", StringComparison.Ordinal), $"{path} is not a data endpoint"));

        var search = document.RootElement.GetProperty("paths").GetProperty("/api/places").GetProperty("get");
        Assert.Contains(search.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "q");
    }
}
