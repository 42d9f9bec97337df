using Microsoft.Playwright;

namespace Territory.Web.Tests;

/// <summary>The events page in a real headless Chromium: an analyst accepts an event with the page's own buttons.</summary>
public class EventReviewBrowserTests(ReviewApp review) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task An_analyst_accepts_an_event_on_the_events_page_with_no_console_errors()
    {
        var (client, _) = await review.SignedInAsync();
        var outcome = await ReviewApp.PasteAsync(client, ReviewApp.Unique("Les rebelles de HTS ont pris Saraqeb hier, selon l'OSDH."), "2024-11-30");
        var reportId = outcome.GetProperty("reportId").GetInt64();
        var account = await review.App.AddAccountAsync(ReviewApp.Password);

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

        await page.GotoAsync(new Uri(review.App.BaseAddress, "/account/signin").ToString());
        await page.FillAsync("#name", account.Name);
        await page.FillAsync("#password", ReviewApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));

        await page.GotoAsync(new Uri(review.App.BaseAddress, $"/events?report={reportId}").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        var row = page.Locator("tr[data-event-id]").First;
        Assert.Equal("accepted automatically", await row.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Equal("Saraqeb", await row.Locator("blockquote mark").First.InnerTextAsync());
        var id = await row.GetAttributeAsync("data-event-id");

        await row.Locator("[data-testid=accept]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains($"Event {id} accepted.", await page.Locator("[data-testid=review-message]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("accepted", await page.Locator($"tr[data-event-id='{id}'] [data-testid=status]").InnerTextAsync());
        Assert.Equal(1, await review.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'accept' AND entity = 'event' AND entity_id = @id AND user_id = @user",
            ("id", long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture)), ("user", account.Id)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_event_form_suggests_gazetteer_places_as_the_analyst_types()
    {
        var account = await review.App.AddAccountAsync(ReviewApp.Password);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(review.App.BaseAddress, "/account/signin").ToString());
        await page.FillAsync("#name", account.Name);
        await page.FillAsync("#password", ReviewApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(review.App.BaseAddress, "/events/new").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator("#place").PressSequentiallyAsync("Sarak");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#place-suggestions option').length > 0", null, new() { Timeout = 10_000 });
        var first = await page.Locator("#place-suggestions option").First.GetAttributeAsync("value");
        Assert.StartsWith("#", first, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
