using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Territory.Web.Tests;

/// <summary>Event review through /api/events and the /events page: filters, and every change audited in one transaction.</summary>
public class EventReviewTests(ReviewApp review) : IClassFixture<ReviewApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    // A report telling one capture; returns the report id and its first event.
    private async Task<(long ReportId, JsonElement Event)> ReportWithEventAsync(HttpClient client, string text)
    {
        var outcome = await ReviewApp.PasteAsync(client, ReviewApp.Unique(text), "2024-11-30");
        var reportId = outcome.GetProperty("reportId").GetInt64();
        using var list = await client.GetAsync(new Uri($"/api/events?report={reportId}&kind=control_change", UriKind.Relative), Cancel);
        Assert.True(list.StatusCode == HttpStatusCode.OK, await list.Content.ReadAsStringAsync(Cancel));
        var events = (await JsonAsync(list)).GetProperty("events");
        Assert.True(events.GetArrayLength() > 0, $"no control change read in report {reportId}");
        return (reportId, events[0]);
    }

    private Task<long> AuditCountAsync(string action, long eventId, long userId) => review.CountAsync(
        "SELECT count(*) FROM audit_log WHERE action = @action AND entity = 'event' AND entity_id = @id AND user_id = @user AND after IS NOT NULL",
        ("action", action), ("id", eventId), ("user", userId));

    [Fact]
    public async Task Filters_select_events_and_a_bad_parameter_is_a_400_naming_it()
    {
        var (client, _) = await review.SignedInAsync();
        var (reportId, first) = await ReportWithEventAsync(client, "Les rebelles de HTS ont pris Saraqeb hier, selon l'OSDH.");
        Assert.Equal("2024-11-29", first.GetProperty("dayFrom").GetString());
        Assert.Equal("day", first.GetProperty("datePrecision").GetString());
        var source = first.GetProperty("sources")[0];
        Assert.Equal(reportId, source.GetProperty("reportId").GetInt64());
        var quote = source.GetProperty("quote").GetString()!;
        var highlighted = quote[source.GetProperty("highlightStart").GetInt32()..source.GetProperty("highlightEnd").GetInt32()];
        Assert.Equal("Saraqeb", highlighted);

        using var outside = await client.GetAsync(new Uri($"/api/events?report={reportId}&from=2024-12-05", UriKind.Relative), Cancel);
        Assert.Equal(0, (await JsonAsync(outside)).GetProperty("total").GetInt32());
        var placeId = first.GetProperty("placeId").GetInt64();
        using var byPlace = await client.GetAsync(new Uri($"/api/events?report={reportId}&place={placeId}&from=2024-11-29&to=2024-11-29&actor=hts", UriKind.Relative), Cancel);
        Assert.Contains((await JsonAsync(byPlace)).GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetInt64() == first.GetProperty("id").GetInt64());
        using var byName = await client.GetAsync(new Uri($"/api/events?report={reportId}&place=saraqib", UriKind.Relative), Cancel);
        Assert.Equal(placeId, (await JsonAsync(byName)).GetProperty("events")[0].GetProperty("placeId").GetInt64());

        foreach (var (query, name) in new[] { ("kind=coup", "kind"), ("from=2024-13-01", "from"), ("status=done", "status"), ("size=1000", "size"), ("from=2024-11-30&to=2024-11-01", "to") })
        {
            using var bad = await client.GetAsync(new Uri($"/api/events?{query}", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await JsonAsync(bad)).GetProperty("errors").TryGetProperty(name, out _), query);
        }

        var page = await client.GetStringAsync(new Uri($"/events?report={reportId}", UriKind.Relative), Cancel);
        var document = new HtmlParser().ParseDocument(page);
        Assert.NotNull(document.QuerySelector($"tr[data-event-id='{first.GetProperty("id").GetInt64()}'] mark"));
        Assert.NotNull(document.QuerySelector($"a[href='/reports/{reportId}']"));
        using var badPage = await client.GetAsync(new Uri("/events?kind=coup", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("Unknown kind", await badPage.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_reject_and_edit_are_audited_and_bad_input_changes_nothing()
    {
        var (client, userId) = await review.SignedInAsync();
        var (_, e) = await ReportWithEventAsync(client, "Les rebelles de HTS ont pris Saraqeb hier.");
        var id = e.GetProperty("id").GetInt64();
        Assert.Equal("auto_accepted", e.GetProperty("status").GetString());

        using (var accept = await client.PostAsync(new Uri($"/api/events/{id}/accept", UriKind.Relative), null, Cancel))
        {
            Assert.Equal("accepted", (await JsonAsync(accept)).GetProperty("status").GetString());
        }

        Assert.Equal(1, await AuditCountAsync("accept", id, userId));
        using (var reject = await client.PostAsync(new Uri($"/api/events/{id}/reject", UriKind.Relative), null, Cancel))
        {
            Assert.Equal("rejected", (await JsonAsync(reject)).GetProperty("status").GetString());
        }

        Assert.Equal(1, await AuditCountAsync("reject", id, userId));
        var edit = new { kind = "control_change", tier = "entered", place = e.GetProperty("placeId").GetInt64(), gainer = "hts", loser = "government", day_from = "2024-11-28", day_to = "2024-11-29", precision = "range", note = "two outlets disagree on the day" };
        using (var edited = await client.PostAsJsonAsync($"/api/events/{id}/edit", edit, Cancel))
        {
            var after = await JsonAsync(edited);
            Assert.Equal(("entered", "2024-11-28", "2024-11-29", "range", "government"), (after.GetProperty("tier").GetString(), after.GetProperty("dayFrom").GetString(), after.GetProperty("dayTo").GetString(), after.GetProperty("datePrecision").GetString(), after.GetProperty("loser").GetString()));
        }

        Assert.Equal(1, await review.CountAsync(
            "SELECT count(*) FROM audit_log WHERE action = 'edit' AND entity_id = @id AND user_id = @user AND before->>'Tier' = 'claimed' AND after->>'Tier' = 'entered'",
            ("id", id), ("user", userId)));

        var audits = await review.CountAsync("SELECT count(*) FROM audit_log");
        foreach (var (bad, field) in new (object Body, string Field)[]
        {
            (new { kind = "control_change", day_from = "2024-11-29", day_to = "2024-11-28", precision = "range" }, "day_to"),
            (new { kind = "coup", day_from = "2024-11-29" }, "kind"),
            (new { kind = "control_change", day_from = "2024-11-29", gainer = "martians" }, "gainer"),
            (new { kind = "control_change", day_from = "2024-11-29", place = 999_999_999L }, "place"),
        })
        {
            using var refused = await client.PostAsJsonAsync($"/api/events/{id}/edit", bad, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(audits, await review.CountAsync("SELECT count(*) FROM audit_log"));
        Assert.Equal(1, await review.CountAsync("SELECT count(*) FROM events WHERE id = @id AND tier = 'entered' AND note = 'two outlets disagree on the day'", ("id", id)));
        using var missing = await client.PostAsync(new Uri("/api/events/999999999/accept", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_same_capture_from_two_reports_is_suggested_and_merged_into_one_event_with_both_sources()
    {
        var (client, userId) = await review.SignedInAsync();
        const string place = "Maarat al-Numan";
        var (_, a) = await ReportWithEventAsync(client, $"Les rebelles ont pris {place} hier, selon l'AFP.");
        var (_, b) = await ReportWithEventAsync(client, $"Les insurgés ont pris le contrôle de {place} hier soir, d'après l'OSDH.");
        var (aId, bId) = (a.GetProperty("id").GetInt64(), b.GetProperty("id").GetInt64());
        using (var suggested = await client.GetAsync(new Uri($"/api/events/{aId}", UriKind.Relative), Cancel))
        {
            Assert.Contains(bId, (await JsonAsync(suggested)).GetProperty("likelyDuplicates").EnumerateArray().Select(d => d.GetInt64()));
        }


        using (var merged = await client.PostAsJsonAsync($"/api/events/{aId}/merge", new { into = bId, note = "same capture" }, Cancel))
        {
            var kept = await JsonAsync(merged);
            Assert.Equal(bId, kept.GetProperty("id").GetInt64());
            Assert.Equal(2, kept.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("reportId").GetInt64()).Distinct().Count());
        }

        Assert.Equal(1, await review.CountAsync("SELECT count(*) FROM events WHERE id = @a AND status = 'merged' AND merged_into = @b", ("a", aId), ("b", bId)));
        Assert.Equal(0, await review.CountAsync("SELECT count(*) FROM event_sources WHERE event_id = @a", ("a", aId)));
        Assert.Equal(1, await AuditCountAsync("merge", aId, userId));
        Assert.Equal(1, await AuditCountAsync("merge", bId, userId));

        using var again = await client.PostAsJsonAsync($"/api/events/{aId}/merge", new { into = bId }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var self = await client.PostAsJsonAsync($"/api/events/{bId}/merge", new { into = bId }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        using var hidden = await client.GetAsync(new Uri($"/api/events?place={a.GetProperty("placeId").GetInt64()}", UriKind.Relative), Cancel);
        Assert.DoesNotContain((await JsonAsync(hidden)).GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetInt64() == aId);
    }

    [Fact]
    public async Task An_event_added_by_hand_is_manual_accepted_by_the_analyst_and_quotes_its_report()
    {
        var (client, userId) = await review.SignedInAsync();
        var (reportId, e) = await ReportWithEventAsync(client, "Les rebelles ont pris Saraqeb hier. Le village de Tall Aran serait aussi tombé.");
        var body = new { kind = "control_change", tier = "claimed", place = e.GetProperty("placeId").GetInt64(), gainer = "opposition", day_from = "2024-11-29", note = "second sentence", report = reportId, quote = "Le village de Tall Aran serait aussi tombé." };
        using var created = await client.PostAsJsonAsync("/api/events", body, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var added = await JsonAsync(created);
        var id = added.GetProperty("id").GetInt64();
        Assert.Equal(("manual", "accepted", "day"), (added.GetProperty("rule").GetString(), added.GetProperty("status").GetString(), added.GetProperty("datePrecision").GetString()));
        Assert.Equal(body.quote, added.GetProperty("sources")[0].GetProperty("quote").GetString());
        Assert.Equal(1, await review.CountAsync("SELECT count(*) FROM events WHERE id = @id AND created_by = @user", ("id", id), ("user", userId)));
        Assert.Equal(1, await AuditCountAsync("add", id, userId));

        var events = await review.CountAsync("SELECT count(*) FROM events");
        using var wrongQuote = await client.PostAsJsonAsync("/api/events", body with { quote = "Words the report never said." }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, wrongQuote.StatusCode);
        Assert.True((await JsonAsync(wrongQuote)).GetProperty("errors").TryGetProperty("quote", out _));
        Assert.Equal(events, await review.CountAsync("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_viewer_can_read_but_every_review_action_is_refused_with_401()
    {
        var (analyst, _) = await review.SignedInAsync();
        var (_, e) = await ReportWithEventAsync(analyst, "Les rebelles ont pris Saraqeb hier.");
        var id = e.GetProperty("id").GetInt64();
        using var viewer = review.App.CreateBrowserlikeClient();
        using (var read = await viewer.GetAsync(new Uri($"/api/events/{id}", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var audits = await review.CountAsync("SELECT count(*) FROM audit_log");
        foreach (var path in new[] { $"/api/events/{id}/accept", $"/api/events/{id}/reject", $"/api/events/{id}/merge", $"/api/events/{id}/edit", "/api/events" })
        {
            using var refused = await viewer.PostAsJsonAsync(path, new { into = id }, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var html = await viewer.GetStringAsync(new Uri("/events", UriKind.Relative), Cancel);
        Assert.DoesNotContain("data-testid=\"accept\"", html, StringComparison.Ordinal);
        Assert.Equal(audits, await review.CountAsync("SELECT count(*) FROM audit_log"));
    }
}
