using System.Globalization;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The next classes of failure a blind evaluation found (participle clauses, list introducers, elliptical second objects,
/// new verbs and idioms, inverted subjects, Turkish and Arabic lists; distances, states with the
/// holder named, purpose clauses and negotiations, Turkish conditional nominals), in sentences of our own on the small test
/// gazetteer with a few landmarks and villages added: each line is the control changes expected as « tier place side
/// from..to », joined by « | »; a place that is not a settlement shows its kind.
/// </summary>
public class EventFailureClassTests2
{
    private static readonly GazetteerEntry Talmenes = TestGazetteer.Place(PlaceKind.Village, "Talmenes", 36.7060, 35.6880, "SY07", 9_000, GazetteerSources.Ocha, "تلمنس");

    private static readonly GazetteerEntry KhanAsal = TestGazetteer.Place(PlaceKind.Village, "Khan al-Asal", 37.03583, 36.17306, "SY02", 5_000, GazetteerSources.Ocha, "خان العسل");

    private static readonly GazetteerIndex Index = GazetteerIndex.Build([.. TestGazetteer.All, TestGazetteer.AleppoAirport, TestGazetteer.AleppoCitadel, Talmenes, KhanAsal]);

    private static readonly ReportAnalyzer Analyzer = new(Index);

    [Theory]
    // 1. a participle clause has the main clause's subject, not the object just before it
    [InlineData("fr", "2024-11-30", "Les rebelles ont lancé une offensive contre l'armée, s'emparant de Dana et d'Atareb.", "claimed Dana opposition 2024-11-27..2024-11-30|claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels launched an assault on government troops, taking Saraqib on Friday.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "HTS fighters attacked army positions, seizing Dana and Atarib.", "claimed Dana hts 2024-11-27..2024-11-30|claimed Atareb hts 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les jihadistes ont attaqué les forces du régime, prenant le contrôle de Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-12-02", "The army counter-attacked the rebels, retaking Atarib on Sunday.", "claimed Atareb government 2024-12-01..2024-12-01")]

    // 2. a list after a general object: one event per listed place, none for the city the object belongs to
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris le contrôle de plusieurs quartiers ouest d'Alep, notamment Hamdaniya et Nouvel Alep.", "claimed Hamadaniyeh opposition 2024-11-27..2024-11-30|claimed New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels captured several villages, including Dana and Atarib, on Friday.", "claimed Dana opposition 2024-11-29..2024-11-29|claimed Atareb opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Les insurgés ont pris plusieurs localités, dont Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "The rebels seized a string of towns, among them Dana and Saraqib.", "claimed Dana opposition 2024-11-27..2024-11-30|claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels entered several districts of Aleppo, including New Aleppo.", "entered New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على عدة بلدات بينها الأتارب وسراقب.", "claimed Atareb opposition 2024-11-27..2024-11-30|claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "دخلت الفصائل عدة أحياء في حلب منها حلب الجديدة.", "entered New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler, Dana ve Serakib'in de arasında bulunduğu birçok beldeyi ele geçirdi.", "claimed Dana opposition 2024-11-27..2024-11-30|claimed Saraqab opposition 2024-11-27..2024-11-30")]

    // 3. an elliptical second object, with its own date
    [InlineData("fr", "2024-12-01", "Les rebelles se sont emparés samedi de Dana puis, dimanche, de Saraqib.", "claimed Dana opposition 2024-11-30..2024-11-30|claimed Saraqab opposition 2024-12-01..2024-12-01")]
    [InlineData("en", "2024-11-30", "Rebels took Atarib on Friday and, on Saturday, Dana.", "claimed Atareb opposition 2024-11-29..2024-11-29|claimed Dana opposition 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels took Atarib on Friday and Dana on Saturday.", "claimed Atareb opposition 2024-11-29..2024-11-29|claimed Dana opposition 2024-11-30..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على الأتارب يوم الجمعة ثم على سراقب يوم السبت.", "claimed Atareb opposition 2024-11-29..2024-11-29|claimed Saraqab opposition 2024-11-30..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler cuma günü Dana'yı, cumartesi günü ise Serakib'i ele geçirdi.", "claimed Dana opposition 2024-11-29..2024-11-29|claimed Saraqab opposition 2024-11-30..2024-11-30")]

    // 4. verbs and idioms not yet known
    [InlineData("fr", "2024-11-30", "La ville de Saraqib a été enlevée par les rebelles vendredi.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Dana a basculé dans l'escarcelle des rebelles.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Atareb est tombée samedi dans l'escarcelle de HTS.", "claimed Atareb hts 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-11-30", "The army lost control of Saraqib on Friday.", "claimed Saraqab unknown 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "L'armée a perdu Dana.", "claimed Dana unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-06", "Le régime avait perdu le contrôle de Hama jeudi.", "claimed Hama unknown 2024-12-05..2024-12-05")]
    [InlineData("ar", "2024-12-06", "باتت مدينة حماة خارج سيطرة النظام.", "claimed Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "أعادت قوات النظام انتشارها خارج مدينة حماة.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "أعاد الجيش تموضعه خارج مدينة حماة.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "Muhalifler Serakib'i rejimden aldı.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "SMO Dana'yı kurtardı.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "SMO Dana'yı PKK/YPG'den temizledi.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama şehir merkezine girdi.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep kent merkezine girdi.", "entered Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya ulaştı. Muhalifler daha sonra kente girdi.", "reached Hama opposition 2024-11-27..2024-12-06|entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-11-30", "Rebels and troops were locked in battles on Friday for control of Saraqib.", "contested Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "Footage shows HTS fighters inside Dana.", "entered Dana hts 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-04", "Hama : les rebelles affirment être arrivés aux abords de la ville.", "reached Hama opposition 2024-11-27..2024-12-04")]

    // 5. an inverted subject after « où »
    [InlineData("fr", "2024-11-30", "L'armée s'est retirée d'Atareb, où sont ensuite entrés des combattants de HTS.", "withdrawn Atareb hts 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les soldats ont quitté Dana, où sont entrés les rebelles.", "withdrawn Dana opposition 2024-11-27..2024-11-30")]

    // 6. Turkish and Arabic lists
    [InlineData("tr", "2024-11-30", "Muhalifler Dana ve Serakib beldelerini ele geçirdi.", "claimed Dana opposition 2024-11-27..2024-11-30|claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "SMO Mare ve Dana köylerini kontrolüne aldı.", "claimed Mare' opposition 2024-11-27..2024-11-30|claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على سراقب وتلمنس.", "claimed Saraqab opposition 2024-11-27..2024-11-30|claimed Talmenes opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على خان العسل والأتارب وتلمنس.", "claimed Khan al-Asal opposition 2024-11-27..2024-11-30|claimed Atareb opposition 2024-11-27..2024-11-30|claimed Talmenes opposition 2024-11-27..2024-11-30")]

    // 7. a possessive landmark is no second place when the city has none
    [InlineData("en", "2024-11-30", "Rebels seized Dana and its airport.", "claimed Dana opposition 2024-11-27..2024-11-30")]

    // 8. a distance is a claim, not a control change
    [InlineData("en", "2024-12-04", "Rebels advanced to within two kilometres of Hama.", "")]
    [InlineData("en", "2024-12-04", "Rebels were within 10 km of Hama on Tuesday.", "")]
    [InlineData("tr", "2024-12-04", "Muhalifler Hama'ya 5 kilometre mesafeye kadar yaklaştı.", "")]
    [InlineData("fr", "2024-12-04", "Les rebelles se trouvent à 5 km de Hama.", "")]
    [InlineData("fr", "2024-12-04", "Les rebelles sont arrivés à 10 km de Hama mardi.", "")]
    [InlineData("ar", "2024-12-04", "وصلت الفصائل إلى مسافة 5 كيلومترات من حماة.", "")]
    [InlineData("en", "2024-12-04", "Rebels reached the outskirts of Hama on Tuesday.", "reached Hama opposition 2024-12-03..2024-12-03")]

    // 9. a state with its holder named
    [InlineData("en", "2024-11-30", "Tall Refaat remains under SDF control.", "")]
    [InlineData("fr", "2024-12-05", "Hama reste sous contrôle du régime.", "")]
    [InlineData("en", "2024-11-30", "Tall Refaat is still held by the SDF.", "")]
    [InlineData("ar", "2024-11-30", "لا تزال تل رفعت تحت سيطرة قسد.", "")]
    [InlineData("fr", "2024-11-30", "Tall Refaat demeure aux mains des forces kurdes.", "")]
    [InlineData("en", "2024-11-30", "The SDF took control of Tall Refaat.", "claimed Tall Refaat sdf 2024-11-27..2024-11-30")]

    // 10. purpose or result clauses, negotiations
    [InlineData("en", "2024-11-30", "Rebels seized Saraqib, cutting a supply line to the towns of Dana and Atarib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris Saraqib, coupant ainsi la route d'approvisionnement de Dana et d'Atareb.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Turkey is negotiating the evacuation of fighters from Tall Refaat.", "")]
    [InlineData("fr", "2024-11-30", "Ankara négocie l'évacuation des combattants de Tall Refaat.", "")]
    [InlineData("en", "2024-11-30", "Officials were negotiating the withdrawal of Kurdish fighters from Tall Refaat.", "")]

    // 11. Turkish conditional nominals
    [InlineData("tr", "2024-12-04", "Hama'nın düşmesi halinde rejim zor durumda kalır.", "")]
    [InlineData("tr", "2024-12-04", "Muhaliflerin Hama'ya girmesi durumunda çatışmalar artar.", "")]
    [InlineData("tr", "2024-11-30", "Serakib'in muhaliflerin eline geçmesi halinde M5 kesilir.", "")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

    [Theory]
    // A distance from a place is a claim in kilometres of radius.
    [InlineData("en", "2024-12-04", "Rebels advanced to within 2 kilometres of Hama.", 2)]
    [InlineData("en", "2024-12-04", "Rebels were within 10 km of Hama on Tuesday.", 10)]
    [InlineData("tr", "2024-12-04", "Muhalifler Hama'ya 5 kilometre mesafeye kadar yaklaştı.", 5)]
    [InlineData("fr", "2024-12-04", "Les rebelles sont arrivés à 10 km de Hama mardi.", 10)]
    public void A_distance_from_a_place_is_a_claim_of_radius(string language, string published, string text, double km)
    {
        var day = DateOnly.Parse(published, CultureInfo.InvariantCulture);
        var claims = Analyzer.Analyze(text, day, language).Events.Where(e => e.Kind == EventKind.Claim).ToList();
        Assert.Contains(claims, c => c.Quantities.TryGetValue("km_radius", out var q) && q == km);
    }

}
