using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Territory.Web.Tests;

/// <summary>
/// The map page in a real headless Chromium, over the data a first <c>scripts/run</c> gives (<see cref="MapSampleFixture"/>).
/// What the page must show is read from the timeline API, never written into the test.
/// </summary>
public partial class MapBrowserTests(MapSampleFixture fixture, ITestOutputHelper output) : IClassFixture<MapSampleFixture>
{
    // Every day's layers stay in the map, hidden on the other days: tests look at what is shown.
    private const string TerritoryPaths = ".leaflet-overlay-pane path.territory:visible";

    private TerritoryAppFactory App => fixture.App;

    [Fact]
    public async Task The_map_loads_with_no_console_errors_no_failed_and_no_external_requests()
    {
        var timeline = await TimelineAsync();
        var day = timeline.Day("2024-11-30");
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var problems = Chromium.WatchProblems(page);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(App.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"external request: {request.Url}");
            }
        };

        await OpenAsync(page, "/map?date=2024-11-30");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        output.WriteLine(fixture.Log.ToString());
        output.WriteLine($"time to first map: {await page.EvaluateAsync<double>("window.territoryMapStats.firstMapMs"):F0} ms");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var territories = day.GetProperty("territories").EnumerateArray().ToList();
        Assert.NotEmpty(territories);
        Assert.Equal(territories.Count, await page.Locator(TerritoryPaths).CountAsync());
        var contested = territories.Count(t => t.GetProperty("state").GetString() == "contested");
        Assert.Equal(contested, await page.Locator(".leaflet-overlay-pane path.contested:visible").CountAsync());
        if (contested > 0)
        {
            Assert.Equal("url(#contested-hatch)", await page.Locator(".leaflet-overlay-pane path.contested:visible").First.GetAttributeAsync("fill"));
            Assert.Contains("Contested", await page.Locator(".territory-label.contested:visible").First.InnerTextAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(day.GetProperty("front").ValueKind == JsonValueKind.Null ? 0 : 1, await page.Locator(".leaflet-pane path.front-line:visible").CountAsync());
        Assert.True(await page.Locator(".leaflet-pane path.governorate").CountAsync() >= 2);
        Assert.True(await page.Locator(".place-label", new() { HasText = "Aleppo" }).CountAsync() >= 1);
        var legend = await page.Locator("[data-testid=legend]").InnerTextAsync();
        foreach (var holder in timeline.HolderNames())
        {
            Assert.Contains(holder, legend, StringComparison.Ordinal);
        }

        Assert.True(await page.Locator(".leaflet-control-attribution").IsVisibleAsync());

        // An event's popup quotes its sentence and links to the report and the outlet.
        var (place, source) = timeline.PlacedEventSources(day).First();
        // Several events at one place stack their markers: open it from the keyboard, as its focus order allows.
        await page.Locator($".event-marker[title^='{place}:']:visible").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popup = page.Locator(".leaflet-popup-content");
        await popup.WaitForAsync();
        Assert.Contains(source.GetProperty("quote").GetString()!, await popup.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^/reports/[0-9]+$", await popup.Locator("a").First.GetAttributeAsync("href"));
    }

    [Fact]
    public async Task Scrubbing_from_27_to_30_November_changes_the_drawn_polygons_and_the_day_list()
    {
        var timeline = await TimelineAsync();
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

        var after = await PathsAsync(page);
        var shotAfter = await page.Locator(".territory-map").ScreenshotAsync();
        Assert.NotEqual(before, after);
        Assert.False(shotBefore.AsSpan().SequenceEqual(shotAfter), "the map looks the same on 27 and 30 November");
        Assert.Equal("30 November 2024", await page.Locator("#timeline-date").InnerTextAsync());
        Assert.Equal("30 November 2024", await page.Locator("#day-heading").InnerTextAsync());
        var changed = timeline.ChangedPlaceNames(timeline.Day("2024-11-30"));
        Assert.NotEmpty(changed);
        var changes = await page.Locator("[data-testid=changes]").InnerTextAsync();
        Assert.All(changed, name => Assert.Contains(name, changes, StringComparison.Ordinal));
        var rings = await page.Locator(".leaflet-pane path.changed-place:visible").CountAsync();
        Assert.InRange(rings, 1, changed.Count);
    }

    /// <summary>
    /// The figures of <c>scripts/bench map</c>, which runs this test with <c>TERRITORY_MAP_BENCH_OUT</c> naming the file to
    /// write them to (and <c>TERRITORY_MAP_BENCH_PASSES</c> more passes). Times depend on the machine's load, so the test
    /// prints them and only checks that every step showed its day, within a bound no working page comes near.
    /// </summary>
    [Fact]
    public async Task Scrubbing_every_day_of_the_theater_shows_each_day_and_prints_input_to_repaint()
    {
        var timeline = await TimelineAsync();
        var passes = int.TryParse(Environment.GetEnvironmentVariable("TERRITORY_MAP_BENCH_PASSES"), CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : 3;
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await OpenAsync(page, "/map?date=2024-11-30");
        var firstMap = await page.EvaluateAsync<double>("window.territoryMapStats.firstMapMs");

        // The baseline: a key the page ignores (Shift), timed the same way from its event to just after the next frame
        // was painted. That frame has nothing to draw, so it is the floor: waiting for a frame, plus an empty one.
        await page.EvaluateAsync("""
            window.noopRepaint = [];
            document.addEventListener('keydown', (event) => {
              if (event.key !== 'Shift') return;
              requestAnimationFrame(() => {
                const frame = performance.now(), channel = new MessageChannel();
                channel.port1.onmessage = () => window.noopRepaint.push({ render: performance.now() - frame, repaint: performance.now() - event.timeStamp });
                channel.port2.postMessage(null);
              });
            });
            """);

        // Every day forward and back from the first day, one key at a time, each painted before the next; a no-op key after
        // each. Each key waits 0-17 ms first, so keys land anywhere in the frame interval, the same for both kinds: pressed
        // right after a paint, a key would always wait most of a frame, and one pressed after a long frame hardly any.
        var phase = new Random(6);
        async Task PressAnywhereInAFrameAsync(Func<Task> press)
        {
            await page.EvaluateAsync("ms => new Promise(resolve => setTimeout(resolve, ms))", phase.NextDouble() * 17);
            await press();
        }

        await page.Locator("#timeline-day").FocusAsync();
        await page.Locator("#timeline-day").BlurAsync();
        await PressAndWaitAsync(page, "Home");
        var first = await page.EvaluateAsync<int>("window.territoryMapStats.repaintMs.length");
        var days = timeline.Days.Count;
        var index = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            for (var step = 0; step < days - 1; step++)
            {
                index += pass % 2 == 0 ? 1 : -1;
                await PressAnywhereInAFrameAsync(() => PressAndWaitAsync(page, pass % 2 == 0 ? "ArrowRight" : "ArrowLeft"));
                Assert.Equal(timeline.Days[index], await page.Locator(".territory-map").GetAttributeAsync("data-day"));
                var noops = await page.EvaluateAsync<int>("window.noopRepaint.length");
                await PressAnywhereInAFrameAsync(() => page.Keyboard.PressAsync("Shift"));
                await page.WaitForFunctionAsync($"window.noopRepaint.length > {noops}");
            }
        }

        var stats = await page.EvaluateAsync<JsonElement>($$"""
            (() => { const s = window.territoryMapStats; const from = {{first}};
              return { script: s.scriptMs.slice(from), frame: s.frameMs.slice(from), render: s.renderMs.slice(from), repaint: s.repaintMs.slice(from),
                       noopRender: window.noopRepaint.map(n => n.render), noopRepaint: window.noopRepaint.map(n => n.repaint),
                       slow: s.eventMs.filter(e => e.name === 'keydown').map(e => e.duration), eventTiming: s.eventTiming }; })()
            """);
        double[] Read(string name) => [.. stats.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];
        var (script, frame, render, repaint, slow) = (Read("script"), Read("frame"), Read("render"), Read("repaint"), Read("slow"));
        var (noopRender, noopRepaint) = (Read("noopRender"), Read("noopRepaint"));
        var firstPass = repaint.Take(days - 1).ToArray();
        var figures = string.Create(CultureInfo.InvariantCulture, $"""
            theater: {days} days, {timeline.Geometries} geometries, {timeline.Vertices} vertices; headless Chromium 1280 x 900; time to first map: {firstMap:F0} ms after navigation
            scrub steps: {repaint.Length} ({passes} passes over the days, arrow keys); medians, ms (p90 in brackets):
              day step     script {Median(script):F2}  render {Median(render):F1} ({P90(render):F1})  input to next frame {Median(frame):F1}  input-to-repaint {Median(repaint):F1} ({P90(repaint):F1})
                           first showing of each day: input-to-repaint {Median(firstPass):F1}; later showings {Median([.. repaint.Skip(days - 1)]):F1}
              no-op key    render {Median(noopRender):F1} ({P90(noopRender):F1})  input-to-repaint {Median(noopRepaint):F1} ({P90(noopRepaint):F1})  (baseline: the wait for a frame plus an empty frame)
              ratio day step / no-op key: input-to-repaint {Median(repaint) / Median(noopRepaint):F2}x, render {Median(render) / Math.Max(Median(noopRender), 0.1):F1}x
              Event Timing ({(stats.GetProperty("eventTiming").GetBoolean() ? "supported" : "not supported")}): {slow.Length} of {repaint.Length} keys took 16 ms or more to the next paint{(slow.Length > 0 ? $" ({string.Join(", ", slow)} ms)" : string.Empty)}
            map: {Median(repaint):F1} ms
            """);
        output.WriteLine(figures);
        if (Environment.GetEnvironmentVariable("TERRITORY_MAP_BENCH_OUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, figures + "\n", TestContext.Current.CancellationToken);
        }

        Assert.Equal(passes * (days - 1), repaint.Length);
        Assert.True(Median(repaint) < 1000, $"median input-to-repaint {Median(repaint):F0} ms: the page no longer switches days from memory");
    }

    [Fact]
    public async Task Play_advances_the_days_and_stops_at_the_last()
    {
        var timeline = await TimelineAsync();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await OpenAsync(page, $"/map?date={timeline.Days[0]}");
        var switchesBefore = await page.EvaluateAsync<int>("window.territoryMapStats.scriptMs.length");
        await page.Locator("#timeline-speed").SelectOptionAsync("250");
        await page.Locator(".timeline .play").ClickAsync();
        Assert.Equal("true", await page.Locator(".timeline .play").GetAttributeAsync("aria-pressed"));

        // Each day is shown in turn (counted by the page, since a poll could miss a day shown for 250 ms), then it stops.
        await page.Locator($".territory-map[data-day='{timeline.Days[^1]}']").WaitForAsync();
        await page.Locator(".timeline .play[aria-pressed=false]").WaitForAsync();
        Assert.Equal(timeline.Days.Count - 1, await page.EvaluateAsync<int>("window.territoryMapStats.scriptMs.length") - switchesBefore);
        Assert.Equal(LongDate(timeline.Days[^1]), await page.Locator("#day-heading").InnerTextAsync());
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
        var timeline = await TimelineAsync();
        var day = timeline.Day("2024-11-30");
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await using var context = await page.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = false });
        var noScript = await context.NewPageAsync();
        var response = await noScript.GotoAsync(new Uri(App.BaseAddress, "/map?date=2024-11-30").ToString());
        Assert.Equal(200, response!.Status);

        Assert.Equal("30 November 2024", await noScript.Locator("#day-heading").InnerTextAsync());
        var events = noScript.Locator("[data-testid=events]");
        var listed = Spaces().Replace(await events.InnerTextAsync(), " ");
        var sources = timeline.EventSources(day).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.Contains(Spaces().Replace(source.GetProperty("quote").GetString()!, " "), listed, StringComparison.Ordinal));
        Assert.Equal(sources.Count, await events.Locator("a[href^='/reports/']").CountAsync());
        foreach (var outlet in sources.Where(s => s.GetProperty("outlet").ValueKind == JsonValueKind.String).Select(s => s.GetProperty("outlet").GetString()!).Distinct())
        {
            Assert.Contains(outlet, listed, StringComparison.Ordinal);
        }

        var legend = await noScript.Locator("[data-testid=legend]").InnerTextAsync();
        Assert.All(timeline.HolderNames(day), name => Assert.Contains(name, legend, StringComparison.Ordinal));
        var changes = await noScript.Locator("[data-testid=changes]").InnerTextAsync();
        Assert.All(timeline.ChangedPlaceNames(day), name => Assert.Contains(name, changes, StringComparison.Ordinal));

        // The step links work as plain links.
        await noScript.Locator(".timeline .step[data-step='-1']").ClickAsync();
        await noScript.WaitForURLAsync(new Regex("date=2024-11-29"));
        Assert.Equal("29 November 2024", await noScript.Locator("#day-heading").InnerTextAsync());
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
        Assert.Empty(await OverlappingLabelsAsync(page));
    }

    [Fact]
    public async Task The_labels_on_the_map_do_not_overlap_and_every_area_is_named()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await OpenAsync(page, "/map?date=2024-11-30&lat=36.0&lng=36.9&z=9");
        Assert.Empty(await OverlappingLabelsAsync(page));
        Assert.True(await page.Locator(".territory-label.contested:visible").CountAsync() >= 1, "no contested label is shown");

        if (Environment.GetEnvironmentVariable("TERRITORY_MAP_SCREENSHOT") is { Length: > 0 } path)
        {
            await page.Locator(".map-layout").ScreenshotAsync(new() { Path = path });
        }
    }

    private async Task OpenAsync(IPage page, string path)
    {
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
        await page.Locator(".territory-map[data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
    }

    private static async Task PressAndWaitAsync(IPage page, string key)
    {
        var count = await page.EvaluateAsync<int>("window.territoryMapStats.scriptMs.length");
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync($"window.territoryMapStats.repaintMs.length > {count}");
    }

    // Visible territory and changed-place labels whose boxes intersect, as "text / text".
    private static async Task<string[]> OverlappingLabelsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        (() => {
          const boxes = [...document.querySelectorAll('.leaflet-tooltip.territory-label, .leaflet-tooltip.changed-label')]
            .filter(e => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none')
            .map(e => ({ text: e.textContent, r: e.getBoundingClientRect() }));
          const found = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i].r, b = boxes[j].r;
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${boxes[i].text} / ${boxes[j].text}`);
            }
          return found;
        })()
        """);

    private async Task<SampleTimeline> TimelineAsync()
    {
        using var client = new HttpClient { BaseAddress = App.BaseAddress };
        return new SampleTimeline(await client.GetFromJsonAsync<JsonElement>("/api/timeline"));
    }

    private static string LongDate(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

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

    private static double P90(double[] values) => values.Length == 0 ? double.NaN : values.Order().ElementAt((int)(values.Length * 0.9));

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("layers=[^&]*labels")]
    private static partial Regex LabelsInUrl();
}

/// <summary>The timeline API's answer, with the look-ups the map tests need to know what the page must show.</summary>
internal sealed class SampleTimeline(JsonElement root)
{
    private readonly Dictionary<long, string> _places = root.GetProperty("places").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt64(), p => p.GetProperty("name").GetString()!);
    private readonly Dictionary<long, JsonElement> _events = root.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetInt64());

    public IReadOnlyList<string> Days { get; } = [.. root.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("day").GetString()!)];

    public int Geometries => root.GetProperty("geometries").GetArrayLength();

    public int Vertices => root.GetProperty("geometries").EnumerateArray().Sum(g => g.EnumerateArray().Sum(part => part.EnumerateArray().Sum(ring => ring.GetArrayLength() / 2)));

    public JsonElement Day(string day) => root.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("day").GetString() == day);

    /// <summary>The names of the actors holding ground on the day (the server's legend) or on any day (the script's).</summary>
    public IEnumerable<string> HolderNames(JsonElement? day = null)
    {
        var days = day is { } one ? [one] : root.GetProperty("days").EnumerateArray().ToList();
        var holders = days.SelectMany(d => d.GetProperty("territories").EnumerateArray())
            .Where(t => t.GetProperty("actor").ValueKind == JsonValueKind.Number).Select(t => t.GetProperty("actor").GetInt64()).ToHashSet();
        return root.GetProperty("actors").EnumerateArray().Where(a => holders.Contains(a.GetProperty("id").GetInt64())).Select(a => a.GetProperty("name").GetString()!);
    }

    public IReadOnlyList<string> ChangedPlaceNames(JsonElement day) =>
        [.. day.GetProperty("changes").EnumerateArray().Select(c => _places[c.GetProperty("place").GetInt64()])];

    public IEnumerable<JsonElement> EventSources(JsonElement day) =>
        day.GetProperty("events").EnumerateArray().SelectMany(id => _events[id.GetInt64()].GetProperty("sources").EnumerateArray());

    /// <summary>The day's events that have a place, as (place name, source).</summary>
    public IEnumerable<(string Place, JsonElement Source)> PlacedEventSources(JsonElement day) =>
        day.GetProperty("events").EnumerateArray().Select(id => _events[id.GetInt64()])
            .Where(e => e.GetProperty("place").ValueKind == JsonValueKind.Number)
            .SelectMany(e => e.GetProperty("sources").EnumerateArray().Select(s => (_places[e.GetProperty("place").GetInt64()], s)));
}
