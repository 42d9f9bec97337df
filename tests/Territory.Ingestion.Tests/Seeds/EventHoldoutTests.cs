using Territory.Ingestion.Actors;
using Territory.Ingestion.Evaluation;
using Territory.Ingestion.Geocoding;
using Territory.Testing;

namespace Territory.Ingestion.Tests.Seeds;

/// <summary>
/// Held-out gold sets (data/gold/events-holdout*.jsonl; their history in data/gold/README.md), each written blind after
/// the rules of its day and scored blind against them; later rule writers saw only classes of their failures, never their
/// sentences. Their last blind scores, in order: 88 / 65, 93.3 / 77.8, 77.6 / 74.8, 77.6 / 68.0, 70.5 / 66.1 (unusual
/// styles on purpose), 86.5 / 83.3, 84.9 / 86.8, 88.2 / 87.2, 85.4 / 82.6, 86.4 / 76.8, 86.0 / 80.0, 89.5 / 85.0,
/// 96.4 / 85.3, 88.0 / 88.0, 90.5 / 85.1, 85.3 / 81.0, 84.7 / 85.6, 90.1 / 82.0 and 90.5 / 84.3 % (precision / recall of
/// control changes); the target is 90 / 90, reached by the four acceptance sets 20–23 together (93.2 / 92.0).
/// Floors sit a little below each set's latest figures, so a rule that costs an older set is noticed.
/// </summary>
public class EventHoldoutTests(ReferenceGazetteer gazetteer) : IClassFixture<ReferenceGazetteer>
{
    [Theory]
    [InlineData("events-holdout.jsonl", 20, 0.90, 0.90)]
    [InlineData("events-holdout-2.jsonl", 18, 0.90, 0.80)]
    [InlineData("events-holdout-3.jsonl", 100, 0.94, 0.88)]
    [InlineData("events-holdout-4.jsonl", 110, 0.90, 0.82)]
    [InlineData("events-holdout-5.jsonl", 100, 0.82, 0.80)]
    [InlineData("events-holdout-6.jsonl", 100, 0.93, 0.87)]
    [InlineData("events-holdout-7.jsonl", 85, 0.93, 0.91)]
    [InlineData("events-holdout-8.jsonl", 80, 0.95, 0.93)]
    [InlineData("events-holdout-9.jsonl", 85, 0.93, 0.90)]
    [InlineData("events-holdout-10.jsonl", 95, 0.92, 0.89)]
    [InlineData("events-holdout-11.jsonl", 95, 0.95, 0.93)]
    [InlineData("events-holdout-12.jsonl", 95, 0.95, 0.94)]
    [InlineData("events-holdout-13.jsonl", 90, 0.94, 0.92)]
    [InlineData("events-holdout-14.jsonl", 95, 0.94, 0.93)]
    [InlineData("events-holdout-15.jsonl", 95, 0.95, 0.94)]
    [InlineData("events-holdout-16.jsonl", 95, 0.94, 0.93)]
    [InlineData("events-holdout-17.jsonl", 95, 0.97, 0.97)]
    [InlineData("events-holdout-18.jsonl", 95, 0.96, 0.93)]
    [InlineData("events-holdout-19.jsonl", 95, 0.91, 0.85)]
    [InlineData("events-holdout-20.jsonl", 95, 0.94, 0.91)]
    [InlineData("events-holdout-21.jsonl", 95, 0.95, 0.93)]
    [InlineData("events-holdout-22.jsonl", 95, 0.85, 0.89)]
    [InlineData("events-holdout-23.jsonl", 95, 0.92, 0.87)]
    [InlineData("events-holdout-24.jsonl", 95, 0.95, 0.94)]
    [InlineData("events-holdout-25.jsonl", 95, 0.95, 0.88)]
    public async Task Control_changes_of_a_held_out_set_are_scored(string file, int minimumExpected, double precisionFloor, double recallFloor)
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", file)), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= minimumExpected, $"{file} lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= precisionFloor && score.Recall >= recallFloor, score.Summary());
    }

    /// <summary>
    /// The acceptance measure of issue 4, fixed before it was scored: sets 20 to 23 together (401 control changes), written
    /// blind by four writers while the rules they are scored against were being drafted from other sets' failures. Nobody
    /// reads their items; they are never tuned on, so this stays a measure of phrasings the rules were not written from.
    /// </summary>
    [Fact]
    public async Task Control_changes_of_the_four_acceptance_sets_together_reach_90_percent()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        string[] files = ["events-holdout-20.jsonl", "events-holdout-21.jsonl", "events-holdout-22.jsonl", "events-holdout-23.jsonl"];
        var items = files.SelectMany(f => EventGoldSet.Read(RepoFolder.Path("data", "gold", f))).ToList();
        var score = EventGoldSet.Score(analyzer, items, ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 400, $"the acceptance sets lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= 0.90 && score.Recall >= 0.90, score.Summary());
    }
}
