using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The rules of the two rounds before, on more shapes (an incomer after a withdrawal with two leavers, a city word, a list
/// with an apposition, a relative after a list, two clauses; a side that only draws near; "abandoned it"; fighting in a
/// where-clause; displacement; a leading backing participle; a relative between a road and its place; « après X, »; a locator
/// city after neighbourhoods; attacks on someone's positions; Turkish forms; a passive after an apposition), in sentences of
/// our own on the small test gazetteer with a few places added: each line is the control changes expected as
/// « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests9
{
    private static readonly GazetteerEntry DeirEzZor = TestGazetteer.Place(PlaceKind.City, "Deir ez-Zor", 40.1408, 35.3359, "SY09", 300_000, GazetteerSources.Ocha, "Deir Ezzor", "Deyrizor", "دير الزور");

    private static readonly GazetteerEntry Mayadin = TestGazetteer.Place(PlaceKind.Town, "Al-Mayadin", 40.4517, 35.0194, "SY09", 45_000, GazetteerSources.Ocha, "Mayadin", "Meyadin", "الميادين");

    private static readonly GazetteerEntry Busayrah = TestGazetteer.Place(PlaceKind.Town, "Busayrah", 40.4300, 35.1500, "SY09", 25_000, GazetteerSources.Ocha, "Busaira", "Basira", "البصيرة");

    private static readonly GazetteerEntry Kuweires = TestGazetteer.Place(PlaceKind.Airbase, "Kuweires Military Airbase", 37.5830, 36.1870, "SY02", null, GazetteerSources.Curated, "Kuweires", "Kuveyris", "كويرس");

    private static readonly GazetteerEntry Maskanah = TestGazetteer.Place(PlaceKind.Town, "Maskanah", 38.0833, 35.9833, "SY02", 25_000, GazetteerSources.Ocha, "Maskana", "Meskene", "مسكنة");

    private static readonly GazetteerEntry Khafsa = TestGazetteer.Place(PlaceKind.Town, "Khafsa", 38.0333, 36.1667, "SY02", 20_000, GazetteerSources.Ocha, "Hafsa", "الخفسة");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6767, 35.3675, "SY05", 15_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry KafrZita = TestGazetteer.Place(PlaceKind.Town, "Kafr Zita", 36.6000, 35.3750, "SY05", 20_000, GazetteerSources.Ocha, "Kafr Zeita", "Kefr Zita", "كفرزيتا");

    private static readonly GazetteerEntry Halfaya = TestGazetteer.Place(PlaceKind.Town, "Halfaya", 36.6050, 35.2600, "SY05", 20_000, GazetteerSources.Ocha, "Halfaye", "حلفايا");

    private static readonly GazetteerEntry TaybatImam = TestGazetteer.Place(PlaceKind.Town, "Taybat al-Imam", 36.7100, 35.2650, "SY05", 20_000, GazetteerSources.Ocha, "Tayyibat al-Imam", "طيبة الإمام");

    private static readonly GazetteerEntry Talbiseh = TestGazetteer.Place(PlaceKind.Town, "Talbiseh", 36.7300, 34.8400, "SY04", 60_000, GazetteerSources.Ocha, "Telbise", "تلبيسة");

    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Midan = TestGazetteer.Place(PlaceKind.Neighbourhood, "Al-Midan", 37.1480, 36.2160, "SY02", null, GazetteerSources.Ocha, "Midan", "الميدان");

    private static readonly GazetteerEntry Sulaymaniyah = TestGazetteer.Place(PlaceKind.Neighbourhood, "Sulaymaniyah", 37.1560, 36.2130, "SY02", null, GazetteerSources.Ocha, "Sulaimaniyeh", "السليمانية");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([.. TestGazetteer.All, DeirEzZor, Mayadin, Busayrah, Kuweires, Maskanah, Khafsa, Morek, KafrZita, Halfaya, TaybatImam, Talbiseh, Homs, Midan, Sulaymaniyah]));

    [Theory]
    // 1. an incomer after a withdrawal: two leavers, a city word and a day, a list with an apposition, « عقب », two clauses,
    // a « kent merkezi » before the verb, a relative after a list of two
    [InlineData("en", "2024-12-06", "SDF fighters moved into Deir ez-Zor city on Tuesday after government troops and Iranian-backed militias pulled out, a monitor said.", "withdrawn Deir ez-Zor sdf 2024-12-03..2024-12-03")]
    [InlineData("en", "2024-12-06", "Kurdish-led forces moved into Mayadin and Busayrah, two towns east of Deir ez-Zor, after pro-government militias left.", "withdrawn Al-Mayadin sdf 2024-11-27..2024-12-06|withdrawn Busayrah sdf 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "دخلت فصائل الجيش الوطني إلى مطار كويرس العسكري، عقب انسحاب قوات النظام منه.", "withdrawn Kuweires Military Airbase opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "دخلت قوات سوريا الديمقراطية مدينة الميادين إثر انسحاب قوات النظام.", "withdrawn Al-Mayadin sdf 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Humus kent merkezine girdi, rejim güçleri şehirden çekildi.", "withdrawn Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "SDG, rejim güçlerinin çekildiği Deyrizor kent merkezine girdi.", "withdrawn Deir ez-Zor sdf 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçlerinin Meyadin kent merkezinden çekildiği, boşalan mevzilere ise SDG'nin yerleştiği bildirildi.", "withdrawn Al-Mayadin sdf 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'armée a abandonné Morek et Kafr Zita, au nord de Hama, que les rebelles ont investies peu après.", "withdrawn Morek opposition 2024-11-27..2024-12-06|withdrawn Kafr Zita opposition 2024-11-27..2024-12-06")]

    // 2. a side named in another clause that does not move in: the gainer stays unknown; closing in on an edge is no arrival
    [InlineData("en", "2024-12-06", "Government troops pulled out of Morek and Taybat al-Imam on Wednesday as insurgents closed in on the town's northern edge.", "withdrawn Morek unknown 2024-12-04..2024-12-04|withdrawn Taybat al-Imam unknown 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-12-06", "Troops pulled out of Halfaya on Thursday as rebels closed in.", "reached Halfaya opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Soldiers have abandoned Talbiseh, the ministry said late on Thursday, as rebels moved to within a few kilometres of Homs.", "withdrawn Talbiseh unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'armée a évacué Halfaya jeudi tandis que les rebelles progressaient vers Hama.", "withdrawn Halfaya unknown 2024-12-05..2024-12-05")]

    // 3. "abandoned it" is the main clause's object, not a locator city
    [InlineData("en", "2024-12-06", "The SNA took Khafsa, a farming town east of Aleppo, on Sunday after government forces abandoned it.", "claimed Khafsa opposition 2024-12-01..2024-12-01")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris Maskana, une bourgade à l'est d'Alep, après que l'armée l'a abandonnée.", "claimed Maskanah opposition 2024-11-27..2024-12-06")]

    // 4. fighting in a where-clause with the defenders as subject; the attacker marked
    [InlineData("en", "2024-12-06", "Government forces are fighting to hold Kafr Zita, a town north of Hama, where clashes with HTS fighters have raged since Tuesday.", "contested Kafr Zita hts 2024-12-03..2024-12-06")]
    [InlineData("en", "2024-12-06", "Kurdish forces began evacuating civilians from Maskana, where fighting with the Turkish-backed SNA raged overnight.", "contested Maskanah opposition 2024-12-05..2024-12-06")]
    [InlineData("ar", "2024-12-06", "اشتباكات عنيفة داخل بلدة مورك بين قوات النظام والفصائل المهاجمة.", "contested Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhaliflerle rejim güçleri arasındaki çatışmalar Morek'te sürüyor.", "contested Morek opposition 2024-11-27..2024-12-06")]

    // 5. displacement and humanitarian uses of fighting; no bare fighting in a province
    [InlineData("en", "2024-12-06", "The number of people displaced by the fighting in Idlib and northern Hama has reached 40,000.", "")]
    [InlineData("fr", "2024-12-06", "Des milliers de civils fuient les combats dans la province de Hama.", "")]

    // 6. a leading backing participle does not block the main clause
    [InlineData("fr", "2024-12-06", "Appuyées par des renforts venus de Homs, les troupes gouvernementales ont repris jeudi Halfaya et Taybat al-Imam.", "claimed Halfaya government 2024-12-05..2024-12-05|claimed Taybat al-Imam government 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Backed by Russian air strikes, government forces recaptured Morek on Thursday.", "claimed Morek government 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Épaulées par l'aviation russe, les forces du régime ont reconquis mercredi Morek.", "claimed Morek government 2024-12-04..2024-12-04")]

    // 7. a relative clause between a road and its place
    [InlineData("fr", "2024-12-06", "Les insurgés se sont emparés de Khafsa avant de couper l'autoroute M4, qui relie Alep à Lattaquié, à hauteur de Maskana.", "claimed Khafsa opposition 2024-11-27..2024-12-06|reached Maskanah opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels cut the M5, which links Damascus to the north, near Morek.", "reached Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Insurgents entered Halfaya on Thursday, a day after cutting the highway near Morek.", "entered Halfaya opposition 2024-12-05..2024-12-05|reached Morek opposition 2024-12-04..2024-12-04")]

    // 8. « Après X, » opening a sequence is no event at X
    [InlineData("fr", "2024-12-06", "Après Alep, Hama est passée mercredi sous le contrôle des rebelles.", "claimed Hama opposition 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-12-06", "After Idlib, Saraqib fell to the rebels.", "claimed Saraqab opposition 2024-11-27..2024-12-06")]

    // 9. a locator city after neighbourhoods
    [InlineData("ar", "2024-12-06", "سيطرت الفصائل على حيي الميدان والسليمانية في مدينة حلب.", "claimed Al-Midan opposition 2024-11-27..2024-12-06|claimed Sulaymaniyah opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels seized the Midan and Sulaymaniyah districts in Aleppo city.", "claimed Al-Midan opposition 2024-11-27..2024-12-06|claimed Sulaymaniyah opposition 2024-11-27..2024-12-06")]

    // 10. a nominal attack on someone's positions in named places; not the defender's own
    [InlineData("ar", "2024-12-06", "شنت الفصائل هجوما واسعا على مواقع قوات النظام في مورك وكفرزيتا.", "reached Morek opposition 2024-11-27..2024-12-06|reached Kafr Zita opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "شنّت فصائل الجيش الوطني هجوماً عنيفاً على مواقع قسد في مسكنة.", "reached Maskanah opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The SNA launched an assault on SDF positions in Maskana and Khafsa.", "reached Maskanah opposition 2024-11-27..2024-12-06|reached Khafsa opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont lancé une attaque contre les positions de l'armée à Halfaya.", "reached Halfaya opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The army said it repelled an assault on its positions in Morek.", "")]

    // 11. Turkish: « -den aldı », a clause before « kontrolüne geçti », « geçtiği bildirildi », an aggregate, a genitive locator
    [InlineData("tr", "2024-12-06", "SMO, Meskene'yi ve Hafsa'yı rejim güçlerinden aldı.", "claimed Maskanah opposition 2024-11-27..2024-12-06|claimed Khafsa opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Telbise ilçesi, rejim güçlerinin çekilmesinin ardından muhaliflerin kontrolüne geçti.", "claimed Talbiseh opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Halfaya'nın da muhaliflerin kontrolüne geçtiği bildirildi.", "claimed Halfaya opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler iki gün içinde Hama ve Humus kırsalında 30'dan fazla köy ve beldeyi ele geçirdi.", "")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'nın kuzeyindeki Morek tepesine saldırıyor.", "reached Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The SNA took Maskana and Khafsa from regime forces.", "claimed Maskanah opposition 2024-11-27..2024-12-06|claimed Khafsa opposition 2024-11-27..2024-12-06")]

    // 12. a passive with its agent after an apposition
    [InlineData("en", "2024-12-06", "Taybat al-Imam, a town on the road to Hama, was stormed by HTS fighters overnight after days of clashes.", "entered Taybat al-Imam hts 2024-12-05..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Halfaya, une localité sur la route de Hama, a été prise d'assaut mardi par les combattants de HTS.", "entered Halfaya hts 2024-12-03..2024-12-03")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
