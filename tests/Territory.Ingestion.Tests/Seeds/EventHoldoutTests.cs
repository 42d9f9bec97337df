using Territory.Ingestion.Actors;
using Territory.Ingestion.Evaluation;
using Territory.Ingestion.Geocoding;
using Territory.Testing;

namespace Territory.Ingestion.Tests.Seeds;

/// <summary>
/// A second, held-out gold set (data/gold/events-holdout.jsonl), written after the rules were tuned on the main gold
/// set and never used to tune them: it measures how far the rules generalise to phrasings they were not written from.
/// </summary>
public class EventHoldoutTests(ReferenceGazetteer gazetteer) : IClassFixture<ReferenceGazetteer>
{
    // Measured 2026-11-25 when the set was written: precision 88.2 %, recall 65.2 %, date accuracy 93.3 % (fr recall
    // 43 %: idioms the rules lack). A floor below that guards against sliding back; it is not the target (90 %).
    private const double PrecisionFloor = 0.85;
    private const double RecallFloor = 0.60;

    [Fact]
    public async Task Control_changes_of_the_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 20, $"the held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= PrecisionFloor && score.Recall >= RecallFloor, score.Summary());
    }
}
