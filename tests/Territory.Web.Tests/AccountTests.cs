using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Territory.Web.Tests;

public class AccountTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    private const string Password = "a long test password";

    private static readonly object NewPlace = new
    {
        kind = "village",
        name = "Test Village " + Guid.NewGuid().ToString("N")[..6],
        lon = 36.95,
        lat = 36.1,
        names = new[] { new { text = "قرية الاختبار", lang = "ar" } },
    };

    [Fact]
    public async Task A_write_without_sign_in_is_refused_with_401_and_stores_nothing()
    {
        var before = await CountAsync("SELECT count(*) FROM places");
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.PostAsJsonAsync("/api/places", NewPlace, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await CountAsync("SELECT count(*) FROM places"));
    }

    [Fact]
    public async Task An_analyst_page_without_sign_in_redirects_to_sign_in()
    {
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.GetAsync(new Uri("/account/password", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_analyst_can_write_and_the_write_is_audited_with_their_id()
    {
        var account = await app.AddAccountAsync(Password);
        using var client = app.CreateBrowserlikeClient();
        using var signIn = await SignInAsync(client, account.Name, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", PathOf(signIn));

        using var response = await client.PostAsJsonAsync("/api/places", NewPlace, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<PlaceId>(TestContext.Current.CancellationToken))!.Id;

        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM audit_log WHERE entity = 'place' AND entity_id = {id} AND user_id = {account.Id}"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM places WHERE id = {id} AND source = 'analyst' AND created_by = {account.Id} AND ST_SRID(point) = 4326"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM place_names WHERE place_id = {id} AND script = 'Arab'"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_a_session()
    {
        var account = await app.AddAccountAsync(Password);
        using var client = app.CreateBrowserlikeClient();
        using var signIn = await SignInAsync(client, account.Name, "not the password at all");
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("Name or password is wrong", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var write = await client.PostAsJsonAsync("/api/places", NewPlace, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_before_any_write()
    {
        var account = await app.AddAccountAsync(Password, mustChangePassword: true, role: Data.Accounts.AnalystAccount.AdminRole);
        using var client = app.CreateBrowserlikeClient();
        using var signIn = await SignInAsync(client, account.Name, Password);
        Assert.StartsWith("/account/password", PathOf(signIn), StringComparison.Ordinal);

        using var refused = await client.PostAsJsonAsync("/api/places", NewPlace, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var changed = await FormPost.SubmitAsync(client, "/account/password", "form.stacked", new Dictionary<string, string>
        {
            ["Input.Current"] = Password,
            ["Input.New"] = "my own new password",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var allowed = await client.PostAsJsonAsync("/api/places", NewPlace, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_rejected()
    {
        var account = await app.AddAccountAsync(Password);
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.Name"] = account.Name,
            ["Input.Password"] = Password,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("territory.auth", StringComparison.Ordinal)));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password) =>
        FormPost.SubmitAsync(client, "/account/signin", "form.stacked", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Password"] = password,
        });

    private string PathOf(HttpResponseMessage redirect) => new Uri(app.BaseAddress, redirect.Headers.Location!).PathAndQuery;

    private async Task<long> CountAsync(string sql)
    {
        await using var command = app.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private sealed record PlaceId(long Id);
}
