using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Domain.Control;
using Territory.Domain.Events;
using Territory.Domain.Spatial;
using Territory.Domain.Territories;

namespace Territory.Domain.Tests;

public class ControlTimelineTests
{
    private static readonly ControlActor Government = new(1, "government", "government");
    private static readonly ControlActor Opposition = new(2, "opposition", "opposition");
    private static readonly ControlActor Hts = new(3, "hts", "opposition");
    private static readonly DateOnly Start = new(2024, 11, 26);

    private static DateOnly Day(int offset) => Start.AddDays(offset);

    private static ControlTimeline Timeline(params ControlEvent[] events) =>
        ControlTimeline.Compute([Government.Id, Government.Id], [Government, Opposition, Hts], events, Start, Day(5));

    [Fact]
    public void A_capture_holds_until_a_retake_returns_it()
    {
        var timeline = Timeline(
            new ControlEvent(10, 0, ControlTier.Claimed, Opposition.Id, Government.Id, Day(1), Day(1)),
            new ControlEvent(11, 0, ControlTier.Claimed, Government.Id, Opposition.Id, Day(3), Day(3), Retake: true));

        Assert.Equal((Government.Id, ControlStatus.Held), (timeline.On(Day(0))[0].ActorId, timeline.On(Day(0))[0].Status));
        Assert.Equal(Opposition.Id, timeline.On(Day(1))[0].ActorId);
        Assert.Equal(Opposition.Id, timeline.On(Day(2))[0].ActorId);
        Assert.Equal([10L], timeline.On(Day(2))[0].EventIds);
        Assert.Equal((Government.Id, "retaken"), (timeline.On(Day(4))[0].ActorId, timeline.On(Day(4))[0].Tier));
        Assert.Equal([11L], timeline.On(Day(5))[0].EventIds);
        Assert.All(Enumerable.Range(0, 6), d => Assert.Equal(Government.Id, timeline.On(Day(d))[1].ActorId));
    }

    [Fact]
    public void Sources_disagreeing_on_the_same_day_make_it_contested_keeping_both()
    {
        var timeline = Timeline(
            new ControlEvent(20, 0, ControlTier.Claimed, Opposition.Id, Government.Id, Day(2), Day(2)),
            new ControlEvent(21, 0, ControlTier.Claimed, Government.Id, null, Day(2), Day(2)));

        var state = timeline.On(Day(2))[0];
        Assert.Equal((null, ControlStatus.Contested, "disputed"), (state.ActorId, state.Status, state.Tier));
        Assert.Equal([20L, 21L], state.EventIds);
        Assert.Contains(Opposition.Id, state.Parties);
        Assert.Contains(Government.Id, state.Parties);
        Assert.Same(state, timeline.On(Day(5))[0]);
    }

    [Fact]
    public void Entered_or_reached_contest_a_place_and_an_advance_by_the_holder_changes_nothing()
    {
        var timeline = Timeline(
            new ControlEvent(30, 0, ControlTier.Entered, Hts.Id, null, Day(1), Day(1)),
            new ControlEvent(31, 1, ControlTier.Reached, Government.Id, null, Day(1), Day(1)));

        Assert.Equal((ControlStatus.Contested, "entered"), (timeline.On(Day(1))[0].Status, timeline.On(Day(1))[0].Tier));
        Assert.Equal([Government.Id, Hts.Id], timeline.On(Day(1))[0].Parties);
        Assert.Equal((Government.Id, ControlStatus.Held), (timeline.On(Day(1))[1].ActorId, timeline.On(Day(1))[1].Status));
    }

    [Fact]
    public void A_withdrawal_takes_the_place_from_the_loser_and_a_range_is_contested_until_its_last_day()
    {
        var timeline = Timeline(
            new ControlEvent(40, 0, ControlTier.Withdrawn, null, Government.Id, Day(1), Day(1)),
            new ControlEvent(41, 1, ControlTier.Claimed, Opposition.Id, Government.Id, Day(1), Day(3)));

        Assert.Equal((ControlStatus.Contested, "withdrawn"), (timeline.On(Day(1))[0].Status, timeline.On(Day(1))[0].Tier));
        Assert.DoesNotContain(Government.Id, timeline.On(Day(1))[0].Parties);
        Assert.Equal((ControlStatus.Contested, PlaceControl.UndatedTier), (timeline.On(Day(2))[1].Status, timeline.On(Day(2))[1].Tier));
        Assert.Equal((Opposition.Id, ControlStatus.Held), (timeline.On(Day(3))[1].ActorId, timeline.On(Day(3))[1].Status));
    }

