using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.Playwright;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>/snapshots/{date}.svg|png, the Snapshots page and the embed page, over hand-entered territories.</summary>
public class SnapshotsTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    private const string Query = "bbox=" + SnapshotTestData.Bbox + "&width=900&height=600";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Tests of one class run one after another, so the first one to ask inserts the data.
    private async Task<HttpClient> ClientWithDataAsync()
    {
        await using (var exists = app.DataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM territories)"))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken))!)
            {
                await SnapshotTestData.InsertAsync(app.DataSource);
            }
        }

        return app.CreateBrowserlikeClient();
    }

    [Fact]
    public async Task The_svg_snapshot_is_well_formed_cacheable_by_etag_and_the_same_bytes_twice()
    {
        using var client = await ClientWithDataAsync();
        using var first = await client.GetAsync(new Uri("/snapshots/2024-11-30.svg?" + Query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/svg+xml", first.Content.Headers.ContentType?.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("900", (string?)svg.Root!.Attribute("width"));
        Assert.Equal(["actor-government", "actor-hts", "actor-sna", "contested"],
            svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("territory", StringComparison.Ordinal) == true).Select(g => (string?)g.Attribute("id")));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = await client.GetAsync(new Uri("/snapshots/2024-11-30.svg?" + Query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, again.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri("/snapshots/2024-11-30.svg?" + Query, UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var otherDay = await client.GetAsync(new Uri("/snapshots/2024-11-29.svg?" + Query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.NotEqual(etag, otherDay.Headers.ETag);
    }

    [Fact]
    public async Task The_png_snapshot_has_the_requested_size_is_not_blank_and_answers_304_to_its_etag()
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri("/snapshots/2024-11-30.png?" + Query + "&lang=fr&title=Nord", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal((900, 600), PngImage.ReadSize(png));
        var image = PngImage.Decode(png);
        Assert.All(SnapshotTestData.Colors.Values, color => Assert.True(image.Count(color) > 1000, $"few pixels of {color}"));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri("/snapshots/2024-11-30.png?" + Query + "&lang=fr&title=Nord", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("/snapshots/2024-02-30.svg", "date")]
    [InlineData("/snapshots/yesterday.png", "date")]
    [InlineData("/snapshots/2024-11-30.svg?bbox=36,35,37", "bbox")]
    [InlineData("/snapshots/2024-11-30.svg?bbox=38,35,36,37", "bbox")]
    [InlineData("/snapshots/2024-11-30.svg?bbox=0,-89,10,10", "bbox")]
    [InlineData("/snapshots/2024-11-30.png?width=100000", "width")]
    [InlineData("/snapshots/2024-11-30.png?height=abc", "height")]
    [InlineData("/snapshots/2024-11-30.png?width=4000&height=4000", "width")]
    [InlineData("/snapshots/2024-11-30.svg?lang=de", "lang")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string parameter)
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"\"{parameter}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_longer_than_allowed_is_refused()
    {
        using var client = await ClientWithDataAsync();
        using var response = await client.GetAsync(new Uri("/snapshots/2024-11-30.svg?title=" + new string('x', 201), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"title\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshots_page_builds_the_image_address_previews_it_and_offers_the_embed_snippet()
    {
        using var client = await ClientWithDataAsync();
        var html = await client.GetStringAsync(new Uri("/snapshots?date=2024-11-29&bbox=" + SnapshotTestData.Bbox + "&width=900&height=600&lang=fr", UriKind.Relative), TestContext.Current.CancellationToken);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var preview = document.QuerySelector("[data-testid=snapshot-preview]")!.GetAttribute("src")!;
        Assert.StartsWith("/snapshots/2024-11-29.svg?", preview, StringComparison.Ordinal);
        Assert.Contains("lang=fr", preview, StringComparison.Ordinal);
        using var image = await client.GetAsync(new Uri(preview, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Contains("/embed?date=2024-11-29", document.QuerySelector("[data-testid=embed-snippet]")!.TextContent, StringComparison.Ordinal);

        var bad = await client.GetStringAsync(new Uri("/snapshots?date=2024-11-30&width=5", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("width must be", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embed_page_may_be_framed_by_any_site_and_other_pages_by_the_app_only()
    {
        using var client = await ClientWithDataAsync();
        using var embed = await client.GetAsync(new Uri("/embed?date=2024-11-30&bbox=" + SnapshotTestData.Bbox, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal("frame-ancestors *", embed.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        var html = await embed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("id=\"actor-hts\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-header", html, StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri("/snapshots", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("frame-ancestors 'self'", page.Headers.GetValues("Content-Security-Policy").Single());

        using var bad = await client.GetAsync(new Uri("/embed?date=2024-11-30&timeline=yes", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_embed_page_shows_the_map_inside_a_frame_of_another_sites_page_and_its_timeline_changes_the_day()
    {
        using var _ = await ClientWithDataAsync();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var embed = new Uri(app.BaseAddress, "/embed?date=2024-11-30&bbox=" + SnapshotTestData.Bbox + "&timeline=1");
        var blocked = new Uri(app.BaseAddress, "/snapshots");
        // A news site on another origin (its own port, named localhost), with one frame of the embed page and one of an ordinary page.
        await using var news = OtherSite.Start($"<!DOCTYPE html><html><body><h1>Article</h1><iframe id=\"map\" src=\"{embed}\" width=\"800\" height=\"560\"></iframe><iframe id=\"other\" src=\"{blocked}\" width=\"400\" height=\"200\"></iframe></body></html>");
        await page.GotoAsync(news.Address + "article", new() { WaitUntil = WaitUntilState.NetworkIdle });

        var frame = page.FrameLocator("#map");
        var hts = frame.Locator("svg g#actor-hts");
        await hts.WaitForAsync(new() { Timeout = 10_000 });
        var box = await hts.BoundingBoxAsync();
        Assert.True(box is { Width: > 50, Height: > 50 }, $"the HTS territory is not drawn in the frame: {box?.Width}×{box?.Height}");
        var svgBox = await frame.Locator("svg.territory-snapshot").BoundingBoxAsync();
        Assert.True(svgBox is { Width: > 600 }, "the map does not fill the frame");
        Assert.Equal(1, await frame.Locator("svg g#actor-sna").CountAsync());

        // The day before had no SNA territory: moving the slider swaps the map for that day's.
        await frame.Locator(".embed-timeline input[type=range]").FillAsync("0");
        await frame.Locator("svg.territory-snapshot[data-day='2024-11-29']").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(0, await frame.Locator("svg g#actor-sna").CountAsync());
        Assert.Equal("2024-11-29", await frame.Locator(".embed-timeline output").TextContentAsync());

        // An ordinary page of the app refuses to be framed by another site.
        var other = await (await page.QuerySelectorAsync("#other"))!.ContentFrameAsync();
        Assert.NotNull(other);
        Assert.Equal(0, await other.Locator("nav[aria-label=Main]").CountAsync());
        Assert.NotEqual(blocked.ToString(), other.Url);
    }
}

/// <summary>A one-page web site on its own loopback port: another origin than the app, as a newsroom's page would be.</summary>
internal sealed class OtherSite : IAsyncDisposable
{
    private readonly System.Net.Sockets.TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private OtherSite(string html)
    {
        _listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Address = $"http://localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        _serving = ServeAsync(System.Text.Encoding.UTF8.GetBytes(html));
    }

    public string Address { get; }

    public static OtherSite Start(string html) => new(html);

    private async Task ServeAsync(byte[] body)
    {
        var head = System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                var request = new byte[8192];
                var read = 0;
                // Every request gets the page once its headers are in.
                while (read < request.Length && !System.Text.Encoding.ASCII.GetString(request, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(request.AsMemory(read), _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                await stream.WriteAsync(head, _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException or IOException)
        {
            // stopped, or the browser hung up: the page has been served or is no longer wanted
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
