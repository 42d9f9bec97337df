using Territory.Domain.Events;

namespace Territory.Domain.Control;

/// <summary>
/// Who controls each cell on each day from the starting lines and the accepted control changes. The rules:
/// <list type="bullet">
/// <item>a capture (claimed, a retake, or a withdrawal towards a named gainer) holds until a later event changes it;</item>
/// <item>entered, reached or contested make a cell contested, unless the gainer's side already holds it;</item>
/// <item>a withdrawal without a named gainer takes the cell from the loser: contested between the others;</item>
/// <item>changes of the same day that disagree (different sides holding it) make it contested, keeping every source;</item>
/// <item>a change dated to a range (« by Saturday ») is certain from the range's last day; before that, within the range,
/// the cell shows as contested (<see cref="PlaceControl.UndatedTier"/>), which the upper bounds count.</item>
/// <item>an event on a city applies to the cells of its neighbourhoods (<see cref="ControlEvent.FromCity"/>), unless an
/// event naming the neighbourhood itself falls within the city event's days: the more specific report wins.</item>
/// </list>
/// Unchanged cells share one <see cref="PlaceControl"/> instance from day to day, so comparing days is cheap.
/// </summary>
public sealed class ControlTimeline
{
    private readonly PlaceControl[][] _shown;
    private readonly PlaceControl[][] _settled;
    private readonly Dictionary<long, string> _sides;

    private readonly long[] _initialHolders;

    private ControlTimeline(DateOnly start, DateOnly end, long[] initialHolders, Dictionary<long, string> sides)
    {
        _initialHolders = initialHolders;
        var cells = initialHolders.Length;
        Start = start;
        End = end;
        var days = end.DayNumber - start.DayNumber + 1;
        _shown = new PlaceControl[days][];
        _settled = new PlaceControl[days][];
        for (var i = 0; i < days; i++)
        {
            _shown[i] = new PlaceControl[cells];
            _settled[i] = new PlaceControl[cells];
        }

        _sides = sides;
    }

    /// <summary>The first day: the starting lines, with that day's changes applied.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day computed.</summary>
    public DateOnly End { get; }

    /// <summary>Number of days from <see cref="Start"/> to <see cref="End"/>.</summary>
    public int DayCount => _shown.Length;

    /// <summary>The control of every cell on <paramref name="day"/>, indexed by cell.</summary>
    public IReadOnlyList<PlaceControl> On(DateOnly day) => _shown[IndexOf(day)];

    /// <summary>The day at an index from <see cref="Start"/>.</summary>
    public DateOnly DayAt(int index) => Start.AddDays(index);

