using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;
using Territory.Data.Audit;
using Territory.Data.Spatial;
using Territory.Domain.Places;
using Territory.Domain.Spatial;

namespace Territory.Data.Places;

/// <summary>
/// The gazetteer's imports and the geocoder's load. An import upserts the rows of its own source only, keyed by
/// (source, source_key), so re-importing a file changes nothing and never touches analysts' rows or another source's.
/// </summary>
public sealed partial class GazetteerStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string InsertImportSql = """
        INSERT INTO gazetteer_imports (source, format, file_name, file_sha256, options, imported_at, imported_by)
        VALUES (@source, @format, @file, @sha, @options, @at, @by)
        RETURNING id
        """;

    private const string CreateRowsSql = """
        CREATE TEMP TABLE gazetteer_rows (
            source_key text NOT NULL, kind text NOT NULL, name text NOT NULL, point geometry NOT NULL, area geometry,
            pcode text, admin1_code text, admin2_code text, admin3_code text, population integer, parent_key text,
            names text[] NOT NULL, langs text[] NOT NULL, scripts text[] NOT NULL, normalized text[] NOT NULL
        ) ON COMMIT DROP
        """;

    private const string CopyRowsSql = """
        COPY gazetteer_rows (source_key, kind, name, point, area, pcode, admin1_code, admin2_code, admin3_code, population,
                             parent_key, names, langs, scripts, normalized) FROM STDIN (FORMAT BINARY)
        """;

    // Only rows that differ are updated, so a re-import counts 0 updates; admin codes the source leaves out keep the
    // values filled from boundaries; a changed parent key drops the resolved parent until it is resolved again.
    private const string UpsertPlacesSql = """
        WITH upserted AS (
            INSERT INTO places AS p (kind, name, point, area, pcode, admin1_code, admin2_code, admin3_code, population,
                                     parent_key, source, source_key, import_id, created_at, created_by)
            SELECT kind, name, point, area, pcode, admin1_code, admin2_code, admin3_code, population,
                   parent_key, @source, source_key, @import, @at, @by
            FROM gazetteer_rows
            ON CONFLICT (source, source_key) DO UPDATE SET
                kind = EXCLUDED.kind, name = EXCLUDED.name, point = EXCLUDED.point, area = EXCLUDED.area,
                pcode = EXCLUDED.pcode, population = EXCLUDED.population, parent_key = EXCLUDED.parent_key,
                admin1_code = coalesce(EXCLUDED.admin1_code, p.admin1_code),
                admin2_code = coalesce(EXCLUDED.admin2_code, p.admin2_code),
                admin3_code = coalesce(EXCLUDED.admin3_code, p.admin3_code),
                parent_id = CASE WHEN EXCLUDED.parent_key IS NOT DISTINCT FROM p.parent_key THEN p.parent_id END,
                import_id = EXCLUDED.import_id, updated_at = EXCLUDED.created_at, updated_by = EXCLUDED.created_by
            WHERE (p.kind, p.name, p.point, p.area, p.pcode, p.population, p.parent_key,
                   p.admin1_code, p.admin2_code, p.admin3_code)
                IS DISTINCT FROM
                  (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.point, EXCLUDED.area, EXCLUDED.pcode, EXCLUDED.population, EXCLUDED.parent_key,
                   coalesce(EXCLUDED.admin1_code, p.admin1_code), coalesce(EXCLUDED.admin2_code, p.admin2_code), coalesce(EXCLUDED.admin3_code, p.admin3_code))
            RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM upserted
        """;

    // The names of the imported places become exactly the file's: missing ones are removed, new ones added, and only
    // rows that differ are written. The first name of a record is its primary one.
    private const string ReplaceNamesSql = """
        WITH wanted AS (
            SELECT DISTINCT ON (p.id, n.name, n.lang) p.id AS place_id, n.name, n.lang, n.script, n.normalized, n.ord = 1 AS is_primary
            FROM gazetteer_rows r
            JOIN places p ON p.source = @source AND p.source_key = r.source_key
            CROSS JOIN LATERAL unnest(r.names, r.langs, r.scripts, r.normalized) WITH ORDINALITY AS n (name, lang, script, normalized, ord)
            ORDER BY p.id, n.name, n.lang, n.ord
        ), removed AS (
            DELETE FROM place_names pn
            USING gazetteer_rows r JOIN places p ON p.source = @source AND p.source_key = r.source_key
            WHERE pn.place_id = p.id
              AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.place_id = pn.place_id AND w.name = pn.name AND w.lang = pn.lang)
            RETURNING 1
        ), changed AS (
            UPDATE place_names pn SET script = w.script, normalized = w.normalized, is_primary = w.is_primary
            FROM wanted w
            WHERE pn.place_id = w.place_id AND pn.name = w.name AND pn.lang = w.lang
              AND (pn.script, pn.normalized, pn.is_primary) IS DISTINCT FROM (w.script, w.normalized, w.is_primary)
            RETURNING 1
        ), added AS (
            INSERT INTO place_names (place_id, name, lang, script, normalized, is_primary)
            SELECT w.place_id, w.name, w.lang, w.script, w.normalized, w.is_primary
            FROM wanted w
            WHERE NOT EXISTS (SELECT 1 FROM place_names pn WHERE pn.place_id = w.place_id AND pn.name = w.name AND pn.lang = w.lang)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM added)::int, (SELECT count(*) FROM removed)::int, (SELECT count(*) FROM changed)::int
        """;

    private const string ResolveParentsSql = """
        UPDATE places c SET parent_id = p.id
        FROM places p
        WHERE c.source = @source AND c.parent_key IS NOT NULL AND c.parent_id IS NULL
          AND p.source = c.source AND p.source_key = c.parent_key
        """;

    // Point in polygon against the boundary places of any source. Only missing codes are filled, and only the levels
    // below a place's own (a governorate gets no district). With @place null it covers every place but analysts'
    // (their rows are never changed by an import); with an id, that one place.
    private const string FillAdminCodesSql = """
        WITH found AS (
            SELECT q.id,
                CASE WHEN q.admin1_code IS NULL AND q.kind NOT IN ('country', 'region') THEN
                    (SELECT b.pcode FROM places b WHERE b.kind = 'governorate' AND b.pcode IS NOT NULL AND b.area IS NOT NULL
                       AND ST_Covers(b.area, q.point) ORDER BY b.pcode LIMIT 1) END AS admin1,
                CASE WHEN q.admin2_code IS NULL AND q.kind NOT IN ('country', 'region', 'governorate') THEN
                    (SELECT b.pcode FROM places b WHERE b.kind = 'district' AND b.pcode IS NOT NULL AND b.area IS NOT NULL
                       AND ST_Covers(b.area, q.point) ORDER BY b.pcode LIMIT 1) END AS admin2,
                CASE WHEN q.admin3_code IS NULL AND q.kind NOT IN ('country', 'region', 'governorate', 'district') THEN
                    (SELECT b.pcode FROM places b WHERE b.kind = 'subdistrict' AND b.pcode IS NOT NULL AND b.area IS NOT NULL
                       AND ST_Covers(b.area, q.point) ORDER BY b.pcode LIMIT 1) END AS admin3
            FROM places q
            WHERE (q.admin1_code IS NULL OR q.admin2_code IS NULL OR q.admin3_code IS NULL)
              AND CASE WHEN @place::bigint IS NULL THEN q.source <> 'analyst' ELSE q.id = @place END
        )
        UPDATE places p
        SET admin1_code = coalesce(p.admin1_code, f.admin1),
            admin2_code = coalesce(p.admin2_code, f.admin2),
            admin3_code = coalesce(p.admin3_code, f.admin3)
        FROM found f
        WHERE p.id = f.id AND (f.admin1 IS NOT NULL OR f.admin2 IS NOT NULL OR f.admin3 IS NOT NULL)
        """;

    private const string RecordSummarySql = """
        UPDATE gazetteer_imports
        SET records = @records, inserted = @inserted, updated = @updated, names_added = @names_added,
            names_removed = @names_removed, admin_filled = @admin_filled
        WHERE id = @id
        """;

    private const string ImportedSql = "SELECT EXISTS (SELECT 1 FROM gazetteer_imports WHERE source = @source AND file_sha256 = @sha)";

    // Every place no correction supersedes, with its names (primary first): one query, names aggregated per place.
    private const string LoadEntriesSql = """
        SELECT p.id, p.kind, p.name, ST_X(p.point), ST_Y(p.point), p.source, p.source_key, p.pcode,
               p.admin1_code, p.admin2_code, p.admin3_code, p.parent_id, p.population, p.area IS NOT NULL, n.names, n.langs
        FROM places p
        LEFT JOIN (
            SELECT place_id, array_agg(name ORDER BY is_primary DESC, id) AS names, array_agg(lang ORDER BY is_primary DESC, id) AS langs
            FROM place_names
            GROUP BY place_id
        ) n ON n.place_id = p.id
        WHERE NOT EXISTS (SELECT 1 FROM places s WHERE s.supersedes_id = p.id)
        ORDER BY p.id
        """;

    /// <summary>
    /// Imports <paramref name="records"/> in one transaction: records the import, copies the records into a temporary
    /// table, upserts them into their source's rows, makes their names the file's, links parents within the source,
    /// fills missing admin codes by point in polygon and audits the import. The records are read inside the
    /// transaction: a reader that fails (a malformed file) leaves nothing stored.
    /// </summary>
    public async Task<GazetteerImportSummary> ImportAsync(GazetteerImport import, IEnumerable<PlaceRecord> records, long? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(records);
        if (string.IsNullOrWhiteSpace(import.Source) || import.Source == GazetteerSources.Analyst)
        {
            throw new ArgumentException($"An import needs a source other than '{GazetteerSources.Analyst}'.", nameof(import));
        }

        var sha = import.Sha256.ToLowerInvariant();
        if (!Sha256Hex().IsMatch(sha))
        {
            throw new ArgumentException("Sha256 must be 64 hexadecimal digits.", nameof(import));
        }

        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long importId;
        await using (var insert = new NpgsqlCommand(InsertImportSql, connection, transaction))
        {
            insert.Parameters.AddWithValue("source", import.Source);
            insert.Parameters.AddWithValue("format", import.Format);
            insert.Parameters.AddWithValue("file", import.FileName);
            insert.Parameters.AddWithValue("sha", sha);
            insert.Parameters.AddWithValue("options", (object?)import.Options ?? DBNull.Value);
            insert.Parameters.AddWithValue("at", now);
            insert.Parameters.AddWithValue("by", userId.HasValue ? userId.Value : DBNull.Value);
            importId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        await ExecuteAsync(connection, transaction, CreateRowsSql, cancellationToken);
        var count = await CopyAsync(connection, import, records, cancellationToken);

        int inserted, updated;
        await using (var upsert = new NpgsqlCommand(UpsertPlacesSql, connection, transaction))
        {
            upsert.Parameters.AddWithValue("source", import.Source);
            upsert.Parameters.AddWithValue("import", importId);
            upsert.Parameters.AddWithValue("at", now);
            upsert.Parameters.AddWithValue("by", userId.HasValue ? userId.Value : DBNull.Value);
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (inserted, updated) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        int namesAdded, namesRemoved;
        await using (var names = new NpgsqlCommand(ReplaceNamesSql, connection, transaction))
        {
            names.Parameters.AddWithValue("source", import.Source);
            await using var reader = await names.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (namesAdded, namesRemoved) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        await using (var parents = new NpgsqlCommand(ResolveParentsSql, connection, transaction))
        {
            parents.Parameters.AddWithValue("source", import.Source);
            await parents.ExecuteNonQueryAsync(cancellationToken);
        }

        var filled = await FillAdminCodesAsync(connection, transaction, null, cancellationToken);
        var summary = new GazetteerImportSummary(importId, count, inserted, updated, namesAdded, namesRemoved, filled);
        await using (var record = new NpgsqlCommand(RecordSummarySql, connection, transaction))
        {
            record.Parameters.AddWithValue("id", importId);
            record.Parameters.AddWithValue("records", summary.Records);
            record.Parameters.AddWithValue("inserted", summary.Inserted);
            record.Parameters.AddWithValue("updated", summary.Updated);
            record.Parameters.AddWithValue("names_added", summary.NamesAdded);
            record.Parameters.AddWithValue("names_removed", summary.NamesRemoved);
            record.Parameters.AddWithValue("admin_filled", summary.AdminCodesFilled);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await AuditLog.RecordAsync(connection, transaction, clock, userId, "import", "gazetteer_import", importId, null,
            new { import.Source, import.Format, import.FileName, Sha256 = sha, import.Options, summary.Records, summary.Inserted, summary.Updated, summary.NamesAdded, summary.NamesRemoved, summary.AdminCodesFilled },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    /// <summary>Whether a file with this SHA-256 was already imported into <paramref name="source"/>.</summary>
    public async Task<bool> HasImportedAsync(string source, string sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        await using var command = dataSource.CreateCommand(ImportedSql);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("sha", sha256.ToLowerInvariant());
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every place that no analyst correction supersedes, with all its names (primary first), codes, parent and population.</summary>
    public async Task<IReadOnlyList<GazetteerEntry>> LoadEntriesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(LoadEntriesSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<GazetteerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var kindKey = reader.GetString(1);
            if (!PlaceKinds.TryParse(kindKey, out var kind))
            {
                throw new InvalidOperationException($"Place {reader.GetInt64(0)} has an unknown kind '{kindKey}'.");
            }

            var texts = reader.IsDBNull(14) ? [] : reader.GetFieldValue<string[]>(14);
            var languages = reader.IsDBNull(15) ? [] : reader.GetFieldValue<string[]>(15);
            var names = new PlaceName[texts.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                names[i] = new PlaceName(texts[i], languages[i]);
            }

            entries.Add(new GazetteerEntry(reader.GetInt64(0), kind, reader.GetString(2), Geo.Point(reader.GetDouble(3), reader.GetDouble(4)), names, reader.GetString(5), reader.GetString(6))
            {
                Pcode = NullableString(reader, 7),
                Admin1Code = NullableString(reader, 8),
                Admin2Code = NullableString(reader, 9),
                Admin3Code = NullableString(reader, 10),
                ParentId = reader.IsDBNull(11) ? null : reader.GetInt64(11),
                Population = reader.IsDBNull(12) ? null : reader.GetInt32(12),
                HasArea = reader.GetBoolean(13),
            });
        }

        return entries;
    }

    /// <summary>Fills missing admin codes by point in polygon: of every imported place, or of the one place <paramref name="placeId"/>.</summary>
    internal static async Task<int> FillAdminCodesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? placeId, CancellationToken cancellationToken)
    {
        await using var fill = new NpgsqlCommand(FillAdminCodesSql, connection, transaction);
        fill.Parameters.Add(new NpgsqlParameter("place", NpgsqlDbType.Bigint) { Value = placeId.HasValue ? placeId.Value : DBNull.Value });
        return await fill.ExecuteNonQueryAsync(cancellationToken);
    }

    // Streams the records into the temporary table; reading them here is what makes a malformed file roll back.
    private static async Task<int> CopyAsync(NpgsqlConnection connection, GazetteerImport import, IEnumerable<PlaceRecord> records, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        await using var writer = await connection.BeginBinaryImportAsync(CopyRowsSql, cancellationToken);
        foreach (var record in records)
        {
            count++;
            if (record.Source != import.Source)
            {
                throw new GazetteerFormatException(import.FileName, $"record {count}", $"the record is of source '{record.Source}', the import of source '{import.Source}'");
            }

            if (!keys.Add(record.SourceKey))
            {
                throw new GazetteerFormatException(import.FileName, $"record {count}", $"the key '{record.SourceKey}' appears twice");
            }

            var names = StoredNames(record);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(record.SourceKey, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(record.Kind.Key(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(record.Name, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteGeometryAsync(record.Point, cancellationToken);
            await writer.WriteGeometryAsync(record.Area, cancellationToken);
            await WriteNullableAsync(writer, record.Pcode, cancellationToken);
            await WriteNullableAsync(writer, record.Admin1Code, cancellationToken);
            await WriteNullableAsync(writer, record.Admin2Code, cancellationToken);
            await WriteNullableAsync(writer, record.Admin3Code, cancellationToken);
            if (record.Population is { } population)
            {
                await writer.WriteAsync(population, NpgsqlDbType.Integer, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }

            await WriteNullableAsync(writer, record.ParentKey, cancellationToken);
            await writer.WriteAsync(names.Select(n => n.Text).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(names.Select(n => n.Language).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(names.Select(n => n.Script).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(names.Select(n => NameNormalizer.Normalize(n.Text)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        return count;
    }

    // The display name first (it is the primary name), then every other distinct (text, language).
    private static List<PlaceName> StoredNames(PlaceRecord record)
    {
        var names = new List<PlaceName>();
        var primary = record.Names.FirstOrDefault(n => n.Text == record.Name) ?? new PlaceName(record.Name, "und");
        names.Add(primary);
        foreach (var name in record.Names)
        {
            var trimmed = name with { Text = name.Text.Trim(), Language = string.IsNullOrWhiteSpace(name.Language) ? "und" : name.Language.Trim() };
            if (trimmed.Text.Length > 0 && !names.Contains(trimmed))
            {
                names.Add(trimmed);
            }
        }

        return names;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
