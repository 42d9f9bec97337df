using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// A last set of failure classes (a list after "have also taken" behind a time phrase; "the town of the same name"; a
/// relative clause of control with an anaphor; fighting the enemy inside a place; Turkish withdrawals, operations and
/// « X merkezli »; an Arabic plural head before neighbourhoods with a quoted actor and a day; « ainsi que » and a landmark
/// with an adjective), in sentences of our own on the small test gazetteer with a few places added: each line is the
/// control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests11
{
    private static readonly GazetteerEntry Anadan = TestGazetteer.Place(PlaceKind.Town, "Anadan", 37.0500, 36.2930, "SY02", 20_000, GazetteerSources.Ocha, "Anadane", "عندان");

    private static readonly GazetteerEntry Hayan = TestGazetteer.Place(PlaceKind.Town, "Hayyan", 37.1080, 36.3250, "SY02", 10_000, GazetteerSources.Ocha, "Hayan", "حيان");

    private static readonly GazetteerEntry Hreitan = TestGazetteer.Place(PlaceKind.Town, "Hreitan", 37.0830, 36.2670, "SY02", 25_000, GazetteerSources.Ocha, "Haritan", "Hritane", "حريتان");

    private static readonly GazetteerEntry Afis = TestGazetteer.Place(PlaceKind.Village, "Afis", 36.8150, 35.8950, "SY07", 3_000, GazetteerSources.Ocha, "آفس");

    private static readonly GazetteerEntry TaftanazAirbase = TestGazetteer.Place(PlaceKind.Airbase, "Taftanaz Military Airbase", 36.7830, 35.9720, "SY07", null, GazetteerSources.Curated, "Taftanaz", "Teftnaz", "تفتناز");

    private static readonly GazetteerEntry Taftanaz = TestGazetteer.Place(PlaceKind.Town, "Taftanaz", 36.7800, 35.9980, "SY07", 15_000, GazetteerSources.Ocha, "تفتناز");

    private static readonly GazetteerEntry HamaAirport = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7110, 35.1180, "SY05", null, GazetteerSources.Curated, "Hama airbase", "Hama military airport", "aéroport militaire de Hama", "base aérienne de Hama", "مطار حماة العسكري", "Hama askeri havaalanı");

    private static readonly GazetteerEntry Manbij = TestGazetteer.Place(PlaceKind.City, "Manbij", 37.9500, 36.5280, "SY02", 100_000, GazetteerSources.Ocha, "Menbij", "Münbiç", "منبج");

    private static readonly GazetteerEntry KhanShaykhun = TestGazetteer.Place(PlaceKind.Town, "Khan Shaykhun", 36.6380, 35.4420, "SY07", 50_000, GazetteerSources.Ocha, "Khan Cheikhoun", "Han Şeyhun", "خان شيخون");

    private static readonly GazetteerEntry DeirHafer = TestGazetteer.Place(PlaceKind.Town, "Deir Hafer", 37.7060, 36.1560, "SY02", 20_000, GazetteerSources.Ocha, "Dayr Hafir", "Deyr Hafir", "دير حافر");

    private static readonly GazetteerEntry SalahAlDin = TestGazetteer.Place(PlaceKind.Neighbourhood, "Salah ad-Din", 37.1370, 36.1880, "SY02", null, GazetteerSources.Ocha, "Salaheddine", "صلاح الدين");

    private static readonly GazetteerEntry SaifAlDawla = TestGazetteer.Place(PlaceKind.Neighbourhood, "Saif ad-Dawla", 37.1420, 36.1960, "SY02", null, GazetteerSources.Ocha, "Seif al-Dawla", "سيف الدولة");

    private static readonly GazetteerEntry Mashhad = TestGazetteer.Place(PlaceKind.Neighbourhood, "Al-Mashhad", 37.1330, 36.1830, "SY02", null, GazetteerSources.Ocha, "Mashhad", "المشهد");

    private static readonly GazetteerEntry Academy = TestGazetteer.Place(PlaceKind.MilitaryBase, "Al-Assad Military Academy", 37.0930, 36.1730, "SY02", null, GazetteerSources.Curated, "Military Academy", "Académie militaire", "الأكاديمية العسكرية");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, TestGazetteer.AleppoAirport, Anadan, Hayan, Hreitan, Afis, TaftanazAirbase, Taftanaz, HamaAirport, Manbij, KhanShaykhun, DeirHafer,
        SalahAlDin, SaifAlDawla, Mashhad, Academy]));

    [Theory]
    // 1. a list after "have also taken" behind a leading time phrase; "and also took the nearby village of X"
    [InlineData("en", "2024-12-01", "Over the past two days the rebels have also taken Anadan, Hayan and Hreitan, tightening their grip on the northern countryside, activists said.", "claimed Anadan opposition 2024-11-29..2024-12-01|claimed Hayyan opposition 2024-11-29..2024-12-01|claimed Hreitan opposition 2024-11-29..2024-12-01")]
    [InlineData("en", "2024-12-01", "Insurgents have also taken Anadan and Hreitan, a monitor said.", "claimed Anadan opposition 2024-11-27..2024-12-01|claimed Hreitan opposition 2024-11-27..2024-12-01")]
    [InlineData("en", "2024-12-01", "HTS fighters seized Saraqib on Saturday and also took the nearby village of Afis.", "claimed Saraqab hts 2024-11-30..2024-11-30|claimed Afis hts 2024-11-30..2024-11-30")]
    [InlineData("fr", "2024-12-01", "En l'espace de deux jours, les rebelles ont aussi pris Anadan, Hayan et Hreitan, selon des militants.", "claimed Anadan opposition 2024-11-27..2024-12-01|claimed Hayyan opposition 2024-11-27..2024-12-01|claimed Hreitan opposition 2024-11-27..2024-12-01")]

    // 2. "of the same name": the place of another kind named like the place just named
    [InlineData("en", "2024-12-01", "Taftanaz airbase fell to the rebels on Saturday, along with the nearby town of the same name.", "claimed Taftanaz Military Airbase opposition 2024-11-30..2024-11-30|claimed Taftanaz opposition 2024-11-30..2024-11-30")]
    [InlineData("fr", "2024-12-01", "Les rebelles ont pris samedi l'aéroport militaire de Taftanaz ainsi que la ville du même nom.", "claimed Taftanaz Military Airbase opposition 2024-11-30..2024-11-30|claimed Taftanaz opposition 2024-11-30..2024-11-30")]
    [InlineData("tr", "2024-12-01", "Muhalifler Taftanaz askeri havaalanını ve aynı adı taşıyan kasabayı ele geçirdi.", "claimed Taftanaz Military Airbase opposition 2024-11-27..2024-12-01|claimed Taftanaz opposition 2024-11-27..2024-12-01")]
    [InlineData("ar", "2024-12-01", "سيطرت الفصائل على مطار تفتناز العسكري والبلدة التي تحمل الاسم نفسه.", "claimed Taftanaz Military Airbase opposition 2024-11-27..2024-12-01|claimed Taftanaz opposition 2024-11-27..2024-12-01")]
    [InlineData("en", "2024-12-01", "Rebels took Saraqib and the airbase of the same name.", "claimed Saraqab opposition 2024-11-27..2024-12-01")]

    // 3. a relative clause of control with an anaphor: the city the airport is named after, or the city of the sentence
    [InlineData("fr", "2024-12-06", "L'aéroport de Hama est tombé aux mains des rebelles, qui contrôlent aussi l'essentiel de la ville.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Hama airport is now in the hands of the insurgents, who also control most of the city, a monitor said.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "سيطرت الفصائل على مطار حماة، وهي الفصائل التي تسيطر أيضاً على معظم المدينة.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Hama airport fell to the rebels, who say they hold positions outside the city.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06")]

    // 4. fighting the enemy inside or through a place
    [InlineData("en", "2024-12-06", "Pro-Turkish factions battled SDF fighters inside Manbij on Friday.", "contested Manbij opposition 2024-12-06..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels were fighting their way through Khan Shaykhun.", "contested Khan Shaykhun opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les insurgés affrontaient les troupes du régime dans Khan Cheikhoun.", "contested Khan Shaykhun opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'armée affrontait les rebelles dans Khan Cheikhoun jeudi.", "contested Khan Shaykhun opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Government troops battled the rebels in Khan Shaykhun.", "contested Khan Shaykhun opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Han Şeyhun'da rejim güçleriyle çatıştı.", "contested Khan Shaykhun opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "SMO grupları Münbiç'te SDG ile çarpışıyor.", "contested Manbij opposition 2024-11-27..2024-12-06")]

    // 5. Turkish: a withdrawal leaving positions to someone; an operation's owner attacks « kent merkezi »; « X merkezli »
    [InlineData("tr", "2024-12-06", "Rejim güçleri, Deyr Hafir'deki mevzilerini SDG'ye bırakarak bölgeden çekildi.", "withdrawn Deir Hafer sdf 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "SMO'nun Münbiç'e yönelik operasyonu sürüyor; kent merkezinde çatışmalar yaşanıyor.", "contested Manbij opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "İdlib merkezli muhalif gruplar yeni bir açıklama yaptı.", "")]
    [InlineData("en", "2024-12-06", "Idlib-based insurgent groups issued a statement.", "")]
    [InlineData("fr", "2024-12-06", "Les groupes basés à Idlib ont publié un communiqué.", "")]
    [InlineData("tr", "2024-12-06", "İdlib merkezli muhalif gruplar Han Şeyhun'a girdi.", "entered Khan Shaykhun opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Idlib-based rebels entered Khan Shaykhun on Thursday.", "entered Khan Shaykhun opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Des rebelles basés à Idlib sont entrés jeudi dans Khan Cheikhoun.", "entered Khan Shaykhun opposition 2024-12-05..2024-12-05")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Han Şeyhun'daki mevzilerini terk ederek geri çekildi.", "withdrawn Khan Shaykhun unknown 2024-11-27..2024-12-06")]

    // 6. an Arabic plural head before a list of neighbourhoods, with a quoted actor and a day between verb and object
    [InlineData("ar", "2024-12-01", "دخلت فصائل \"ردع العدوان\" يوم الجمعة أحياء صلاح الدين وسيف الدولة والمشهد.", "entered Salah ad-Din opposition 2024-11-29..2024-11-29|entered Saif ad-Dawla opposition 2024-11-29..2024-11-29|entered Al-Mashhad opposition 2024-11-29..2024-11-29")]
    [InlineData("ar", "2024-12-01", "سيطرت الفصائل اليوم على أحياء صلاح الدين والمشهد.", "claimed Salah ad-Din opposition 2024-12-01..2024-12-01|claimed Al-Mashhad opposition 2024-12-01..2024-12-01")]

    // 7. « ainsi que » / "as well as" and a landmark with an adjective
    [InlineData("fr", "2024-12-01", "Les rebelles avaient pris la base aérienne de Nayrab, à la lisière est d'Alep, ainsi que l'aéroport d'Alep voisin.", "claimed Nayrab Airbase opposition 2024-11-27..2024-12-01|claimed Aleppo International Airport/airport opposition 2024-11-27..2024-12-01")]
    [InlineData("en", "2024-12-01", "The rebels had taken Nayrab airbase, on the eastern edge of Aleppo, as well as the nearby Aleppo airport.", "claimed Nayrab Airbase opposition 2024-11-27..2024-12-01|claimed Aleppo International Airport/airport opposition 2024-11-27..2024-12-01")]
    [InlineData("fr", "2024-12-01", "Les insurgés s'étaient emparés de Hamadaniyeh ainsi que de l'Académie militaire voisine.", "claimed Hamadaniyeh opposition 2024-11-27..2024-12-01|claimed Al-Assad Military Academy/militarybase opposition 2024-11-27..2024-12-01")]
    [InlineData("en", "2024-12-01", "Insurgents captured Hamdaniya as well as the neighbouring Military Academy on Saturday.", "claimed Hamadaniyeh opposition 2024-11-30..2024-11-30|claimed Al-Assad Military Academy/militarybase opposition 2024-11-30..2024-11-30")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
