using Npgsql;

namespace Territory.Data.Export;

/// <summary>A sentence an event was read in, with the report it came from.</summary>
public sealed record SourceQuote(long EventId, long ReportId, string? Outlet, string? Url, string? Title, DateOnly? PublishedOn, string Quote)
{
    // One row per event sentence, in the order a reader would check them.
    private const string Sql = """
        SELECT s.event_id, v.report_id, r.outlet, r.source_url, coalesce(v.title, r.title, v.original_name), v.published_on, s.quote
        FROM event_sources s
        JOIN report_revisions v ON v.id = s.revision_id
        JOIN reports r ON r.id = v.report_id
        WHERE s.event_id = ANY(@ids)
        ORDER BY s.event_id, v.published_on NULLS LAST, v.id, s.sentence_start
        """;

    /// <summary>The sources of the events, by event id (events without sources are absent).</summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<SourceQuote>>> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventIds);
        var found = new Dictionary<long, List<SourceQuote>>();
        if (eventIds.Count > 0)
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("ids", eventIds.Distinct().ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var source = new SourceQuote(reader.GetInt64(0), reader.GetInt64(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), reader.GetString(6));
                if (!found.TryGetValue(source.EventId, out var list))
                {
                    found[source.EventId] = list = [];
                }

                list.Add(source);
            }
        }

        return found.ToDictionary(f => f.Key, f => (IReadOnlyList<SourceQuote>)f.Value);
    }

    internal static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
