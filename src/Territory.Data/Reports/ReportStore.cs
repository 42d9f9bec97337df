using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Territory.Data.Audit;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion;
using Territory.Ingestion.Actors;

namespace Territory.Data.Reports;

/// <summary>
/// Reports, their revisions and what the text pipeline read in them (mentions, actors, events and their sentences).
/// A text is identified by the SHA-256 of its decoded body: the same text again changes nothing. A report is identified
/// by its source address when it has one (a new text for it is the next revision, the old kept), otherwise by the text.
/// </summary>
public sealed class ReportStore(NpgsqlDataSource dataSource, TimeProvider clock, ReportStoreOptions? options = null)
{
    private readonly ReportStoreOptions _options = options ?? ReportStoreOptions.Default;

    // The taxonomy's actor ids once this store has written them (per process: the taxonomy is data shipped with the code).
    private IReadOnlyDictionary<string, long>? _actorIds;

    // Saves of the same text, or of the same source address, wait for each other; everything else runs side by side.
    private const string LockSql = "SELECT pg_advisory_xact_lock(@key)";
    private const string LockUrlSql = "SELECT pg_advisory_xact_lock(hashtextextended(@url, 7))";

    private const string FindByContentSql = "SELECT id, report_id, revision FROM report_revisions WHERE content_sha256 = @sha";

    // With the locks and the look-up for this text, in the first round trip: the report at this address (if any) and its
    // next revision number, else a new report id; and the new revision's id, so every later write is one batch.
    private const string PlanSql = """
        WITH found AS (SELECT id FROM reports WHERE @url::text IS NOT NULL AND source_url = @url)
        SELECT (SELECT id FROM found),
               CASE WHEN EXISTS (SELECT FROM found) THEN NULL ELSE nextval(pg_get_serial_sequence('reports', 'id')) END,
               (SELECT coalesce(max(revision), 0) + 1 FROM report_revisions WHERE report_id = (SELECT id FROM found)),
               nextval(pg_get_serial_sequence('report_revisions', 'id'))
        """;

    private const string InsertReportSql = """
        INSERT INTO reports (id, source_url, outlet, title, created_at, created_by) OVERRIDING SYSTEM VALUE
        VALUES (@id, @url, @outlet, @title, @at, @by)
        """;

    // A later revision may name the outlet or title an earlier one left out.
    private const string UpdateReportSql = """
        UPDATE reports SET outlet = coalesce(outlet, @outlet), title = coalesce(@title, title)
        WHERE id = @id AND (outlet IS NULL AND @outlet::text IS NOT NULL OR @title::text IS NOT NULL AND title IS DISTINCT FROM @title)
        """;

    private const string InsertRevisionSql = """
        INSERT INTO report_revisions (id, report_id, revision, body, content_sha256, original_format, original_encoding, original_name,
                                      title, language, language_status, language_confidence, published_on, published_status,
                                      published_evidence, ingested_at, ingested_by) OVERRIDING SYSTEM VALUE
        VALUES (@id, @report, @revision, @body, @sha, @format, @encoding, @name, @title, @language, @language_status, @language_confidence,
                @published_on, @published_status, @published_evidence, @at, @by)
        """;

    // Identity values are drawn in the order the rows are inserted, so a revision's mentions ordered by id come back in
    // the analysis' order: an event finds its mention by that position.
    private const string InsertMentionsSql = """
        INSERT INTO mentions (revision_id, start_offset, end_offset, surface, context_cue, place_id, score, runner_up_id, margin,
                              geoprecision, candidates, status)
        SELECT @revision, m.start_offset, m.end_offset, m.surface, m.context_cue, m.place_id, m.score, m.runner_up_id, m.margin,
               m.geoprecision, m.candidates, m.status
        FROM unnest(@starts::int[], @ends::int[], @surfaces::text[], @cues::text[], @places::bigint[], @scores::real[], @runners::bigint[],
                    @margins::real[], @precisions::smallint[], @candidates::jsonb[], @statuses::text[])
             WITH ORDINALITY AS m(start_offset, end_offset, surface, context_cue, place_id, score, runner_up_id, margin, geoprecision,
                                  candidates, status, position)
        ORDER BY m.position
        """;

