using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The classes of failure a fifth blind evaluation found (actor wordings, location descriptors after a place, withdrawals
/// with an incomer, list items and border crossings, attack and street-fighting verbs, conditionals, countrysides, distances
/// and threats), in sentences of our own on the small test gazetteer with a crossing and a French name added: each line is the
/// control changes expected as « tier place side from..to », joined by « | »; a place that is not a settlement shows its kind.
/// </summary>
public class EventFailureClassTests5
{
    private static readonly GazetteerEntry BabAlHawa = TestGazetteer.Place(PlaceKind.Landmark, "Bab al-Hawa", 36.6640, 36.2310, "SY07", null, GazetteerSources.Curated,
        "Bab el-Hawa", "باب الهوى", "Cilvegözü");

    private static readonly GazetteerIndex Index = GazetteerIndex.Build([.. TestGazetteer.All, BabAlHawa]);

    private static readonly ReportAnalyzer Analyzer = new(Index);

    [Theory]
    // 1. actor wordings for the government
    [InlineData("fr", "2024-11-30", "Les troupes gouvernementales ont repris Saraqib.", "claimed Saraqab government 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Government troops recaptured Saraqib.", "claimed Saraqab government 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les forces loyalistes ont repris le contrôle de Saraqib.", "claimed Saraqab government 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "استعادت القوات الحكومية السيطرة على سراقب.", "claimed Saraqab government 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Hükümet birlikleri Serakib'i geri aldı.", "claimed Saraqab government 2024-11-27..2024-11-30")]

    // 2. a location descriptor after a place is no event there
    [InlineData("en", "2024-11-30", "Rebels captured the town of Dana on the western edge of Aleppo.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels seized the Abu al-Duhur air base in southeastern Idlib.", "claimed Abu al-Duhur Military Airbase opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels took Saraqib, in the east of Idlib province.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris la ville de Dana, à la lisière ouest d'Alep.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep'in batı ucundaki Dana kasabasını ele geçirdi.", "claimed Dana opposition 2024-11-27..2024-11-30")]

    // 3. a withdrawal after which a named side moves in
    [InlineData("fr", "2024-11-30", "Les forces gouvernementales se sont retirées de Dana, où les FDS se sont ensuite déployées.", "withdrawn Dana sdf 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-12-05", "The army said its units had redeployed and taken up positions outside Hama after rebels broke into the city.", "withdrawn Hama opposition 2024-11-27..2024-12-05")]

    // 4. list items, border crossings and military airports
    [InlineData("fr", "2024-11-30", "Les rebelles sont entrés dans les quartiers de Hamadaniyeh et de la Nouvelle Alep.", "entered Hamadaniyeh opposition 2024-11-27..2024-11-30|entered New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels pushed into the Hamadaniyeh district and reached New Aleppo.", "entered Hamadaniyeh opposition 2024-11-27..2024-11-30|reached New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris le contrôle de la ville de Dana et du poste-frontière de Bab al-Hawa.", "claimed Dana opposition 2024-11-27..2024-11-30|claimed Bab al-Hawa/landmark opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels seized the Bab al-Hawa border crossing.", "claimed Bab al-Hawa/landmark opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على معبر باب الهوى.", "claimed Bab al-Hawa/landmark opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Cilvegözü sınır kapısını ele geçirdi.", "claimed Bab al-Hawa/landmark opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris l'aéroport militaire de Nayrab.", "claimed Nayrab Airbase opposition 2024-11-27..2024-11-30")]

    // 5. verbs: attacking a base, fighting street by street, restoring security
    [InlineData("fr", "2024-11-30", "Les rebelles ont attaqué la base aérienne de Nayrab.", "reached Nayrab Airbase opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels and soldiers were fighting street by street in Saraqib.", "contested Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أعادت قوات النظام الأمن والاستقرار إلى بلدة سراقب.", "claimed Saraqab government 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أعادت وحدات من قواتنا المسلحة الأمن والاستقرار إلى بلدة سراقب.", "claimed Saraqab government 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "وأعادت قوات الجيش العربي السوري الأمن والاستقرار إلى مدينة سراقب بعد معارك.", "claimed Saraqab government 2024-11-27..2024-11-30")]

    // 6. precision: conditionals, countrysides, distances, threats, unnamed positions
    [InlineData("fr", "2024-11-30", "Une chute de Hama couperait la route vers Damas.", "")]
    [InlineData("en", "2024-11-30", "Fighting in the northern Hama countryside killed 65 people.", "")]
    [InlineData("ar", "2024-11-30", "وصلت الفصائل على بعد ثلاثة كيلومترات من أطراف مدينة حماة.", "")]
    [InlineData("ar", "2024-11-30", "توعّد قائد الفصائل بـ\"تحرير\" مدينة حماة.", "")]
    [InlineData("tr", "2024-11-30", "Rejim, Hama kırsalında muhaliflerin ilerleyişinin durdurulduğunu ve bazı mevzilerin geri alındığını iddia etti.", "")]

    // controls
    [InlineData("en", "2024-11-30", "Rebels reached the western edge of Aleppo.", "reached Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Fighting in Saraqib killed 10 people.", "contested Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "La chute de Hama serait imminente.", "")]
    [InlineData("tr", "2024-11-30", "Muhaliflerin Hama'ya ilerleyişi durduruldu.", "")]
    [InlineData("fr", "2024-11-30", "La chute de Hama a coupé la route vers Damas.", "claimed Hama unknown 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "وصلت الفصائل إلى أطراف مدينة حماة.", "reached Hama opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels captured Dana and Atarib.", "claimed Dana opposition 2024-11-27..2024-11-30|claimed Atareb opposition 2024-11-27..2024-11-30")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
