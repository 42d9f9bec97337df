using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The last failure classes (a past year inside an apposition or a relative clause; a fall reported with a withdrawal of
/// the loser; bare "troops" retaking places; parts of a city; "most of X, including Y"; exceptions; the subject after a
/// fronted "after" clause; present movement towards a place; fighting as the frame of a toll), in sentences of our own
/// on the small test gazetteer with a few places added: each line is the control changes expected as
/// « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests12
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Jisr = TestGazetteer.Place(PlaceKind.City, "Jisr ash-Shughur", 36.3170, 35.8130, "SY07", 45_000, GazetteerSources.Ocha, "Jisr al-Shughur", "Jisr al-Choughour", "Cisr eş-Şuğur", "جسر الشغور");

    private static readonly GazetteerEntry SheikhMaqsoud = TestGazetteer.Place(PlaceKind.Neighbourhood, "Sheikh Maqsoud", 37.1600, 36.2270, "SY02", null, GazetteerSources.Ocha, "Cheikh Maqsoud", "Şeyh Maksud", "الشيخ مقصود");

    private static readonly GazetteerEntry Ashrafieh = TestGazetteer.Place(PlaceKind.Neighbourhood, "Ashrafieh", 37.1540, 36.2210, "SY02", null, GazetteerSources.Ocha, "Achrafieh", "Eşrefiye", "الأشرفية");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6570, 35.3930, "SY05", 20_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry HamaAirport = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7110, 35.1180, "SY05", null, GazetteerSources.Curated, "Hama airbase", "Hama military airport", "aéroport militaire de Hama", "مطار حماة العسكري");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, TestGazetteer.AleppoAirport, TestGazetteer.AleppoCitadel, Homs, Jisr, SheikhMaqsoud, Ashrafieh, Morek, HamaAirport]));

    [Theory]
    // 1. a past year inside an apposition or a relative clause does not make the sentence history
    [InlineData("en", "2024-12-06", "On Thursday the army lost control of Idlib city, where the first local councils formed in 2012.", "claimed Idleb unknown 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "L'armée a abandonné ses positions à Jisr al-Choughour, ville martyre de 1980, désormais aux mains des rebelles.", "claimed Jisr ash-Shughur opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "In 2015 the rebels took Idlib city.", "")]
    [InlineData("en", "2024-12-06", "The army abandoned its positions in Jisr al-Shughur, a city scarred since 1980, now in the hands of the rebels.", "claimed Jisr ash-Shughur opposition 2024-11-27..2024-12-06")]

    // 2. a fall reported with a total withdrawal of the loser: the loser is never the gainer
    [InlineData("fr", "2024-12-06", "Hama est tombée dans la nuit, selon l'OSDH, qui fait état d'un retrait total des forces gouvernementales de la ville.", "claimed Hama unknown 2024-12-05..2024-12-06")]
    [InlineData("en", "2024-12-06", "Hama fell overnight, according to the Observatory, which reported a complete withdrawal of government forces from the city.", "claimed Hama unknown 2024-12-05..2024-12-06")]

    // 3. bare "troops" / "soldiers" retaking places are the government's
    [InlineData("en", "2024-12-06", "Troops had recaptured Morek and Saraqib by Thursday.", "claimed Morek government 2024-12-05..2024-12-05|claimed Saraqab government 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Les troupes ont repris Morek jeudi.", "claimed Morek government 2024-12-05..2024-12-05")]
    [InlineData("tr", "2024-12-06", "Askerler Morek'i geri aldı.", "claimed Morek government 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Turkish troops recaptured Tal Rifaat.", "claimed Tall Refaat opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebel troops recaptured Morek.", "claimed Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels ambushed troops near Morek.", "")]
    [InlineData("fr", "2024-12-06", "Les soldats ont repris Morek, selon la télévision d'État.", "claimed Morek government 2024-11-27..2024-12-06")]

    // 4. parts of a city are the city
    [InlineData("en", "2024-12-06", "Rebels stormed into the western districts of Homs on Friday.", "entered Homs opposition 2024-12-06..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pénétré dans les quartiers est de Hama.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "دخلت الفصائل الأحياء الغربية لمدينة حماة.", "entered Hama opposition 2024-11-27..2024-12-06")]

    // 5. "most of X, including Y": both claimed; « la ville » after "the airport of X" is X
    [InlineData("en", "2024-12-01", "Rebels seized most of Aleppo, including Hamdaniya, on Saturday.", "claimed Aleppo opposition 2024-11-30..2024-11-30|claimed Hamadaniyeh opposition 2024-11-30..2024-11-30")]
    [InlineData("fr", "2024-12-01", "Les rebelles ont pris la majeure partie d'Alep, y compris la citadelle d'Alep.", "claimed Aleppo opposition 2024-11-27..2024-12-01|claimed Aleppo Citadel/landmark opposition 2024-11-27..2024-12-01")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris l'aéroport de Hama ainsi que la majeure partie de la ville, à l'exception des quartiers est.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The rebels took Hama airport along with most of the city.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06|claimed Hama opposition 2024-11-27..2024-12-06")]

    // 6. exceptions give no event
    [InlineData("ar", "2024-12-01", "سيطرت الفصائل على مدينة حلب بالكامل، باستثناء حيي الشيخ مقصود والأشرفية.", "claimed Aleppo opposition 2024-11-27..2024-12-01")]
    [InlineData("en", "2024-12-01", "Rebels now control all of Aleppo except the Kurdish-held districts of Sheikh Maqsoud and Ashrafieh.", "claimed Aleppo opposition 2024-11-27..2024-12-01")]
    [InlineData("fr", "2024-12-01", "Les rebelles contrôlent tout Alep, à l'exception de Cheikh Maqsoud.", "claimed Aleppo opposition 2024-11-27..2024-12-01")]
    [InlineData("tr", "2024-12-01", "Muhalifler Şeyh Maksud ve Eşrefiye hariç Halep'in tamamını ele geçirdi.", "claimed Aleppo opposition 2024-11-27..2024-12-01")]

    // 7. the subject after a fronted "after" clause
    [InlineData("ar", "2024-12-06", "وبعد أن سيطرت خلال الساعات الـ48 الماضية على بلدة مورك، باتت الفصائل على مشارف مدينة حماة.", "claimed Morek opposition 2024-12-04..2024-12-06|reached Hama opposition 2024-12-04..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Après avoir pris Morek, les rebelles ont atteint Hama.", "claimed Morek opposition 2024-11-27..2024-12-06|reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "After capturing Morek, the rebels reached Hama.", "claimed Morek opposition 2024-11-27..2024-12-06|reached Hama opposition 2024-11-27..2024-12-06")]

    // 8. present movement towards a place without arrival (French)
    [InlineData("fr", "2024-12-06", "Les insurgés progressent désormais vers Homs, dont une partie des habitants ont fui.", "")]
    [InlineData("fr", "2024-12-06", "Les rebelles avancent vers Homs.", "")]
    [InlineData("fr", "2024-12-06", "Les rebelles marchent sur Homs.", "")]
    [InlineData("en", "2024-12-06", "Insurgents are now advancing quickly on Homs, which many residents have fled.", "")]

    // 9. fighting as the frame of a toll
    [InlineData("tr", "2024-12-01", "Halep ve İdlib'deki çatışmalarda son 3 günde 277 kişi öldü.", "")]
    [InlineData("en", "2024-12-06", "In the fighting in Hama and Idlib, 300 people have been killed.", "")]
    [InlineData("fr", "2024-12-01", "Les combats à Alep ont fait 200 morts.", "")]
    [InlineData("en", "2024-12-06", "Fighting raged in Hama on Friday.", "contested Hama unknown 2024-12-06..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

    // Bare "troops" are the government's, but "Turkish troops" stay Turkey's and "Kurdish troops" the SDF's (on the opposition's side in the tables above).
    [Theory]
    [InlineData("en", "Turkish troops recaptured Tal Rifaat.")]
    [InlineData("fr", "Les troupes turques ont repris Tall Refaat.")]
    [InlineData("tr", "Türk askerleri Tel Rıfat'ı geri aldı.")]
    [InlineData("en", "Kurdish troops recaptured Tal Rifaat.", "sdf")]
    [InlineData("fr", "Les troupes kurdes ont repris Tall Refaat.", "sdf")]
    public void Named_troops_keep_their_actor(string language, string text, string actor = "turkey")
    {
        var change = Analyzer.Analyze(text, new DateOnly(2024, 12, 6), language).Events.Single(e => e.Kind == EventKind.ControlChange);
        Assert.Equal(actor, change.Gainer.Key);
    }
}