    // Only rows that differ are written (an UPDATE locks only what it changes), so parallel ingests never queue on actors.
    private const string UpdateActorsSql = """
        UPDATE actors a SET name = t.name, side = t.side, color = t.color
        FROM unnest(@keys, @names, @sides, @colors) AS t (key, name, side, color)
        WHERE a.key = t.key AND (a.name, a.side, a.color) IS DISTINCT FROM (t.name, t.side, t.color)
        """;

    private const string InsertActorsSql = """
        INSERT INTO actors (key, name, side, color)
        SELECT * FROM unnest(@keys, @names, @sides, @colors)
        ON CONFLICT (key) DO NOTHING
        """;

    private const string LinkActorParentsSql = """
        UPDATE actors a SET parent_id = p.id
        FROM unnest(@keys, @parents) AS t (key, parent)
        LEFT JOIN actors p ON p.key = t.parent
        WHERE a.key = t.key AND a.parent_id IS DISTINCT FROM p.id
        """;

    private const string ActorIdsSql = "SELECT key, id FROM actors WHERE key = ANY(@keys)";

    // One statement per event, the event and its sentences together, in the report's one batch. The first sentence points
    // at the event's place mention, found by its position among the revision's mentions (an aggregate, so the look-up
    // goes through the revision's index, not the primary key's order).
    private const string InsertEventSql = """
        WITH e AS (
            INSERT INTO events (kind, tier, place_id, gainer_id, loser_id, day_from, day_to, date_precision, date_evidence, retake,
                                quantities, rule, confidence, status, created_at, created_by, updated_at, updated_by)
            VALUES (@kind, @tier, @place, @gainer, @loser, @day_from, @day_to, @precision, @evidence, @retake,
                    @quantities, @rule, @confidence, @status, @at, @by, @at, @by)
            RETURNING id)
        INSERT INTO event_sources (event_id, revision_id, sentence_start, sentence_end, quote, mention_id)
        SELECT e.id, @revision, s.sentence_start, s.sentence_end, s.quote,
               CASE WHEN s.position = 1 THEN (SELECT (array_agg(m.id ORDER BY m.id))[@mention::int + 1] FROM mentions m WHERE m.revision_id = @revision) END
        FROM e, unnest(@starts::int[], @ends::int[], @quotes::text[]) WITH ORDINALITY AS s(sentence_start, sentence_end, quote, position)
        ON CONFLICT DO NOTHING
        """;

    private const string AnyReportSql = "SELECT EXISTS (SELECT 1 FROM reports)";

    private const string ListSql = """
        SELECT r.id, v.id, v.revision, coalesce(v.title, r.title), r.source_url, r.outlet, v.original_name, v.language,
               v.language_status, v.published_on, v.published_status, v.ingested_at,
               (SELECT count(*)::int FROM mentions m WHERE m.revision_id = v.id),
               (SELECT count(DISTINCT s.event_id)::int FROM event_sources s WHERE s.revision_id = v.id)
        FROM reports r
        JOIN LATERAL (SELECT * FROM report_revisions x WHERE x.report_id = r.id ORDER BY x.revision DESC LIMIT 1) v ON true
        ORDER BY v.ingested_at DESC, v.id DESC
        LIMIT @limit
        """;

    private const string RevisionSql = """
        SELECT v.id, v.report_id, v.revision, v.body, v.original_format, v.original_encoding, v.original_name, r.source_url, r.outlet,
               coalesce(v.title, r.title), v.language, v.language_status, v.language_confidence, v.published_on, v.published_status,
               v.published_evidence, v.content_sha256, v.ingested_at
        FROM report_revisions v JOIN reports r ON r.id = v.report_id
        WHERE v.id = @id
        """;

    private const string RevisionMentionsSql = """
        SELECT m.id, m.start_offset, m.end_offset, m.surface, m.context_cue, m.place_id, p.name, m.score, m.geoprecision, m.status
        FROM mentions m LEFT JOIN places p ON p.id = m.place_id
        WHERE m.revision_id = @id
        ORDER BY m.start_offset, m.id
        """;

    private const string RevisionEventsSql = """
        SELECT e.id, e.kind, e.tier, e.place_id, g.key, l.key, e.day_from, e.day_to, e.date_precision, e.rule, e.confidence, e.status,
               s.sentence_start, s.sentence_end, s.quote, s.mention_id
        FROM event_sources s
        JOIN events e ON e.id = s.event_id
        LEFT JOIN actors g ON g.id = e.gainer_id
        LEFT JOIN actors l ON l.id = e.loser_id
        WHERE s.revision_id = @id
        ORDER BY s.sentence_start, e.id
        """;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The SHA-256 that identifies a text: of its UTF-8 bytes, exactly as decoded.</summary>
    public static byte[] ContentHash(string body) => SHA256.HashData(Encoding.UTF8.GetBytes(body));

