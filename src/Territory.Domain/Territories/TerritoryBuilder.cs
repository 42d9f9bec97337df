using NetTopologySuite.Geometries;
using Territory.Domain.Control;

namespace Territory.Domain.Territories;

/// <summary>
/// One actor's ground on one day (or, with a null actor, the contested ground): the dissolved exact geometry (for area),
/// the dissolved display geometry (a coverage with the other territories of the day), its area, its cells, and the events
/// that put those cells in this state.
/// </summary>
public sealed record DayTerritory(DateOnly Day, long? ActorId, ControlStatus Status, MultiPolygon Exact, MultiPolygon Display, double AreaKm2, int[] Cells, long[] EventIds);

/// <summary>Dissolves a day's cells by controller, contested cells apart.</summary>
public sealed class TerritoryBuilder(CellTessellation tessellation)
{
    private readonly TerritoryDissolver _dissolver = new(tessellation);

    /// <summary>The cells this builder reads.</summary>
    public CellTessellation Tessellation => tessellation;

    /// <summary>The territories of <paramref name="day"/> from the control of each cell that day (indexed by cell).</summary>
    public IReadOnlyList<DayTerritory> Build(IReadOnlyList<PlaceControl> states, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(states);
        var groups = new Dictionary<(long? Actor, ControlStatus Status), List<int>>();
        for (var cell = 0; cell < states.Count; cell++)
        {
            var state = states[cell];
            var key = state.Status == ControlStatus.Held ? (state.ActorId, ControlStatus.Held) : ((long?)null, ControlStatus.Contested);
            if (!groups.TryGetValue(key, out var cells))
            {
                groups[key] = cells = [];
            }

            cells.Add(cell);
        }

        var territories = new List<DayTerritory>(groups.Count);
        foreach (var ((actor, status), cells) in groups.OrderBy(g => g.Key.Status).ThenBy(g => g.Key.Actor))
        {
            var exact = _dissolver.Dissolve(cells, display: false);
            var display = _dissolver.Dissolve(cells, display: true);
            var area = cells.Sum(c => tessellation.Cells[c].AreaKm2);
            var events = cells.SelectMany(c => states[c].EventIds).Distinct().Order().ToArray();
            territories.Add(new DayTerritory(day, actor, status, exact, display, area, [.. cells], events));
        }

        return territories;
    }
}
