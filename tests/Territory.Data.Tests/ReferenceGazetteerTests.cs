using System.Diagnostics;
using Territory.Data.Accounts;
using Territory.Data.Places;
using Territory.Domain.Places;
using Territory.Domain.Spatial;
using Territory.Ingestion.Gazetteer;
using Territory.Testing;

namespace Territory.Data.Tests;

/// <summary>The reference gazetteer plus two analysts' places (at Saraqib and in Aleppo).</summary>
public sealed class ReferenceGazetteerWithAnalysts : ReferenceGazetteer
{
    public long SaraqibAnalystId { get; private set; }

    public long AleppoAnalystId { get; private set; }

    protected override async Task AfterImportAsync()
    {
        var analyst = await new AccountStore(DataSource, TimeProvider.System).AddAsync("reference-analyst", "a long enough password", AnalystAccount.AnalystRole, false, null);
        var places = new PlaceStore(DataSource, TimeProvider.System);
        SaraqibAnalystId = await places.AddAnalystPlaceAsync(new PlaceDraft(PlaceKind.Junction, "Saraqib M4/M5 junction", Geo.Point(36.8131, 35.8606), [new PlaceName("تقاطع سراقب", "ar")]), analyst.Id);
        AleppoAnalystId = await places.AddAnalystPlaceAsync(new PlaceDraft(PlaceKind.Neighbourhood, "Rashidin", Geo.Point(37.0946, 36.1868), []), analyst.Id);
    }
}

