using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Failure classes, part D (history after "since" inside an aside; pro-government gainers; an unknown taker after a
/// withdrawal; holding verbs and later verbs; French nominal fighting; Arabic nominal entries, « منها » and an admitted
/// withdrawal), in sentences of our own on the small test gazetteer with a few places added: each line is the control
/// changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests17
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6570, 35.3930, "SY05", 20_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry KhanShaykhun = TestGazetteer.Place(PlaceKind.Town, "Khan Shaykhun", 36.6380, 35.4420, "SY07", 50_000, GazetteerSources.Ocha, "Khan Cheikhoun", "Han Şeyhun", "خان شيخون");

    private static readonly GazetteerEntry KafrNabl = TestGazetteer.Place(PlaceKind.Town, "Kafr Nobol", 36.5600, 35.6140, "SY07", 15_000, GazetteerSources.Ocha, "Kafr Nabl", "Kafranbel", "كفرنبل");

    private static readonly GazetteerEntry Afes = TestGazetteer.Place(PlaceKind.Village, "Afes", 36.7650, 35.8850, "SY07", 3_000, GazetteerSources.Ocha, "Afis", "آفس");

    private static readonly GazetteerEntry HamaAirport = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7110, 35.1180, "SY05", null, GazetteerSources.Curated, "Hama airbase", "Hama military airport", "aéroport militaire de Hama", "مطار حماة العسكري");

    private static readonly GazetteerEntry SalahAlDin = TestGazetteer.Place(PlaceKind.Neighbourhood, "Salah ad-Din", 37.1370, 36.1880, "SY02", null, GazetteerSources.Ocha, "Salaheddine", "صلاح الدين");

    private static readonly GazetteerEntry ZeinHill = TestGazetteer.Place(PlaceKind.Landmark, "Jabal Zayn al-Abidin", 36.7900, 35.1900, "SY05", null, GazetteerSources.Curated, "Zein al-Abidine", "Zain al-Abidin", "زين العابدين");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, TestGazetteer.AleppoAirport, Homs, Morek, KhanShaykhun, KafrNabl, Afes, HamaAirport, SalahAlDin, ZeinHill]));

    [Theory]
    // 1. a clause after "since" with a past year is history, even when "the first time" makes the main clause news
    [InlineData("en", "2024-12-06", "Rebels pushed into northern districts of Homs on Friday, the first time they had entered the city since the army retook it in 2014.", "entered Homs opposition 2024-12-06..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles sont entrés vendredi dans les quartiers nord de Homs, pour la première fois depuis que l'armée l'a reprise en 2014.", "entered Homs opposition 2024-12-06..2024-12-06")]
    [InlineData("en", "2024-12-06", "Khan Shaykhun, a town that the government recaptured in 2019, fell on Thursday, activists said.", "claimed Khan Shaykhun unknown 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Kafranbel, bourgade que le régime avait reprise en 2019, est tombée jeudi.", "claimed Kafr Nobol unknown 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "In 2019 the army retook Khan Shaykhun.", "")]

    // 2. pro-government forces gain for the government; "backed by ..." is no subject
    [InlineData("en", "2024-12-06", "Pro-government fighters supported by Russian aircraft recaptured Morek and Kafr Nabl on Tuesday, state media said.", "claimed Morek government 2024-12-03..2024-12-03|claimed Kafr Nobol government 2024-12-03..2024-12-03")]
    [InlineData("fr", "2024-12-06", "Les forces pro-gouvernementales, appuyées par l'aviation russe, ont repris Morek mardi.", "claimed Morek government 2024-12-03..2024-12-03")]
    [InlineData("en", "2024-12-06", "Rebels backed by Turkish drones recaptured Morek on Tuesday.", "claimed Morek opposition 2024-12-03..2024-12-03")]
    [InlineData("en", "2024-12-06", "Turkish-backed rebels recaptured Morek on Tuesday.", "claimed Morek opposition 2024-12-03..2024-12-03")]

    // 3. an interrogative or indefinite taker after a withdrawal: withdrawn, gainer unknown
    [InlineData("en", "2024-12-06", "Regime forces withdrew from Morek overnight, the monitor said, without saying who had seized the town.", "withdrawn Morek unknown 2024-12-05..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les troupes gouvernementales se sont retirées de Morek, sans que l'on sache qui a pris le contrôle de la ville.", "withdrawn Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "انسحبت قوات النظام من مورك، ولم يعرف من سيطر عليها.", "withdrawn Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "On ignore encore qui a pris Morek.", "claimed Morek unknown 2024-11-27..2024-12-06")]

    // 4. holding verbs, and a later verb after "by nightfall"; a relative clause before "fell to", "along with the nearby village of X"
    [InlineData("en", "2024-12-06", "Rebel forces now hold Hama Military Airport and Morek.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles tiennent désormais l'aéroport militaire de Hama.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels pushed into Hama from the west on Wednesday and by evening held the city's military airport.", "entered Hama opposition 2024-12-04..2024-12-04|claimed Hama Military Airport opposition 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-12-06", "Saraqib, which lies on the M5 highway, fell to rebels on Thursday along with the nearby village of Afes.", "claimed Saraqab opposition 2024-12-05..2024-12-05|claimed Afes opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "The town was held by the army.", "")]
    [InlineData("fr", "2024-12-06", "Saraqeb, qui se trouve sur l'autoroute M5, est tombée aux mains des rebelles jeudi, ainsi que le village voisin d'Afes.", "claimed Saraqab opposition 2024-12-05..2024-12-05|claimed Afes opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Saraqib, which stands where two highways cross, fell to rebels on Thursday.", "claimed Saraqab opposition 2024-12-05..2024-12-05")]

    // 5. French nominal fighting: « combats de rue dans le quartier de X », « théâtre de combats »; « où ils se sont déployés »
    [InlineData("fr", "2024-12-01", "L'Observatoire fait aussi état de combats de rue dans le quartier de Salaheddine.", "contested Salah ad-Din unknown 2024-11-27..2024-12-01")]
    [InlineData("fr", "2024-12-06", "La colline de Zein al-Abidine, qui domine Hama, a été le théâtre de violents combats, les insurgés cherchant à en chasser les soldats.", "contested Jabal Zayn al-Abidin/landmark opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Zein al-Abidine hill, which overlooks Hama, was the scene of heavy fighting as rebels tried to drive the army out.", "contested Jabal Zayn al-Abidin/landmark opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-01", "Les rebelles sont entrés dans Alep, où ils se sont déployés dans le quartier de Salaheddine.", "entered Aleppo opposition 2024-11-27..2024-12-01|entered Salah ad-Din opposition 2024-11-27..2024-12-01")]

    // 6. Arabic: a nominal entry of "terrorists"; « منها » is the place taken; the army admitting a withdrawal loses
    [InlineData("ar", "2024-12-06", "أعاد الجيش نشر وحداته بعد دخول مجموعات من الإرهابيين إلى مدينة حماة.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "سيطرت الفصائل على مدينة سراقب شرقي إدلب بعد انسحاب قوات النظام منها.", "claimed Saraqab opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "أعلنت الفصائل السيطرة على مدينة حماة، فيما أقر الجيش بانسحاب قواته منها.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "أعلنت إدارة العمليات السيطرة على بلدة مورك، فيما أقر الجيش بانسحاب قواته إلى خارج البلدة.", "claimed Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The army redeployed its units after large numbers of terrorists entered Hama.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels seized Saraqib, east of Idlib, after regime forces withdrew from it.", "claimed Saraqab opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont annoncé le contrôle total de Hama, tandis que l'armée a reconnu le retrait de ses unités hors de la ville.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
