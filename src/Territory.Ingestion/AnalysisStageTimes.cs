using System.Diagnostics;

namespace Territory.Ingestion;

/// <summary>
/// The time <see cref="ReportAnalyzer"/> spends in each stage, summed over the reports it read while this was given to
/// it: what the ingest bench prints to show where the analysis goes. Thread-safe.
/// </summary>
public sealed class AnalysisStageTimes
{
    /// <summary>The stages in pipeline order.</summary>
    public static readonly IReadOnlyList<string> Stages = ["tokens", "actors", "geocode", "dates", "events"];

    private readonly long[] _ticks = new long[Stages.Count];

    /// <summary>The total time spent in <paramref name="stage"/> (one of <see cref="Stages"/>).</summary>
    public TimeSpan this[string stage] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[IndexOf(stage)]));

    /// <summary>Adds the time since <paramref name="mark"/> to stage <paramref name="stage"/> and moves the mark to now.</summary>
    internal void Lap(ref long mark, int stage)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[stage], now - mark);
        mark = now;
    }

    private static int IndexOf(string stage)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i] == stage)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a stage of the analysis");
    }
}