    [Fact]
    public void A_city_event_on_a_neighbourhood_yields_to_the_neighbourhoods_own_report_of_the_same_days()
    {
        // Cell 0 is a neighbourhood the city's capture reaches; on day 2 a report on the neighbourhood itself says entered.
        var timeline = Timeline(
            new ControlEvent(60, 0, ControlTier.Claimed, Opposition.Id, Government.Id, Day(2), Day(2), FromCity: true),
            new ControlEvent(61, 0, ControlTier.Entered, Opposition.Id, null, Day(2), Day(2)),
            new ControlEvent(62, 1, ControlTier.Claimed, Opposition.Id, Government.Id, Day(2), Day(2), FromCity: true),
            new ControlEvent(63, 1, ControlTier.Claimed, Government.Id, Opposition.Id, Day(4), Day(4), FromCity: true));

        Assert.Equal((ControlStatus.Contested, "entered"), (timeline.On(Day(2))[0].Status, timeline.On(Day(2))[0].Tier));
        Assert.Equal([61L], timeline.On(Day(2))[0].EventIds);
        Assert.Equal((Opposition.Id, ControlStatus.Held), (timeline.On(Day(3))[1].ActorId, timeline.On(Day(3))[1].Status));
        Assert.Equal([62L], timeline.On(Day(3))[1].EventIds);
        Assert.Equal(Government.Id, timeline.On(Day(4))[1].ActorId);
    }

    [Fact]
    public void Recomputing_from_a_day_keeps_the_days_before_and_matches_a_full_computation()
    {
        var first = new ControlEvent(50, 0, ControlTier.Claimed, Opposition.Id, Government.Id, Day(1), Day(1));
        var later = new ControlEvent(51, 1, ControlTier.Claimed, Opposition.Id, Government.Id, Day(4), Day(4));
        var before = Timeline(first);
        var after = before.Recompute([first, later], Day(4), Day(5));
        var full = Timeline(first, later);

        Assert.Same(before.On(Day(3))[0], after.On(Day(3))[0]);
        Assert.All(Enumerable.Range(0, 6), d => Assert.Equal(full.On(Day(d)).Select(s => (s.ActorId, s.Status)), after.On(Day(d)).Select(s => (s.ActorId, s.Status))));
    }

    [Fact]
    public void The_theater_day_is_the_local_day_at_utc_plus_3()
    {
        Assert.Equal(new DateOnly(2024, 11, 28), TheaterDay.Of(new DateTimeOffset(2024, 11, 27, 21, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2024, 11, 27), TheaterDay.Of(new DateTimeOffset(2024, 11, 27, 20, 59, 0, TimeSpan.Zero)));
    }
}

public class TerritoryGeometryTests
{
    private static readonly WKTReader Reader = new(new NetTopologySuite.NtsGeometryServices(Geo.Factory.PrecisionModel, Geo.Srid));

    private static CellTessellation FourVillages() => CellTessellation.Build(
        [new CellSite(1, 37.0, 36.0, "SY02", "SY0200"), new CellSite(2, 37.1, 36.0, "SY02", "SY0200"), new CellSite(3, 37.0, 36.1, "SY02", "SY0201"), new CellSite(4, 37.1, 36.1, "SY07", "SY0700"),
         new CellSite(5, 37.1001, 36.1001, "SY07", "SY0700")],
        Reader.Read("POLYGON((36.9 35.9, 37.2 35.9, 37.2 36.2, 36.9 36.2, 36.9 35.9))"), new TessellationOptions { MaxReachKm = 50 });

    private static void AssertSameShape(string expectedWkt, Geometry actual)
    {
        var expected = Reader.Read(expectedWkt);
        expected.Normalize();
        var normalized = actual.Copy();
        normalized.Normalize();
        Assert.True(expected.EqualsExact(normalized, 1e-6), $"expected {expected}\nactual   {normalized}");
    }

    [Fact]
    public void Cells_split_the_outline_between_settlements_and_merge_near_duplicates()
    {
        var tessellation = FourVillages();

        Assert.Equal(4, tessellation.Cells.Count);
        Assert.Equal(tessellation.CellOfPlace(4), tessellation.CellOfPlace(5));
        AssertSameShape("MULTIPOLYGON(((36.9 35.9, 36.9 36.05, 37.05 36.05, 37.05 35.9, 36.9 35.9)))", tessellation.Cells[tessellation.CellOfPlace(1)!.Value].Exact);
        Assert.Equal(tessellation.CellOfPlace(2), tessellation.CellAt(37.15, 35.95));
        Assert.All(tessellation.Cells, c => Assert.True(c.Exact.IsValid && c.Display.IsValid));
    }

