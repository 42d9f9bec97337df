using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Territory.Data.Spatial;
using Territory.Domain.Rendering;

namespace Territory.Data.Snapshots;

/// <summary>
/// Reads what a snapshot draws: the day's territories and the basemap clipped to the map's extent (by PostGIS, with
/// coordinates snapped to half a pixel so shared edges stay shared), the key places, and the reports behind the
/// territories shown (event_ids → event_sources → report_revisions → reports).
/// </summary>
public sealed class SnapshotStore(NpgsqlDataSource dataSource)
{
    /// <summary>Places read as label candidates; the renderer keeps those that fit.</summary>
    public const int MaxLabelCandidates = 200;

    /// <summary>Reports read for the sources line; the renderer says how many more there are.</summary>
    public const int MaxSources = 100;

    /// <summary>Days listed for a timeline.</summary>
    public const int MaxDays = 5000;

    // Envelope of the query, slightly larger than the map so cut edges fall outside its clip.
    private const string Extent = "WITH env AS (SELECT ST_MakeEnvelope(@min_lon, @min_lat, @max_lon, @max_lat, 4326) AS box)";

    private const string TerritoriesSql = Extent + """

        SELECT t.state, a.key, a.name, a.color,
               ST_AsEWKB(ST_CollectionExtract(ST_SnapToGrid(ST_ClipByBox2D(t.display, env.box), @grid), 3))
        FROM territories t CROSS JOIN env
        LEFT JOIN actors a ON a.id = t.actor_id
        WHERE t.day = @day AND t.display && env.box
        ORDER BY t.state DESC, a.key NULLS LAST
        """;

    private const string BoundariesSql = Extent + """

        SELECT DISTINCT ON (p.kind, coalesce(p.pcode, p.source || ':' || p.source_key))
               p.kind, p.name, p.source, ST_AsEWKB(ST_CollectionExtract(ST_SnapToGrid(ST_ClipByBox2D(p.area, env.box), @grid), 3))
        FROM places p CROSS JOIN env
        WHERE p.kind IN ('country', 'governorate') AND p.area && env.box
          AND NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id)
        ORDER BY p.kind, coalesce(p.pcode, p.source || ':' || p.source_key), p.source = 'boundaries' DESC, p.id
        """;

    private const string LabelsSql = Extent + """

        SELECT coalesce(n.name, p.name), ST_X(p.point), ST_Y(p.point), p.kind, p.source
        FROM places p CROSS JOIN env
        LEFT JOIN LATERAL (
            SELECT x.name FROM place_names x WHERE x.place_id = p.id AND x.lang = @lang ORDER BY x.is_primary DESC, x.name LIMIT 1
        ) n ON true
        WHERE p.kind IN ('city', 'town') AND p.point && env.box
          AND NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id)
        ORDER BY p.kind = 'city' DESC, p.population DESC NULLS LAST, p.source = 'curated' DESC, p.name, p.id
        LIMIT @limit
        """;

    private const string SourcesSql = Extent + """

        SELECT DISTINCT v.published_on, r.outlet, coalesce(v.title, r.title), r.source_url
        FROM territories t CROSS JOIN env
        CROSS JOIN LATERAL unnest(t.event_ids) AS e(id)
        JOIN event_sources s ON s.event_id = e.id
        JOIN report_revisions v ON v.id = s.revision_id
        JOIN reports r ON r.id = v.report_id
        WHERE t.day = @day AND t.display && env.box
        ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3 NULLS LAST, 4 NULLS LAST
        LIMIT @limit
        """;

    private const string DaysSql = "SELECT DISTINCT day FROM territories ORDER BY day LIMIT @limit";

    private const string LatestDaySql = "SELECT max(day) FROM territories";

    /// <summary>Everything the request's snapshot draws.</summary>
    public async Task<SnapshotScene> LoadSceneAsync(SnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = SnapshotFrame.For(request);
        var extent = frame.Extent;
        var box = new Envelope(extent);
        box.ExpandBy(extent.Width * 0.02, extent.Height * 0.02);
        // Half a pixel, in degrees: Web Mercator's pixel is narrowest in latitude at the extent's highest latitude.
        var grid = extent.Width / frame.MapWidth * Math.Cos(Math.Max(Math.Abs(extent.MinY), Math.Abs(extent.MaxY)) * Math.PI / 180) / 2;
        var lang = request.Language == SnapshotLanguage.Fr ? "fr" : "en";

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var territories = new List<SnapshotTerritory>();
        await using (var command = Command(connection, TerritoriesSql, box, request.Day, grid))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetGeometry(4) is { IsEmpty: false } display)
                {
                    territories.Add(new SnapshotTerritory(Text(reader, 1), Text(reader, 2), Text(reader, 3), reader.GetString(0) == "contested", display));
                }
            }
        }

        var boundaries = new List<SnapshotBoundary>();
        var placeSources = new SortedSet<string>(StringComparer.Ordinal);
        await using (var command = Command(connection, BoundariesSql, box, request.Day, grid))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetGeometry(3) is { IsEmpty: false } area)
                {
                    boundaries.Add(new SnapshotBoundary(reader.GetString(0), reader.GetString(1), area));
                    placeSources.Add(reader.GetString(2));
                }
            }
        }

        var labels = new List<SnapshotLabel>();
        await using (var command = Command(connection, LabelsSql, extent, request.Day, grid))
        {
            command.Parameters.AddWithValue("lang", lang);
            command.Parameters.AddWithValue("limit", MaxLabelCandidates);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                labels.Add(new SnapshotLabel(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetString(3)));
                placeSources.Add(reader.GetString(4));
            }
        }

        var sources = new List<SnapshotSource>();
        await using (var command = Command(connection, SourcesSql, box, request.Day, grid))
        {
            command.Parameters.AddWithValue("limit", MaxSources);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sources.Add(new SnapshotSource(Text(reader, 1), Text(reader, 2), Text(reader, 3), reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0)));
            }
        }

        return new SnapshotScene(request, frame, territories, boundaries, labels, sources, [.. placeSources]);
    }

    /// <summary>The days that have territories, oldest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DaysSql);
        command.Parameters.AddWithValue("limit", MaxDays);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<DateOnly>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return days;
    }

    /// <summary>The latest day with territories, or today in the theater (UTC+3) when there is none yet.</summary>
    public async Task<DateOnly> LatestDayAsync(TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        await using var command = dataSource.CreateCommand(LatestDaySql);
        return await command.ExecuteScalarAsync(cancellationToken) is DateOnly day
            ? day
            : DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Reports.ReportIngestion.TheaterOffset).DateTime);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, Envelope box, DateOnly day, double grid)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("min_lon", box.MinX);
        command.Parameters.AddWithValue("min_lat", box.MinY);
        command.Parameters.AddWithValue("max_lon", box.MaxX);
        command.Parameters.AddWithValue("max_lat", box.MaxY);
        command.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Date) { Value = day });
        command.Parameters.AddWithValue("grid", grid);
        return command;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
