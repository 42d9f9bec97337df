using System.Globalization;
using Territory.Domain.Events;
using Territory.Domain.Places;

namespace Territory.Ingestion.Tests.Events;

/// <summary>The control changes an analyzer reads in a sentence, as the event tables write them.</summary>
internal static class ControlChangeLines
{
    /// <summary>
    /// « tier place side from..to » per control change, joined by « | »; the side is the gainer's (HTS by name). With
    /// <paramref name="showKind"/>, a place that is not a settlement, a neighbourhood or an airbase shows its kind
    /// (« Aleppo/governorate »), so an event landing on a province shows up as such.
    /// </summary>
    public static string Of(ReportAnalyzer analyzer, string language, string published, string text, bool showKind = true)
    {
        var day = DateOnly.Parse(published, CultureInfo.InvariantCulture);
        var found = analyzer.Analyze(text, day, language).Events
            .Where(e => e.Kind == EventKind.ControlChange)
            .Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.Tier!.Value.Key()} {(showKind ? Name(e.Place?.Place) : e.Place?.Place?.Name)} {(e.Gainer.Key == "hts" ? "hts" : e.Gainer.Side)} {e.Date.From:yyyy-MM-dd}..{e.Date.To:yyyy-MM-dd}"));
        return string.Join('|', found);
    }

    private static string? Name(GazetteerEntry? place) =>
        place?.Kind is null or PlaceKind.City or PlaceKind.Town or PlaceKind.Village or PlaceKind.Neighbourhood or PlaceKind.Airbase
            ? place?.Name
            : $"{place.Name}/{place.Kind.ToString().ToLowerInvariant()}";
}
