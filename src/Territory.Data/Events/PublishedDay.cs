using Npgsql;
using Territory.Data.Audit;
using Territory.Data.Reports;
using Territory.Domain.Events;
using Territory.Ingestion.Dates;
using Territory.Ingestion.Events;
using Territory.Ingestion.Text;

namespace Territory.Data.Events;

public sealed partial class EventStore
{
    private const string LockRevisionSql = """
        SELECT report_id, body, published_on, published_status, published_evidence
        FROM report_revisions WHERE id = @id FOR UPDATE
        """;

    private const string SetPublishedSql = """
        UPDATE report_revisions SET published_on = @day, published_status = 'set', published_evidence = @evidence WHERE id = @id
        """;

    // Pending events read only in this revision: a merged event's date may rest on another report's words.
    private const string RevisionPendingEventsSql = """
        SELECT e.id, e.day_from, e.day_to, e.date_precision, e.date_evidence,
               (SELECT min(s.sentence_start) FROM event_sources s WHERE s.event_id = e.id),
               (SELECT max(s.sentence_end) FROM event_sources s WHERE s.event_id = e.id)
        FROM events e
        WHERE e.status = 'pending'
          AND EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.revision_id = @id)
          AND NOT EXISTS (SELECT 1 FROM event_sources o WHERE o.event_id = e.id AND o.revision_id <> @id)
        ORDER BY e.id
        FOR UPDATE
        """;

    private const string LatestRevisionDaySql = """
        SELECT v.id, v.revision, coalesce(v.title, r.title, v.original_name), v.published_on, v.published_status, v.published_evidence
        FROM report_revisions v JOIN reports r ON r.id = v.report_id
        WHERE v.report_id = @report
        ORDER BY v.revision DESC
        LIMIT 1
        """;

    private const string RedateSql = """
        UPDATE events SET day_from = @from, day_to = @to, date_precision = @precision, updated_at = @at, updated_by = @by WHERE id = @id
        """;

    /// <summary>
    /// The analyst sets a revision's publication day (status set, audited before/after). Its pending events are dated
    /// again against the new day when their stored evidence allows: the dating words found again in their sentence (the
    /// whole text is read again, so « la veille » keeps the day it refers to), or no words at all (only "before
    /// publication"); otherwise they keep their days and the answer says why. Reviewed events are never changed.
    /// </summary>
    public async Task<PublishedDayChange> SetPublishedAsync(long revisionId, DateOnly day, long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long reportId;
        string body;
        DateOnly? before;
        string statusBefore;
        string? evidenceBefore;
        await using (var select = new NpgsqlCommand(LockRevisionSql, connection, transaction))
        {
            select.Parameters.AddWithValue("id", revisionId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new EventReviewException("revision", $"There is no report revision {revisionId}.", notFound: true);
            }

            (reportId, body) = (reader.GetInt64(0), reader.GetString(1));
            before = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2);
            statusBefore = reader.GetString(3);
            evidenceBefore = reader.IsDBNull(4) ? null : reader.GetString(4);
        }

        var now = clock.GetUtcNow();
        await using (var update = new NpgsqlCommand(SetPublishedSql, connection, transaction))
        {
            update.Parameters.AddWithValue("id", revisionId);
            update.Parameters.AddWithValue("day", day);
            update.Parameters.AddWithValue("evidence", "set by an analyst");
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var pending = new List<(long Id, EventDate Date, int Start, int End)>();
        await using (var select = new NpgsqlCommand(RevisionPendingEventsSql, connection, transaction))
        {
            select.Parameters.AddWithValue("id", revisionId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var precision = reader.GetString(3) switch { "day" => DatePrecision.Day, "range" => DatePrecision.Range, _ => DatePrecision.BeforePublication };
                pending.Add((reader.GetInt64(0),
                    new EventDate(reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), precision, reader.IsDBNull(4) ? null : reader.GetString(4)),
                    reader.GetInt32(5), reader.GetInt32(6)));
            }
        }

        var dates = pending.Count == 0 ? [] : new DateFinder().Find(body, Tokenizer.Tokenize(body), day);
        var outcomes = new List<RedatedEvent>();
        foreach (var (id, date, start, end) in pending)
        {
            var (after, reason) = Redate(body, dates, date, start, end, day);
            var outcome = after is null ? "kept" : after == date ? "unchanged" : "redated";
            var final = after ?? date;
            outcomes.Add(new RedatedEvent(id, outcome, date.From, date.To, final.From, final.To, final.PrecisionKey, reason));
            if (outcome != "redated")
            {
                continue;
            }

            await using var update = new NpgsqlCommand(RedateSql, connection, transaction);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("from", final.From);
            update.Parameters.AddWithValue("to", final.To);
            update.Parameters.AddWithValue("precision", final.PrecisionKey);
            update.Parameters.AddWithValue("at", now);
            update.Parameters.AddWithValue("by", userId);
            await update.ExecuteNonQueryAsync(cancellationToken);
            await AuditLog.RecordAsync(connection, transaction, clock, userId, "redate", "event", id,
                new { DayFrom = date.From, DayTo = date.To, DatePrecision = date.PrecisionKey, Published = before },
                new { DayFrom = final.From, DayTo = final.To, DatePrecision = final.PrecisionKey, Published = day }, cancellationToken);
        }

        await AuditLog.RecordAsync(connection, transaction, clock, userId, "set_published", "report_revision", revisionId,
            new { PublishedOn = before, PublishedStatus = statusBefore, PublishedEvidence = evidenceBefore },
            new { PublishedOn = day, PublishedStatus = PublishedStatuses.Set, PublishedEvidence = "set by an analyst", Events = outcomes }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PublishedDayChange(revisionId, reportId, before, statusBefore, day, outcomes);
    }

    /// <summary>A report's latest revision and its publication day; null when there is no such report.</summary>
    public async Task<RevisionDay?> GetLatestRevisionDayAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var select = dataSource.CreateCommand(LatestRevisionDaySql);
        select.Parameters.AddWithValue("report", reportId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RevisionDay(reportId, reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5))
            : null;
    }

    // The new date, or null with the reason the old one is kept.
    private static (EventDate? Date, string? Reason) Redate(string body, IReadOnlyList<DateMention> dates, EventDate old, int start, int end, DateOnly published)
    {
        if (old.Evidence is null)
        {
            if (old.Precision != DatePrecision.BeforePublication)
            {
                return (null, "its date has no stored evidence to read again");
            }

            var theaterStart = new ExtractionOptions().TheaterStart;
            return (new EventDate(theaterStart <= published ? theaterStart : published.AddDays(-7), published, DatePrecision.BeforePublication, null), null);
        }

        var again = dates.FirstOrDefault(d => d.Year is null && d.Start >= start && d.End <= end
            && string.Equals(body[d.Start..d.End], old.Evidence, StringComparison.Ordinal));
        return again is null
            ? (null, $"the dating words « {old.Evidence} » are not read as a date in its sentence against the new day")
            : (again.Date, null);
    }
}
