using System.Text;
using Territory.Data.Places;
using Territory.Data.Reports;
using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;
using Territory.Ingestion.Reading;
using Territory.Testing;

namespace Territory.Data.Tests;

/// <summary>A database holding the team's curated gazetteer, so the analyzer has places to find.</summary>
public sealed class CuratedGazetteerDatabase : TestDatabase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var path = RepoFolder.Path("geo", "theater", "places.geojson");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path)));
        await using var stream = File.OpenRead(path);
        await new GazetteerStore(DataSource, TimeProvider.System).ImportAsync(
            new GazetteerImport(GazetteerSources.Curated, "curated", "places.geojson", sha), new CuratedTheaterReader().Read(stream, "places.geojson"), null);
    }
}

/// <summary>Reports from bytes to rows on the real PostGIS; tests share a database, so they assert on their own rows or on differences.</summary>
public class ReportIngestionTests(CuratedGazetteerDatabase database) : IClassFixture<CuratedGazetteerDatabase>
{
    private static readonly string[] Tables = ["reports", "report_revisions", "mentions", "events", "event_sources", "audit_log"];

    private ReportStore Store => new(database.DataSource, TimeProvider.System);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<ReportIngestion> IngestionAsync() =>
        await ReportIngestion.CreateAsync(new GazetteerStore(database.DataSource, TimeProvider.System), Store, TimeProvider.System, Cancel);

    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<long[]> RowCountsAsync()
    {
        var counts = new long[Tables.Length];
        for (var i = 0; i < Tables.Length; i++)
        {
            counts[i] = await CountAsync($"SELECT count(*) FROM {Tables[i]}");
        }

        return counts;
    }

    private static string Unique(string text) => $"{text}\n\nRéf. {Guid.NewGuid():N}";

    [Fact]
    public async Task The_same_text_twice_is_stored_once()
    {
        var ingestion = await IngestionAsync();
        var text = Encoding.UTF8.GetBytes(Unique("Les rebelles ont pris Saraqeb mercredi, selon l'OSDH. Les combats continuent autour d'Alep."));
        var first = await ingestion.IngestAsync(text, new ReportInput("a.txt", new DateOnly(2024, 11, 28)), null, Cancel);
        var before = await RowCountsAsync();
        var second = await ingestion.IngestAsync(text, new ReportInput("b.txt", new DateOnly(2024, 11, 28)), null, Cancel);

        Assert.Equal(ReportSaveOutcome.NewReport, first.Outcome);
        Assert.Equal(ReportSaveOutcome.Duplicate, second.Outcome);
        Assert.Equal((first.ReportId, first.RevisionId, 1), (second.ReportId, second.RevisionId, second.Revision));
        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM report_revisions WHERE report_id = @id", ("id", first.ReportId)));
    }

