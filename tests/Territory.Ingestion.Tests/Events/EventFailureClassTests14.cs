using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Failure classes, part B (later items of a list past a descriptor; a second verb sharing the first one's subject; roads
/// cut at a place; questions; cities that only locate; fighting that goes on at a place, in Turkish), in
/// sentences of our own on the small test gazetteer with a few places added: each line is the control changes expected
/// as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests14
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Damascus = TestGazetteer.Place(PlaceKind.City, "Damascus", 36.2913, 33.5130, "SY01", 1_800_000, GazetteerSources.Ocha, "Damas", "Şam", "دمشق");

    private static readonly GazetteerEntry Jaramana = TestGazetteer.Place(PlaceKind.Town, "Jaramana", 36.3460, 33.4860, "SY03", 300_000, GazetteerSources.Ocha, "جرمانا");

    private static readonly GazetteerEntry Kisweh = TestGazetteer.Place(PlaceKind.Town, "Kisweh", 36.2340, 33.3590, "SY03", 40_000, GazetteerSources.Ocha, "Al-Kiswah", "الكسوة");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6570, 35.3930, "SY05", 20_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry Sarmada = TestGazetteer.Place(PlaceKind.Town, "Sarmada", 36.7200, 36.1800, "SY07", 30_000, GazetteerSources.Ocha, "سرمدا");

    private static readonly GazetteerEntry Anadan = TestGazetteer.Place(PlaceKind.Town, "Anadan", 37.0480, 36.2930, "SY02", 12_000, GazetteerSources.Ocha, "عندان");

    private static readonly GazetteerEntry TalJijan = TestGazetteer.Place(PlaceKind.Village, "Tal Jijan", 37.1700, 36.4400, "SY02", 2_000, GazetteerSources.Ocha, "تل جيجان");

    private static readonly GazetteerEntry Taftanaz = TestGazetteer.Place(PlaceKind.Airbase, "Taftanaz Military Airbase", 36.7830, 35.9720, "SY07", null, GazetteerSources.Curated, "Taftanaz airbase", "Taftanaz air base", "aéroport militaire de Taftanaz", "مطار تفتناز العسكري");

    private static readonly GazetteerEntry Kweires = TestGazetteer.Place(PlaceKind.Airbase, "Kweires Military Airbase", 37.5830, 36.1870, "SY02", null, GazetteerSources.Curated, "Kweires airbase", "Kuweires airbase", "base de Kweires", "aéroport militaire de Kuweires", "مطار كويرس العسكري");

    private static readonly GazetteerEntry Hill = TestGazetteer.Place(PlaceKind.Landmark, "Jabal Zayn al-Abidin", 36.8050, 35.1850, "SY05", null, GazetteerSources.Curated, "Zain al-Abidin hill", "mont Zein al-Abidine", "Zeynelabidin Dağı", "جبل زين العابدين");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, Homs, Damascus, Jaramana, Kisweh, Morek, Sarmada, Anadan, TalJijan, Taftanaz, Kweires, Hill]));

    [Theory]
    // 1. later items of a list past a descriptor of an earlier one
    [InlineData("en", "2024-12-06", "The rebels said they had overrun the town of Sarmada, a trading hub near the border, and the nearby Taftanaz airbase.", "claimed Sarmada opposition 2024-11-27..2024-12-06|claimed Taftanaz Military Airbase opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Insurgents captured Dana and Sarmada near the Turkish border, as well as the Kweires airbase further east.", "claimed Dana opposition 2024-11-27..2024-12-06|claimed Sarmada opposition 2024-11-27..2024-12-06|claimed Kweires Military Airbase opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles se sont emparés de Darat Izza, à la lisière nord de la province d'Alep, ainsi que de la ville voisine d'Anadan.", "claimed Daret Azza opposition 2024-11-27..2024-12-06|claimed Anadan opposition 2024-11-27..2024-12-06")]

    // 2. a second verb's subject is the first verb's subject, not the side the first verb took a place from
    [InlineData("en", "2024-12-06", "SNA factions took Mare from the SDF on Monday and then captured the nearby village of Tal Jijan.", "claimed Mare' opposition 2024-12-02..2024-12-02|claimed Tal Jijan opposition 2024-12-02..2024-12-02")]
    [InlineData("fr", "2024-12-06", "Les factions pro-turques ont pris Tall Refaat aux FDS avant de s'emparer du village de Tal Jijan.", "claimed Tall Refaat opposition 2024-11-27..2024-12-06|claimed Tal Jijan opposition 2024-11-27..2024-12-06")]

    // 3. a road cut at a place: the place is reached
    [InlineData("en", "2024-12-06", "Rebels tightened their grip a day after cutting the M5 highway near Saraqib.", "reached Saraqab opposition 2024-12-05..2024-12-05")]
    [InlineData("ar", "2024-12-06", "قطعت الفصائل الطريق الدولي M5 عند مدينة سراقب.", "reached Saraqab opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont coupé l'autoroute M5 à hauteur de Morek.", "reached Morek opposition 2024-11-27..2024-12-06")]

    // 4. questions tell no change of control
    [InlineData("fr", "2024-12-06", "Les insurgés parviendront-ils à entrer dans Hama sans combats ?", "")]
    [InlineData("fr", "2024-12-06", "Les rebelles prendront-ils Homs, troisième ville du pays, avant le week-end ?", "")]
    [InlineData("en", "2024-12-06", "Will the rebels be able to take Homs without a battle?", "")]
    [InlineData("ar", "2024-12-06", "هل تدخل الفصائل مدينة حمص؟", "")]

    // 5. a city that only locates is no target
    [InlineData("ar", "2024-12-06", "سيطرت الفصائل على جبل زين العابدين المطل على مدينة حماة.", "claimed Jabal Zayn al-Abidin/landmark opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris le mont Zein al-Abidine, surplombant Hama.", "claimed Jabal Zayn al-Abidin/landmark opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-08", "Rebels seized Kisweh and the Damascus suburb of Jaramana.", "claimed Kisweh opposition 2024-11-27..2024-12-08|claimed Jaramana opposition 2024-11-27..2024-12-08")]
    [InlineData("fr", "2024-12-08", "Les rebelles ont pris la banlieue de Damas de Jaramana.", "claimed Jaramana opposition 2024-11-27..2024-12-08")]
    [InlineData("en", "2024-12-01", "Idlib-based insurgents have captured 250 villages and towns.", "")]
    [InlineData("tr", "2024-12-01", "İdlib merkezli gruplar 250 köyü ele geçirdi.", "")]

    // 6. Turkish: fighting that goes on at a place
    [InlineData("tr", "2024-12-06", "Muhaliflerle rejim güçleri arasındaki çatışmalar Zeynelabidin Dağı'nda sürüyor.", "contested Jabal Zayn al-Abidin/landmark opposition 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
