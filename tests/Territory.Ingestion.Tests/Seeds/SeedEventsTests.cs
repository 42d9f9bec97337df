using Territory.Ingestion.Actors;
using Territory.Ingestion.Evaluation;
using Territory.Ingestion.Geocoding;
using Territory.Testing;

namespace Territory.Ingestion.Tests.Seeds;

/// <summary>
/// The five seed reports against the control changes a careful analyst records from them
/// (Expected/seed-events.jsonl, written by the team from the texts). Target: 90 % precision and recall, reached; this
/// guards the level from sliding back.
/// </summary>
public class SeedEventsTests(ReferenceGazetteer gazetteer) : IClassFixture<ReferenceGazetteer>
{
    // Measured 2026-11-23: precision 100 %, recall 94.7 %, date accuracy 94.4 % (the acceptance target is 90 %).
    private const double PrecisionFloor = 0.95;
    private const double RecallFloor = 0.90;

    [Fact]
    public async Task The_seed_reports_control_changes_do_not_fall_below_the_level_reached()
    {
        var seeds = SharedFolder.Require("seeds");
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(Path.Combine(AppContext.BaseDirectory, "Expected", "seed-events.jsonl"), seeds), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.Equal(19, score.Expected);
        Assert.True(score.Precision >= PrecisionFloor && score.Recall >= RecallFloor, score.Summary());
    }
}