public class ReferenceGazetteerTests(ReferenceGazetteerWithAnalysts gazetteer) : IClassFixture<ReferenceGazetteerWithAnalysts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<T> ScalarAsync<T>(string sql, long? id = null)
    {
        await using var command = gazetteer.DataSource.CreateCommand(sql);
        if (id.HasValue)
        {
            command.Parameters.AddWithValue("id", id.Value);
        }

        return (T)(await command.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task Every_reference_file_is_stored_under_its_source()
    {
        gazetteer.Require();
        foreach (var (file, summary, elapsed) in gazetteer.Imports)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {summary.Records} records, {summary.NamesAdded} names, {summary.AdminCodesFilled} filled, {elapsed.TotalSeconds:0.00} s");
        }

        Assert.Equal(5251L, await ScalarAsync<long>("SELECT count(*) FROM places WHERE source = 'ocha' AND source_key LIKE 'C%'"));
        Assert.Equal(109L, await ScalarAsync<long>("SELECT count(*) FROM places WHERE source = 'ocha' AND kind = 'neighbourhood'"));
        Assert.Equal(133L, await ScalarAsync<long>("SELECT count(*) FROM places WHERE source = 'csr'"));
        Assert.Equal(290L, await ScalarAsync<long>("SELECT count(*) FROM places WHERE source = 'geonames'"));
        Assert.Equal("14/62/272", await ScalarAsync<string>("SELECT concat_ws('/', count(*) FILTER (WHERE kind = 'governorate'), count(*) FILTER (WHERE kind = 'district'), count(*) FILTER (WHERE kind = 'subdistrict')) FROM places WHERE source = 'boundaries'"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM places WHERE source = 'ocha' AND kind = 'neighbourhood' AND parent_id IS NULL"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM places WHERE source = 'boundaries' AND kind <> 'governorate' AND parent_id IS NULL"));
    }

    [Fact]
    public async Task Point_in_polygon_fills_the_governorates_of_Saraqib_and_Aleppo()
    {
        gazetteer.Require();
        const string Codes = "SELECT concat_ws('/', admin1_code, admin2_code, admin3_code) FROM places WHERE id = @id";
        Assert.Equal("SY07/SY0700/SY070003", await ScalarAsync<string>(Codes, gazetteer.SaraqibAnalystId));
        Assert.Equal("SY02/SY0200/SY020000", await ScalarAsync<string>(Codes, gazetteer.AleppoAnalystId));
        Assert.Equal("SY07/SY0700/SY070003", await ScalarAsync<string>("SELECT concat_ws('/', admin1_code, admin2_code, admin3_code) FROM places WHERE source = 'geonames' AND source_key = '164816'"));
        Assert.Equal("SY07/SY0700/SY070003", await ScalarAsync<string>("SELECT concat_ws('/', admin1_code, admin2_code, admin3_code) FROM places WHERE source = 'curated' AND source_key = 'saraqib'"));
        // CSR's neighbourhoods carry no codes at all: every one comes from the OCHA polygons.
        Assert.Equal("SY02/SY0200/SY020000", await ScalarAsync<string>("SELECT string_agg(DISTINCT concat_ws('/', admin1_code, admin2_code, admin3_code), ',') FROM places WHERE source = 'csr'"));
    }

    [Fact]
    public async Task Importing_every_file_again_changes_nothing_and_leaves_the_analysts_places_alone()
    {
        gazetteer.Require();
        const string Snapshot = "SELECT md5(string_agg(row_to_json(p)::text, '' ORDER BY p.id)) || md5((SELECT string_agg(row_to_json(n)::text, '' ORDER BY n.id) FROM place_names n)) FROM places p";
        const string Analysts = "SELECT string_agg(row_to_json(p)::text, '' ORDER BY p.id) FROM places p WHERE source = 'analyst'";
        var before = await ScalarAsync<string>(Snapshot);
        var analystsBefore = await ScalarAsync<string>(Analysts);

        var again = new List<(string File, GazetteerImportSummary Summary, TimeSpan Elapsed)>();
        await gazetteer.ImportAllAsync(again);

        Assert.All(again, i => Assert.Equal((i.File, i.Summary.Records, 0, 0, 0, 0, 0), (i.File, i.Summary.Unchanged, i.Summary.Inserted, i.Summary.Updated, i.Summary.NamesAdded, i.Summary.NamesRemoved, i.Summary.AdminCodesFilled)));
        Assert.Equal(analystsBefore, await ScalarAsync<string>(Analysts));
        Assert.Equal(before, await ScalarAsync<string>(Snapshot));
    }

    [Fact]
    public async Task The_entries_load_in_one_go_with_Arabic_names_for_OCHA_places()
    {
        gazetteer.Require();
        var store = new GazetteerStore(gazetteer.DataSource, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var entries = await store.LoadEntriesAsync(Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine($"{entries.Count} entries, {entries.Sum(e => e.Names.Count)} names in {watch.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(await ScalarAsync<long>("SELECT count(*) FROM places"), entries.Count);
        var ocha = entries.Where(e => e.Source == GazetteerSources.Ocha).ToList();
        Assert.Equal(5251 + 109, ocha.Count);
        Assert.All(ocha, e => Assert.Contains(e.Names, n => n.Script == "Arab" && n.Language == "ar"));
        Assert.All(entries, e => Assert.Equal(e.Name, e.Names.Count > 0 ? e.Names[0].Text : e.Name));

        var aleppo = entries.Single(e => e.Source == GazetteerSources.Ocha && e.SourceKey == "C1007");
        Assert.Equal((PlaceKind.City, "SY02", "C1007"), (aleppo.Kind, aleppo.Admin1Code, aleppo.Pcode));
        Assert.Contains(new PlaceName("حلب", "ar"), aleppo.Names);
        Assert.True(entries.Single(e => e.Source == GazetteerSources.Boundaries && e.SourceKey == "SY02").HasArea);
        Assert.Equal(entries.Single(e => e.SourceKey == "aleppo" && e.Source == GazetteerSources.Curated).Id, entries.Single(e => e.SourceKey == "aleppo-citadel").ParentId);
    }

    [Fact]
    public async Task A_search_for_alep_finds_Aleppo()
    {
        gazetteer.Require();
        var found = await new PlaceStore(gazetteer.DataSource, TimeProvider.System).SearchAsync("alep", 200, Cancel);
        Assert.Contains(found, p => p.Name == "Aleppo" && p.Kind == "city");
    }
}
