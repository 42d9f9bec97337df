using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Territory.Web.Tests;

/// <summary>Uploads through the page and the API run the CLI's ingestion; a refused report stores nothing and stops no other.</summary>
public class ReportUploadTests(ReviewApp review) : IClassFixture<ReviewApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A UTF-16 byte-order mark followed by an odd number of bytes: no UTF-16 text, so it cannot be decoded.
    private static readonly byte[] TruncatedUtf16 = [0xFF, 0xFE, 0x41, 0x00, 0x42];

    [Fact]
    public async Task An_API_upload_reports_new_duplicate_too_large_and_undecodable_files_each_on_its_own()
    {
        var (client, userId) = await review.SignedInAsync();
        var text = ReviewApp.Utf8(ReviewApp.Unique("Les rebelles ont pris Saraqeb hier, selon l'OSDH."));
        var big = new byte[(int)Api.ReportUpload.MaxFileBytes + 10];
        Array.Fill(big, (byte)'a');
        var bad = $"bad-{Guid.NewGuid():N}.txt";
        var large = $"large-{Guid.NewGuid():N}.txt";
        using var content = ReviewApp.Files(("first.txt", text), ("again.txt", text), (large, big), (bad, TruncatedUtf16));
        content.Add(new StringContent("2024-11-30"), "published");

        using var response = await client.PostAsync(new Uri("/api/reports", UriKind.Relative), content, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["new", "duplicate", "rejected", "rejected"], items.Select(i => i.GetProperty("outcome").GetString()));
        Assert.Equal(items[0].GetProperty("revisionId").GetInt64(), items[1].GetProperty("revisionId").GetInt64());
        Assert.Equal("too_large", items[2].GetProperty("problem").GetString());
        Assert.Contains("over the limit", items[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("undecodable", items[3].GetProperty("problem").GetString());
        Assert.Equal(0, await review.CountAsync("SELECT count(*) FROM report_revisions WHERE original_name IN (@a, @b)", ("a", bad), ("b", large)));
        Assert.Equal(1, await review.CountAsync(
            "SELECT count(*) FROM report_revisions WHERE id = @id AND ingested_by = @user AND published_on = '2024-11-30' AND published_status = 'given'",
            ("id", items[0].GetProperty("revisionId").GetInt64()), ("user", userId)));
    }

    [Fact]
    public async Task A_new_text_for_a_known_source_address_is_a_new_revision_that_keeps_the_old_one()
    {
        var (client, _) = await review.SignedInAsync();
        var source = $"https://example.org/news/{Guid.NewGuid():N}";
        var first = await ReviewApp.PasteAsync(client, ReviewApp.Unique("Les rebelles ont pris Saraqeb hier."), "2024-11-30", source);
        var second = await ReviewApp.PasteAsync(client, ReviewApp.Unique("Les rebelles ont pris Saraqeb et Maarat al-Numan hier."), "2024-11-30", source);

        Assert.Equal("new", first.GetProperty("outcome").GetString());
        Assert.Equal("revision", second.GetProperty("outcome").GetString());
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        Assert.Equal(first.GetProperty("reportId").GetInt64(), second.GetProperty("reportId").GetInt64());
        Assert.Equal(2, await review.CountAsync("SELECT count(*) FROM report_revisions WHERE report_id = @id", ("id", first.GetProperty("reportId").GetInt64())));
    }

    [Fact]
    public async Task A_report_or_a_request_over_the_limits_is_refused_with_413_and_nothing_is_stored()
    {
        var (client, _) = await review.SignedInAsync();
        var before = await review.CountAsync("SELECT count(*) FROM report_revisions");
        var tooLong = new string('a', (int)Api.ReportUpload.MaxFileBytes + 1);
        using var one = await client.PostAsJsonAsync("/api/reports", new { text = tooLong }, Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, one.StatusCode);
        Assert.Contains("over the limit", await one.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var huge = new ByteArrayContent(new byte[Api.ReportUpload.MaxRequestBytes + 1]);
        huge.Headers.ContentType = new("application/json");
        using var all = await client.PostAsync(new Uri("/api/reports", UriKind.Relative), huge, Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, all.StatusCode);
        Assert.Equal(before, await review.CountAsync("SELECT count(*) FROM report_revisions"));
    }

    [Theory]
    [InlineData("published", "2024-02-30")]
    [InlineData("lang", "de")]
    [InlineData("source", "not an address")]
    public async Task Bad_metadata_is_a_400_naming_the_field_and_stores_nothing(string field, string value)
    {
        var (client, _) = await review.SignedInAsync();
        var before = await review.CountAsync("SELECT count(*) FROM report_revisions");
        var body = new Dictionary<string, string> { ["text"] = ReviewApp.Unique("Les rebelles ont pris Saraqeb."), [field] = value };
        using var response = await client.PostAsJsonAsync("/api/reports", body, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await review.CountAsync("SELECT count(*) FROM report_revisions"));
    }

    [Fact]
    public async Task Without_sign_in_the_API_answers_401_and_the_page_sends_to_sign_in()
    {
        using var client = review.App.CreateBrowserlikeClient();
        var before = await review.CountAsync("SELECT count(*) FROM report_revisions");
        using var api = await client.PostAsJsonAsync("/api/reports", new { text = ReviewApp.Unique("Les rebelles ont pris Saraqeb.") }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var page = await client.GetAsync(new Uri("/reports/new", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.OriginalString.Replace(review.App.BaseAddress.ToString().TrimEnd('/'), string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, await review.CountAsync("SELECT count(*) FROM report_revisions"));
    }

    [Fact]
    public async Task The_upload_page_stores_files_and_pasted_text_and_names_each_outcome()
    {
        var (client, _) = await review.SignedInAsync();
        var reports = await client.GetStringAsync(new Uri("/reports", UriKind.Relative), Cancel);
        Assert.Contains("href=\"/reports/new\"", reports, StringComparison.Ordinal);

        var file = ReviewApp.Utf8(ReviewApp.Unique("Les rebelles ont pris Saraqeb hier."));
        var html = await client.GetStringAsync(new Uri("/reports/new", UriKind.Relative), Cancel);
        var form = new HtmlParser().ParseDocument(html).QuerySelector("form[data-testid=upload-form]")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = ReviewApp.Files(("page.txt", file), ("again.txt", file), ("bad.txt", TruncatedUtf16));
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? string.Empty), hidden.GetAttribute("name")!);
        }

        content.Add(new StringContent(ReviewApp.Unique("Les insurgés sont entrés dans Alep aujourd'hui.")), "text");
        content.Add(new StringContent("2024-11-30"), "published");
        content.Add(new StringContent("Test outlet"), "outlet");
        using var response = await client.PostAsync(new Uri("/reports/new", UriKind.Relative), content, Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        var rows = new HtmlParser().ParseDocument(page).QuerySelectorAll("[data-testid=upload-outcomes] tbody tr").Select(r => r.ClassName).ToList();
        Assert.Equal(["outcome-new", "outcome-duplicate", "outcome-rejected", "outcome-new"], rows);
        Assert.Contains("byte-order mark", page, StringComparison.Ordinal);
        Assert.Equal(2, await review.CountAsync("SELECT count(*) FROM reports WHERE outlet = 'Test outlet' AND created_at > now() - interval '1 minute'"));
    }
}
