using Territory.Domain.Places;
using Territory.Ingestion.Actors;
using Territory.Ingestion.Dates;
using Territory.Ingestion.Events;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Failure classes, part E (a city that only frames a list of its parts; locators of more shapes; contested fighting of
/// more shapes; a deployment after a withdrawal with a coordinated owner; Turkish lists, losses and handovers; a landmark
/// through a possessive), in sentences of our own on the small test gazetteer with a few places added: each line is the
/// control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests18
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Damascus = TestGazetteer.Place(PlaceKind.City, "Damascus", 36.2913, 33.5130, "SY01", 1_800_000, GazetteerSources.Ocha, "Damas", "Şam", "دمشق");

    private static readonly GazetteerEntry Waer = TestGazetteer.Place(PlaceKind.Neighbourhood, "Al-Waer", 36.6700, 34.7400, "SY04", null, GazetteerSources.Ocha, "Waer", "al-Waer", "Waer", "الوعر");

    private static readonly GazetteerEntry BabaAmr = TestGazetteer.Place(PlaceKind.Neighbourhood, "Baba Amr", 36.6950, 34.7200, "SY04", null, GazetteerSources.Ocha, "Baba Amro", "بابا عمرو");

    private static readonly GazetteerEntry Qamhana = TestGazetteer.Place(PlaceKind.Town, "Qamhana", 36.7600, 35.2000, "SY05", 12_000, GazetteerSources.Ocha, "Kamhana", "قمحانة");

    private static readonly GazetteerEntry HamaAirport = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7110, 35.1180, "SY05", null, GazetteerSources.Curated, "Hama airbase", "Hama military airport", "aéroport militaire de Hama", "مطار حماة العسكري");

    private static readonly GazetteerEntry MaaratNuman = TestGazetteer.Place(PlaceKind.City, "Maarrat an-Nu'man", 36.6750, 35.6480, "SY07", 60_000, GazetteerSources.Ocha, "Maarat al-Numan", "Maarret en-Numan", "Maaret al-Nouman", "معرة النعمان");

    private static readonly GazetteerEntry Rastan = TestGazetteer.Place(PlaceKind.Town, "Ar-Rastan", 36.7167, 34.9263, "SY04", 50_000, GazetteerSources.Ocha, "Rastan", "Restan", "الرستن");

    private static readonly GazetteerEntry Talbiseh = TestGazetteer.Place(PlaceKind.Town, "Talbiseh", 36.7300, 34.8400, "SY04", 60_000, GazetteerSources.Ocha, "Telbise", "تلبيسة");

    private static readonly GazetteerEntry KafrNaha = TestGazetteer.Place(PlaceKind.Village, "Kafr Naha", 36.9500, 36.1800, "SY02", 3_000, GazetteerSources.Ocha, "Kefr Naha", "كفرناها");

    private static readonly GazetteerEntry UrumKubra = TestGazetteer.Place(PlaceKind.Town, "Urum al-Kubra", 36.9300, 36.1600, "SY02", 8_000, GazetteerSources.Ocha, "Urum el-Kübra", "Orum al-Kubra", "Orem al-Koubra", "أورم الكبرى");

    private static readonly GazetteerEntry MaarDis = TestGazetteer.Place(PlaceKind.Town, "Maar Dis", 36.6800, 35.2400, "SY05", 5_000, GazetteerSources.Ocha, "Maardes", "Maardas", "معردس");

    private static readonly GazetteerEntry Khattab = TestGazetteer.Place(PlaceKind.Town, "Khattab", 36.7700, 35.2300, "SY05", 6_000, GazetteerSources.Ocha, "Khitab", "خطاب");

    private static readonly GazetteerEntry DeirEzZor = TestGazetteer.Place(PlaceKind.City, "Deir ez-Zor", 40.1408, 35.3359, "SY09", 300_000, GazetteerSources.Ocha, "Deir Ezzor", "Deyrizor", "دير الزور");

    private static readonly GazetteerEntry Mayadin = TestGazetteer.Place(PlaceKind.Town, "Al-Mayadin", 40.4500, 35.0200, "SY09", 50_000, GazetteerSources.Ocha, "Mayadin", "Mayadine", "الميادين");

    private static readonly GazetteerEntry KafrBasin = TestGazetteer.Place(PlaceKind.Village, "Kafr Basin", 37.0300, 36.2800, "SY02", 2_000, GazetteerSources.Ocha, "Kefr Basin", "كفر باسين");

    private static readonly GazetteerEntry Huraytan = TestGazetteer.Place(PlaceKind.Town, "Hreitan", 37.0900, 36.2700, "SY02", 20_000, GazetteerSources.Ocha, "Haritan", "Hayyan Haritan", "حريتان");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, TestGazetteer.AleppoCitadel, Homs, Damascus, Waer, BabaAmr, Qamhana, HamaAirport, MaaratNuman, Rastan, Talbiseh,
        KafrNaha, UrumKubra, MaarDis, Khattab, DeirEzZor, Mayadin, KafrBasin, Huraytan]));

    [Theory]
    // 1. a city that only frames a count of its own parts followed by their names is no target; a city in the list is
    [InlineData("fr", "2024-12-06", "Les insurgés ont pénétré jeudi dans deux quartiers du sud d'Alep, Hamdaniya et Nouvelle-Alep.", "entered Hamadaniyeh opposition 2024-12-05..2024-12-05|entered New Aleppo opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Rebels stormed two neighbourhoods of western Homs, Baba Amr and al-Waer, on Thursday.", "entered Baba Amr opposition 2024-12-05..2024-12-05|entered Al-Waer opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Rebels entered two districts of Aleppo, Hamdaniya and New Aleppo.", "entered Hamadaniyeh opposition 2024-11-27..2024-12-06|entered New Aleppo opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels captured Aleppo, Saraqib and Atareb.", "claimed Aleppo opposition 2024-11-27..2024-12-06|claimed Saraqab opposition 2024-11-27..2024-12-06|claimed Atareb opposition 2024-11-27..2024-12-06")]
    // « X'in kontrolünü kaybetti » (lost control of X): the subject loses, the taker is unknown.
    [InlineData("tr", "2024-11-30", "Rejim güçleri dün Serakib'in kontrolünü kaybetti.", "claimed Saraqab unknown 2024-11-29..2024-11-29")]
    [InlineData("tr", "2024-11-30", "Yerel kaynaklara göre ordu, iki otoyolun kesiştiği Serakib ilçesinin kontrolünü kaybetti.", "claimed Saraqab unknown 2024-11-27..2024-11-30")]
    // A deployment after a nominal withdrawal, with a day word between the verb and its place.
    [InlineData("fr", "2024-12-07", "Les FDS se sont déployées vendredi à Deir ez-Zor après le retrait des soldats du régime et des milices alliées.", "withdrawn Deir ez-Zor sdf 2024-12-06..2024-12-06")]
    [InlineData("fr", "2024-12-07", "Les combattants kurdes se sont déployés hier dans Deir ez-Zor, après le départ de l'armée.", "withdrawn Deir ez-Zor sdf 2024-12-06..2024-12-06")]
    [InlineData("fr", "2024-12-07", "Des renforts se sont déployés hier à Deir ez-Zor pour défendre la ville.", "")]

    // 2. locators: a relative that only describes, an apposition before 'fell to', proximity, movement, « X'e bağlı »
    [InlineData("en", "2024-12-06", "Insurgents encircled Qamhana, a town north of Hama whose fighters have always backed Damascus.", "reached Qamhana opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels besieged Qamhana, whose militia is loyal to Damascus.", "reached Qamhana opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont encerclé Qamhana, dont la milice est fidèle à Damas.", "reached Qamhana opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris Dana, puis Atareb, dont les habitants ont fui vers Alep.", "claimed Dana opposition 2024-11-27..2024-12-06|claimed Atareb opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels captured Dana and Atareb, putting them within striking distance of Aleppo.", "claimed Dana opposition 2024-11-27..2024-12-06|claimed Atareb opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris Dana et Atareb, ce qui les met à portée d'Alep.", "claimed Dana opposition 2024-11-27..2024-12-06|claimed Atareb opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels seized Saraqib, severing the motorway, and pushed on toward Maarat al-Numan.", "claimed Saraqab opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The insurgents took Saraqib and pressed north towards Aleppo.", "claimed Saraqab opposition 2024-11-27..2024-12-06")]

    // 3. contested: street fighting with a day word and « à l'intérieur de », 'in the streets of', armed groups against the army
    [InlineData("fr", "2024-12-06", "De violents combats opposaient mercredi les soldats aux rebelles à l'intérieur de Kafr Naha et d'Orem al-Koubra.", "contested Kafr Naha opposition 2024-12-04..2024-12-04|contested Urum al-Kubra opposition 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-12-06", "Fighting was raging on Thursday in the streets of Maar Dis and Khattab as the rebels pushed their offensive.", "contested Maar Dis opposition 2024-12-05..2024-12-05|contested Khattab opposition 2024-12-05..2024-12-05")]

    // 4. a deployment after a nominal withdrawal whose owner is coordinated
    [InlineData("en", "2024-12-06", "Kurdish-led forces deployed in Mayadin after the withdrawal of government troops and allied militias.", "withdrawn Al-Mayadin sdf 2024-11-27..2024-12-06")]

    // 5. Turkish: « aralarında X ve Y'nin de bulunduğu », « kontrolünü kaybetti », « X'in SMO'nun kontrolüne geçtiği »

    // 6. a landmark through a possessive beside its city
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}

/// <summary>Class 6 of part E on the reference gazetteer: a landmark named through a possessive beside its city.</summary>
public class EventFailureClassTests18Landmarks(GeocodedReferenceGazetteer gazetteer) : IClassFixture<GeocodedReferenceGazetteer>
{
    [Theory]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris la majeure partie d'Alep, y compris sa citadelle.", "claimed Aleppo opposition 2024-11-27..2024-12-06|claimed Aleppo Citadel/landmark opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The rebels now control most of Aleppo, including its citadel.", "claimed Aleppo opposition 2024-11-27..2024-12-06|claimed Aleppo Citadel/landmark opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The rebels seized Aleppo and its citadel.", "claimed Aleppo opposition 2024-11-27..2024-12-06|claimed Aleppo Citadel/landmark opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The rebels seized Homs and its citadel.", "claimed Homs opposition 2024-11-27..2024-12-06")]
    public void A_landmark_through_a_possessive_is_the_citys_own(string language, string published, string text, string expected)
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(gazetteer.Geocoder!, ActorCatalog.Default, new DateFinder(), new EventExtractor(), EventVocabulary.Default);

        Assert.Equal(expected, ControlChangeLines.Of(analyzer, language, published, text));
    }
}
