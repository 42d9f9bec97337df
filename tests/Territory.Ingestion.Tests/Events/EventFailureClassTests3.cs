using System.Globalization;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The classes of failure a third blind evaluation found (states with a manner word, places back under a holder, wresting,
/// nominal withdrawals, withdrawals with the incomer in a relative clause or an object pronoun, fighting inside districts,
/// Turkish passives and participles, Arabic present headlines, denials and other senses), in sentences of our own on the
/// small test gazetteer with a few landmarks and villages added: each line is the control changes expected as « tier place
/// side from..to », joined by « | »; a place that is not a settlement shows its kind.
/// </summary>
public class EventFailureClassTests3
{
    private static readonly GazetteerEntry JabiriSquare = TestGazetteer.Place(PlaceKind.Square, "Saadallah al-Jabiri Square", 37.15222, 36.20889, "SY02", null, GazetteerSources.Curated,
        "ساحة سعد الله الجابري", "place Saadallah al-Jabiri");

    private static readonly GazetteerEntry Suran = TestGazetteer.Place(PlaceKind.Town, "Suran", 36.7480, 35.2950, "SY05", 20_000, GazetteerSources.Ocha, "Souran", "Süran", "صوران");

    private static readonly GazetteerEntry TaybatImam = TestGazetteer.Place(PlaceKind.Town, "Tiba Elemam", 36.7170, 35.2650, "SY05", 15_000, GazetteerSources.Ocha,
        "Taybat al-Imam", "Taybetü'l-İmam", "طيبة الإمام");

    private static readonly GazetteerIndex Index = GazetteerIndex.Build([.. TestGazetteer.All, TestGazetteer.AleppoCitadel, JabiriSquare, Suran, TaybatImam]);

    private static readonly ReportAnalyzer Analyzer = new(Index);

    [Theory]
    // 4. a state with a manner word (« en grande partie », "largely") is still the place's new holder
    [InlineData("fr", "2024-11-30", "Saraqib est désormais en grande partie aux mains des rebelles.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Saraqib is now largely in the hands of the rebels.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Dana is now almost entirely under rebel control.", "claimed Dana opposition 2024-11-27..2024-11-30")]

    // 5. back under a holder, wresting, a nominal withdrawal
    [InlineData("fr", "2024-11-30", "Dana est repassée aux mains de l'armée.", "claimed Dana government 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Atareb est repassée samedi sous le contrôle des forces gouvernementales.", "claimed Atareb government 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-12-02", "Units of our armed forces restored security and stability to several villages in rural Idlib, including Dana and Saraqib.", "claimed Dana government 2024-11-27..2024-12-02|claimed Saraqab government 2024-11-27..2024-12-02")]
    [InlineData("fr", "2024-11-30", "HTS a annoncé avoir arraché aux forces gouvernementales Dana et Atareb.", "claimed Dana hts 2024-11-27..2024-11-30|claimed Atareb hts 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont arraché Saraqib à l'armée vendredi.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-12-05", "L'armée a annoncé le redéploiement de ses unités hors de la ville de Hama.", "withdrawn Hama unknown 2024-11-27..2024-12-05")]

    // 6. a withdrawal and its incomer: a relative clause, an object pronoun pointing back (ها/هما), the place the loser left
    [InlineData("fr", "2024-11-30", "Les soldats se sont retirés de Dana, où des groupes rebelles ont pris position.", "withdrawn Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "انسحبت قوات النظام من سراقب ودخلتها فصائل المعارضة.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "انسحبت قوات النظام من سراقب والأتارب ودخلتهما الفصائل.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30|withdrawn Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler rejimin çekildiği Serakib'e girdi.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30")] // convention 1: entered where the regime had withdrawn

    // 8. Turkish: fighting in a list of places
    [InlineData("tr", "2024-12-04", "Suran ve Taybetü'l-İmam'da muhalifler ile rejim güçleri arasındaki çatışmalar sürüyor.", "contested Suran opposition 2024-11-27..2024-12-04|contested Tiba Elemam opposition 2024-11-27..2024-12-04")]

    // 9. Arabic: a subject before a present verb, launching an attack on a place, deploying in places, « our units »
    [InlineData("ar", "2024-12-05", "الفصائل المسلحة تدخل مدينة حماة.", "entered Hama opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-04", "شنّت الفصائل هجوماً على مدينة حماة.", "reached Hama opposition 2024-11-27..2024-12-04")]
    [InlineData("ar", "2024-11-30", "انتشر مقاتلو الفصائل في ساحة سعد الله الجابري وداخل قلعة حلب.", "entered Saadallah al-Jabiri Square/square opposition 2024-11-27..2024-11-30|entered Aleppo Citadel/landmark opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-12-02", "استعادت وحداتنا السيطرة على بلدة الأتارب.", "claimed Atareb government 2024-11-27..2024-12-02")]

    // 10. denials, other senses (shops and supplies as the object, civilians as the subject), an evacuation of civilians
    [InlineData("fr", "2024-12-05", "L'armée n'a « jamais perdu » le contrôle de Hama, selon le ministère.", "")]
    [InlineData("en", "2024-12-05", "The army has never lost control of Hama, the ministry said.", "")]
    [InlineData("ar", "2024-12-05", "لا صحة للأنباء عن سقوط مدينة حماة.", "")]
    [InlineData("en", "2024-11-30", "Residents stormed the petrol stations of Saraqib.", "")]
    [InlineData("en", "2024-11-30", "Rebels stormed the bakeries of Saraqib.", "")]
    [InlineData("fr", "2024-11-30", "Des habitants prennent d'assaut les stations-service de Saraqib.", "")]
    [InlineData("en", "2024-11-30", "We secured a corridor to evacuate our people from Tall Refaat, an SDF commander said.", "")]
    [InlineData("fr", "2024-11-30", "Un couloir a été ouvert pour évacuer les civils de Tall Refaat.", "")]

    // controls: what the new rules must leave as it was
    [InlineData("en", "2024-11-30", "Rebels stormed into Saraqib on Friday.", "entered Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Après deux jours de combats, les rebelles ont pris Dana.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Troops withdrew from Atarib.", "withdrawn Atareb unknown 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سقطت مدينة سراقب بيد الفصائل.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }


}
