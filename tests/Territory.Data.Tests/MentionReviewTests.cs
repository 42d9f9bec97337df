using System.Text;
using System.Text.Json;
using Territory.Data.Accounts;
using Territory.Data.Mentions;
using Territory.Data.Places;
using Territory.Data.Reports;
using Territory.Domain.Places;
using Territory.Domain.Spatial;

namespace Territory.Data.Tests;

/// <summary>Analysts' corrections of stored mentions on the real PostGIS, with reports ingested through the real pipeline.</summary>
public class MentionReviewTests(CuratedGazetteerDatabase database) : IClassFixture<CuratedGazetteerDatabase>
{
    private static readonly DateTimeOffset Now = new(2024, 12, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly MentionReviewStore _review = new(database.DataSource, new FixedClock(Now));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Correcting_one_mention_changes_it_alone_and_audits_who_and_when()
    {
        var analyst = await AnalystAsync();
        var mentions = await IngestAsync("Les rebelles ont pris Saraqeb mercredi. Les combats continuent autour d'Alep et de Saraqeb.");
        var (first, second) = (mentions.First(m => m.Surface == "Saraqeb"), mentions.Last(m => m.Surface == "Saraqeb"));
        var aleppo = mentions.Single(m => m.Surface == "Alep").Place!;

        var result = await _review.CorrectAsync(new MentionCorrection(first.Id, aleppo.Id, null, ExpectedVersion: first.Version), analyst.Id, Cancel);

        Assert.Equal([first.Id], result.Mentions);
        var after = await MentionAsync(first);
        Assert.Equal((aleppo.Id, MentionStatuses.Corrected, analyst.Name, Now, 1), (after.Place!.Id, after.Status, after.ReviewedBy, after.ReviewedAt, after.Geoprecision));
        Assert.Equal((first.Place!.Id, MentionStatuses.Auto), ((await MentionAsync(second)).Place!.Id, (await MentionAsync(second)).Status));

        var audit = await AuditAsync("mention", first.Id);
        var row = Assert.Single(audit);
        Assert.Equal(("correct", analyst.Id, Now), (row.Action, row.UserId, row.At));
        Assert.Equal(first.Place.Id, row.Before.GetProperty("place_id").GetInt64());
        Assert.Equal("auto", row.Before.GetProperty("status").GetString());
        Assert.Equal(aleppo.Id, row.After.GetProperty("place_id").GetInt64());
        Assert.Equal("corrected", row.After.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Confirming_keeps_the_place_and_marks_it_confirmed()
    {
        var analyst = await AnalystAsync();
        var mention = (await IngestAsync("Les combats continuent autour d'Alep.")).Single(m => m.Surface == "Alep");

        var result = await _review.CorrectAsync(new MentionCorrection(mention.Id, mention.Place!.Id, null, ExpectedVersion: mention.Version), analyst.Id, Cancel);

        Assert.Equal([mention.Id], result.Mentions);
        var after = await MentionAsync(mention);
        Assert.Equal((mention.Place.Id, MentionStatuses.Confirmed, analyst.Name), (after.Place!.Id, after.Status, after.ReviewedBy));
        Assert.Equal("confirm", Assert.Single(await AuditAsync("mention", mention.Id)).Action);
    }

    [Fact]
    public async Task A_spelling_corrected_everywhere_changes_that_spelling_in_every_report_and_no_other_spelling()
    {
        var analyst = await AnalystAsync();
        var reportA = await IngestAsync("Les rebelles ont pris Saraqeb mercredi. Saraqib et SARAQEB et Sarāqeb, Alep.");
        var reportB = await IngestAsync("La nuit a été calme à Saraqeb, comme à Saraqib.");
        var reportC = await IngestAsync("Des frappes sur Saraqeb ont été signalées.");
        var confirmedBefore = reportC.Single(m => m.Surface == "Saraqeb");
        await _review.CorrectAsync(new MentionCorrection(confirmedBefore.Id, confirmedBefore.Place!.Id, null), analyst.Id, Cancel);
        var target = reportA.First(m => m.Surface == "Saraqeb");
        var aleppo = reportA.Single(m => m.Surface == "Alep").Place!;

        var result = await _review.CorrectAsync(new MentionCorrection(target.Id, aleppo.Id, null, CorrectionScope.SpellingEverywhere, 2, target.Version), analyst.Id, Cancel);

        var sameSpelling = reportA.Concat(reportB).Where(m => m.Surface is "Saraqeb" or "SARAQEB" or "Sarāqeb").ToList();
        Assert.Equal(4, sameSpelling.Count);
        Assert.Equal(target.Id, result.Mentions[0]);
        Assert.Subset(result.Mentions.ToHashSet(), sameSpelling.Select(m => m.Id).ToHashSet());
        foreach (var mention in sameSpelling)
        {
            var after = await MentionAsync(mention);
            Assert.Equal((aleppo.Id, MentionStatuses.Corrected, 2, analyst.Name), (after.Place!.Id, after.Status, after.Geoprecision, after.ReviewedBy));
            Assert.Single(await AuditAsync("mention", mention.Id));
        }

        Assert.Equal(2, reportA.Concat(reportB).Count(m => m.Surface == "Saraqib"));
        foreach (var mention in reportA.Concat(reportB).Where(m => m.Surface is not ("Saraqeb" or "SARAQEB" or "Sarāqeb")))
        {
            Assert.Equal((mention.Place?.Id, mention.Status), ((await MentionAsync(mention)).Place?.Id, (await MentionAsync(mention)).Status));
        }

        // An analyst's earlier decision on the same spelling stands.
        Assert.Equal((confirmedBefore.Place.Id, MentionStatuses.Confirmed), ((await MentionAsync(confirmedBefore)).Place!.Id, (await MentionAsync(confirmedBefore)).Status));
        Assert.True(result.LeftAsReviewed >= 1);
        Assert.DoesNotContain(confirmedBefore.Id, result.Mentions);
    }

    [Fact]
    public async Task A_spelling_corrected_in_its_report_leaves_other_reports_alone()
    {
        var analyst = await AnalystAsync();
        var reportA = await IngestAsync("Saraqeb est encerclée. Plus tard, Saraqeb est tombée.");
        var reportB = await IngestAsync("Saraqeb est calme.");
        var place = (await IngestAsync("Alep est calme.")).Single().Place!;

        await _review.CorrectAsync(new MentionCorrection(reportA[0].Id, place.Id, null, CorrectionScope.SpellingInReport), analyst.Id, Cancel);

        Assert.All(reportA, m => Assert.Equal(place.Id, MentionAsync(m).Result.Place!.Id));
        Assert.Equal(MentionStatuses.Auto, (await MentionAsync(reportB.Single())).Status);
    }

    [Fact]
    public async Task Events_read_at_a_corrected_mention_follow_it_unless_someone_moved_them()
    {
        var analyst = await AnalystAsync();
        var text = "Les rebelles ont pris Saraqeb mercredi, selon l'OSDH.";
        var (revisionA, mentionsA) = await IngestRevisionAsync(text);
        var (revisionB, mentionsB) = await IngestRevisionAsync(text);
        var eventA = Assert.Single(revisionA.Events, e => e.MentionId == mentionsA[0].Id);
        var eventB = Assert.Single(revisionB.Events, e => e.MentionId == mentionsB[0].Id);
        var aleppo = (await IngestAsync("Alep est calme.")).Single().Place!;
        var elsewhere = (await IngestAsync("Maaret al-Noomane est calme.")).Single().Place!;
        await ExecuteAsync($"UPDATE events SET place_id = {elsewhere.Id} WHERE id = {eventB.EventId}");

        var result = await _review.CorrectAsync(new MentionCorrection(mentionsA[0].Id, aleppo.Id, null, CorrectionScope.SpellingEverywhere), analyst.Id, Cancel);

        Assert.Contains(eventA.EventId, result.Events);
        Assert.DoesNotContain(eventB.EventId, result.Events);
        Assert.Equal(aleppo.Id, await ScalarAsync($"SELECT place_id FROM events WHERE id = {eventA.EventId}"));
        Assert.Equal(analyst.Id, await ScalarAsync($"SELECT updated_by FROM events WHERE id = {eventA.EventId}"));
        Assert.Equal(elsewhere.Id, await ScalarAsync($"SELECT place_id FROM events WHERE id = {eventB.EventId}"));
        var row = Assert.Single(await AuditAsync("event", eventA.EventId));
        Assert.Equal((eventA.PlaceId, aleppo.Id), (row.Before.GetProperty("place_id").GetInt64(), row.After.GetProperty("place_id").GetInt64()));
        Assert.Empty(await AuditAsync("event", eventB.EventId));
    }

    [Fact]
    public async Task A_new_analyst_place_is_created_and_assigned_in_one_change()
    {
        var analyst = await AnalystAsync();
        var mention = (await IngestAsync("Les combats continuent autour d'Alep.")).Single();
        var name = "Hameau " + Guid.NewGuid().ToString("N")[..6];

        var result = await _review.CorrectAsync(new MentionCorrection(mention.Id, null, new PlaceDraft(PlaceKind.Village, name, Geo.Point(36.91, 36.02), [])), analyst.Id, Cancel);

        Assert.True(result.PlaceCreated);
        var after = await MentionAsync(mention);
        Assert.Equal((name, "village", 36.91, 36.02, "analyst"), (after.Place!.Name, after.Place.Kind, after.Place.Lon, after.Place.Lat, after.Place.Source));
        Assert.Single(await AuditAsync("place", result.PlaceId));
    }

    [Fact]
    public async Task Unknown_ids_implausible_places_and_stale_forms_are_refused_and_change_nothing()
    {
        var analyst = await AnalystAsync();
        var mention = (await IngestAsync("Saraqeb est calme, Alep aussi.")).First();
        var before = await SnapshotAsync();

        var unknownMention = await Assert.ThrowsAsync<MentionReviewException>(() => _review.CorrectAsync(new MentionCorrection(long.MaxValue, mention.Place!.Id, null), analyst.Id, Cancel));
        Assert.Equal((MentionReviewProblem.UnknownMention, "mentionId"), (unknownMention.Problem, unknownMention.Field));
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), unknownMention.Message, StringComparison.Ordinal);

        var unknownPlace = await Assert.ThrowsAsync<MentionReviewException>(() => _review.CorrectAsync(new MentionCorrection(mention.Id, long.MaxValue, null, CorrectionScope.SpellingEverywhere), analyst.Id, Cancel));
        Assert.Equal((MentionReviewProblem.Invalid, "placeId"), (unknownPlace.Problem, unknownPlace.Field));

        foreach (var (lon, lat) in new[] { (0.0, 0.0), (37.0, 95.0), (double.NaN, 36.0) })
        {
            var draft = new PlaceDraft(PlaceKind.Village, "Nowhere", Geo.Point(lon, lat), []);
            var implausible = await Assert.ThrowsAsync<MentionReviewException>(() => _review.CorrectAsync(new MentionCorrection(mention.Id, null, draft), analyst.Id, Cancel));
            Assert.Equal((MentionReviewProblem.Invalid, "lon"), (implausible.Problem, implausible.Field));
        }

        var badPrecision = await Assert.ThrowsAsync<MentionReviewException>(() => _review.CorrectAsync(new MentionCorrection(mention.Id, mention.Place!.Id, null, Geoprecision: 4), analyst.Id, Cancel));
        Assert.Equal("geoprecision", badPrecision.Field);

        var stale = await Assert.ThrowsAsync<MentionReviewException>(() => _review.CorrectAsync(new MentionCorrection(mention.Id, mention.Place!.Id, null, ExpectedVersion: "1.auto."), analyst.Id, Cancel));
        Assert.Equal(MentionReviewProblem.Stale, stale.Problem);

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<AnalystAccount> AnalystAsync() =>
        await new AccountStore(database.DataSource, TimeProvider.System).AddAsync("analyst-" + Guid.NewGuid().ToString("N")[..8], "a long enough password", AnalystAccount.AnalystRole, false, null, Cancel);

    private async Task<IReadOnlyList<ReviewMention>> IngestAsync(string text) => (await IngestRevisionAsync(text)).Mentions;

    private async Task<(StoredRevision Revision, IReadOnlyList<ReviewMention> Mentions)> IngestRevisionAsync(string text)
    {
        var store = new ReportStore(database.DataSource, TimeProvider.System);
        var ingestion = await ReportIngestion.CreateAsync(new GazetteerStore(database.DataSource, TimeProvider.System), store, TimeProvider.System, Cancel);
        var saved = await ingestion.IngestAsync(Encoding.UTF8.GetBytes($"{text}\n\nRéf. {Guid.NewGuid():N}"), new ReportInput("report.txt", new DateOnly(2024, 11, 28)), null, Cancel);
        var mentions = await _review.GetMentionsAsync(saved.RevisionId, Cancel);
        Assert.All(mentions, m => Assert.NotNull(m.Place));
        return ((await store.GetRevisionAsync(saved.RevisionId, Cancel))!, mentions);
    }

    private async Task<ReviewMention> MentionAsync(ReviewMention mention) =>
        (await _review.GetMentionsAsync(mention.RevisionId, Cancel)).Single(m => m.Id == mention.Id);

    private async Task<List<AuditRow>> AuditAsync(string entity, long id)
    {
        await using var command = database.DataSource.CreateCommand("SELECT action, user_id, at, before::text, after::text FROM audit_log WHERE entity = @entity AND entity_id = @id ORDER BY id");
        command.Parameters.AddWithValue("entity", entity);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(new AuditRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? default : JsonDocument.Parse(reader.GetString(3)).RootElement, JsonDocument.Parse(reader.GetString(4)).RootElement));
        }

        return rows;
    }

    // Everything a refused correction could have touched.
    private async Task<string> SnapshotAsync()
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM audit_log) || '/' || (SELECT count(*) FROM places) || '/' ||
                   (SELECT string_agg(id || ':' || coalesce(place_id, 0) || ':' || status, ',' ORDER BY id) FROM mentions) || '/' ||
                   (SELECT string_agg(id || ':' || coalesce(place_id, 0), ',' ORDER BY id) FROM events)
            """);
        return (string)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private sealed record AuditRow(string Action, long? UserId, DateTimeOffset At, JsonElement Before, JsonElement After);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
