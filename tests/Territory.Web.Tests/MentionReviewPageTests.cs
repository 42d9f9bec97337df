using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Territory.Data.Mentions;
using Territory.Data.Reports;

namespace Territory.Web.Tests;

/// <summary>The report page and the mentions API on the real host: reading, and analysts' corrections with and without a browser.</summary>
public class MentionReviewPageTests(TerritoryAppFactory app) : IClassFixture<TerritoryAppFactory>
{
    private const string Password = "a long test password";
    private const string Text = "Les rebelles ont pris Saraqeb mercredi, selon l'OSDH. Les combats continuent autour d'Alep et de Saraqeb.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private MentionReviewStore Review => app.Services.GetRequiredService<MentionReviewStore>();

    [Fact]
    public async Task Anyone_reads_the_text_exactly_with_its_mentions_highlighted_and_listed_but_no_review_form()
    {
        var saved = await ReportSeed.IngestAsync(app, Text, outlet: "AFP");
        var body = (await app.Services.GetRequiredService<ReportStore>().GetRevisionAsync(saved.RevisionId, Cancel))!.Content.Body;
        var mentions = await Review.GetMentionsAsync(saved.RevisionId, Cancel);
        using var client = app.CreateBrowserlikeClient();

        var html = await client.GetStringAsync(new Uri($"/reports/{saved.ReportId}", UriKind.Relative), Cancel);
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal(body, document.QuerySelector("[data-testid=report-text]")!.TextContent);
        var marks = document.QuerySelectorAll("[data-testid=report-text] mark");
        Assert.Equal(mentions.Select(m => (m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Surface, m.Status, m.Place?.Name)),
            marks.Select(m => (m.GetAttribute("data-mention-id")!, m.TextContent, m.GetAttribute("data-status")!, m.GetAttribute("data-place"))));
        Assert.Contains("AFP", document.QuerySelector("[data-testid=report-metadata]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2024-11-28", document.QuerySelector("[data-testid=published]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(mentions.Count, document.QuerySelectorAll("[data-testid=mentions] tr[data-mention-id]").Length);
        Assert.Empty(document.QuerySelectorAll("form.review-place, form.new-place"));

        var reports = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/reports", UriKind.Relative), Cancel));
        Assert.NotNull(reports.QuerySelector($"[data-testid=reports] a[href='/reports/{saved.ReportId}']"));
    }

    [Fact]
    public async Task A_report_with_revisions_shows_the_latest_and_links_the_older_ones()
    {
        var url = $"https://example.org/{Guid.NewGuid():N}";
        var first = await ReportSeed.IngestAsync(app, "Les combats continuent autour d'Alep.", sourceUrl: url);
        var second = await ReportSeed.IngestAsync(app, "Les rebelles ont pris Saraqeb mercredi.", sourceUrl: url);
        Assert.Equal((first.ReportId, 2), (second.ReportId, second.Revision));
        using var client = app.CreateBrowserlikeClient();

        var latest = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/reports/{first.ReportId}", UriKind.Relative), Cancel));
        Assert.StartsWith("Les rebelles ont pris Saraqeb", latest.QuerySelector("[data-testid=report-text]")!.TextContent, StringComparison.Ordinal);
        var link = latest.QuerySelector("[data-testid=revisions] a")!;
        Assert.Equal(($"/reports/{first.ReportId}?revision=1", "Revision 1"), (link.GetAttribute("href"), link.TextContent));

        var older = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), Cancel));
        Assert.StartsWith("Les combats continuent autour d'Alep.", older.QuerySelector("[data-testid=report-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Alep", older.QuerySelector("[data-testid=report-text] mark")!.TextContent);
    }

    [Fact]
    public async Task The_mentions_endpoint_gives_each_place_with_lon_lat_and_a_missing_report_is_404()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        using var client = app.CreateBrowserlikeClient();

        using var json = await JsonDocument.ParseAsync(await client.GetStreamAsync(new Uri($"/api/reports/{saved.ReportId}/mentions", UriKind.Relative), Cancel), cancellationToken: Cancel);
        Assert.Equal(saved.RevisionId, json.RootElement.GetProperty("revisionId").GetInt64());
        var aleppo = json.RootElement.GetProperty("mentions").EnumerateArray().Single(m => m.GetProperty("surface").GetString() == "Alep").GetProperty("place");
        Assert.InRange(aleppo.GetProperty("lon").GetDouble(), 37.0, 37.3);
        Assert.InRange(aleppo.GetProperty("lat").GetDouble(), 36.1, 36.3);

        using var missing = await client.GetAsync(new Uri($"/api/reports/{long.MaxValue}/mentions", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri($"/reports/{long.MaxValue}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task An_analyst_corrects_a_mention_to_a_searched_place_through_the_form()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        var mention = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).First(m => m.Surface == "Saraqeb");
        var account = await app.AddAccountAsync(Password);
        using var client = app.CreateBrowserlikeClient();
        await ReportSeed.SignInAsync(client, account.Name, Password);

        // The search is a GET that adds the places found to that mention's choices.
        var search = $"/reports/{saved.ReportId}?for={mention.Id}&q=Alep";
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(search, UriKind.Relative), Cancel));
        var option = page.QuerySelectorAll($"form.review-place[data-mention-id='{mention.Id}'] label.option")
            .First(l => l.TextContent.Trim().StartsWith("Aleppo (city", StringComparison.Ordinal) && l.TextContent.Contains("found", StringComparison.Ordinal));
        var aleppoId = option.QuerySelector("input")!.GetAttribute("value")!;

        using var response = await ReportSeed.SubmitAsync(client, search, $"form.review-place[data-mention-id='{mention.Id}']", new Dictionary<string, string>
        {
            ["Input.PlaceId"] = aleppoId,
            ["Input.Geoprecision"] = "2",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Single(m => m.Id == mention.Id);
        Assert.Equal(("Aleppo", MentionStatuses.Corrected, 2, account.Name), (after.Place!.Name, after.Status, after.Geoprecision, after.ReviewedBy));
        var other = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Last(m => m.Surface == "Saraqeb");
        Assert.Equal(MentionStatuses.Auto, other.Status);

        var shown = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(app.BaseAddress, response.Headers.Location!), Cancel));
        Assert.Contains("Saved: 1 mention changed", shown.QuerySelector("[data-testid=saved]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("corrected", shown.QuerySelector($"tr#mention-{mention.Id} [data-testid=status]")!.TextContent);
    }

    [Fact]
    public async Task An_analyst_adds_a_place_by_typing_coordinates_for_every_mention_of_the_spelling_in_the_report()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        var mentions = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Where(m => m.Surface == "Saraqeb").ToList();
        var account = await app.AddAccountAsync(Password);
        using var client = app.CreateBrowserlikeClient();
        await ReportSeed.SignInAsync(client, account.Name, Password);
        var name = "Ferme " + Guid.NewGuid().ToString("N")[..6];

        using var response = await ReportSeed.SubmitAsync(client, $"/reports/{saved.ReportId}", $"form.new-place[data-mention-id='{mentions[0].Id}']", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = "landmark",
            ["Input.Lon"] = "36,84",
            ["Input.Lat"] = "35.81",
            ["Input.Scope"] = "report",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var after in (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Where(m => m.Surface == "Saraqeb"))
        {
            Assert.Equal((name, "landmark", 36.84, 35.81, "analyst", MentionStatuses.Corrected), (after.Place!.Name, after.Place.Kind, after.Place.Lon, after.Place.Lat, after.Place.Source, after.Status));
        }

        Assert.Equal(2, mentions.Count);
    }

    [Fact]
    public async Task A_stale_form_or_implausible_coordinates_are_refused_with_the_reason_and_change_nothing()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        var mention = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).First(m => m.Surface == "Alep");
        var account = await app.AddAccountAsync(Password);
        using var client = app.CreateBrowserlikeClient();
        await ReportSeed.SignInAsync(client, account.Name, Password);
        var path = $"/reports/{saved.ReportId}";
        var form = $"form.review-place[data-mention-id='{mention.Id}']";

        using (var implausible = await ReportSeed.SubmitAsync(client, path, $"form.new-place[data-mention-id='{mention.Id}']", new Dictionary<string, string> { ["Input.Lon"] = "0", ["Input.Lat"] = "0" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, implausible.StatusCode);
            var shown = new HtmlParser().ParseDocument(await implausible.Content.ReadAsStringAsync(Cancel));
            Assert.Contains("not a plausible place", shown.QuerySelector("[data-testid=review-error]")!.TextContent, StringComparison.Ordinal);
        }

        using (var stale = await ReportSeed.SubmitAsync(client, path, form, new Dictionary<string, string> { ["Input.Version"] = "0.auto." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        var after = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Single(m => m.Id == mention.Id);
        Assert.Equal(mention, after with { Candidates = mention.Candidates });
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM audit_log WHERE entity = 'mention' AND entity_id = {mention.Id}"));
    }

    [Fact]
    public async Task Without_sign_in_a_correction_is_refused_and_changes_nothing()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        var mention = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).First();
        using var client = app.CreateBrowserlikeClient();

        using var api = await client.PostAsJsonAsync($"/api/mentions/{mention.Id}/correction", new { placeId = mention.Place!.Id }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // A viewer's page has no review form; a forged post of one is refused too.
        using var forged = await client.PostAsync(new Uri($"/reports/{saved.ReportId}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"place-{mention.Id}",
            ["Input.MentionId"] = mention.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PlaceId"] = mention.Place.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(MentionStatuses.Auto, (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Single(m => m.Id == mention.Id).Status);
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM audit_log WHERE entity = 'mention' AND entity_id = {mention.Id}"));
    }

    [Fact]
    public async Task The_api_corrects_for_an_analyst_and_names_what_is_wrong_in_a_bad_request()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        var mentions = await Review.GetMentionsAsync(saved.RevisionId, Cancel);
        var (saraqeb, aleppo) = (mentions.First(m => m.Surface == "Saraqeb"), mentions.Single(m => m.Surface == "Alep"));
        var account = await app.AddAccountAsync(Password);
        using var client = app.CreateBrowserlikeClient();
        await ReportSeed.SignInAsync(client, account.Name, Password);
        var before = await CountAsync("SELECT count(*) FROM audit_log");

        foreach (var (path, body, status, named) in new (string, object, HttpStatusCode, string)[]
        {
            ($"/api/mentions/{long.MaxValue}/correction", new { placeId = aleppo.Place!.Id }, HttpStatusCode.NotFound, long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ($"/api/mentions/{saraqeb.Id}/correction", new { placeId = long.MaxValue }, HttpStatusCode.BadRequest, "placeId"),
            ($"/api/mentions/{saraqeb.Id}/correction", new { placeId = aleppo.Place.Id, scope = "galaxy" }, HttpStatusCode.BadRequest, "scope"),
            ($"/api/mentions/{saraqeb.Id}/correction", new { newPlace = new { name = "X", kind = "village", lon = 37.0, lat = 91.0 } }, HttpStatusCode.BadRequest, "newPlace.lon"),
            ($"/api/mentions/{saraqeb.Id}/correction", new { placeId = aleppo.Place.Id, expectedVersion = "stale" }, HttpStatusCode.Conflict, "changed by someone else"),
        })
        {
            using var refused = await client.PostAsJsonAsync(path, body, Cancel);
            Assert.Equal(status, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains(named, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync("SELECT count(*) FROM audit_log"));

        using var response = await client.PostAsJsonAsync($"/api/mentions/{saraqeb.Id}/correction", new { placeId = aleppo.Place.Id, scope = "report", expectedVersion = saraqeb.Version }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Cancel), cancellationToken: Cancel);
        Assert.Equal(2, result.RootElement.GetProperty("mentions").GetArrayLength());
        Assert.Equal(2, await CountAsync($"SELECT count(*) FROM audit_log WHERE entity = 'mention' AND user_id = {account.Id}"));
    }

    [Fact]
    public async Task In_a_browser_the_report_shows_highlighted_mentions_and_their_places_on_the_map_with_no_errors()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        var places = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Select(m => m.Place!.Id).Distinct().Count();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var problems = Chromium.WatchProblems(page);

        var response = await page.GotoAsync(new Uri(app.BaseAddress, $"/reports/{saved.ReportId}").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response!.Status);
        await page.Locator(".report-map[data-state=ready]").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(3, await page.Locator(".report-text mark").CountAsync());
        Assert.True(await page.Locator(".report-text mark[data-place=Aleppo]").IsVisibleAsync());
        Assert.Equal(places, await page.Locator(".report-map path.mention-marker").CountAsync());
        await page.Locator(".report-text mark[data-place=Aleppo]").ClickAsync();
        await page.Locator(".leaflet-popup-content", new() { HasText = "Aleppo" }).WaitForAsync(new() { Timeout = 5_000 });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task In_a_browser_an_analyst_adds_a_place_by_clicking_the_map_and_assigns_it()
    {
        var saved = await ReportSeed.IngestAsync(app, Text);
        var mention = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Single(m => m.Surface == "Alep");
        var account = await app.AddAccountAsync(Password);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var problems = Chromium.WatchProblems(page);

        await page.GotoAsync(new Uri(app.BaseAddress, $"/account/signin?returnUrl=/reports/{saved.ReportId}").ToString());
        await page.FillAsync("#name", account.Name);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.stacked button[type=submit]");
        await page.Locator(".report-map[data-state=ready]").WaitForAsync(new() { Timeout = 10_000 });

        var review = page.Locator($"details.mention-review[data-mention-id='{mention.Id}']");
        await review.Locator("summary").ClickAsync();
        var form = review.Locator("form.new-place");
        await page.Locator(".report-map").ClickAsync(new() { Position = new() { X = 60, Y = 60 } });
        var lon = await form.Locator("[name='Input.Lon']").InputValueAsync();
        var lat = await form.Locator("[name='Input.Lat']").InputValueAsync();
        Assert.Matches(@"^-?\d+\.\d{5}$", lon);
        Assert.Matches(@"^-?\d+\.\d{5}$", lat);
        Assert.Equal(1, await page.Locator(".report-map path.new-place-pin").CountAsync());
        var name = "Colline " + Guid.NewGuid().ToString("N")[..6];
        await form.Locator("[name='Input.Name']").FillAsync(name);
        await form.Locator("[name='Input.Kind']").SelectOptionAsync("landmark");
        await form.Locator("button[type=submit]").ClickAsync();

        await page.Locator("[data-testid=saved]").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(name, await page.Locator($"tr#mention-{mention.Id} [data-testid=place]").TextContentAsync());
        Assert.Equal("corrected", await page.Locator($"tr#mention-{mention.Id} [data-testid=status]").TextContentAsync());
        var after = (await Review.GetMentionsAsync(saved.RevisionId, Cancel)).Single(m => m.Id == mention.Id);
        Assert.Equal((lon, lat), (after.Place!.Lon.ToString("F5", System.Globalization.CultureInfo.InvariantCulture), after.Place.Lat.ToString("F5", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = app.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
