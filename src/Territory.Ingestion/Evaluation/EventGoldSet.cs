using System.Globalization;
using System.Text.Json;
using Territory.Domain.Events;
using Territory.Ingestion.Actors;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Evaluation;

/// <summary>An expected control change of data/gold/events.jsonl.</summary>
public sealed record ExpectedControlChange(string Place, double Lat, double Lon, string Tier, string Gainer, DateOnly DayFrom, DateOnly DayTo);

/// <summary>One gold sentence with its publication day and the control changes an analyst would record.</summary>
public sealed record EventGoldItem(string Id, string Language, DateOnly Published, string Text, IReadOnlyList<ExpectedControlChange> ControlChanges);

/// <summary>
/// Precision, recall and date accuracy of control changes, overall and per language; and the precision of the events that
/// would be accepted without review (confidence at least <paramref name="AutoAcceptConfidence"/>), which is what reaches
/// the map unseen.
/// </summary>
public sealed record EventGoldScore(int Predicted, int Expected, int Matched, int DatesRight, IReadOnlyDictionary<string, (int Predicted, int Expected, int Matched, int DatesRight)> ByLanguage,
    double AutoAcceptConfidence = EventConfidence.DefaultAutoAccept, int PredictedAutoAccepted = 0, int MatchedAutoAccepted = 0)
{
    public double AutoAcceptedPrecision => PredictedAutoAccepted == 0 ? 0 : MatchedAutoAccepted / (double)PredictedAutoAccepted;

    public double Precision => Predicted == 0 ? 0 : Matched / (double)Predicted;

    public double Recall => Expected == 0 ? 0 : Matched / (double)Expected;

    public double DateAccuracy => Matched == 0 ? 0 : DatesRight / (double)Matched;

    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"control changes: precision {Precision:P1}, recall {Recall:P1}, date accuracy {DateAccuracy:P1} ({Matched} matched of {Expected} expected, {Predicted} predicted); ")
        + string.Join("; ", ByLanguage.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Key} P {(p.Value.Predicted == 0 ? 0 : p.Value.Matched / (double)p.Value.Predicted):P0} R {(p.Value.Expected == 0 ? 0 : p.Value.Matched / (double)p.Value.Expected):P0} dates {(p.Value.Matched == 0 ? 0 : p.Value.DatesRight / (double)p.Value.Matched):P0}")))
        + string.Create(CultureInfo.InvariantCulture, $"; auto-accepted (confidence ≥ {AutoAcceptConfidence:0.00}): precision {AutoAcceptedPrecision:P1} of {PredictedAutoAccepted}");
}

/// <summary>
/// Scores event extraction on a gold set (data/gold/events.jsonl; rules in data/gold/events.README.md): an expected
/// control change is matched by a predicted one at a place within 3 km, of the same tier group ({claimed},
/// {entered, contested}, {reached}, {withdrawn}) and with a gainer on the same side.
/// </summary>
public static class EventGoldSet
{
    private const double PlaceToleranceKm = 3;

    /// <summary>Reads a gold file; an item may name a report file (<c>"seed"</c>) under <paramref name="textFolder"/> instead of carrying its text.</summary>
    public static IReadOnlyList<EventGoldItem> Read(string path, string? textFolder = null)
    {
        var items = new List<EventGoldItem>();
        foreach (var line in File.ReadLines(path).Where(l => l.TrimStart().StartsWith('{')))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var changes = root.GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "control_change")
                .Select(e => new ExpectedControlChange(
                    e.GetProperty("place").GetString()!,
                    e.GetProperty("lat").GetDouble(),
                    e.GetProperty("lon").GetDouble(),
                    e.GetProperty("tier").GetString()!,
                    e.GetProperty("gainer").GetString()!,
                    DateOnly.Parse(e.GetProperty("day_from").GetString()!, CultureInfo.InvariantCulture),
                    DateOnly.Parse(e.GetProperty("day_to").GetString()!, CultureInfo.InvariantCulture)))
                .ToList();
            var text = root.TryGetProperty("text", out var inline)
                ? inline.GetString()!
                : File.ReadAllText(Path.Combine(textFolder ?? throw new ArgumentException($"{path} names report files: give the folder they are in."), root.GetProperty("seed").GetString()!));
            items.Add(new EventGoldItem(root.GetProperty("id").GetString()!, root.GetProperty("lang").GetString()!,
                DateOnly.Parse(root.GetProperty("published").GetString()!, CultureInfo.InvariantCulture), text, changes));
        }

        return items;
    }

    public static EventGoldScore Score(ReportAnalyzer analyzer, IReadOnlyList<EventGoldItem> items, ActorCatalog actors, double autoAcceptConfidence = EventConfidence.DefaultAutoAccept)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(actors);
        var byLanguage = new Dictionary<string, (int Predicted, int Expected, int Matched, int DatesRight)>();
        int predicted = 0, expected = 0, matched = 0, datesRight = 0, predictedAuto = 0, matchedAuto = 0;
        foreach (var item in items)
        {
            var found = analyzer.Analyze(item.Text, item.Published, item.Language).Events
                .Where(e => e.Kind == EventKind.ControlChange && e.Place?.Place is not null).ToList();
            var used = new HashSet<int>();
            int itemMatched = 0, itemDates = 0;
            foreach (var want in item.ControlChanges)
            {
                var hit = found.FindIndex(e => !used.Contains(found.IndexOf(e))
                    && PlaceResolver.DistanceKm(e.Place!.Place!.Lon, e.Place.Place.Lat, want.Lon, want.Lat) <= PlaceToleranceKm
                    && TierGroup(e.Tier!.Value.Key()) == TierGroup(want.Tier)
                    && actors.SideOf(e.Gainer.Key) == actors.SideOf(want.Gainer));
                if (hit < 0)
                {
                    continue;
                }

                used.Add(hit);
                itemMatched++;
                matchedAuto += found[hit].Confidence >= autoAcceptConfidence ? 1 : 0;
                if (found[hit].Date.From == want.DayFrom && found[hit].Date.To == want.DayTo)
                {
                    itemDates++;
                }
            }

            predicted += found.Count;
            predictedAuto += found.Count(e => e.Confidence >= autoAcceptConfidence);
            expected += item.ControlChanges.Count;
            matched += itemMatched;
            datesRight += itemDates;
            var current = byLanguage.GetValueOrDefault(item.Language);
            byLanguage[item.Language] = (current.Predicted + found.Count, current.Expected + item.ControlChanges.Count, current.Matched + itemMatched, current.DatesRight + itemDates);
        }

        return new EventGoldScore(predicted, expected, matched, datesRight, byLanguage, autoAcceptConfidence, predictedAuto, matchedAuto);
    }

    private static string TierGroup(string tier) => tier is "entered" or "contested" ? "entered" : tier;
}
