using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Territory.Data.Audit;
using Territory.Data.Places;
using Territory.Domain.Places;

namespace Territory.Data.Mentions;

/// <summary>
/// Analysts' review of place mentions: a report's mentions with their places, and corrections that confirm or change a
/// geocode, for one mention or every mention of its spelling, moving the events read at those mentions along with them.
/// Every change is one transaction with one audit row per changed mention and event.
/// </summary>
public sealed class MentionReviewStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string RevisionsSql = "SELECT id, revision, ingested_at FROM report_revisions WHERE report_id = @report ORDER BY revision DESC";

    private const string MentionsSql = """
        SELECT m.id, m.revision_id, m.start_offset, m.end_offset, m.surface, m.context_cue,
               p.id, p.name, p.kind, ST_X(p.point), ST_Y(p.point), p.source,
               m.score, r.id, r.name, r.kind, ST_X(r.point), ST_Y(r.point), r.source,
               m.margin, m.geoprecision, m.status, u.name, m.reviewed_at,
               (SELECT coalesce(jsonb_agg(jsonb_build_object('id', cp.id, 'name', cp.name, 'kind', cp.kind, 'lon', ST_X(cp.point),
                                                             'lat', ST_Y(cp.point), 'score', c.e -> 'score') ORDER BY c.n), '[]')::text
                FROM jsonb_array_elements(m.candidates) WITH ORDINALITY AS c (e, n)
                JOIN places cp ON cp.id = (c.e ->> 'id')::bigint)
        FROM mentions m
        LEFT JOIN places p ON p.id = m.place_id
        LEFT JOIN places r ON r.id = m.runner_up_id
        LEFT JOIN users u ON u.id = m.reviewed_by
        WHERE m.revision_id = @revision
        ORDER BY m.start_offset, m.id
        """;

    private const string LockMentionSql = """
        SELECT m.id, m.place_id, m.status, m.geoprecision, m.reviewed_by, m.reviewed_at, m.surface, v.report_id
        FROM mentions m JOIN report_revisions v ON v.id = m.revision_id
        WHERE m.id = @id
        FOR UPDATE OF m
        """;

    private const string PlaceExistsSql = "SELECT EXISTS (SELECT 1 FROM places WHERE id = @id)";

    private const string SurfacesInReportSql = """
        SELECT DISTINCT m.surface FROM mentions m JOIN report_revisions v ON v.id = m.revision_id WHERE v.report_id = @report
        """;

    private const string SurfacesSql = "SELECT DISTINCT surface FROM mentions";

    // Other mentions of the spelling, locked in id order so two corrections of one spelling cannot deadlock.
    private const string LockSpellingSql = """
        SELECT m.id, m.place_id, m.status, m.geoprecision, m.reviewed_by, m.reviewed_at
        FROM mentions m JOIN report_revisions v ON v.id = m.revision_id
        WHERE m.surface = ANY(@surfaces) AND m.id <> @id AND (@report::bigint IS NULL OR v.report_id = @report)
        ORDER BY m.id
        FOR UPDATE OF m
        """;

    private const string UpdateMentionsSql = """
        UPDATE mentions m SET place_id = @place, status = t.status, geoprecision = t.geoprecision, reviewed_by = @by, reviewed_at = @at
        FROM unnest(@ids, @statuses, @geoprecisions) AS t (id, status, geoprecision)
        WHERE m.id = t.id
        """;

    // An event read at a changed mention follows it when it still stands on the mention's old place; an event someone
    // already moved elsewhere keeps that decision.
    private const string MoveEventsSql = """
        UPDATE events e SET place_id = @place, updated_at = @at, updated_by = @by
        FROM (SELECT DISTINCT ON (s.event_id) s.event_id, c.mention_id, c.old_place
              FROM event_sources s JOIN unnest(@mentions, @old_places) AS c (mention_id, old_place) ON s.mention_id = c.mention_id
              ORDER BY s.event_id, c.mention_id) x
        WHERE e.id = x.event_id AND e.place_id IS NOT DISTINCT FROM x.old_place AND e.place_id IS DISTINCT FROM @place
        RETURNING e.id, x.mention_id, x.old_place
        """;

    /// <summary>The revisions of a report, latest first; empty when there is no such report.</summary>
    public async Task<IReadOnlyList<RevisionSummary>> ListRevisionsAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(RevisionsSql);
        command.Parameters.AddWithValue("report", reportId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var revisions = new List<RevisionSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            revisions.Add(new RevisionSummary(reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return revisions;
    }

    /// <summary>A report's mentions in one revision (the latest when <paramref name="revision"/> is null); null when either is missing.</summary>
    public async Task<ReportMentions?> GetReportMentionsAsync(long reportId, int? revision, CancellationToken cancellationToken = default)
    {
        var revisions = await ListRevisionsAsync(reportId, cancellationToken);
        var chosen = revision is { } number ? revisions.FirstOrDefault(r => r.Revision == number) : revisions.FirstOrDefault();
        return chosen is null ? null : new ReportMentions(reportId, chosen.Id, chosen.Revision, await GetMentionsAsync(chosen.Id, cancellationToken));
    }

    /// <summary>A revision's mentions in text order, with their places, runner-ups, candidates and reviewers.</summary>
    public async Task<IReadOnlyList<ReviewMention>> GetMentionsAsync(long revisionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(MentionsSql);
        command.Parameters.AddWithValue("revision", revisionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var mentions = new List<ReviewMention>();
        while (await reader.ReadAsync(cancellationToken))
        {
            mentions.Add(new ReviewMention(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), NullableString(reader, 5),
                Place(reader, 6), reader.IsDBNull(12) ? null : reader.GetFloat(12), Place(reader, 13),
                reader.IsDBNull(19) ? null : reader.GetFloat(19), reader.IsDBNull(20) ? null : reader.GetInt16(20), reader.GetString(21),
                NullableString(reader, 22), reader.IsDBNull(23) ? null : reader.GetFieldValue<DateTimeOffset>(23),
                Candidates(reader.GetString(24))));
        }

        return mentions;
    }

    /// <summary>
    /// Applies an analyst's correction in one transaction: creates the new place if one is given, sets the place,
    /// status (confirmed when the place is kept, corrected otherwise), geoprecision and reviewer of the mention and of
    /// the other mentions of its spelling in scope that no analyst has decided yet, moves the events read at those
    /// mentions that stood on their old place, and writes one audit row per changed mention and event.
    /// </summary>
    /// <exception cref="MentionReviewException">Unknown mention or place, implausible coordinates, bad precision or a stale form: nothing changed.</exception>
    public async Task<MentionCorrectionResult> CorrectAsync(MentionCorrection correction, long userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        Validate(correction);
        try
        {
            return await ApplyAsync(correction, userId, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            // Two analysts correcting the same spelling at once: one of them wins, the other reviews the new state.
            throw new MentionReviewException(MentionReviewProblem.Stale, "mentionId",
                $"Mention {correction.MentionId} was being changed by someone else at the same time; reload the page and review it again.");
        }
    }

    private async Task<MentionCorrectionResult> ApplyAsync(MentionCorrection correction, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        MentionState target;
        string surface;
        long reportId;
        await using (var select = new NpgsqlCommand(LockMentionSql, connection, transaction))
        {
            select.Parameters.AddWithValue("id", correction.MentionId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new MentionReviewException(MentionReviewProblem.UnknownMention, "mentionId", $"No mention has the id {correction.MentionId}.");
            }

            target = State(reader);
            surface = reader.GetString(6);
            reportId = reader.GetInt64(7);
        }

        if (correction.ExpectedVersion is { } expected && expected != target.Version)
        {
            throw new MentionReviewException(MentionReviewProblem.Stale, "expectedVersion",
                $"Mention {correction.MentionId} (“{surface}”) was changed by someone else since this form was loaded; reload the page and review it again.");
        }

        long placeId;
        if (correction.NewPlace is { } draft)
        {
            placeId = await PlaceStore.AddAnalystPlaceAsync(connection, transaction, clock, draft, userId, cancellationToken);
        }
        else
        {
            placeId = correction.PlaceId!.Value;
            await using var exists = new NpgsqlCommand(PlaceExistsSql, connection, transaction);
            exists.Parameters.AddWithValue("id", placeId);
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new MentionReviewException(MentionReviewProblem.Invalid, "placeId", $"No place has the id {placeId}.");
            }
        }

        var others = correction.Scope == CorrectionScope.Mention
            ? []
            : await LockSpellingAsync(connection, transaction, correction.MentionId, surface, correction.Scope == CorrectionScope.SpellingInReport ? reportId : null, cancellationToken);
        var open = others.Where(m => !MentionStatuses.IsReviewed(m.Status)).ToList();

        var changes = new List<(MentionState Before, string Status, short? Geoprecision)>();
        foreach (var mention in (IEnumerable<MentionState>)[target, .. open])
        {
            var moved = mention.PlaceId != placeId;
            var status = moved ? MentionStatuses.Corrected : mention.Status == MentionStatuses.Corrected ? MentionStatuses.Corrected : MentionStatuses.Confirmed;
            var geoprecision = (short?)correction.Geoprecision ?? (moved ? (short)1 : mention.Geoprecision ?? 1);
            if (moved || status != mention.Status || geoprecision != mention.Geoprecision)
            {
                changes.Add((mention, status, geoprecision));
            }
        }

        var now = clock.GetUtcNow();
        var events = new List<long>();
        if (changes.Count > 0)
        {
            await using (var update = new NpgsqlCommand(UpdateMentionsSql, connection, transaction))
            {
                update.Parameters.AddWithValue("place", placeId);
                update.Parameters.AddWithValue("by", userId);
                update.Parameters.AddWithValue("at", now);
                update.Parameters.AddWithValue("ids", changes.Select(c => c.Before.Id).ToArray());
                update.Parameters.AddWithValue("statuses", changes.Select(c => c.Status).ToArray());
                update.Parameters.Add(new NpgsqlParameter("geoprecisions", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { Value = changes.Select(c => c.Geoprecision).ToArray() });
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var (before, status, geoprecision) in changes)
            {
                await AuditLog.RecordAsync(connection, transaction, clock, userId, status == MentionStatuses.Confirmed ? "confirm" : "correct", "mention", before.Id,
                    before.Describe(),
                    new { place_id = placeId, status, geoprecision, reviewed_by = userId, reviewed_at = now, scope = correction.Scope.Key(), reviewed_mention = correction.MentionId },
                    cancellationToken);
            }

            events = await MoveEventsAsync(connection, transaction, changes.Where(c => c.Before.PlaceId != placeId).Select(c => c.Before).ToList(), placeId, now, userId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MentionCorrectionResult(placeId, correction.NewPlace is not null, [.. changes.Select(c => c.Before.Id)], events, others.Count - open.Count);
    }

    private static void Validate(MentionCorrection correction)
    {
        if ((correction.PlaceId is null) == (correction.NewPlace is null))
        {
            throw new MentionReviewException(MentionReviewProblem.Invalid, "placeId", "Give either the id of a gazetteer place or a new place, not both and not neither.");
        }

        if (correction.Geoprecision is { } precision and not (1 or 2 or 3))
        {
            throw new MentionReviewException(MentionReviewProblem.Invalid, "geoprecision", $"geoprecision must be 1 (the place), 2 (near or part of it) or 3 (only a region), not {precision}.");
        }

        if (correction.NewPlace is { } draft)
        {
            if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
            {
                throw new MentionReviewException(MentionReviewProblem.Invalid, "name", "A new place needs a name of 1 to 200 characters.");
            }

            var (lon, lat) = (draft.Point.X, draft.Point.Y);
            // 0,0 is what a missing coordinate turns into, never a place a report of this theater names.
            if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90 || (lon == 0 && lat == 0))
            {
                throw new MentionReviewException(MentionReviewProblem.Invalid, "lon",
                    $"The new place's coordinates lon {lon}, lat {lat} are not a plausible place: give lon -180..180 and lat -90..90 in degrees, in that order.");
            }
        }
    }

    private static async Task<List<MentionState>> LockSpellingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long mentionId, string surface, long? reportId, CancellationToken cancellationToken)
    {
        // Spellings meet by the gazetteer's orthographic key, which SQL cannot compute: fold the distinct surfaces here.
        var key = NameNormalizer.Normalize(surface);
        var surfaces = new List<string>();
        await using (var select = new NpgsqlCommand(reportId is null ? SurfacesSql : SurfacesInReportSql, connection, transaction))
        {
            if (reportId is { } report)
            {
                select.Parameters.AddWithValue("report", report);
            }

            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var candidate = reader.GetString(0);
                if (candidate == surface || key.Length > 0 && NameNormalizer.Normalize(candidate) == key)
                {
                    surfaces.Add(candidate);
                }
            }
        }

        var mentions = new List<MentionState>();
        await using var lockRows = new NpgsqlCommand(LockSpellingSql, connection, transaction);
        lockRows.Parameters.AddWithValue("surfaces", surfaces.ToArray());
        lockRows.Parameters.AddWithValue("id", mentionId);
        lockRows.Parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Bigint) { Value = reportId.HasValue ? reportId.Value : DBNull.Value });
        await using (var reader = await lockRows.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                mentions.Add(State(reader));
            }
        }

        return mentions;
    }

    private async Task<List<long>> MoveEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<MentionState> moved, long placeId, DateTimeOffset now, long userId, CancellationToken cancellationToken)
    {
        var events = new List<(long Event, long Mention, long? OldPlace)>();
        if (moved.Count == 0)
        {
            return [];
        }

        await using (var update = new NpgsqlCommand(MoveEventsSql, connection, transaction))
        {
            update.Parameters.AddWithValue("place", placeId);
            update.Parameters.AddWithValue("at", now);
            update.Parameters.AddWithValue("by", userId);
            update.Parameters.AddWithValue("mentions", moved.Select(m => m.Id).ToArray());
            update.Parameters.Add(new NpgsqlParameter("old_places", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = moved.Select(m => m.PlaceId).ToArray() });
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add((reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
            }
        }

        foreach (var (eventId, mentionId, oldPlace) in events)
        {
            await AuditLog.RecordAsync(connection, transaction, clock, userId, "move_place", "event", eventId,
                new { place_id = oldPlace }, new { place_id = placeId, mention_id = mentionId, updated_at = now, updated_by = userId }, cancellationToken);
        }

        return [.. events.Select(e => e.Event)];
    }

    private static MentionState State(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt16(3),
        reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));

    private static MentionPlace? Place(NpgsqlDataReader reader, int first) => reader.IsDBNull(first)
        ? null
        : new MentionPlace(reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetDouble(first + 3), reader.GetDouble(first + 4), reader.GetString(first + 5));

    private static List<MentionCandidate> Candidates(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(c => new MentionCandidate(
            c.GetProperty("id").GetInt64(), c.GetProperty("name").GetString()!, c.GetProperty("kind").GetString()!,
            c.GetProperty("lon").GetDouble(), c.GetProperty("lat").GetDouble(),
            c.GetProperty("score").ValueKind == JsonValueKind.Number ? c.GetProperty("score").GetDouble() : 0))];
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // A mention's reviewable state as locked, with what its audit row records as "before".
    private sealed record MentionState(long Id, long? PlaceId, string Status, short? Geoprecision, long? ReviewedBy, DateTimeOffset? ReviewedAt)
    {
        public string Version => MentionVersion.Of(PlaceId, Status, ReviewedAt);

        public object Describe() => new { place_id = PlaceId, status = Status, geoprecision = Geoprecision, reviewed_by = ReviewedBy, reviewed_at = ReviewedAt };
    }
}
