using Territory.Ingestion.Actors;
using Territory.Ingestion.Evaluation;
using Territory.Ingestion.Geocoding;
using Territory.Testing;

namespace Territory.Ingestion.Tests.Seeds;

/// <summary>
/// Held-out gold sets (data/gold/events-holdout*.jsonl), each written blind after the rules of its day and scored once
/// against them; later rule writers saw only classes of their failures, never their sentences.
/// </summary>
public class EventHoldoutTests(ReferenceGazetteer gazetteer) : IClassFixture<ReferenceGazetteer>
{
    // The first set measured precision 88.2 %, recall 65.2 % when written; its misses were then described as classes
    // of phrasing (not as its sentences) to whoever wrote general rules for them, giving 95.5 % / 91.3 %. So it is no
    // longer blind: the second set, written after those rules and scored once, is the honest figure (93.3 % / 77.8 %
    // on 2026-11-25). Then came general phrasing rules written from the rule writer's own sentences, and a third set of
    // 111 control changes, written blind and scored once after them: precision 77.6 %, recall 74.8 % (the second set fell
    // to 82.4 % / 77.8 %: new rules, new false positives). Rules for the third set's failure classes brought it to
    // 90.4 % / 84.7 %, and a fourth set of 122 control changes, written blind and scored once after them, measured
    // 77.6 % / 68.0 %. Rules for its classes brought it to 88.1 % / 78.7 %, and a fifth set of 112, written blind and
    // scored once after them, measured 70.5 % / 66.1 % (it was written from unusual styles: sitreps, columns, Kurdish
    // media). Rules for its classes brought it to 77.8 % / 75.0 %, and a sixth set of 108 in ordinary wire and press
    // style, written blind and scored once after them, measured 86.5 % / 83.3 %; rules for its classes brought it to
    // 89.3 % / 85.2 %, and a seventh set of 91 in the same style, blind and scored once, measured 84.9 % / 86.8 %; rules
    // for its classes brought it to 95.3 % / 90.1 %, and an eighth set of 86, blind and scored once after them,
    // measured 88.2 % / 87.2 %. Floors sit a little below the latest figures; the target is 90 %.
    private const double PrecisionFloor = 0.90;
    private const double RecallFloor = 0.85;
    private const double SecondPrecisionFloor = 0.90;
    private const double SecondRecallFloor = 0.70;
    private const double ThirdPrecisionFloor = 0.85;
    private const double ThirdRecallFloor = 0.80;
    private const double FourthPrecisionFloor = 0.85;
    private const double FourthRecallFloor = 0.75;
    private const double FifthPrecisionFloor = 0.75;
    private const double FifthRecallFloor = 0.72;
    private const double SixthPrecisionFloor = 0.87;
    private const double SixthRecallFloor = 0.84;
    private const double SeventhPrecisionFloor = 0.92;
    private const double SeventhRecallFloor = 0.87;
    private const double EighthPrecisionFloor = 0.85;
    private const double EighthRecallFloor = 0.84;

    [Fact]
    public async Task Control_changes_of_the_eighth_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout-8.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 80, $"the eighth held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= EighthPrecisionFloor && score.Recall >= EighthRecallFloor, score.Summary());
    }

    [Fact]
    public async Task Control_changes_of_the_seventh_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout-7.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 85, $"the seventh held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= SeventhPrecisionFloor && score.Recall >= SeventhRecallFloor, score.Summary());
    }

    [Fact]
    public async Task Control_changes_of_the_sixth_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout-6.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 100, $"the sixth held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= SixthPrecisionFloor && score.Recall >= SixthRecallFloor, score.Summary());
    }

    [Fact]
    public async Task Control_changes_of_the_fifth_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout-5.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 100, $"the fifth held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= FifthPrecisionFloor && score.Recall >= FifthRecallFloor, score.Summary());
    }

    [Fact]
    public async Task Control_changes_of_the_fourth_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout-4.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 110, $"the fourth held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= FourthPrecisionFloor && score.Recall >= FourthRecallFloor, score.Summary());
    }

    [Fact]
    public async Task Control_changes_of_the_third_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout-3.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 100, $"the third held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= ThirdPrecisionFloor && score.Recall >= ThirdRecallFloor, score.Summary());
    }

    [Fact]
    public async Task Control_changes_of_the_second_held_out_set_are_scored()
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));
        var score = EventGoldSet.Score(analyzer, EventGoldSet.Read(RepoFolder.Path("data", "gold", "events-holdout-2.jsonl")), ActorCatalog.Default);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Summary());
        Assert.True(score.Expected >= 18, $"the second held-out set lost items: {score.Expected} control changes");
        Assert.True(score.Precision >= SecondPrecisionFloor && score.Recall >= SecondRecallFloor, score.Summary());
    }

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
