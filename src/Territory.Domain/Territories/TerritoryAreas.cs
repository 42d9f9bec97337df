using Territory.Domain.Control;

namespace Territory.Domain.Territories;

/// <summary>
/// Area of one actor in one region on one day, in km² on the WGS84 ellipsoid (sums of cell areas; cells are disjoint).
/// <see cref="HeldKm2"/> is the lower bound (cells the actor holds), <see cref="UpperKm2"/> adds the contested cells
/// where it is a party (contested, entered, reached, or taken within a date range not yet ended).
/// </summary>
public sealed record ActorArea(DateOnly Day, long ActorId, string Region, double HeldKm2, double ContestedKm2, double GainKm2, double LossKm2, double SinceStartKm2)
{
    /// <summary>Held plus contested-as-a-party.</summary>
    public double UpperKm2 => HeldKm2 + ContestedKm2;
}

/// <summary>Tallies <see cref="ActorArea"/> per day, actor and region (the whole theater, each governorate and district).</summary>
public static class TerritoryAreas
{
    /// <summary>Region key of the whole theater.</summary>
    public const string Theater = "";

    /// <summary>The areas of <paramref name="days"/> (indexes from the timeline's start).</summary>
    public static IReadOnlyList<ActorArea> Compute(CellTessellation tessellation, ControlTimeline timeline, IEnumerable<int> days)
    {
        ArgumentNullException.ThrowIfNull(tessellation);
        ArgumentNullException.ThrowIfNull(timeline);
        var areas = new List<ActorArea>();
        var start = timeline.On(timeline.Start);
        foreach (var day in days)
        {
            var today = timeline.On(timeline.DayAt(day));
            var yesterday = day > 0 ? timeline.On(timeline.DayAt(day - 1)) : today;
            var tally = new Dictionary<(long Actor, string Region), double[]>();
            for (var c = 0; c < today.Count; c++)
            {
                var cell = tessellation.Cells[c];
                var now = today[c];
                var before = yesterday[c];
                var first = start[c];
                foreach (var region in Regions(cell))
                {
                    foreach (var party in now.Parties)
                    {
                        Row(tally, party, region)[now.Status == ControlStatus.Held ? 0 : 1] += cell.AreaKm2;
                    }

                    if (HolderOf(now) != HolderOf(before))
                    {
                        if (HolderOf(now) is { } gainer)
                        {
                            Row(tally, gainer, region)[2] += cell.AreaKm2;
                        }

                        if (HolderOf(before) is { } loser)
                        {
                            Row(tally, loser, region)[3] += cell.AreaKm2;
                        }
                    }

                    if (HolderOf(now) != HolderOf(first))
                    {
                        if (HolderOf(now) is { } gainer)
                        {
                            Row(tally, gainer, region)[4] += cell.AreaKm2;
                        }

                        if (HolderOf(first) is { } loser)
                        {
                            Row(tally, loser, region)[4] -= cell.AreaKm2;
                        }
                    }
                }
            }

            var date = timeline.DayAt(day);
            areas.AddRange(tally.OrderBy(t => t.Key.Region, StringComparer.Ordinal).ThenBy(t => t.Key.Actor)
                .Select(t => new ActorArea(date, t.Key.Actor, t.Key.Region, t.Value[0], t.Value[1], t.Value[2], t.Value[3], t.Value[4])));
        }

        return areas;
    }

    private static long? HolderOf(PlaceControl state) => state.Status == ControlStatus.Held ? state.ActorId : null;

    private static double[] Row(Dictionary<(long, string), double[]> tally, long actor, string region)
    {
        if (!tally.TryGetValue((actor, region), out var row))
        {
            tally[(actor, region)] = row = new double[5];
        }

        return row;
    }

    private static IEnumerable<string> Regions(TerritoryCell cell)
    {
        yield return Theater;
        if (cell.Admin1Code is { } admin1)
        {
            yield return admin1;
        }

        if (cell.Admin2Code is { } admin2)
        {
            yield return admin2;
        }
    }
}
