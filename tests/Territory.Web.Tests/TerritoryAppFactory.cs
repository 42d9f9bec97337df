using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Territory.Data.Accounts;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>The real web host on a real Kestrel port, against a fresh database of the throwaway PostGIS cluster.</summary>
public sealed class TerritoryAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public Uri BaseAddress { get; private set; } = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("web");
        DataSource = TestPostgres.CreateDataSource(_connectionString);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The test host runs from the build output, where static assets are found through the build's manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Territory", _connectionString);
        builder.UseSetting("Territory:CreateFirstAdmin", "false");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Several tests seed territories by hand; the background rebuild would replace them with the engine's output.
        // Tests of the engine run it explicitly (or through the readers that rebuild a queued day).
        builder.UseSetting("Territory:Rebuild:PollSeconds", "0");
    }

    /// <summary>A client on the real port that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseAddress };

    /// <summary>Creates an account directly in the database.</summary>
    public async Task<AnalystAccount> AddAccountAsync(string password, bool mustChangePassword = false, string role = AnalystAccount.AnalystRole) =>
        await Services.GetRequiredService<AccountStore>().AddAsync("user-" + Guid.NewGuid().ToString("N")[..10], password, role, mustChangePassword, null);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DataSource.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_connectionString);
    }
}
