using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The failure classes after set 15 (a "first time since YEAR" aside; reported falls and abandonments; relative clauses
/// that carry a second event; a withdrawal with its incomer in the same sentence or the next; Arabic words that only
/// start like a denial), in sentences of our own on the small test gazetteer with a few places added: each line is the
/// control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests13
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Manbij = TestGazetteer.Place(PlaceKind.City, "Manbij", 37.9533, 36.5281, "SY02", 100_000, GazetteerSources.Ocha, "Menbiç", "منبج");

    private static readonly GazetteerEntry Raqqa = TestGazetteer.Place(PlaceKind.City, "Ar-Raqqa", 39.0167, 35.9500, "SY11", 200_000, GazetteerSources.Ocha, "Raqqa", "Rakka", "الرقة");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6570, 35.3930, "SY05", 20_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry Bab = TestGazetteer.Place(PlaceKind.Neighbourhood, "Bab Qebli", 36.7600, 35.1300, "SY05", null, GazetteerSources.Ocha, "باب قبلي");

    private static readonly GazetteerEntry Hader = TestGazetteer.Place(PlaceKind.Neighbourhood, "Hader", 36.7450, 35.1400, "SY05", null, GazetteerSources.Ocha, "الحاضر");

    private static readonly GazetteerEntry HamaAirport = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7110, 35.1180, "SY05", null, GazetteerSources.Curated, "Hama airbase", "Hama military airport", "aéroport militaire de Hama", "مطار حماة العسكري");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, TestGazetteer.AleppoAirport, TestGazetteer.AleppoCitadel, Homs, Manbij, Raqqa, Morek, Bab, Hader, HamaAirport]));

    [Theory]
    // 1. a "first time since YEAR" aside does not make the sentence history
    [InlineData("en", "2024-12-06", "Insurgents pushed into Hama on Thursday, witnesses said, the first time the opposition has held the city since the army crushed it in 1982.", "entered Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Les rebelles sont entrés dans Homs, une première depuis le début du conflit en 2011.", "entered Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-01", "Les insurgés ont pris l'aéroport d'Alep, pour la première fois depuis 2012.", "claimed Aleppo International Airport/airport opposition 2024-11-27..2024-12-01")]
    [InlineData("ar", "2024-12-06", "اقتحمت الفصائل حيي باب قبلي والحاضر في مدينة حماة، في أول دخول لها إلى المدينة منذ عام 2012.", "entered Bab Qebli opposition 2024-11-27..2024-12-06|entered Hader opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "اقتحمت الفصائل حيي باب قبلي والحاضر في مدينة حماة.", "X")]
    [InlineData("ar", "2024-12-06", "اقتحمت الفصائل حيي باب قبلي والحاضر شرقي مدينة حماة، في أول دخول لها إلى المدينة منذ عام 2012.", "X")]
    [InlineData("tr", "2024-12-06", "Muhalifler 2015'ten bu yana ilk kez Humus'a girdi.", "entered Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The army retook Homs in 2014.", "")]
    [InlineData("fr", "2024-12-06", "Les rebelles étaient entrés dans Homs en 2012.", "")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
