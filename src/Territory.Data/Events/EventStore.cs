using Npgsql;
using NpgsqlTypes;
using Territory.Data.Audit;
using Territory.Domain.Places;

namespace Territory.Data.Events;

/// <summary>
/// Events for review: filtered lists with their sources and likely duplicates, and the analyst's actions (accept, reject,
/// edit, merge, add by hand). Every change runs in one transaction with its audit row (who, when, before, after); bad
/// input throws <see cref="EventReviewException"/> and changes nothing.
/// </summary>
public sealed partial class EventStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Events a page shows when not told otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Most events one page shows.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The rule of an event an analyst entered.</summary>
    public const string ManualRule = "manual";

    private const string FilterSql = """
        FROM events e
        LEFT JOIN places p ON p.id = e.place_id
        LEFT JOIN actors g ON g.id = e.gainer_id
        LEFT JOIN actors l ON l.id = e.loser_id
        LEFT JOIN actors gp ON gp.id = g.parent_id
        LEFT JOIN actors lp ON lp.id = l.parent_id
        WHERE (@id::bigint IS NULL OR e.id = @id)
          AND (@from::date IS NULL OR e.day_to >= @from)
          AND (@to::date IS NULL OR e.day_from <= @to)
          AND (@place_id::bigint IS NULL OR e.place_id = @place_id)
          AND (@place_key::text IS NULL OR e.place_id IN (SELECT n.place_id FROM place_names n WHERE n.normalized = @place_key))
          AND (@actor::text IS NULL OR @actor IN (g.key, l.key, gp.key, lp.key))
          AND (@kind::text IS NULL OR e.kind = @kind)
          AND (CASE WHEN @status::text IS NULL THEN e.status <> 'merged' OR @id IS NOT NULL ELSE e.status = @status END)
          AND (@report::bigint IS NULL OR EXISTS (
                SELECT 1 FROM event_sources s JOIN report_revisions v ON v.id = s.revision_id
                WHERE s.event_id = e.id AND v.report_id = @report))
        """;

    private const string CountSql = "SELECT count(*)::int " + FilterSql;

    private const string PageSql = """
        SELECT e.id, e.kind, e.tier, e.place_id, p.name, g.key, g.name, l.key, l.name, e.day_from, e.day_to, e.date_precision,
               e.date_evidence, e.rule, e.confidence, e.status, e.merged_into, e.note,
               (SELECT u.name FROM users u WHERE u.id = e.created_by), (SELECT u.name FROM users u WHERE u.id = e.updated_by), e.updated_at
        """ + "\n" + FilterSql + """

        ORDER BY e.day_from DESC, e.id DESC
        LIMIT @limit OFFSET @offset
        """;

    // The sentence's mention of the event's place: the one the extractor linked, else any mention of that place inside it.
    private const string SourcesSql = """
        SELECT s.event_id, v.report_id, v.id, v.revision, coalesce(v.title, r.title, v.original_name), r.outlet, v.published_on,
               s.sentence_start, s.sentence_end, s.quote, m.start_offset, m.end_offset
        FROM event_sources s
        JOIN events e ON e.id = s.event_id
        JOIN report_revisions v ON v.id = s.revision_id
        JOIN reports r ON r.id = v.report_id
        LEFT JOIN LATERAL (
            SELECT x.start_offset, x.end_offset FROM mentions x
            WHERE x.revision_id = s.revision_id AND x.start_offset >= s.sentence_start AND x.end_offset <= s.sentence_end
              AND (x.id = s.mention_id OR x.place_id = e.place_id)
            ORDER BY x.id = s.mention_id DESC, x.start_offset
            LIMIT 1) m ON true
        WHERE s.event_id = ANY(@ids)
        ORDER BY s.event_id, v.published_on NULLS LAST, v.id, s.sentence_start
        """;

    // Same place and kind, overlapping days, told by another report, and still in play.
    private const string DuplicatesSql = """
        SELECT e.id, d.id
        FROM events e
        JOIN events d ON d.id <> e.id AND d.place_id = e.place_id AND d.kind = e.kind
                     AND d.day_from <= e.day_to AND e.day_from <= d.day_to AND d.status NOT IN ('merged', 'rejected')
        WHERE e.id = ANY(@ids) AND e.place_id IS NOT NULL AND e.status NOT IN ('merged', 'rejected')
          AND NOT EXISTS (
                SELECT 1 FROM event_sources a JOIN report_revisions av ON av.id = a.revision_id,
                              event_sources b JOIN report_revisions bv ON bv.id = b.revision_id
                WHERE a.event_id = e.id AND b.event_id = d.id AND av.report_id = bv.report_id)
        ORDER BY e.id, d.id
        """;

    private const string LockEventSql = """
        SELECT e.id, e.kind, e.tier, e.place_id, g.key, l.key, e.day_from, e.day_to, e.date_precision, e.date_evidence, e.rule,
               e.confidence, e.status, e.merged_into, e.note
        FROM events e LEFT JOIN actors g ON g.id = e.gainer_id LEFT JOIN actors l ON l.id = e.loser_id
        WHERE e.id = @id
        FOR UPDATE OF e
        """;

    private const string SetStatusSql = "UPDATE events SET status = @status, updated_at = @at, updated_by = @by WHERE id = @id";

    private const string EditSql = """
        UPDATE events SET kind = @kind, tier = @tier, place_id = @place, gainer_id = @gainer, loser_id = @loser, day_from = @day_from,
                          day_to = @day_to, date_precision = @precision, note = @note, updated_at = @at, updated_by = @by
        WHERE id = @id
        """;

    private const string MergeSql = """
        UPDATE events SET status = 'merged', merged_into = @kept, note = coalesce(@note, note), updated_at = @at, updated_by = @by WHERE id = @merged;
        UPDATE events SET merged_into = @kept, updated_at = @at, updated_by = @by WHERE merged_into = @merged;
        INSERT INTO event_sources (event_id, revision_id, sentence_start, sentence_end, quote, mention_id)
        SELECT @kept, revision_id, sentence_start, sentence_end, quote, mention_id FROM event_sources WHERE event_id = @merged
        ON CONFLICT DO NOTHING;
        DELETE FROM event_sources WHERE event_id = @merged;
        UPDATE events SET updated_at = @at, updated_by = @by WHERE id = @kept
        """;

    private const string SourceKeysSql = "SELECT revision_id, sentence_start FROM event_sources WHERE event_id = @id ORDER BY revision_id, sentence_start";

    private const string InsertManualSql = """
        INSERT INTO events (kind, tier, place_id, gainer_id, loser_id, day_from, day_to, date_precision, rule, confidence, status, note,
                            created_at, created_by, updated_at, updated_by)
        VALUES (@kind, @tier, @place, @gainer, @loser, @day_from, @day_to, @precision, 'manual', 1, 'accepted', @note, @at, @by, @at, @by)
        RETURNING id
        """;

    private const string InsertSourceSql = """
        INSERT INTO event_sources (event_id, revision_id, sentence_start, sentence_end, quote)
        VALUES (@event, @revision, @start, @end, @quote)
        """;

    private const string LatestRevisionSql = "SELECT id, body FROM report_revisions WHERE report_id = @report ORDER BY revision DESC LIMIT 1";

    private const string PlaceExistsSql = "SELECT EXISTS (SELECT 1 FROM places WHERE id = @id)";

    private const string ActorIdSql = "SELECT id FROM actors WHERE key = @key";

    private const string ActorsSql = "SELECT key, name, side FROM actors ORDER BY side, name";

    /// <summary>One page of the events <paramref name="filter"/> selects, newest first, with sources and likely duplicates.</summary>
    public async Task<EventPage> ListAsync(EventFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = new NpgsqlCommand(CountSql, connection))
        {
            AddFilter(count, filter, null);
            total = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var events = await ReadEventsAsync(connection, filter, null, size, (page - 1) * size, cancellationToken);
        return new EventPage(events, total, page, size);
    }

    /// <summary>One event (merged ones included) with its sources and likely duplicates; null when there is none.</summary>
    public async Task<EventView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var events = await ReadEventsAsync(connection, new EventFilter(), id, 1, 0, cancellationToken);
        return events.Count == 0 ? null : events[0];
    }

    /// <summary>The actors of the taxonomy, by side.</summary>
    public async Task<IReadOnlyList<ActorChoice>> ListActorsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ActorsSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actors = new List<ActorChoice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actors.Add(new ActorChoice(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return actors;
    }

    /// <summary>The analyst confirms the event.</summary>
    public Task AcceptAsync(long id, long userId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(id, EventStatuses.Accepted, "accept", userId, cancellationToken);

    /// <summary>The analyst rejects the event: it stays stored, out of the territories.</summary>
    public Task RejectAsync(long id, long userId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(id, EventStatuses.Rejected, "reject", userId, cancellationToken);

    /// <summary>The analyst corrects what the event says; its status and sources are kept.</summary>
    public async Task EditAsync(long id, EventChange change, long userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ThrowIfInvalid(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await LockAsync(connection, transaction, id, "id", cancellationToken);
        if (before.Status == EventStatuses.Merged)
        {
            throw new EventReviewException("id", $"Event {id} was merged into event {before.MergedInto}: edit that one.");
        }

        var (gainer, loser) = await CheckReferencesAsync(connection, transaction, change, cancellationToken);
        var now = clock.GetUtcNow();
        await using (var update = new NpgsqlCommand(EditSql, connection, transaction))
        {
            update.Parameters.AddWithValue("id", id);
            AddChange(update, change, gainer, loser);
            update.Parameters.AddWithValue("at", now);
            update.Parameters.AddWithValue("by", userId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var after = await LockAsync(connection, transaction, id, "id", cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, clock, userId, "edit", "event", id, before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The same happening told twice: <paramref name="mergedId"/> becomes status merged with merged_into
    /// <paramref name="keptId"/>, and its sentences (and anything merged into it before) move to the kept event.
    /// </summary>
    public async Task MergeAsync(long mergedId, long keptId, long userId, string? note = null, CancellationToken cancellationToken = default)
    {
        if (mergedId == keptId)
        {
            throw new EventReviewException("into", $"Event {mergedId} cannot be merged into itself.");
        }

        if (note is { Length: > 2000 })
        {
            throw new EventReviewException("note", "The note is longer than 2,000 characters.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
        var first = await LockAsync(connection, transaction, Math.Min(mergedId, keptId), mergedId < keptId ? "id" : "into", cancellationToken);
        var second = await LockAsync(connection, transaction, Math.Max(mergedId, keptId), mergedId < keptId ? "into" : "id", cancellationToken);
        var (merged, kept) = mergedId < keptId ? (first, second) : (second, first);
        foreach (var (snapshot, field) in new[] { (merged, "id"), (kept, "into") })
        {
            if (snapshot.Status == EventStatuses.Merged)
            {
                throw new EventReviewException(field, $"Event {snapshot.Id} was already merged into event {snapshot.MergedInto}.");
            }
        }

        var keptSourcesBefore = await SourceKeysAsync(connection, transaction, keptId, cancellationToken);
        var mergedSources = await SourceKeysAsync(connection, transaction, mergedId, cancellationToken);
        await using (var merge = new NpgsqlCommand(MergeSql, connection, transaction))
        {
            merge.Parameters.AddWithValue("merged", mergedId);
            merge.Parameters.AddWithValue("kept", keptId);
            merge.Parameters.Add(Text("note", string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
            merge.Parameters.AddWithValue("at", clock.GetUtcNow());
            merge.Parameters.AddWithValue("by", userId);
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        var mergedAfter = await LockAsync(connection, transaction, mergedId, "id", cancellationToken);
        var keptSourcesAfter = await SourceKeysAsync(connection, transaction, keptId, cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, clock, userId, "merge", "event", mergedId,
            new { Event = merged, Sources = mergedSources }, new { Event = mergedAfter, Sources = Array.Empty<string>() }, cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, clock, userId, "merge", "event", keptId,
            new { Event = kept, Sources = keptSourcesBefore }, new { Event = kept, Sources = keptSourcesAfter, MergedFrom = mergedId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// An event entered by hand (rule manual, accepted, created by the analyst), optionally quoting a sentence of a
    /// report's latest revision; the quote must appear in that text exactly.
    /// </summary>
    public async Task<long> AddManualAsync(EventChange change, long? reportId, string? quote, long userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ThrowIfInvalid(change);
        quote = string.IsNullOrWhiteSpace(quote) ? null : quote.Trim();
        if (quote is not null && reportId is null)
        {
            throw new EventReviewException("report", "A quote needs the report it comes from.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (gainer, loser) = await CheckReferencesAsync(connection, transaction, change, cancellationToken);
        (long Id, int Start)? source = null;
        if (reportId is { } report)
        {
            await using var latest = new NpgsqlCommand(LatestRevisionSql, connection, transaction);
            latest.Parameters.AddWithValue("report", report);
            await using var reader = await latest.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new EventReviewException("report", $"There is no report {report}.");
            }

            var (revision, body) = (reader.GetInt64(0), reader.GetString(1));
            if (quote is null)
            {
                throw new EventReviewException("quote", $"Quote the sentence of report {report} that tells the event.");
            }

            var start = body.IndexOf(quote, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new EventReviewException("quote", $"The quote does not appear in report {report} (latest revision): copy it exactly from the text.");
            }

            source = (revision, start);
        }

        var now = clock.GetUtcNow();
        long id;
        await using (var insert = new NpgsqlCommand(InsertManualSql, connection, transaction))
        {
            AddChange(insert, change, gainer, loser);
            insert.Parameters.AddWithValue("at", now);
            insert.Parameters.AddWithValue("by", userId);
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        if (source is { } s)
        {
            await using var insert = new NpgsqlCommand(InsertSourceSql, connection, transaction);
            insert.Parameters.AddWithValue("event", id);
            insert.Parameters.AddWithValue("revision", s.Id);
            insert.Parameters.AddWithValue("start", s.Start);
            insert.Parameters.AddWithValue("end", s.Start + quote!.Length);
            insert.Parameters.AddWithValue("quote", quote);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var after = await LockAsync(connection, transaction, id, "id", cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, clock, userId, "add", "event", id, null,
            new { Event = after, RevisionId = source?.Id, Quote = quote }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private async Task SetStatusAsync(long id, string status, string action, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await LockAsync(connection, transaction, id, "id", cancellationToken);
        if (before.Status == EventStatuses.Merged)
        {
            throw new EventReviewException("id", $"Event {id} was merged into event {before.MergedInto}: review that one.");
        }

        await using (var update = new NpgsqlCommand(SetStatusSql, connection, transaction))
        {
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("status", status);
            update.Parameters.AddWithValue("at", clock.GetUtcNow());
            update.Parameters.AddWithValue("by", userId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await AuditLog.RecordAsync(connection, transaction, clock, userId, action, "event", id, before, before with { Status = status }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void ThrowIfInvalid(EventChange change)
    {
        var errors = change.Validate();
        if (errors.Count > 0)
        {
            var (field, messages) = errors.First();
            throw new EventReviewException(field, messages[0]);
        }
    }

    private static async Task<(long? Gainer, long? Loser)> CheckReferencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventChange change, CancellationToken cancellationToken)
    {
        if (change.PlaceId is { } place)
        {
            await using var exists = new NpgsqlCommand(PlaceExistsSql, connection, transaction);
            exists.Parameters.AddWithValue("id", place);
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new EventReviewException("place", $"There is no place {place} in the gazetteer.");
            }
        }

        return (await ActorIdAsync(connection, transaction, change.Gainer, "gainer", cancellationToken),
            await ActorIdAsync(connection, transaction, change.Loser, "loser", cancellationToken));
    }

    private static async Task<long?> ActorIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? key, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        await using var find = new NpgsqlCommand(ActorIdSql, connection, transaction);
        find.Parameters.AddWithValue("key", key);
        return await find.ExecuteScalarAsync(cancellationToken) is long id
            ? id
            : throw new EventReviewException(field, $"Unknown actor '{key}' for {field}: use a key of the actor taxonomy.");
    }

    private static void AddChange(NpgsqlCommand command, EventChange change, long? gainer, long? loser)
    {
        command.Parameters.AddWithValue("kind", change.Kind);
        command.Parameters.Add(Text("tier", change.Tier));
        command.Parameters.Add(Id("place", change.PlaceId));
        command.Parameters.Add(Id("gainer", gainer));
        command.Parameters.Add(Id("loser", loser));
        command.Parameters.AddWithValue("day_from", change.DayFrom);
        command.Parameters.AddWithValue("day_to", change.DayTo);
        command.Parameters.AddWithValue("precision", change.DatePrecision);
        command.Parameters.Add(Text("note", string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim()));
    }

    private static async Task<EventSnapshot> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string field, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(LockEventSql, connection, transaction);
        select.Parameters.AddWithValue("id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new EventReviewException(field, $"There is no event {id}.", notFound: true);
        }

        return new EventSnapshot(
            reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
            NullableString(reader, 4), NullableString(reader, 5), reader.GetFieldValue<DateOnly>(6), reader.GetFieldValue<DateOnly>(7),
            reader.GetString(8), NullableString(reader, 9), reader.GetString(10), reader.GetFloat(11), reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetInt64(13), NullableString(reader, 14));
    }

    private static async Task<List<string>> SourceKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(SourceKeysSql, connection, transaction);
        select.Parameters.AddWithValue("id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(FormattableString.Invariant($"revision {reader.GetInt64(0)} at {reader.GetInt32(1)}"));
        }

        return keys;
    }

    private static async Task<List<EventView>> ReadEventsAsync(NpgsqlConnection connection, EventFilter filter, long? id, int limit, int offset, CancellationToken cancellationToken)
    {
        var events = new List<EventView>();
        await using (var select = new NpgsqlCommand(PageSql, connection))
        {
            AddFilter(select, filter, id);
            select.Parameters.AddWithValue("limit", limit);
            select.Parameters.AddWithValue("offset", offset);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new EventView(
                    reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    NullableString(reader, 4), NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8),
                    reader.GetFieldValue<DateOnly>(9), reader.GetFieldValue<DateOnly>(10), reader.GetString(11), NullableString(reader, 12),
                    reader.GetString(13), Math.Round(reader.GetFloat(14), 3), reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetInt64(16),
                    NullableString(reader, 17), NullableString(reader, 18), NullableString(reader, 19), reader.GetFieldValue<DateTimeOffset>(20), [], []));
            }
        }

        if (events.Count == 0)
        {
            return events;
        }

        var ids = events.Select(e => e.Id).ToArray();
        var sources = new Dictionary<long, List<EventSourceView>>();
        await using (var select = new NpgsqlCommand(SourcesSql, connection))
        {
            select.Parameters.AddWithValue("ids", ids);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var start = reader.GetInt32(7);
                var quote = reader.GetString(9);
                int? highlightStart = reader.IsDBNull(10) ? null : reader.GetInt32(10) - start;
                int? highlightEnd = reader.IsDBNull(11) ? null : reader.GetInt32(11) - start;
                if (highlightStart < 0 || highlightEnd > quote.Length)
                {
                    (highlightStart, highlightEnd) = (null, null);
                }

                Add(sources, reader.GetInt64(0), new EventSourceView(
                    reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), NullableString(reader, 4), NullableString(reader, 5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), start, reader.GetInt32(8), quote, highlightStart, highlightEnd));
            }
        }

        var duplicates = new Dictionary<long, List<long>>();
        await using (var select = new NpgsqlCommand(DuplicatesSql, connection))
        {
            select.Parameters.AddWithValue("ids", ids);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Add(duplicates, reader.GetInt64(0), reader.GetInt64(1));
            }
        }

        return [.. events.Select(e => e with
        {
            Sources = sources.TryGetValue(e.Id, out var s) ? s : [],
            LikelyDuplicates = duplicates.TryGetValue(e.Id, out var d) ? d : [],
        })];
    }

    private static void Add<T>(Dictionary<long, List<T>> lists, long key, T value)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(value);
    }

    private static void AddFilter(NpgsqlCommand command, EventFilter filter, long? id)
    {
        long? placeId = long.TryParse(filter.Place, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
        var placeKey = placeId is null && !string.IsNullOrWhiteSpace(filter.Place) ? NameNormalizer.Normalize(filter.Place) : null;
        command.Parameters.Add(Id("id", id));
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = filter.From is { } from ? from : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = filter.To is { } to ? to : DBNull.Value });
        command.Parameters.Add(Id("place_id", placeId));
        command.Parameters.Add(Text("place_key", placeKey));
        command.Parameters.Add(Text("actor", Blank(filter.Actor)));
        command.Parameters.Add(Text("kind", Blank(filter.Kind)));
        command.Parameters.Add(Text("status", Blank(filter.Status)));
        command.Parameters.Add(Id("report", filter.ReportId));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Id(string name, long? value) => new(name, NpgsqlDbType.Bigint) { Value = value.HasValue ? value.Value : DBNull.Value };

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>An event row as the audit log records it before and after a change.</summary>
    private sealed record EventSnapshot(
        long Id, string Kind, string? Tier, long? PlaceId, string? Gainer, string? Loser, DateOnly DayFrom, DateOnly DayTo,
        string DatePrecision, string? DateEvidence, string Rule, float Confidence, string Status, long? MergedInto, string? Note);
}