    /// <summary>The stored revision holding exactly this text, if any.</summary>
    public async Task<ReportSaveResult?> FindByContentAsync(string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindByContentAsync(connection, null, ContentHash(body), cancellationToken);
    }

    /// <summary>
    /// Stores a report's text and what <paramref name="analysis"/> read in it, in one transaction: the report (found by
    /// source address, or new), the revision, the mentions, the actors of the taxonomy, the events with their sentences,
    /// and an audit row. The same text again returns the stored revision and changes nothing.
    /// </summary>
    public Task<ReportSaveResult> SaveAsync(ReportSubmission submission, ReportAnalysis analysis, long? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return SaveAsync(submission, () => analysis, userId, cancellationToken);
    }

    /// <summary>
    /// As <see cref="SaveAsync(ReportSubmission, ReportAnalysis, long?, CancellationToken)"/>, analysing the text only once
    /// it is known to be new: the look-up for the same text is the one made under the text's lock. Round trips: the locks
    /// and look-ups, then every write in one batch, the audit row, the commit.
    /// </summary>
    public async Task<ReportSaveResult> SaveAsync(ReportSubmission submission, Func<ReportAnalysis> analyze, long? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(analyze);
        var sha = ContentHash(submission.Body);
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long? foundReport;
        long reportId;
        int revision;
        long revisionId;
        await using (var plan = new NpgsqlBatch(connection, transaction))
        {
            var lockText = new NpgsqlBatchCommand(LockSql);
            lockText.Parameters.AddWithValue("key", BinaryPrimitives.ReadInt64BigEndian(sha));
            plan.BatchCommands.Add(lockText);
            if (submission.SourceUrl is { } lockedUrl)
            {
                var lockUrl = new NpgsqlBatchCommand(LockUrlSql);
                lockUrl.Parameters.AddWithValue("url", lockedUrl);
                plan.BatchCommands.Add(lockUrl);
            }

            var find = new NpgsqlBatchCommand(FindByContentSql);
            find.Parameters.AddWithValue("sha", sha);
            plan.BatchCommands.Add(find);
            var ids = new NpgsqlBatchCommand(PlanSql);
            ids.Parameters.Add(Text("url", submission.SourceUrl));
            plan.BatchCommands.Add(ids);

            // Prepared once per pooled connection, the statements are no longer parsed and planned for every report.
            await plan.PrepareAsync(cancellationToken);

            // The locks' results (one void row each) come first, then the look-up for this text.
            await using var reader = await plan.ExecuteReaderAsync(cancellationToken);
            for (var skip = plan.BatchCommands.Count - 2; skip > 0; skip--)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            if (await reader.ReadAsync(cancellationToken))
            {
                var existing = new ReportSaveResult(ReportSaveOutcome.Duplicate, reader.GetInt64(1), reader.GetInt64(0), reader.GetInt32(2), 0, 0, 0);
                await reader.DisposeAsync();
                await transaction.RollbackAsync(cancellationToken);
                return existing;
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            foundReport = reader.IsDBNull(0) ? null : reader.GetInt64(0);
            reportId = foundReport ?? reader.GetInt64(1);
            revision = reader.IsDBNull(2) ? 1 : reader.GetInt32(2);
            revisionId = reader.GetInt64(3);
        }

        var analysis = analyze();
        IReadOnlyDictionary<string, long> actorIds = analysis.Events.Count == 0
            ? new Dictionary<string, long>()
            : _actorIds ?? await UpsertActorsAsync(connection, transaction, ActorCatalog.Default.Actors, cancellationToken);

        var stored = analysis.Places.Where(m => m.Span.End > m.Span.Start && m.Span.Start >= 0).ToList();
        var positions = new Dictionary<PlaceMention, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < stored.Count; i++)
        {
            positions[stored[i]] = i;
        }

        var autoAccepted = 0;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(foundReport is null ? InsertReportCommand(reportId, submission, now, userId) : UpdateReportCommand(reportId, submission));
            batch.BatchCommands.Add(InsertRevisionCommand(revisionId, reportId, revision, sha, submission, now, userId));
            if (stored.Count > 0)
            {
                batch.BatchCommands.Add(InsertMentionsCommand(revisionId, stored));
            }

            foreach (var extracted in analysis.Events)
            {
                var accepted = extracted.Confidence >= _options.AutoAcceptConfidence;
                autoAccepted += accepted ? 1 : 0;
                int? mention = extracted.Place is { } place && positions.TryGetValue(place, out var position) ? position : null;
                batch.BatchCommands.Add(EventCommand(extracted, accepted, actorIds, revisionId, mention, now, userId));
            }

            await batch.PrepareAsync(cancellationToken);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        var result = new ReportSaveResult(foundReport is null ? ReportSaveOutcome.NewReport : ReportSaveOutcome.NewRevision, reportId, revisionId, revision,
            positions.Count, analysis.Events.Count, autoAccepted);
        await AuditLog.RecordAsync(connection, transaction, clock, userId, "ingest", "report_revision", revisionId, null,
            new
            {
                ReportId = reportId,
                Revision = revision,
                ContentSha256 = Convert.ToHexStringLower(sha),
                submission.SourceUrl,
                submission.OriginalName,
                submission.OriginalFormat,
                submission.Language,
                submission.LanguageStatus,
                PublishedOn = submission.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                submission.PublishedStatus,
                result.Mentions,
                result.Events,
                result.AutoAccepted,
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The taxonomy's rows are written once per process: later reports reuse their ids.
        if (actorIds.Count > 0)
        {
            _actorIds ??= actorIds;
        }

        return result;
    }

    /// <summary>Whether any report is stored.</summary>
    public async Task<bool> HasReportsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(AnyReportSql);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The most recently ingested reports, each with its latest revision; at most <see cref="ReportStoreOptions.MaxListSize"/>.</summary>
    public async Task<IReadOnlyList<ReportListItem>> ListReportsAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, _options.MaxListSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ReportListItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ReportListItem(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5),
                NullableString(reader, 6), NullableString(reader, 7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11),
                reader.GetInt32(12), reader.GetInt32(13)));
        }

        return items;
    }

    /// <summary>One revision with its text, mentions and events; null when there is none with this id.</summary>
    public async Task<StoredRevision?> GetRevisionAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        StoredRevision revision;
        await using (var command = new NpgsqlCommand(RevisionSql, connection))
        {
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var content = new ReportSubmission(
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10),
                reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetFloat(12), reader.IsDBNull(13) ? null : reader.GetFieldValue<DateOnly>(13),
                reader.GetString(14), NullableString(reader, 15));
            revision = new StoredRevision(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), content, Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(16)),
                reader.GetFieldValue<DateTimeOffset>(17), [], []);
        }

        var mentions = new List<StoredMention>();
        await using (var command = new NpgsqlCommand(RevisionMentionsSql, connection))
        {
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                mentions.Add(new StoredMention(
                    reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), NullableString(reader, 4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5), NullableString(reader, 6), reader.IsDBNull(7) ? null : reader.GetFloat(7),
                    reader.IsDBNull(8) ? null : reader.GetInt16(8), reader.GetString(9)));
            }
        }

        var events = new List<StoredEventSource>();
        await using (var command = new NpgsqlCommand(RevisionEventsSql, connection))
        {
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new StoredEventSource(
                    reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    NullableString(reader, 4), NullableString(reader, 5), reader.GetFieldValue<DateOnly>(6), reader.GetFieldValue<DateOnly>(7),
                    reader.GetString(8), reader.GetString(9), reader.GetFloat(10), reader.GetString(11), reader.GetInt32(12), reader.GetInt32(13),
                    reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetInt64(15)));
            }
        }

        return revision with { Mentions = mentions, Events = events };
    }

    private static async Task<ReportSaveResult?> FindByContentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, byte[] sha, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand(FindByContentSql, connection, transaction);
        find.Parameters.AddWithValue("sha", sha);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReportSaveResult(ReportSaveOutcome.Duplicate, reader.GetInt64(1), reader.GetInt64(0), reader.GetInt32(2), 0, 0, 0)
            : null;
    }

    private static NpgsqlBatchCommand InsertReportCommand(long id, ReportSubmission submission, DateTimeOffset now, long? userId)
    {
        var insert = new NpgsqlBatchCommand(InsertReportSql);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.Add(Text("url", submission.SourceUrl));
        insert.Parameters.Add(Text("outlet", submission.Outlet));
        insert.Parameters.Add(Text("title", submission.Title));
        insert.Parameters.AddWithValue("at", now);
        insert.Parameters.Add(Id("by", userId));
        return insert;
    }

    private static NpgsqlBatchCommand UpdateReportCommand(long id, ReportSubmission submission)
    {
        var update = new NpgsqlBatchCommand(UpdateReportSql);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.Add(Text("outlet", submission.Outlet));
        update.Parameters.Add(Text("title", submission.Title));
        return update;
    }

    private static NpgsqlBatchCommand InsertRevisionCommand(long id, long reportId, int revision, byte[] sha, ReportSubmission submission, DateTimeOffset now, long? userId)
    {
        var insert = new NpgsqlBatchCommand(InsertRevisionSql);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("report", reportId);
        insert.Parameters.AddWithValue("revision", revision);
        insert.Parameters.AddWithValue("body", submission.Body);
        insert.Parameters.AddWithValue("sha", sha);
        insert.Parameters.AddWithValue("format", submission.OriginalFormat);
        insert.Parameters.AddWithValue("encoding", submission.OriginalEncoding);
        insert.Parameters.Add(Text("name", submission.OriginalName));
        insert.Parameters.Add(Text("title", submission.Title));
        insert.Parameters.Add(Text("language", submission.Language));
        insert.Parameters.AddWithValue("language_status", submission.LanguageStatus);
        insert.Parameters.Add(new NpgsqlParameter("language_confidence", NpgsqlDbType.Real) { Value = submission.LanguageConfidence is { } c ? (float)Math.Clamp(c, 0, 1) : DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter("published_on", NpgsqlDbType.Date) { Value = submission.PublishedOn is { } d ? d : DBNull.Value });
        insert.Parameters.AddWithValue("published_status", submission.PublishedStatus);
        insert.Parameters.Add(Text("published_evidence", submission.PublishedEvidence));
        insert.Parameters.AddWithValue("at", now);
        insert.Parameters.Add(Id("by", userId));
        return insert;
    }

    // The mentions as parallel arrays, one statement however many there are.
    private NpgsqlBatchCommand InsertMentionsCommand(long revisionId, List<PlaceMention> mentions)
    {
        var insert = new NpgsqlBatchCommand(InsertMentionsSql);
        insert.Parameters.AddWithValue("revision", revisionId);
        insert.Parameters.AddWithValue("starts", mentions.Select(m => m.Span.Start).ToArray());
        insert.Parameters.AddWithValue("ends", mentions.Select(m => m.Span.End).ToArray());
        insert.Parameters.AddWithValue("surfaces", mentions.Select(m => m.Span.Surface).ToArray());
        insert.Parameters.Add(Array("cues", NpgsqlDbType.Text, mentions.Select(m => m.Span.Cue.Text is { Length: > 0 } cue ? cue : null)));
        insert.Parameters.Add(Array("places", NpgsqlDbType.Bigint, mentions.Select(m => m.Place?.Id)));
        insert.Parameters.Add(Array("scores", NpgsqlDbType.Real, mentions.Select(m => m.IsResolved ? Real(m.Score) : null)));
        insert.Parameters.Add(Array("runners", NpgsqlDbType.Bigint, mentions.Select(m => m.RunnerUp?.Id)));
        insert.Parameters.Add(Array("margins", NpgsqlDbType.Real, mentions.Select(m => m.RunnerUp is null ? null : Real(m.Margin))));
        insert.Parameters.Add(Array("precisions", NpgsqlDbType.Smallint, mentions.Select(m => m.IsResolved && m.Geoprecision is >= 1 and <= 3 ? (short?)m.Geoprecision : null)));
        insert.Parameters.Add(new NpgsqlParameter("candidates", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = mentions.Select(Candidates).ToArray() });
        insert.Parameters.AddWithValue("statuses", mentions.Select(m => m.IsResolved ? "auto" : "unresolved").ToArray());
        return insert;
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.Select(v => v is null ? DBNull.Value : (object)v).ToArray() };

    private string Candidates(PlaceMention mention) => JsonSerializer.Serialize(
        mention.Candidates.Take(_options.StoredCandidates).Select(c => new { id = c.Entry.Id, name = c.Entry.Name, kind = c.Entry.Kind.Key(), score = double.IsFinite(c.Score) ? Math.Round(c.Score, 3) : 0 }),
        Json);

    internal static async Task<Dictionary<string, long>> UpsertActorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Actor> actors, CancellationToken cancellationToken)
    {
        var keys = actors.Select(a => a.Key).ToArray();
        foreach (var sql in new[] { UpdateActorsSql, InsertActorsSql })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("keys", keys);
            command.Parameters.AddWithValue("names", actors.Select(a => a.Name).ToArray());
            command.Parameters.AddWithValue("sides", actors.Select(a => a.Side).ToArray());
            command.Parameters.AddWithValue("colors", actors.Select(a => a.Color).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var link = new NpgsqlCommand(LinkActorParentsSql, connection, transaction))
        {
            link.Parameters.AddWithValue("keys", keys);
            link.Parameters.Add(new NpgsqlParameter("parents", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = actors.Select(a => (object?)a.Parent ?? DBNull.Value).ToArray() });
            await link.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var select = new NpgsqlCommand(ActorIdsSql, connection, transaction);
        select.Parameters.AddWithValue("keys", keys);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        return ids;
    }

    // The event with its sentences: the first one with the event's place mention, the others (the same event told again) without.
    private static NpgsqlBatchCommand EventCommand(ExtractedEvent extracted, bool accepted, IReadOnlyDictionary<string, long> actorIds, long revisionId, int? mention,
        DateTimeOffset now, long? userId)
    {
        var quantities = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in extracted.Quantities)
        {
            quantities[name] = value;
        }

        if (extracted.CountedBy is { } countedBy)
        {
            quantities["counted_by"] = countedBy;
        }

        if (extracted.StrikeMode is { } mode)
        {
            quantities["strike_mode"] = mode;
        }

        var from = extracted.Date.From;
        var to = extracted.Date.To < from ? from : extracted.Date.To;
        var insert = new NpgsqlBatchCommand(InsertEventSql);
        insert.Parameters.AddWithValue("kind", extracted.Kind.Key());
        insert.Parameters.Add(Text("tier", extracted.Tier?.Key()));
        insert.Parameters.Add(Id("place", extracted.Place?.Place?.Id));
        insert.Parameters.Add(Id("gainer", actorIds.TryGetValue(extracted.Gainer.Key, out var gainer) ? gainer : null));
        insert.Parameters.Add(Id("loser", actorIds.TryGetValue(extracted.Loser.Key, out var loser) ? loser : null));
        insert.Parameters.AddWithValue("day_from", from);
        insert.Parameters.AddWithValue("day_to", to);
        insert.Parameters.AddWithValue("precision", extracted.Date.PrecisionKey);
        insert.Parameters.Add(Text("evidence", extracted.Date.Evidence));
        insert.Parameters.AddWithValue("retake", extracted.Retake);
        insert.Parameters.Add(new NpgsqlParameter("quantities", NpgsqlDbType.Jsonb) { Value = quantities.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(quantities, Json) });
        insert.Parameters.AddWithValue("rule", extracted.Rule);
        insert.Parameters.AddWithValue("confidence", (float)Math.Clamp(extracted.Confidence, 0, 1));
        insert.Parameters.AddWithValue("status", accepted ? "auto_accepted" : "pending");
        insert.Parameters.AddWithValue("at", now);
        insert.Parameters.Add(Id("by", userId));
        EventSource[] sources = [extracted.Source, .. extracted.MoreSources];
        insert.Parameters.AddWithValue("revision", revisionId);
        insert.Parameters.AddWithValue("starts", sources.Select(x => x.SentenceStart).ToArray());
        insert.Parameters.AddWithValue("ends", sources.Select(x => x.SentenceEnd).ToArray());
        insert.Parameters.AddWithValue("quotes", sources.Select(x => x.Quote).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("mention", NpgsqlDbType.Integer) { Value = mention is { } m ? m : DBNull.Value });
        return insert;
    }

    private static float? Real(double value) => double.IsFinite(value) ? (float)value : null;

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Id(string name, long? value) => new(name, NpgsqlDbType.Bigint) { Value = value.HasValue ? value.Value : DBNull.Value };

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
