using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;
using Territory.Testing;

namespace Territory.Ingestion.Tests;

public class CuratedTheaterReaderTests
{
    private static List<PlaceRecord> Read(string json) => [.. new CuratedTheaterReader().Read(Samples.Utf8(json), "places.geojson")];

    [Fact]
    public void A_feature_becomes_a_curated_record_keyed_by_its_id()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"aleppo-citadel","geometry":{"type":"Point","coordinates":[37.16293,36.19934]},"properties":{"kind":"landmark","name":"Aleppo Citadel","parent":"aleppo","governorate":"SY02","pcode":null,"population":null,
             "names":[{"text":"Aleppo Citadel","lang":"en"},{"text":"château d'Alep","lang":"fr"},{"text":"قلعة حلب","lang":"ar"},{"text":"Halep Kalesi","lang":"tr"}],"note":"…"}}]}
            """;
        var record = Assert.Single(Read(json));
        Assert.Equal((GazetteerSources.Curated, "aleppo-citadel", PlaceKind.Landmark, "Aleppo Citadel"), (record.Source, record.SourceKey, record.Kind, record.Name));
        Assert.Equal(("aleppo", "SY02", (string?)null, (int?)null), (record.ParentKey, record.Admin1Code, record.Pcode, record.Population));
        Assert.Equal((37.16293, 36.19934), (record.Point.X, record.Point.Y));
        Assert.Equal([("Aleppo Citadel", "en"), ("château d'Alep", "fr"), ("قلعة حلب", "ar"), ("Halep Kalesi", "tr")], record.Names.Select(n => (n.Text, n.Language)));
    }

    [Theory]
    [InlineData("""{"type":"Feature","id":"x","geometry":{"type":"Point","coordinates":[37,36]},"properties":{"kind":"castle","name":"X","names":[]}}""", "places.geojson: feature 1 (x): kind 'castle' is not one of: country,")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[37,36]},"properties":{"kind":"town","name":"X","names":[]}}""", "places.geojson: feature 1: the feature has no string id")]
    [InlineData("""{"type":"Feature","id":"x","geometry":{"type":"Polygon","coordinates":[[[37,36],[37.1,36],[37.1,36.1],[37,36]]]},"properties":{"kind":"town","name":"X","names":[]}}""", "places.geojson: feature 1 (x): the geometry must be a Point")]
    [InlineData("""{"type":"Feature","id":"x","geometry":{"type":"Point","coordinates":[36,137]},"properties":{"kind":"town","name":"X","names":[]}}""", "places.geojson: feature 1 (x): coordinate [36, 137] is not a valid")]
    [InlineData("""{"type":"Feature","id":"x","geometry":{"type":"Point","coordinates":[37,36]},"properties":{"kind":"town","name":"X","population":"many","names":[]}}""", "places.geojson: feature 1 (x): population 'many' is not a whole number")]
    public void A_malformed_feature_is_an_error_naming_it(string feature, string expected)
    {
        var error = Assert.Throws<GazetteerFormatException>(() => Read($$"""{"type":"FeatureCollection","features":[{{feature}}]}"""));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_id_is_an_error()
    {
        const string feature = """{"type":"Feature","id":"x","geometry":{"type":"Point","coordinates":[37,36]},"properties":{"kind":"town","name":"X","names":[]}}""";
        var error = Assert.Throws<GazetteerFormatException>(() => Read($$"""{"type":"FeatureCollection","features":[{{feature}},{{feature}}]}"""));
        Assert.Equal("places.geojson: feature 2 (x): id 'x' is used twice", error.Message);
    }

    [Fact]
    public void The_team_file_reads_with_every_parent_in_it()
    {
        using var stream = File.OpenRead(RepoFolder.Path("geo", "theater", "places.geojson"));
        var records = new CuratedTheaterReader().Read(stream, "places.geojson").ToList();
        var keys = records.Select(r => r.SourceKey).ToHashSet();
        Assert.True(records.Count >= 150, $"only {records.Count} places");
        Assert.All(records, r => Assert.True(r.ParentKey is null || keys.Contains(r.ParentKey), $"{r.SourceKey}: parent {r.ParentKey} missing"));
        Assert.Contains(records, r => r.SourceKey == "aleppo" && r.Kind == PlaceKind.City && r.Names.Any(n => n.Script == "Arab"));
    }
}
