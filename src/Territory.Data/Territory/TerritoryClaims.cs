using System.Text.Json;

namespace Territory.Data.Territory;

/// <summary>
/// The engine's own figures for a claim's side and region on a day, counted from the start day: cells (and their
/// localities: cities, towns, villages) the side held on the start day excluded. Lower: held by the side now; upper:
/// held or contested now.
/// </summary>
public sealed record ClaimEstimate(string Side, string Region, double HeldKm2, double UpperKm2, int HeldLocalities, int UpperLocalities);

/// <summary>An aggregate claim read in a report (« 850 km² en 3 jours », « 108 localités ») beside the engine's estimate.</summary>
public sealed record ClaimBesideEstimate(long Id, DateOnly DayFrom, DateOnly DayTo, string Status, IReadOnlyDictionary<string, double> Quantities,
    string? Region, string? RegionKind, string? Gainer, string? Quote, long? ReportId, ClaimEstimate Estimate);

public sealed partial class TerritoryStore
{
    /// <summary>How the estimates beside claims are computed, served with them.</summary>
    public const string ClaimMethod =
        "For each claim (events of kind 'claim' with quantities, not rejected, whose dates include the day): the engine's ground taken since the start day by "
        + "the claimant's side (any side but the starting holder's when the claimant is unknown), in the claim's governorate when it names a place in one, "
        + "else the whole theater. held_km2/held_localities: cells (cities, towns, villages) the side holds on the day and did not on the start day; "
        + "upper_km2/upper_localities: adding the contested ones. Compare km2 with km2 and localities or villages with localities.";

    private const string ClaimsSql = """
        WITH start AS (SELECT min(day) AS day FROM territory_days)
        SELECT e.id, e.day_from, e.day_to, e.status, e.quantities::text, p.name, p.kind, g.key,
               nullif(g.side, 'unknown') AS side, CASE WHEN p.kind <> 'country' THEN p.admin1_code END AS region,
               src.quote, src.report_id,
               coalesce(est.held_km2, 0), coalesce(est.upper_km2, 0), coalesce(est.held_localities, 0), coalesce(est.upper_localities, 0)
        FROM events e
        LEFT JOIN places p ON p.id = e.place_id
        LEFT JOIN actors g ON g.id = e.gainer_id
        LEFT JOIN LATERAL (
            SELECT s.quote, v.report_id FROM event_sources s JOIN report_revisions v ON v.id = s.revision_id
            WHERE s.event_id = e.id ORDER BY s.revision_id, s.sentence_start LIMIT 1) src ON true
        LEFT JOIN LATERAL (
            SELECT sum(c.area_km2) FILTER (WHERE x.held) AS held_km2, sum(c.area_km2) AS upper_km2,
                   count(*) FILTER (WHERE x.held AND cp.kind IN ('city', 'town', 'village'))::int AS held_localities,
                   count(*) FILTER (WHERE cp.kind IN ('city', 'town', 'village'))::int AS upper_localities
            FROM control_states s
            JOIN control_states s0 ON s0.place_id = s.place_id AND s0.day = (SELECT day FROM start)
            JOIN control_cells c ON c.place_id = s.place_id
            JOIN places cp ON cp.id = s.place_id
            LEFT JOIN actors a ON a.id = s.actor_id
            LEFT JOIN actors a0 ON a0.id = s0.actor_id
            CROSS JOIN LATERAL (SELECT s.state = 'held' AND a.side IS DISTINCT FROM a0.side
                AND (nullif(g.side, 'unknown') IS NULL OR a.side = g.side) AS held) x
            WHERE s.day = @day
              AND (p.admin1_code IS NULL OR p.kind = 'country' OR c.admin1_code = p.admin1_code)
              AND (nullif(g.side, 'unknown') IS NULL OR a0.side IS DISTINCT FROM g.side)
              AND (x.held OR s.state = 'contested')) est ON true
        WHERE e.kind = 'claim' AND e.status <> 'rejected' AND e.quantities IS NOT NULL AND @day BETWEEN e.day_from AND e.day_to
        ORDER BY e.day_to, e.id
        """;

    /// <summary>The aggregate claims dated to include <paramref name="day"/>, each with the engine's figures for its side and region.</summary>
    public async Task<IReadOnlyList<ClaimBesideEstimate>> GetClaimsAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClaimsSql);
        command.Parameters.AddWithValue("day", day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claims = new List<ClaimBesideEstimate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var side = reader.IsDBNull(8) ? "any but the starting holder's" : reader.GetString(8);
            var estimate = new ClaimEstimate(side, reader.IsDBNull(9) ? "theater" : reader.GetString(9),
                reader.GetDouble(12), reader.GetDouble(13), reader.GetInt32(14), reader.GetInt32(15));
            claims.Add(new ClaimBesideEstimate(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                Numbers(reader.GetString(4)), Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 10), reader.IsDBNull(11) ? null : reader.GetInt64(11), estimate));
        }

        return claims;
    }

    // The numeric quantities of a claim (km2, localities, villages...); descriptive entries such as counted_by are left out.
    private static Dictionary<string, double> Numbers(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
    }
}
