using System.Text;
using Territory.Data.Events;
using Territory.Data.Places;
using Territory.Data.Reports;

namespace Territory.Data.Tests;

/// <summary>An analyst sets a revision's publication day: pending events are dated again where their evidence allows.</summary>
public class PublishedDayTests(CuratedGazetteerDatabase database) : IClassFixture<CuratedGazetteerDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Relative_dates_follow_the_new_day_explicit_ones_stay_and_reviewed_events_are_never_changed()
    {
        // Nothing is confident enough to be accepted automatically: every event waits as pending.
        var store = new ReportStore(database.DataSource, TimeProvider.System, new ReportStoreOptions { AutoAcceptConfidence = 1.01 });
        var ingestion = await ReportIngestion.CreateAsync(new GazetteerStore(database.DataSource, TimeProvider.System), store, TimeProvider.System, Cancel);
        var text = $"Les rebelles ont pris Saraqeb hier. Le 28 novembre, ils étaient entrés dans Maarat al-Numan.\n\nRéf. {Guid.NewGuid():N}";
        var saved = await ingestion.IngestAsync(Encoding.UTF8.GetBytes(text), new ReportInput("day.txt", new DateOnly(2024, 11, 30), Language: "fr"), null, Cancel);
        var events = new EventStore(database.DataSource, TimeProvider.System);
        var page = await events.ListAsync(new EventFilter(ReportId: saved.ReportId), Cancel);
        var yesterday = page.Events.Single(e => e.DateEvidence == "hier");
        var explicitDay = page.Events.Single(e => e.DateEvidence is not null && e.DateEvidence.Contains("28 novembre", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2024, 11, 29), "pending"), (yesterday.DayFrom, yesterday.Status));

        var account = await new Accounts.AccountStore(database.DataSource, TimeProvider.System).AddAsync($"a{Guid.NewGuid():N}"[..12], "a long test password", "analyst", false, null, Cancel);
        await events.AcceptAsync(explicitDay.Id, account.Id, Cancel);
        var change = await events.SetPublishedAsync(saved.RevisionId, new DateOnly(2024, 12, 3), account.Id, Cancel);

        var redated = change.Events.Single(e => e.EventId == yesterday.Id);
        Assert.Equal(("redated", new DateOnly(2024, 12, 2), "day"), (redated.Outcome, redated.FromAfter, redated.PrecisionAfter));
        Assert.DoesNotContain(change.Events, e => e.EventId == explicitDay.Id);
        Assert.Equal(new DateOnly(2024, 12, 2), (await events.GetAsync(yesterday.Id, Cancel))!.DayFrom);
        Assert.Equal(new DateOnly(2024, 11, 28), (await events.GetAsync(explicitDay.Id, Cancel))!.DayFrom);
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM report_revisions WHERE id = @id AND published_on = '2024-12-03' AND published_status = 'set'", ("id", saved.RevisionId)));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM audit_log WHERE action = 'set_published' AND entity_id = @id AND user_id = @user AND before->>'PublishedOn' = '2024-11-30' AND after->>'PublishedOn' = '2024-12-03'",
            ("id", saved.RevisionId), ("user", account.Id)));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE action = 'redate' AND entity_id = @id", ("id", yesterday.Id)));

        await Assert.ThrowsAsync<EventReviewException>(() => events.SetPublishedAsync(long.MaxValue, new DateOnly(2024, 12, 3), account.Id, Cancel));
    }
}