    /// <summary>
    /// Computes every day from <paramref name="start"/> to <paramref name="end"/>. <paramref name="initialHolders"/> gives
    /// each cell's actor on the starting lines; <paramref name="actors"/> every actor that can appear, with its side.
    /// </summary>
    public static ControlTimeline Compute(IReadOnlyList<long> initialHolders, IEnumerable<ControlActor> actors, IEnumerable<ControlEvent> events, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(initialHolders);
        ArgumentNullException.ThrowIfNull(actors);
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"The last day {end:yyyy-MM-dd} is before the first {start:yyyy-MM-dd}.");
        }

        var timeline = new ControlTimeline(start, end, [.. initialHolders], actors.ToDictionary(a => a.Id, a => a.Side));
        var initial = new PlaceControl[initialHolders.Count];
        var shared = new Dictionary<long, PlaceControl>();
        for (var cell = 0; cell < initial.Length; cell++)
        {
            var holder = initialHolders[cell];
            if (!shared.TryGetValue(holder, out var state))
            {
                shared[holder] = state = PlaceControl.Initial(holder, start);
            }

            initial[cell] = state;
        }

        timeline.Run(initial, ByCell(events, initial.Length), 0);
        return timeline;
    }

    /// <summary>
    /// The same timeline with <paramref name="events"/> (all of them, as they now are) re-applied from
    /// <paramref name="from"/> on; days before it are kept as they were. <paramref name="end"/> may move.
    /// </summary>
    public ControlTimeline Recompute(IEnumerable<ControlEvent> events, DateOnly from, DateOnly end)
    {
        if (from <= Start)
        {
            return Compute(_initialHolders, _sides.Select(s => new ControlActor(s.Key, string.Empty, s.Value)), events, Start, end < Start ? Start : end);
        }

        var next = new ControlTimeline(Start, end < Start ? Start : end, _initialHolders, _sides);
        var keep = Math.Min(from.DayNumber - Start.DayNumber, Math.Min(DayCount, next.DayCount));
        for (var i = 0; i < keep; i++)
        {
            next._shown[i] = _shown[i];
            next._settled[i] = _settled[i];
        }

        if (keep < next.DayCount)
        {
            next.Run(_settled[keep - 1], ByCell(events, _settled[0].Length), keep);
        }

        return next;
    }

    private int IndexOf(DateOnly day)
    {
        var index = day.DayNumber - Start.DayNumber;
        if (index < 0 || index >= _shown.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"{day:yyyy-MM-dd} is outside the timeline ({Start:yyyy-MM-dd} to {End:yyyy-MM-dd}).");
        }

        return index;
    }

    private static List<ControlEvent>?[] ByCell(IEnumerable<ControlEvent> events, int cells)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byCell = new List<ControlEvent>?[cells];
        foreach (var e in events)
        {
            if (e.Cell < 0 || e.Cell >= cells)
            {
                throw new ArgumentOutOfRangeException(nameof(events), $"Event {e.Id} names cell {e.Cell}, outside 0..{cells - 1}.");
            }

            (byCell[e.Cell] ??= []).Add(e);
        }

        foreach (var list in byCell)
        {
            list?.RemoveAll(e => e.FromCity && list.Any(own => !own.FromCity && own.DayTo >= e.DayFrom && own.DayTo <= e.DayTo));
        }

        return byCell;
    }

    // Runs days firstDay..end for every cell, starting from the settled states of the day before (or the initial ones).
    private void Run(PlaceControl[] before, List<ControlEvent>?[] byCell, int firstDay)
    {
        for (var cell = 0; cell < before.Length; cell++)
        {
            var settled = before[cell];
            var events = byCell[cell];
            for (var day = firstDay; day < _shown.Length; day++)
            {
                var date = DayAt(day);
                var shown = settled;
                if (events is not null)
                {
                    settled = Settle(settled, events.Where(e => e.DayTo == date).ToList(), date);
                    shown = Pending(settled, events.Where(e => e.DayFrom <= date && date < e.DayTo).ToList(), date);
                }

                // Keep yesterday's instance when nothing changed, so unchanged cells compare by reference.
                if (day > 0 && _settled[day - 1][cell] is { } previousSettled && previousSettled.SameAs(settled))
                {
                    settled = previousSettled;
                }

                if (day > 0 && _shown[day - 1][cell] is { } previousShown && previousShown.SameAs(shown))
                {
                    shown = previousShown;
                }

                _settled[day][cell] = settled;
                _shown[day][cell] = shown;
            }
        }
    }

    private string SideOf(long? actor) => actor is { } id && _sides.TryGetValue(id, out var side) ? side : "unknown";

    private bool Known(long? actor) => actor.HasValue && SideOf(actor) != "unknown";

    private PlaceControl Settle(PlaceControl state, List<ControlEvent> today, DateOnly date)
    {
        if (today.Count == 0)
        {
            return state;
        }

        var holders = new List<(long Actor, ControlEvent Event)>();
        var contests = new List<ControlEvent>();
        var withdrawals = new List<ControlEvent>();
        foreach (var e in today)
        {
            switch (e.Tier)
            {
                case ControlTier.Claimed when Known(e.GainerId):
                case ControlTier.Withdrawn when Known(e.GainerId):
                    holders.Add((e.GainerId!.Value, e));
                    break;
                case ControlTier.Withdrawn:
                    withdrawals.Add(e);
                    break;
                default:
                    // An advance by the side that already holds the place changes nothing.
                    if (!(state.Status == ControlStatus.Held && Known(e.GainerId) && SideOf(e.GainerId) == SideOf(state.ActorId)))
                    {
                        contests.Add(e);
                    }

                    break;
            }
        }

        var heldSides = holders.Select(h => SideOf(h.Actor)).Distinct().ToList();
        var disagreeing = heldSides.Count > 1
            || (heldSides.Count == 1 && contests.Any(c => !Known(c.GainerId) || SideOf(c.GainerId) != heldSides[0]));
        if (heldSides.Count == 1 && !disagreeing)
        {
            // The actor most events name (ties: the first reported) takes it; a claim by the holder adds its sources.
            var actor = holders.GroupBy(h => h.Actor).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(h => h.Event.Id)).First().Key;
            var events = holders.Select(h => h.Event.Id).Concat(contests.Select(c => c.Id));
            if (state.Status == ControlStatus.Held && state.ActorId == actor)
            {
                events = events.Concat(state.EventIds);
            }

            var tier = holders.Any(h => h.Event.Retake) ? "retaken" : holders.Any(h => h.Event.Tier == ControlTier.Claimed) ? "claimed" : "withdrawn";
            return new PlaceControl(actor, ControlStatus.Held, tier, [actor], Ids(events), date);
        }

        if (holders.Count == 0 && contests.Count == 0 && withdrawals.Count == 0)
        {
            return state;
        }

        // Contested: by fighting, by a withdrawal nobody is named as filling, or by sources that disagree.
        var losers = withdrawals.Where(w => w.LoserId.HasValue).Select(w => w.LoserId!.Value).ToHashSet();
        if (withdrawals.Any(w => !w.LoserId.HasValue) && state.ActorId is { } holder)
        {
            losers.Add(holder);
        }

        var parties = state.Parties.Where(p => !losers.Contains(p))
            .Concat(holders.Select(h => h.Actor))
            .Concat(contests.Where(c => Known(c.GainerId)).Select(c => c.GainerId!.Value));
        var reason = disagreeing ? "disputed" : contests.Count > 0 ? contests.Min(c => c.Tier).Key() : "withdrawn";
        return new PlaceControl(null, ControlStatus.Contested, reason, Ids(parties), Ids(today.Select(e => e.Id).Concat(state.Status == ControlStatus.Contested ? state.EventIds : [])), date);
    }

    private PlaceControl Pending(PlaceControl settled, List<ControlEvent> open, DateOnly date)
    {
        var challengers = open.Where(e => Known(e.GainerId) && (settled.Status != ControlStatus.Held || SideOf(e.GainerId) != SideOf(settled.ActorId))).ToList();
        if (challengers.Count == 0 || settled.Status == ControlStatus.Contested)
        {
            return settled;
        }

        return new PlaceControl(null, ControlStatus.Contested, PlaceControl.UndatedTier,
            Ids(settled.Parties.Concat(challengers.Select(c => c.GainerId!.Value))),
            Ids(settled.EventIds.Concat(challengers.Select(c => c.Id))), date);
    }

    private static long[] Ids(IEnumerable<long> ids)
    {
        var array = ids.Distinct().ToArray();
        Array.Sort(array);
        return array;
    }
}
