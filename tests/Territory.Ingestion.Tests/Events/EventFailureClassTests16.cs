using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Failure classes, part C (an incomer into places another side abandoned; a government that collapses gains nothing;
/// tier words; movement without arrival; non-combatants; Arabic nominal entries after an announcement; leftovers), in
/// sentences of our own on the small test gazetteer with a few places added: each line is the control changes expected
/// as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests16
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Damascus = TestGazetteer.Place(PlaceKind.City, "Damascus", 36.2913, 33.5130, "SY01", 1_800_000, GazetteerSources.Ocha, "Damas", "Şam", "دمشق");

    private static readonly GazetteerEntry Raqqa = TestGazetteer.Place(PlaceKind.City, "Ar-Raqqa", 39.0090, 35.9500, "SY11", 300_000, GazetteerSources.Ocha, "Raqqa", "Rakka", "الرقة");

    private static readonly GazetteerEntry Nubl = TestGazetteer.Place(PlaceKind.Town, "Nubul", 37.0100, 36.3750, "SY02", 30_000, GazetteerSources.Ocha, "Nubl", "Noubl", "نبل");

    private static readonly GazetteerEntry Zahraa = TestGazetteer.Place(PlaceKind.Town, "Zahraa", 37.0330, 36.3770, "SY02", 20_000, GazetteerSources.Ocha, "al-Zahraa", "Zahra", "الزهراء");

    private static readonly GazetteerEntry Foua = TestGazetteer.Place(PlaceKind.Town, "Foah", 36.7060, 35.9630, "SY07", 10_000, GazetteerSources.Ocha, "Foua", "Fuah", "الفوعة");

    private static readonly GazetteerEntry Kafraya = TestGazetteer.Place(PlaceKind.Town, "Kafraya", 36.6920, 35.9550, "SY07", 8_000, GazetteerSources.Ocha, "Kefraya", "Kefraia", "كفريا");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6570, 35.3930, "SY05", 20_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry Souran = TestGazetteer.Place(PlaceKind.Town, "Souran", 36.7460, 35.2880, "SY05", 15_000, GazetteerSources.Ocha, "Suran", "صوران");

    private static readonly GazetteerEntry Taybat = TestGazetteer.Place(PlaceKind.Town, "Taybet El Imam", 36.7200, 35.2660, "SY05", 12_000, GazetteerSources.Ocha, "Taybat al-Imam", "Tayyibat al-Imam", "طيبة الإمام");

    private static readonly GazetteerEntry KhanShaykhun = TestGazetteer.Place(PlaceKind.Town, "Khan Shaykhun", 36.6380, 35.4420, "SY07", 50_000, GazetteerSources.Ocha, "Khan Cheikhoun", "Han Şeyhun", "خان شيخون");

    private static readonly GazetteerEntry Manbij = TestGazetteer.Place(PlaceKind.City, "Manbij", 37.9500, 36.5280, "SY02", 100_000, GazetteerSources.Ocha, "Menbij", "Münbiç", "منبج");

    private static readonly GazetteerEntry Azaz = TestGazetteer.Place(PlaceKind.Town, "A'zaz", 37.0450, 36.5860, "SY02", 60_000, GazetteerSources.Ocha, "Azaz", "Azez", "اعزاز");

    private static readonly GazetteerEntry HamaAirport = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7110, 35.1180, "SY05", null, GazetteerSources.Curated, "Hama airbase", "Hama military airport", "aéroport militaire de Hama", "مطار حماة العسكري");

    private static readonly GazetteerEntry Kweires = TestGazetteer.Place(PlaceKind.Airbase, "Kweires Military Airbase", 37.5830, 36.1870, "SY02", null, GazetteerSources.Curated, "Kweires airbase", "Kuweires airbase", "base de Kweires", "aéroport militaire de Kuweires", "مطار كويرس العسكري");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, Homs, Damascus, Raqqa, Nubl, Zahraa, Foua, Kafraya, Morek, Souran, Taybat, KhanShaykhun, Manbij, Azaz, HamaAirport, Kweires]));

    [Theory]
    [InlineData("en", "2024-12-06", "Rebels took Morek.", "claimed Morek opposition 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