    [Fact]
    public void Cells_reach_no_further_than_the_maximum_from_their_settlement()
    {
        var tessellation = CellTessellation.Build([new CellSite(1, 37.0, 36.0, null, null)],
            Reader.Read("POLYGON((36.5 35.5, 37.5 35.5, 37.5 36.5, 36.5 36.5, 36.5 35.5))"), new TessellationOptions { MaxReachKm = 10 });

        var cell = Assert.Single(tessellation.Cells);
        Assert.InRange(cell.AreaKm2, Math.PI * 100 * 0.95, Math.PI * 100 * 1.01);
        Assert.Null(tessellation.CellAt(37.2, 36.0));
    }

    [Fact]
    public void A_day_dissolves_by_controller_with_contested_cells_apart_and_keeps_their_events()
    {
        var tessellation = FourVillages();
        var builder = new TerritoryBuilder(tessellation);
        var g = PlaceControl.Initial(1, new DateOnly(2024, 11, 26));
        var taken = new PlaceControl(2, ControlStatus.Held, "claimed", [2], [7], new DateOnly(2024, 11, 27));
        var fought = new PlaceControl(null, ControlStatus.Contested, "entered", [1, 2], [8], new DateOnly(2024, 11, 27));
        var states = new PlaceControl[4];
        states[tessellation.CellOfPlace(1)!.Value] = taken;
        states[tessellation.CellOfPlace(2)!.Value] = taken;
        states[tessellation.CellOfPlace(3)!.Value] = g;
        states[tessellation.CellOfPlace(4)!.Value] = fought;

        var territories = builder.Build(states, new DateOnly(2024, 11, 27));

        var opposition = territories.Single(t => t.ActorId == 2);
        // The merge drops the shared edge and keeps its end points (collinear vertices), as a coverage union does.
        AssertSameShape("MULTIPOLYGON(((36.9 35.9, 36.9 36.05, 37.05 36.05, 37.2 36.05, 37.2 35.9, 37.05 35.9, 36.9 35.9)))", opposition.Exact);
        Assert.Equal([7L], opposition.EventIds);
        Assert.Equal([8L], territories.Single(t => t.Status == ControlStatus.Contested).EventIds);
        Assert.Equal(AreaCalculator.GeodesicKm2(opposition.Exact), opposition.AreaKm2, 6);
        Assert.All(territories, t => Assert.True(t.Exact.IsValid && t.Display.IsValid));
    }

    [Fact]
    public void Areas_give_a_lower_bound_an_upper_bound_and_the_gains()
    {
        var tessellation = FourVillages();
        var one = tessellation.CellOfPlace(1)!.Value;
        var four = tessellation.CellOfPlace(4)!.Value;
        var holders = new long[4];
        Array.Fill(holders, 1L);
        var timeline = ControlTimeline.Compute(holders, [new ControlActor(1, "government", "government"), new ControlActor(2, "opposition", "opposition")],
            [new ControlEvent(1, one, ControlTier.Claimed, 2, 1, new DateOnly(2024, 11, 27), new DateOnly(2024, 11, 27)),
             new ControlEvent(2, four, ControlTier.Entered, 2, null, new DateOnly(2024, 11, 27), new DateOnly(2024, 11, 27))],
            new DateOnly(2024, 11, 26), new DateOnly(2024, 11, 27));

        var areas = TerritoryAreas.Compute(tessellation, timeline, [1]);
        var opposition = areas.Single(a => a.ActorId == 2 && a.Region == TerritoryAreas.Theater);
        Assert.Equal(tessellation.Cells[one].AreaKm2, opposition.HeldKm2, 6);
        Assert.Equal(tessellation.Cells[one].AreaKm2 + tessellation.Cells[four].AreaKm2, opposition.UpperKm2, 6);
        Assert.Equal(tessellation.Cells[one].AreaKm2, opposition.GainKm2, 6);
        Assert.Equal(-tessellation.Cells[one].AreaKm2 - tessellation.Cells[four].AreaKm2, areas.Single(a => a.ActorId == 1 && a.Region == TerritoryAreas.Theater).SinceStartKm2, 6);
        Assert.Contains(areas, a => a.ActorId == 2 && a.Region == "SY0200");
    }
}
