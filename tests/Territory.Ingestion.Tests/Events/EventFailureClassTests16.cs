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
    // 1. an incomer into places another side abandoned gains them as a withdrawal; a capture after a departure stays one
    [InlineData("fr", "2024-12-06", "Les combattants rebelles sont entrés mardi dans Nubl et Zahraa, abandonnées par les milices pro-iraniennes.", "withdrawn Nubul opposition 2024-12-03..2024-12-03|withdrawn Zahraa opposition 2024-12-03..2024-12-03")]
    [InlineData("fr", "2024-12-06", "Les insurgés sont entrés dans Morek, désertée par l'armée.", "withdrawn Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Kurdish fighters said they had entered Foua and Kefraya after pro-Iranian militias deserted them.", "withdrawn Foah sdf 2024-11-27..2024-12-06|withdrawn Kafraya sdf 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Government forces abandoned Raqqa and the SDF took control of the city.", "withdrawn Ar-Raqqa sdf 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Government troops withdrew from Raqqa on Thursday and Kurdish-led fighters took over the city.", "withdrawn Ar-Raqqa sdf 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Les forces kurdes ont pris le contrôle de Raqqa après que l'armée l'a abandonnée.", "claimed Ar-Raqqa sdf 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "سيطرت الفصائل على مدينة مورك بعد انسحاب قوات النظام منها.", "claimed Morek opposition 2024-11-27..2024-12-06")]

    // 2. a side falling apart gains nothing from the fall; a side pushed back is the object, not the next verb's subject
    [InlineData("en", "2024-12-06", "Hama fell overnight as government forces melted away.", "claimed Hama unknown 2024-12-05..2024-12-06")]
    [InlineData("en", "2024-12-06", "Morek fell as the army collapsed.", "claimed Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Morek est tombée alors que l'armée se débandait.", "claimed Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Hükümet güçleri dağılınca Hama düştü.", "claimed Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Army troops supported by Russian jets pushed the insurgents back from the outskirts of Hama and recaptured Souran and Taybat al-Imam.", "claimed Souran government 2024-11-27..2024-12-06|claimed Taybet El Imam government 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Government forces backed by Russian aircraft drove the rebels back and retook Souran.", "claimed Souran government 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The army retook Souran.", "claimed Souran government 2024-11-27..2024-12-06")]

    // 3. tier words: footholds, street fighting in the present, a road's destination, assaults, leaving
    [InlineData("en", "2024-12-06", "Rebels gained a foothold in Khan Shaykhun.", "entered Khan Shaykhun opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les insurgés ont pris pied à Khan Cheikhoun jeudi.", "entered Khan Shaykhun opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Des combats de rue opposent les insurgés aux troupes du régime dans le quartier de Hamdaniya.", "contested Hamadaniyeh opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels have cut the highway to Damascus.", "")]
    [InlineData("en", "2024-12-06", "The rebels have cut the road to Hama and encircled Morek.", "reached Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont coupé la route de Homs.", "")]
    [InlineData("fr", "2024-12-06", "Les insurgés ont lancé un assaut contre Morek, tenue par l'armée.", "reached Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels launched an assault on Morek on Thursday.", "reached Morek opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Government troops have left Morek.", "withdrawn Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les soldats ont quitté Souran jeudi.", "withdrawn Souran unknown 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-08", "President Bashar al-Assad has left Damascus.", "")]

    // 4. movement without arrival, with the subject or a time phrase inside
    [InlineData("en", "2024-12-06", "Rebels captured Souran and Morek as they advanced towards Hama.", "claimed Souran opposition 2024-11-27..2024-12-06|claimed Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles avançaient jeudi soir en direction de Hama.", "")]
    [InlineData("fr", "2024-12-06", "Les rebelles progressaient dans la soirée vers le centre de Hama.", "")]

    // 5. non-combatants never gain
    [InlineData("en", "2024-12-06", "Turkish Red Crescent lorries reached Azaz with tents for people displaced from Tal Rifaat.", "")]
    [InlineData("en", "2024-12-06", "Journalists entered Morek on Friday.", "")]
    [InlineData("fr", "2024-12-06", "Des ambulances sont arrivées à Azaz avec des déplacés de Tall Refaat.", "")]
    [InlineData("ar", "2024-12-06", "وصلت قوافل المساعدات إلى مدينة اعزاز.", "")]
    [InlineData("tr", "2024-12-06", "Kızılay'ın yardım konvoyu Azez'e ulaştı.", "")]
    [InlineData("en", "2024-12-06", "Turkish-backed fighters reached Azaz.", "reached A'zaz opposition 2024-11-27..2024-12-06")]

    // 6. an Arabic nominal entry after an announcement
    [InlineData("ar", "2024-12-06", "أعلنت إدارة العمليات العسكرية دخول أولى وحداتها إلى مدينة حماة.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "أعلنت الفصائل دخول أولى قواتها إلى مدينة حمص.", "entered Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "أعلن الجيش الوطني السيطرة على بلدة تل رفعت.", "claimed Tall Refaat opposition 2024-11-27..2024-12-06")]

    // 7. a side that also holds a place named after it; an entry followed by the holder's redeployment
    [InlineData("en", "2024-12-06", "Hama airbase fell to the insurgents, who also hold Morek.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'aéroport militaire de Hama est tombé aux mains des rebelles, qui contrôlent aussi Morek.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "قالت القيادة العامة إن المسلحين دخلوا أجزاء من مدينة حماة، وإن القوات المسلحة نفذت عملية إعادة انتشار.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The army said insurgents had entered parts of Hama and that its forces had carried out a redeployment.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'armée a indiqué que les rebelles étaient entrés dans certains quartiers de Hama et que ses forces avaient procédé à un redéploiement.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Insurgents entered Hama after the army redeployed to Homs.", "entered Hama opposition 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
