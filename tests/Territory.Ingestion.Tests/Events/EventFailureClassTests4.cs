using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The classes of failure a fourth blind evaluation found (hours and nights as ranges, days that date only the report,
/// present states in a second clause, road end points, withdrawals with an incomer, fighting street by street, coordinated
/// verbs, objects with landmarks and appositions, Arabic nominal verbs, unnamed points and aggregates), in sentences of our own on the
/// small test gazetteer with a few landmarks and villages added: each line is the control changes expected as « tier place
/// side from..to », joined by « | »; a place that is not a settlement shows its kind.
/// </summary>
public class EventFailureClassTests4
{
    private static readonly GazetteerEntry Damascus = TestGazetteer.Place(PlaceKind.City, "Damascus", 36.2913, 33.5102, "SY01", 2_000_000, GazetteerSources.Ocha, "Damas", "Şam", "دمشق");

    private static readonly GazetteerIndex Index = GazetteerIndex.Build([.. TestGazetteer.All, TestGazetteer.AleppoCitadel, Damascus, TestGazetteer.AleppoAirport]);

    private static readonly ReportAnalyzer Analyzer = new(Index);

    [Theory]
    // 1. the last 24 hours: from the day before publication to publication
    [InlineData("en", "2024-11-30", "Rebels captured Dana in the last 24 hours.", "claimed Dana opposition 2024-11-29..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris Dana au cours des dernières 24 heures.", "claimed Dana opposition 2024-11-29..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles se sont emparés de Dana en 24 heures.", "claimed Dana opposition 2024-11-29..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler son 24 saatte Dana'yı ele geçirdi.", "claimed Dana opposition 2024-11-29..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على الأتارب خلال الساعات الـ24 الماضية.", "claimed Atareb opposition 2024-11-29..2024-11-30")]

    // 2. a day attached to the verb of saying dates the report
    [InlineData("en", "2024-12-02", "Rebels have captured Saraqib, a monitor said on Sunday.", "claimed Saraqab opposition 2024-11-27..2024-12-02")]
    [InlineData("en", "2024-12-05", "The army said on Thursday it had redeployed outside Hama.", "withdrawn Hama unknown 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-02", "Les rebelles contrôlent Saraqib, a indiqué lundi une ONG.", "claimed Saraqab opposition 2024-11-27..2024-12-02")]
    [InlineData("fr", "2024-12-05", "L'armée a annoncé jeudi le redéploiement de ses unités hors de la ville de Hama.", "withdrawn Hama unknown 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-11-30", "Rebels captured Dana on Friday, the monitor said.", "claimed Dana opposition 2024-11-29..2024-11-29")]

    // 3. overnight, « dans la nuit »
    [InlineData("en", "2024-12-02", "Rebels reached the outskirts of Hama overnight.", "reached Hama opposition 2024-12-01..2024-12-02")]
    [InlineData("fr", "2024-12-02", "Les rebelles sont arrivés aux portes de Hama dans la nuit.", "reached Hama opposition 2024-12-01..2024-12-02")]
    [InlineData("fr", "2024-12-02", "Dans la nuit, les rebelles sont entrés dans Saraqib.", "entered Saraqab opposition 2024-12-01..2024-12-02")]

    // 4. a present state in a second clause
    [InlineData("en", "2024-11-30", "Rebels took Dana on Friday and are now at the gates of Aleppo.", "claimed Dana opposition 2024-11-29..2024-11-29|reached Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris Dana vendredi et se trouvent désormais aux portes d'Alep.", "claimed Dana opposition 2024-11-29..2024-11-29|reached Aleppo opposition 2024-11-27..2024-11-30")]

    // 6. the end points of a road are no places reached
    [InlineData("en", "2024-11-30", "Rebels cut the Aleppo-Damascus highway near Saraqib.", "reached Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep-Şam M5 kara yolunu kesti.", "")]
    [InlineData("ar", "2024-11-30", "قطعت الفصائل طريق حلب-دمشق الدولي.", "")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont coupé l'autoroute Alep-Damas.", "")]

    // 9. coordinated verbs sharing subject and auxiliary
    [InlineData("fr", "2024-11-30", "Les rebelles ont pénétré dans Dana et pris pied dans Atareb.", "entered Dana opposition 2024-11-27..2024-11-30|entered Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels entered Dana and took Atarib.", "entered Dana opposition 2024-11-27..2024-11-30|claimed Atareb opposition 2024-11-27..2024-11-30")]

    // 10. objects: a city word and an apposition after the place
    [InlineData("en", "2024-11-30", "Rebels took control of most of Aleppo city on Friday, the cradle of the uprising.", "claimed Aleppo opposition 2024-11-29..2024-11-29")]

    // 11. Arabic: a nominal verb with a possessive, lost control (the gainer unknown)
    [InlineData("ar", "2024-12-08", "أعلنت الفصائل دخولها العاصمة دمشق.", "entered Damascus opposition 2024-11-27..2024-12-08")]
    [InlineData("ar", "2024-11-30", "فقدت قوات النظام السيطرة على سراقب.", "claimed Saraqab unknown 2024-11-27..2024-11-30")]

    // 12. unnamed points in a countryside, a location apposition after a list
    [InlineData("en", "2024-12-02", "The army regained control of a number of points in the Hama countryside.", "")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris Dana et Atareb, aux portes occidentales d'Alep.", "claimed Dana opposition 2024-11-27..2024-11-30|claimed Atareb opposition 2024-11-27..2024-11-30")]

    // controls
    [InlineData("en", "2024-11-30", "Rebels stormed into Saraqib on Friday.", "entered Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris Dana samedi, selon l'OSDH.", "claimed Dana opposition 2024-11-30..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على سراقب أمس.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("tr", "2024-11-30", "Muhalifler dün Serakib'i ele geçirdi.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
