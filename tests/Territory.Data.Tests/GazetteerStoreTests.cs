using Npgsql;
using Territory.Data.Places;
using Territory.Domain.Places;
using Territory.Domain.Spatial;
using Territory.Ingestion.Gazetteer;
using Territory.Testing;

namespace Territory.Data.Tests;

/// <summary>The store on small inline records; each test has a database of its own, so counts are its own.</summary>
public class GazetteerStoreTests : IAsyncLifetime
{
    private const string Sha = "0000000000000000000000000000000000000000000000000000000000000000";
    private readonly TestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private GazetteerStore Store => new(_database.DataSource, TimeProvider.System);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PlaceName N(string text, string language) => new(text, language);

    private static PlaceRecord Place(string source, string key, PlaceKind kind, double lon, double lat, params PlaceName[] names) =>
        new(source, key, kind, names.Length > 0 ? names[0].Text : key, Geo.Point(lon, lat), names.Length > 0 ? names : [new PlaceName(key, "und")]);

    private static PlaceRecord Square(string key, PlaceKind kind, double lon, double lat, double size) =>
        Place(GazetteerSources.Boundaries, key, kind, lon + (size / 2), lat + (size / 2), new PlaceName(key, "en")) with
        {
            Pcode = key,
            Area = Geo.Factory.CreateMultiPolygon([Geo.Factory.CreatePolygon([new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat)])]),
        };

    private Task<GazetteerImportSummary> ImportAsync(string source, params PlaceRecord[] records) =>
        Store.ImportAsync(new GazetteerImport(source, "test", "test.txt", Sha), records, null, Cancel);

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task An_import_inserts_and_the_same_import_again_changes_nothing()
    {
        PlaceRecord[] records =
        [
            Place("ocha", "C3916", PlaceKind.Town, 36.8047, 35.8622, N("Saraqab", "en"), N("سراقب", "ar")),
            Place("ocha", "C1007", PlaceKind.City, 37.1343, 36.2021, N("Aleppo", "en"), N("Halab", "en"), N("حلب", "ar")) with { Admin1Code = "SY02" },
        ];

        var first = await ImportAsync("ocha", records);
        Assert.Equal((2, 2, 0, 5, 0), (first.Records, first.Inserted, first.Updated, first.NamesAdded, first.NamesRemoved));

        var again = await ImportAsync("ocha", records);
        Assert.Equal((2, 0, 0, 2, 0, 0, 0), (again.Records, again.Inserted, again.Updated, again.Unchanged, again.NamesAdded, again.NamesRemoved, again.AdminCodesFilled));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM places"));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM gazetteer_imports"));
        Assert.Equal("Arab", await ScalarAsync<string>("SELECT script FROM place_names WHERE name = 'حلب'"));
        Assert.Equal("aleppo", await ScalarAsync<string>("SELECT normalized FROM place_names WHERE is_primary AND name = 'Aleppo'"));
    }

    [Fact]
    public async Task A_changed_record_is_updated_and_its_names_become_the_files()
    {
        await ImportAsync("geonames", Place("geonames", "1", PlaceKind.Village, 36.80, 35.86, N("Sarakib", "und"), N("Saraqeb", "und")));
        var changed = await ImportAsync("geonames", Place("geonames", "1", PlaceKind.Town, 36.81, 35.86, N("Saraqib", "und"), N("Saraqeb", "und"), N("سراقب", "ar")) with { Population = 32495 });

        Assert.Equal((0, 1, 2, 1), (changed.Inserted, changed.Updated, changed.NamesAdded, changed.NamesRemoved));
        Assert.Equal("Saraqib|town|32495|36.81", await ScalarAsync<string>("SELECT name || '|' || kind || '|' || population || '|' || ST_X(point) FROM places"));
        Assert.Equal("Saraqib,Saraqeb,سراقب", await ScalarAsync<string>("SELECT string_agg(name, ',' ORDER BY NOT is_primary, id) FROM place_names"));
    }

    [Fact]
    public async Task An_import_never_touches_another_sources_rows_or_an_analysts_place()
    {
        await ImportAsync("geonames", Place("geonames", "C1", PlaceKind.Town, 36.0, 35.0, N("Kept", "und")));
        var analyst = await new Accounts.AccountStore(_database.DataSource, TimeProvider.System).AddAsync("analyst", "a long enough password", "analyst", false, null, Cancel);
        await new PlaceStore(_database.DataSource, TimeProvider.System).AddAnalystPlaceAsync(new PlaceDraft(PlaceKind.Village, "Rashidin", Geo.Point(37.10, 36.17), [N("الراشدين", "ar")]), analyst.Id, Cancel);

        const string Snapshot = "SELECT string_agg(row_to_json(p)::text || (SELECT string_agg(row_to_json(n)::text, '' ORDER BY n.id) FROM place_names n WHERE n.place_id = p.id), '' ORDER BY p.id) FROM places p WHERE source <> 'ocha'";
        var before = await ScalarAsync<string>(Snapshot);

        await ImportAsync("ocha", Place("ocha", "C1", PlaceKind.Village, 36.5, 35.5, N("Other", "en")));
        await ImportAsync("ocha", Place("ocha", "C1", PlaceKind.Town, 36.6, 35.6, N("Changed", "en")), Place("ocha", "C2", PlaceKind.Village, 37.10, 36.17, N("Rashidin", "en")));

        Assert.Equal(before, await ScalarAsync<string>(Snapshot));
        Assert.Equal("Kept", await ScalarAsync<string>("SELECT name FROM places WHERE source = 'geonames' AND source_key = 'C1'"));
        Assert.Equal("Changed", await ScalarAsync<string>("SELECT name FROM places WHERE source = 'ocha' AND source_key = 'C1'"));
        await Assert.ThrowsAsync<ArgumentException>(() => ImportAsync(GazetteerSources.Analyst, Place(GazetteerSources.Analyst, "x", PlaceKind.Town, 36, 35)));
    }

    [Fact]
    public async Task A_malformed_file_stores_nothing()
    {
        const string csv = """
            PCODE,NAME_EN,NAME_ARA,LATITUDE,LONGITUDE
            C3916,Saraqab,سراقب,35.8622,36.8047
            C1007,Aleppo,حلب,36.2021,37.1343
            C9999,Broken,مكسور,north,36.9
            """;
        var records = new OchaPlacesReader().Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "communities.csv");

        var error = await Assert.ThrowsAsync<GazetteerFormatException>(() => Store.ImportAsync(new GazetteerImport("ocha", "ocha-places", "communities.csv", Sha), records, null, Cancel));
        Assert.StartsWith("communities.csv: line 4: latitude (LATITUDE) 'north' is not a number", error.Message, StringComparison.Ordinal);

        var duplicate = await Assert.ThrowsAsync<GazetteerFormatException>(() => ImportAsync("ocha", Place("ocha", "C1", PlaceKind.Town, 36, 35), Place("ocha", "C1", PlaceKind.Town, 36, 35)));
        Assert.Equal("test.txt: record 2: the key 'C1' appears twice", duplicate.Message);

        Assert.Equal(0L, await ScalarAsync<long>("SELECT (SELECT count(*) FROM places) + (SELECT count(*) FROM place_names) + (SELECT count(*) FROM gazetteer_imports) + (SELECT count(*) FROM audit_log)"));
        // The connection went back to the pool in a usable state.
        Assert.Equal(1, (await ImportAsync("ocha", Place("ocha", "C1", PlaceKind.Town, 36, 35))).Inserted);
    }

    [Fact]
    public async Task Parents_resolve_within_the_source_whichever_arrives_first()
    {
        await ImportAsync("curated", Place("curated", "aleppo-citadel", PlaceKind.Landmark, 37.16, 36.20) with { ParentKey = "aleppo" });
        await ImportAsync("ocha", Place("ocha", "aleppo", PlaceKind.City, 37.13, 36.20));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(parent_id) FROM places"));

        await ImportAsync("curated", Place("curated", "aleppo", PlaceKind.City, 37.13, 36.20), Place("curated", "aleppo-citadel", PlaceKind.Landmark, 37.16, 36.20) with { ParentKey = "aleppo" });
        Assert.Equal("aleppo:curated", await ScalarAsync<string>("SELECT p.source_key || ':' || p.source FROM places c JOIN places p ON p.id = c.parent_id WHERE c.source_key = 'aleppo-citadel'"));
    }

    [Fact]
    public async Task Missing_admin_codes_are_filled_by_point_in_polygon_from_boundaries_imported_before_or_after()
    {
        await ImportAsync("ocha",
            Place("ocha", "C3916", PlaceKind.Town, 36.80, 35.86, N("Saraqab", "en")),
            Place("ocha", "C3917", PlaceKind.Town, 36.81, 35.87, N("Given", "en")) with { Admin1Code = "SY99" },
            Place("ocha", "far", PlaceKind.Village, 40.0, 35.0, N("Outside", "en")));
        var boundaries = await ImportAsync(GazetteerSources.Boundaries,
            Square("SY07", PlaceKind.Governorate, 36.0, 35.0, 2.0),
            Square("SY0700", PlaceKind.District, 36.5, 35.5, 1.0),
            Square("SY070003", PlaceKind.Subdistrict, 36.7, 35.8, 0.2));

        const string Codes = "SELECT concat_ws('/', admin1_code, admin2_code, admin3_code) FROM places WHERE source_key = @key";
        Assert.Equal("SY07/SY0700/SY070003", await ScalarAsync<string>(Codes, ("key", "C3916")));
        Assert.Equal("SY99/SY0700/SY070003", await ScalarAsync<string>(Codes, ("key", "C3917")));
        Assert.Equal(string.Empty, await ScalarAsync<string>(Codes, ("key", "far")));
        Assert.Equal("SY07", await ScalarAsync<string>(Codes, ("key", "SY07")));
        Assert.Equal("SY07/SY0700", await ScalarAsync<string>(Codes, ("key", "SY0700")));
        Assert.Equal(5, boundaries.AdminCodesFilled); // C3916, C3917 and the three squares, which lie in themselves

        var later = await ImportAsync("geonames", Place("geonames", "1", PlaceKind.Town, 36.75, 35.85, N("Saraqib", "und")));
        Assert.Equal(1, later.AdminCodesFilled);
        Assert.Equal("SY07/SY0700/SY070003", await ScalarAsync<string>(Codes, ("key", "1")));
        Assert.Equal(0, (await ImportAsync(GazetteerSources.Boundaries, Square("SY07", PlaceKind.Governorate, 36.0, 35.0, 2.0), Square("SY0700", PlaceKind.District, 36.5, 35.5, 1.0), Square("SY070003", PlaceKind.Subdistrict, 36.7, 35.8, 0.2))).AdminCodesFilled);
    }

    [Fact]
    public async Task An_import_is_recorded_and_audited()
    {
        var summary = await Store.ImportAsync(new GazetteerImport("ocha", "ocha-places", "communities.csv", Sha.Replace('0', 'A'), "kind=village"), [Place("ocha", "C1", PlaceKind.Town, 36, 35)], null, Cancel);

        Assert.Equal("ocha-places|communities.csv|kind=village|1|1", await ScalarAsync<string>("SELECT concat_ws('|', format, file_name, options, records, inserted) FROM gazetteer_imports WHERE id = @id", ("id", summary.ImportId)));
        Assert.Equal("import|1", await ScalarAsync<string>("SELECT action || '|' || (after->>'Inserted') FROM audit_log WHERE entity = 'gazetteer_import' AND entity_id = @id", ("id", summary.ImportId)));
        Assert.True(await Store.HasImportedAsync("ocha", Sha.Replace('0', 'a'), Cancel));
        Assert.False(await Store.HasImportedAsync("geonames", Sha.Replace('0', 'a'), Cancel));
        Assert.False(await Store.HasImportedAsync("ocha", Sha, Cancel));
    }

    [Fact]
    public async Task Entries_are_the_places_no_correction_supersedes_with_every_name_primary_first()
    {
        await ImportAsync("ocha",
            Place("ocha", "C3916", PlaceKind.Town, 36.80, 35.86, N("Saraqab", "en"), N("سراقب", "ar")) with { Pcode = "C3916", Admin1Code = "SY07", Population = 30000 },
            Place("ocha", "C1", PlaceKind.Village, 36.0, 35.0, N("Wrong", "en")));
        var wrongId = await ScalarAsync<long>("SELECT id FROM places WHERE source_key = 'C1'");
        await using (var correction = _database.DataSource.CreateCommand("INSERT INTO places (kind, name, point, source, source_key, supersedes_id, created_at) VALUES ('village', 'Right', ST_SetSRID(ST_MakePoint(36.1, 35.1), 4326), 'analyst', 'fix-1', @id, now())"))
        {
            correction.Parameters.AddWithValue("id", wrongId);
            await correction.ExecuteNonQueryAsync(Cancel);
        }

        var entries = await Store.LoadEntriesAsync(Cancel);

        Assert.Equal(["Saraqab", "Right"], entries.Select(e => e.Name));
        var saraqab = entries[0];
        Assert.Equal([new PlaceName("Saraqab", "en"), new PlaceName("سراقب", "ar")], saraqab.Names);
        Assert.Equal((PlaceKind.Town, "ocha", "C3916", "C3916", "SY07", 30000, false), (saraqab.Kind, saraqab.Source, saraqab.SourceKey, saraqab.Pcode, saraqab.Admin1Code, saraqab.Population, saraqab.HasArea));
        Assert.Equal((36.80, 35.86, 4326), (saraqab.Point.X, saraqab.Point.Y, saraqab.Point.SRID));
        Assert.Empty(entries[1].Names);
    }
}
