using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Territory.Data.Places;
using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>The real web host over a database holding the team's curated gazetteer, so uploads find places and events.</summary>
public sealed class ReviewApp : IAsyncLifetime
{
    public const string Password = "a long review password";

    public TerritoryAppFactory App { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        var path = RepoFolder.Path("geo", "theater", "places.geojson");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path)));
        await using var stream = File.OpenRead(path);
        await new GazetteerStore(App.DataSource, TimeProvider.System).ImportAsync(
            new GazetteerImport(GazetteerSources.Curated, "curated", "places.geojson", sha), new CuratedTheaterReader().Read(stream, "places.geojson"), null);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    /// <summary>A cookie client signed in as a new analyst, with the analyst's id.</summary>
    public async Task<(HttpClient Client, long UserId)> SignedInAsync()
    {
        var account = await App.AddAccountAsync(Password);
        var client = App.CreateBrowserlikeClient();
        using var signIn = await FormPost.SubmitAsync(client, "/account/signin", "form.stacked", new Dictionary<string, string>
        {
            ["Input.Name"] = account.Name,
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (client, account.Id);
    }

    /// <summary>A report text no other test wrote, so outcomes do not depend on test order.</summary>
    public static string Unique(string text) => $"{text}\n\nRéf. {Guid.NewGuid():N}";

    /// <summary>Uploads one pasted report through the API and returns its outcome.</summary>
    public static async Task<JsonElement> PasteAsync(HttpClient client, string text, string published, string? source = null)
    {
        using var response = await client.PostAsJsonAsync("/api/reports", new { text, published, source, lang = "fr" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("items")[0].Clone();
    }

    public static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, "files", name);
        }

        return content;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = App.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
