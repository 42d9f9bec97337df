using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Territory.Web.Tests;

/// <summary>The map page in a real headless Chromium, over hand-entered territories in the engine's table contract.</summary>
public partial class MapBrowserTests(MapAppFixture fixture, ITestOutputHelper output) : IClassFixture<MapAppFixture>
{
    private const string TerritoryPaths = ".leaflet-overlay-pane path.territory";

    private TerritoryAppFactory App => fixture.App;

    [Fact]
    public async Task The_map_loads_with_no_console_errors_no_failed_and_no_external_requests()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
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
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(App.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"external request: {request.Url}");
            }
        };

        await OpenAsync(page, "/map?date=2024-11-29");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var firstMap = await page.EvaluateAsync<double>("window.territoryMapStats.firstMapMs");
        output.WriteLine($"time to first map: {firstMap:F0} ms");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(3, await page.Locator(TerritoryPaths).CountAsync());
        Assert.Equal(1, await page.Locator(".leaflet-overlay-pane path.contested").CountAsync());
        Assert.Equal("url(#contested-hatch)", await page.Locator(".leaflet-overlay-pane path.contested").GetAttributeAsync("fill"));
        Assert.Contains("Contested", await page.Locator(".territory-label.contested").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".leaflet-pane path.front-line").CountAsync());
        Assert.True(await page.Locator(".leaflet-pane path.governorate").CountAsync() >= 2);
        Assert.True(await page.Locator(".place-label", new() { HasText = "Aleppo" }).CountAsync() >= 1);
        var legend = await page.Locator("[data-testid=legend]").InnerTextAsync();
        Assert.Contains("Hayat Tahrir al-Sham", legend, StringComparison.Ordinal);
        Assert.Contains("Syrian Arab Army", legend, StringComparison.Ordinal);
        Assert.Contains("Contested", legend, StringComparison.Ordinal);
        Assert.True(await page.Locator(".leaflet-control-attribution").IsVisibleAsync());

        // An event's popup quotes its sentence and links to the report and the outlet.
        await page.Locator(".event-marker[title^='Aleppo']").ClickAsync();
        var popup = page.Locator(".leaflet-popup-content");
        await popup.WaitForAsync();
        Assert.Contains(MapTestData.AleppoQuote, await popup.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^/reports/[0-9]+$", await popup.Locator("a").First.GetAttributeAsync("href"));
        Assert.Equal("https://news.example/aleppo-falls", await popup.Locator("a", new() { HasText = "Example Wire" }).GetAttributeAsync("href"));
    }

    [Fact]
    public async Task Scrubbing_from_27_to_30_November_changes_the_drawn_polygons_and_the_day_list()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await OpenAsync(page, "/map?date=2024-11-27");
        var before = await PathsAsync(page);
        var shotBefore = await page.Locator(".territory-map").ScreenshotAsync();

        var range = page.Locator("#timeline-day");
        await range.FocusAsync();
        foreach (var day in new[] { "2024-11-28", "2024-11-29", "2024-11-30" })
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await page.Locator($".territory-map[data-day='{day}']").WaitForAsync();
        }

        await page.WaitForFunctionAsync("window.territoryMapStats.repaintMs.length >= window.territoryMapStats.scriptMs.length");
        var after = await PathsAsync(page);
        var shotAfter = await page.Locator(".territory-map").ScreenshotAsync();
        Assert.NotEqual(before, after);
        Assert.False(shotBefore.AsSpan().SequenceEqual(shotAfter), "the map looks the same on 27 and 30 November");
        Assert.Equal("30 November 2024", await page.Locator("#timeline-date").InnerTextAsync());
        Assert.Equal("30 November 2024", await page.Locator("#day-heading").InnerTextAsync());
        Assert.Contains("Aleppo", await page.Locator("[data-testid=changes]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".changed-place").CountAsync() >= 1);

        // More steps back and forth over the whole range, for the timing figures.
        foreach (var key in Enumerable.Repeat("Home", 1).Concat(Enumerable.Repeat("ArrowRight", 5)).Concat(Enumerable.Repeat("ArrowLeft", 5)).Concat(Enumerable.Repeat("ArrowRight", 5)))
        {
            var count = await page.EvaluateAsync<int>("window.territoryMapStats.scriptMs.length");
            await page.Keyboard.PressAsync(key);
            await page.WaitForFunctionAsync($"window.territoryMapStats.repaintMs.length > {count}");
        }

        var repaint = await page.EvaluateAsync<double[]>("window.territoryMapStats.repaintMs.slice(1)");
        var script = await page.EvaluateAsync<double[]>("window.territoryMapStats.scriptMs.slice(1)");
        output.WriteLine($"scrub steps: {repaint.Length}; median input-to-repaint {Median(repaint):F1} ms (max {repaint.Max():F1}); median script time {Median(script):F2} ms");
        Assert.True(Median(script) < 16, $"median script time per scrub step {Median(script):F1} ms");
    }

    [Fact]
    public async Task Play_advances_the_days_and_stops_at_the_last()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await OpenAsync(page, "/map?date=2024-11-26");
        var switchesBefore = await page.EvaluateAsync<int>("window.territoryMapStats.scriptMs.length");
        await page.Locator("#timeline-speed").SelectOptionAsync("250");
        await page.Locator(".timeline .play").ClickAsync();
        Assert.Equal("true", await page.Locator(".timeline .play").GetAttributeAsync("aria-pressed"));

        // Each day is shown in turn (counted by the page, since a poll could miss a day shown for 250 ms), then it stops.
        await page.Locator(".territory-map[data-day='2024-12-01']").WaitForAsync();
        await page.Locator(".timeline .play[aria-pressed=false]").WaitForAsync();
        Assert.Equal(5, await page.EvaluateAsync<int>("window.territoryMapStats.scriptMs.length") - switchesBefore);
        Assert.Equal("1 December 2024", await page.Locator("#day-heading").InnerTextAsync());
    }

    [Fact]
    public async Task A_link_reproduces_the_view_and_back_and_forward_move_through_the_days()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await OpenAsync(page, "/map?date=2024-11-28&lat=36.1&lng=36.9&z=10&layers=basemap,events,front,territories");
        Assert.Equal(10, await page.EvaluateAsync<double>("document.querySelector('.territory-map').territoryMap.getZoom()"));
        Assert.False(await page.Locator(".map-layers input[value=labels]").IsCheckedAsync());
        Assert.Equal(0, await page.Locator(".place-label").CountAsync());

        await page.Locator(".timeline .step[data-step='1']").ClickAsync();
        await page.Locator(".territory-map[data-day='2024-11-29']").WaitForAsync();
        Assert.Contains("date=2024-11-29", page.Url, StringComparison.Ordinal);
        await page.GoBackAsync();
        await page.Locator(".territory-map[data-day='2024-11-28']").WaitForAsync();
        await page.GoForwardAsync();
        await page.Locator(".territory-map[data-day='2024-11-29']").WaitForAsync();

        await page.Locator(".map-layers input[value=labels]").CheckAsync();
        await page.WaitForURLAsync(LabelsInUrl());
        var link = page.Url;
        var view = await ViewAsync(page);

        var copy = await browser.NewPageAsync();
        await OpenAsync(copy, new Uri(link).PathAndQuery);
        Assert.Equal(view, await ViewAsync(copy));
        Assert.Equal(await PathsAsync(page), await PathsAsync(copy));
    }

    [Fact]
    public async Task Without_scripts_the_page_lists_the_days_events_and_their_sources()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await using var context = await page.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = false });
        var noScript = await context.NewPageAsync();
        var response = await noScript.GotoAsync(new Uri(App.BaseAddress, "/map?date=2024-11-29").ToString());
        Assert.Equal(200, response!.Status);

        Assert.Equal("29 November 2024", await noScript.Locator("#day-heading").InnerTextAsync());
        var events = noScript.Locator("[data-testid=events]");
        Assert.Contains(MapTestData.AleppoQuote, await events.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(MapTestData.PendingQuote, await events.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^/reports/[0-9]+$", await events.Locator("a").First.GetAttributeAsync("href"));
        Assert.Equal("https://news.example/aleppo-falls", await events.Locator("a", new() { HasText = "Example Wire" }).GetAttributeAsync("href"));
        Assert.Contains("Hayat Tahrir al-Sham", await noScript.Locator("[data-testid=legend]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Saraqib", await noScript.Locator("[data-testid=changes]").InnerTextAsync(), StringComparison.Ordinal);

        // The step links work as plain links.
        await noScript.Locator(".timeline .step[data-step='1']").ClickAsync();
        await noScript.WaitForURLAsync(new Regex("date=2024-11-30"));
        Assert.Equal("30 November 2024", await noScript.Locator("#day-heading").InnerTextAsync());
    }

    [Fact]
    public async Task At_phone_width_every_control_is_labelled_reachable_and_nothing_overflows()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await OpenAsync(page, "/map?date=2024-11-30");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 375 px");
        var unlabelled = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('.map-panel input, .map-panel select, .map-panel button, .map-panel a')]
              .filter(e => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent.trim()))
              .map(e => e.outerHTML)
            """);
        Assert.Empty(unlabelled);
        foreach (var control in new[] { "#timeline-day", ".timeline .play", "#timeline-speed", ".map-layers input[value=osm]" })
        {
            Assert.True(await page.Locator(control).IsVisibleAsync(), control);
        }

        // Tab reaches the scrubber; the arrow keys then move the day.
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("document.activeElement?.id === 'timeline-day'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Locator(".territory-map[data-day='2024-11-29']").WaitForAsync();

        if (Environment.GetEnvironmentVariable("TERRITORY_MAP_SCREENSHOT") is { Length: > 0 } path)
        {
            await page.SetViewportSizeAsync(1280, 900);
            var wide = await browser.NewPageAsync();
            await wide.SetViewportSizeAsync(1280, 900);
            await OpenAsync(wide, "/map?date=2024-11-30&lat=36.0&lng=36.9&z=9");
            await wide.Locator(".map-layout").ScreenshotAsync(new() { Path = path });
        }
    }

    private async Task OpenAsync(IPage page, string path)
    {
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
        await page.Locator(".territory-map[data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
    }

    private static async Task<string> PathsAsync(IPage page) =>
        string.Join("\n", (await page.Locator(TerritoryPaths).EvaluateAllAsync<string[]>("paths => paths.map(p => p.getAttribute('class') + ' ' + p.getAttribute('d'))")).Order(StringComparer.Ordinal));

    private static async Task<string> ViewAsync(IPage page) => await page.EvaluateAsync<string>("""
        (() => {
          const map = document.querySelector('.territory-map').territoryMap;
          const c = map.getCenter();
          const layers = [...document.querySelectorAll('.map-layers input:checked')].map(i => i.value).join(',');
          return `${document.querySelector('.territory-map').dataset.day} ${c.lat.toFixed(3)},${c.lng.toFixed(3)} z${map.getZoom()} ${layers}`;
        })()
        """);

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex("layers=[^&]*labels")]
    private static partial Regex LabelsInUrl();
}
