using Microsoft.Playwright;

namespace Territory.Web.Tests;

/// <summary>Pages in a real headless Chromium (Debian's, through Playwright), as a person would see them.</summary>
public class BrowserTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/map")]
    [InlineData("/places?q=alep")]
    [InlineData("/account/signin")]
    public async Task A_page_loads_with_no_console_errors_and_no_failed_requests(string path)
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var problems = Chromium.WatchProblems(page);

        var response = await page.GotoAsync(new Uri(app.BaseAddress, path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response!.Status);
        Assert.True(await page.Locator("nav[aria-label=Main] a[href='/map']").IsVisibleAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_map_page_draws_a_Leaflet_map_without_any_tile_server()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(app.BaseAddress, "/map").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator(".territory-map.leaflet-container").WaitForAsync(new() { Timeout = 10_000 });
        Assert.True(await page.Locator(".leaflet-control-zoom-in").IsVisibleAsync());
        Assert.Empty(external);
    }
}

/// <summary>Launches Debian's Chromium headless; fails, naming what is missing, when it is not installed.</summary>
internal static class Chromium
{
    public static async Task<IAsyncDisposableBrowser> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("TERRITORY_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium is not installed at {path}: install Debian's chromium (scripts/test does) or set TERRITORY_CHROMIUM.");
        }

        var profile = Directory.CreateTempSubdirectory("territory-chromium-");
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", profile.FullName);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", profile.FullName);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new IAsyncDisposableBrowser(playwright, browser, profile);
    }

    /// <summary>Collects what a person would call broken on a page: console errors and warnings, script errors, failed requests, HTTP errors.</summary>
    public static List<string> WatchProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        return problems;
    }
}

/// <summary>A browser that also disposes its Playwright driver and temporary profile.</summary>
internal sealed class IAsyncDisposableBrowser(IPlaywright playwright, IBrowser browser, DirectoryInfo profile) : IAsyncDisposable
{
    public Task<IPage> NewPageAsync() => browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
