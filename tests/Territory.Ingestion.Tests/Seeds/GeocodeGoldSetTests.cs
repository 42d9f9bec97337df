using Territory.Ingestion.Evaluation;
using Territory.Ingestion.Geocoding;
using Territory.Testing;

namespace Territory.Ingestion.Tests.Seeds;

/// <summary>The geocoding gold set (data/gold/geocode.tsv, written apart from the rules) against the reference gazetteer.</summary>
public class GeocodeGoldSetTests(ReferenceGazetteer gazetteer) : IClassFixture<ReferenceGazetteer>
{
    [Fact]
    public async Task At_least_95_percent_of_the_gold_spellings_resolve_to_the_right_place()
    {
        gazetteer.Require();
        var geocoder = new Geocoder(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = GeocodeGoldSet.Score(geocoder, GeocodeGoldSet.Read(RepoFolder.Path("data", "gold", "geocode.tsv")));

        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        var misses = score.Results.Where(r => !r.Correct).Select(r =>
            $"{r.Row.Id} {r.Row.Language} '{r.Row.Text}' → {(r.Mention is null ? "no mention" : r.Mention.Place is null ? "unresolved" : $"{r.Mention.Place.Name}/{r.Mention.Place.Kind}/{r.Mention.Place.Source}")}"
            + $"{(r.ErrorKm is { } km ? $" {km:F1} km" : string.Empty)} (expected {r.Row.Expected})");
        Assert.True(score.Accuracy >= 0.95, score.Summary() + "\n" + string.Join("\n", misses));
    }
}