    [Fact]
    public async Task Two_saves_of_the_same_text_racing_store_it_once()
    {
        var ingestion = await IngestionAsync();
        var text = Encoding.UTF8.GetBytes(Unique("Les rebelles sont entrés dans Alep vendredi soir."));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => ingestion.IngestAsync(text, new ReportInput($"{i}.txt"), null, Cancel), Cancel)));

        Assert.Single(results, r => r.Outcome == ReportSaveOutcome.NewReport);
        Assert.Equal(3, results.Count(r => r.Outcome == ReportSaveOutcome.Duplicate));
        Assert.Single(results.Select(r => r.RevisionId).Distinct());
    }

    [Fact]
    public async Task A_new_text_for_the_same_source_is_the_next_revision_and_the_first_is_kept()
    {
        var ingestion = await IngestionAsync();
        var url = $"https://example.org/{Guid.NewGuid():N}";
        var first = await ingestion.IngestAsync(Encoding.UTF8.GetBytes("Les rebelles ont pris Saraqeb mercredi."), new ReportInput("v1.txt", new DateOnly(2024, 11, 27), url), null, Cancel);
        var second = await ingestion.IngestAsync(Encoding.UTF8.GetBytes("Les rebelles ont pris Saraqeb et Maaret al-Noomane mercredi."), new ReportInput("v2.txt", new DateOnly(2024, 11, 27), url), null, Cancel);

        Assert.Equal((ReportSaveOutcome.NewReport, 1), (first.Outcome, first.Revision));
        Assert.Equal((ReportSaveOutcome.NewRevision, 2), (second.Outcome, second.Revision));
        Assert.Equal(first.ReportId, second.ReportId);
        var kept = await Store.GetRevisionAsync(first.RevisionId, Cancel);
        Assert.NotNull(kept);
        Assert.Equal("Les rebelles ont pris Saraqeb mercredi.", kept.Content.Body);
        Assert.Equal(url, kept.Content.SourceUrl);
        var listed = (await Store.ListReportsAsync(500, Cancel)).Single(r => r.ReportId == first.ReportId);
        Assert.Equal((second.RevisionId, 2), (listed.RevisionId, listed.Revision));
    }

    [Fact]
    public async Task A_French_sample_stores_mentions_and_events_whose_offsets_give_their_quotes()
    {
        var ingestion = await IngestionAsync();
        var path = RepoFolder.Path("data", "samples", "2024-11-28_fr_autoroute-m5.md");
        await using (var stream = File.OpenRead(path))
        {
            await ingestion.IngestAsync(stream, new ReportInput(path), null, Cancel);
        }

        // Whether new or already stored by another test, the revision is the one holding this text.
        var read = ReportReader.Read(await File.ReadAllBytesAsync(path, Cancel), path);
        var existing = await Store.FindByContentAsync(read.Text, Cancel);
        Assert.NotNull(existing);
        var revision = await Store.GetRevisionAsync(existing.RevisionId, Cancel);
        Assert.NotNull(revision);

        Assert.Equal(read.Text, revision.Content.Body);
        Assert.Equal(("markdown", "fr", LanguageStatuses.Detected), (revision.Content.OriginalFormat, revision.Content.Language, revision.Content.LanguageStatus));
        Assert.Equal((new DateOnly(2024, 11, 28), PublishedStatuses.Inferred), (revision.Content.PublishedOn, revision.Content.PublishedStatus));
        Assert.Contains("2024-11-28", revision.Content.PublishedEvidence, StringComparison.Ordinal);
        Assert.NotEmpty(revision.Mentions);
        Assert.All(revision.Mentions, m => Assert.Equal(revision.Content.Body[m.Start..m.End], m.Surface));
        Assert.Contains(revision.Mentions, m => m.PlaceId is not null && m.Status == "auto");
        Assert.NotEmpty(revision.Events);
        Assert.All(revision.Events, e => Assert.Equal(revision.Content.Body[e.SentenceStart..e.SentenceEnd], e.Quote));
        Assert.All(revision.Events.Where(e => e.MentionId is not null), e => Assert.Contains(revision.Mentions, m => m.Id == e.MentionId));
        Assert.All(revision.Events, e => Assert.Equal(e.Confidence >= 0.8 ? "auto_accepted" : "pending", e.Status));
        Assert.True(await CountAsync("SELECT count(*) FROM actors WHERE key = 'hts' AND parent_id IS NOT NULL") == 1, "the actor taxonomy is stored with parents");
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'report_revision' AND entity_id = @id", ("id", revision.Id)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM mentions WHERE jsonb_typeof(candidates) <> 'array' OR jsonb_array_length(candidates) > 5"));
    }

    public static TheoryData<string, ReportRejection> BadInputs => new()
    {
        { "empty", ReportRejection.Empty },
        { "binary", ReportRejection.Binary },
        { "huge", ReportRejection.TooLarge },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_bad_input_is_rejected_and_stores_nothing(string kind, ReportRejection reason)
    {
        var bytes = kind switch
        {
            "empty" => [],
            "binary" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, .. new byte[200]],
            _ => Encoding.ASCII.GetBytes(new string('a', 50 * 1024 * 1024)),
        };
        var ingestion = await IngestionAsync();
        var before = await RowCountsAsync();
        var rejected = await Assert.ThrowsAsync<ReportRejectedException>(() => ingestion.IngestAsync(new MemoryStream(bytes), new ReportInput($"{kind}.txt"), null, Cancel));
        Assert.Equal(reason, rejected.Reason);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task An_html_page_is_stored_without_its_scripts_and_styles()
    {
        var marker = Guid.NewGuid().ToString("N");
        var html = $"""
            <html lang="fr"><head><title>Alep</title><style>.x {"{"} color: red {"}"} /* style-{marker} */</style>
            <script>var secret = "script-{marker}";</script></head>
            <body><p>Les rebelles sont entrés dans Alep vendredi, selon des témoins sur place. Réf. {marker}</p></body></html>
            """;
        var result = await (await IngestionAsync()).IngestAsync(Encoding.UTF8.GetBytes(html), new ReportInput("page.html", new DateOnly(2024, 11, 29)), null, Cancel);
        var revision = await Store.GetRevisionAsync(result.RevisionId, Cancel);

        Assert.NotNull(revision);
        Assert.Equal("html", revision.Content.OriginalFormat);
        Assert.Contains($"Réf. {marker}", revision.Content.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("script-", revision.Content.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("style-", revision.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_latin1_file_is_decoded_with_its_accents()
    {
        var text = Unique("Les forces gouvernementales se sont retirées de Saraqeb jeudi ; l'armée a évacué la ville après des combats très violents.");
        var result = await (await IngestionAsync()).IngestAsync(Encoding.Latin1.GetBytes(text), new ReportInput("latin1.txt"), null, Cancel);
        var revision = await Store.GetRevisionAsync(result.RevisionId, Cancel);

        Assert.NotNull(revision);
        Assert.Contains("retirées de Saraqeb", revision.Content.Body, StringComparison.Ordinal);
        Assert.Contains("l'armée a évacué", revision.Content.Body, StringComparison.Ordinal);
        Assert.NotEqual("utf-8", revision.Content.OriginalEncoding);
        Assert.Equal((null, PublishedStatuses.Unknown), (revision.Content.PublishedOn, revision.Content.PublishedStatus));
    }

    [Fact]
    public async Task A_report_naming_no_place_is_stored_with_no_events()
    {
        var result = await (await IngestionAsync()).IngestAsync(
            Encoding.UTF8.GetBytes(Unique("Les négociations entre les parties se poursuivent, a indiqué un diplomate, sans donner davantage de détails sur leur contenu.")),
            new ReportInput("rien.txt", new DateOnly(2024, 11, 30)), null, Cancel);

        Assert.Equal(ReportSaveOutcome.NewReport, result.Outcome);
        Assert.Equal(0, result.Events);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM event_sources WHERE revision_id = @id", ("id", result.RevisionId)));
    }

    [Fact]
    public async Task A_German_report_is_stored_as_unsupported_with_no_events()
    {
        var text = Unique("Die Rebellen haben am Mittwoch die Stadt Saraqib eingenommen und sind danach in die westlichen Viertel von Aleppo eingedrungen, wie die Beobachtungsstelle mitteilte. Die Armee hat sich aus mehreren Dörfern zurückgezogen.");
        var result = await (await IngestionAsync()).IngestAsync(Encoding.UTF8.GetBytes(text), new ReportInput("bericht.txt", new DateOnly(2024, 11, 27)), null, Cancel);
        var revision = await Store.GetRevisionAsync(result.RevisionId, Cancel);

        Assert.NotNull(revision);
        Assert.Equal(LanguageStatuses.Unsupported, revision.Content.LanguageStatus);
        Assert.Equal((0, 0), (result.Mentions, result.Events));
        Assert.Empty(revision.Events);
    }
}
