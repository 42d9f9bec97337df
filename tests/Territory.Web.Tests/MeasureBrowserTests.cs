using System.Globalization;
using Microsoft.Playwright;

namespace Territory.Web.Tests;

/// <summary>The map page's Measure and share tools in a real headless Chromium, over the map tests' hand-entered data.</summary>
public class MeasureBrowserTests(MapAppFixture fixture) : IClassFixture<MapAppFixture>
{
    [Fact]
    public async Task Drawing_a_polygon_by_clicking_the_map_fills_the_measure_panel_with_each_actors_area()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var problems = Chromium.WatchProblems(page);
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/map?date=2024-11-30&lat=36.1&lng=37.15&z=9").ToString());
        await page.Locator(".territory-map[data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });

        await page.Locator(".measure-start").ClickAsync();
        // Across the front of 30 November: HTS ground to the west, the contested strip, government ground to the east.
        var corners = new[] { (35.95, 36.95), (35.95, 37.45), (36.3, 37.45), (36.3, 36.95) };
        // The button sits below the map; bring the map back into the viewport before clicking on it.
        await page.EvaluateAsync("document.querySelector('.territory-map').scrollIntoView({ block: 'start' })");
        var box = (await page.Locator(".territory-map").BoundingBoxAsync())!;
        foreach (var (lat, lng) in corners)
        {
            var point = await page.EvaluateAsync<double[]>(string.Create(CultureInfo.InvariantCulture,
                $"(() => {{ const p = document.querySelector('.territory-map').territoryMap.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }})()"));
            await page.Mouse.ClickAsync((float)(box.X + point[0]), (float)(box.Y + point[1]));
        }

        Assert.Equal(4, await page.Locator(".measure-vertex").CountAsync());
        await page.Locator(".measure-finish").ClickAsync();
        var table = page.Locator("[data-testid=measure-panel] [data-testid=measure-table]");
        await table.WaitForAsync(new() { Timeout = 10_000 });
        var text = await table.InnerTextAsync();
        Assert.Contains("Hayat Tahrir al-Sham", text, StringComparison.Ordinal);
        Assert.Contains("Syrian Arab Army", text, StringComparison.Ordinal);
        Assert.Contains("Contested", text, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".measure-shape").CountAsync());
        Assert.Contains("on 2024-11-30", await page.Locator("[data-testid=measure-panel]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_snapshot_link_and_embed_snippet_follow_the_maps_day_and_view()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/map?date=2024-11-29").ToString());
        await page.Locator(".territory-map[data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
        var link = await page.Locator("[data-testid=snapshot-link]").GetAttributeAsync("href");
        Assert.Matches(@"^/snapshots/2024-11-29\.png\?bbox=[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+$", link);
        var snippet = await page.Locator("[data-testid=embed-snippet]").InputValueAsync();
        Assert.StartsWith("<iframe src=\"http://", snippet, StringComparison.Ordinal);
        Assert.Contains("/embed?date=2024-11-29&bbox=", snippet, StringComparison.Ordinal);
        Assert.Contains("timeline=1", snippet, StringComparison.Ordinal);

        await page.Locator(".embed-timeline").UncheckAsync();
        Assert.Contains("timeline=0", await page.Locator("[data-testid=embed-snippet]").InputValueAsync(), StringComparison.Ordinal);
        await page.Locator(".timeline .step[data-step='1']").ClickAsync();
        await page.Locator(".territory-map[data-day='2024-11-30']").WaitForAsync();
        Assert.StartsWith("/snapshots/2024-11-30.png?bbox=", await page.Locator("[data-testid=snapshot-link]").GetAttributeAsync("href"), StringComparison.Ordinal);

        using var client = fixture.App.CreateBrowserlikeClient();
        using var png = await client.GetAsync(new Uri((await page.Locator("[data-testid=snapshot-link]").GetAttributeAsync("href"))!, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, png.StatusCode);
    }
}
