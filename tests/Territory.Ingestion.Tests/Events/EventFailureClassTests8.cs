using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Twelve classes of failure (incomers after a withdrawal in more shapes, redeployment outside a place, passives with an
/// agent, control held since a day, fighting with a named side, gerunds after "after", Turkish forms, city and town words,
/// aggregates, purposes and threats, places out of the loser's hands, question words that are no question), in sentences of
/// our own on the small test gazetteer with a few places added: each line is the control changes expected as
/// « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests8
{
    private static readonly GazetteerEntry Manbij = TestGazetteer.Place(PlaceKind.City, "Manbij", 37.9536, 36.5281, "SY02", 70_000, GazetteerSources.Ocha, "Menbiç", "منبج");

    private static readonly GazetteerEntry KhanTouman = TestGazetteer.Place(PlaceKind.Town, "Khan Touman", 37.0500, 36.1000, "SY02", 5_000, GazetteerSources.Ocha, "Khan Tuman", "Han Tuman", "خان طومان");

    private static readonly GazetteerEntry Rastan = TestGazetteer.Place(PlaceKind.Town, "Ar-Rastan", 36.7167, 34.9263, "SY04", 50_000, GazetteerSources.Ocha, "Rastan", "Restan", "الرستن");

    private static readonly GazetteerEntry Salamiyeh = TestGazetteer.Place(PlaceKind.Town, "As-Salamiyeh", 37.0533, 35.0113, "SY05", 66_000, GazetteerSources.Ocha, "Salamiyeh", "Salamiyah", "Selemiye", "السلمية");

    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Souran = TestGazetteer.Place(PlaceKind.Village, "Souran", 36.7435, 35.2867, "SY05", 9_000, GazetteerSources.Ocha, "Suran", "Soran", "صوران");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([.. TestGazetteer.All, Manbij, KhanTouman, Rastan, Salamiyeh, Homs, Souran]));

    [Theory]
    // 1. the side that moves in after a withdrawal told without « from it », nominally, or in a relative clause
    [InlineData("en", "2024-12-05", "Kurdish fighters moved into Manbij after regime forces withdrew.", "withdrawn Manbij sdf 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "SDF units took up positions in Manbij after the army left on Tuesday.", "withdrawn Manbij sdf 2024-12-03..2024-12-03")]
    [InlineData("fr", "2024-12-05", "Les FDS se sont déployées à Manbij après le retrait de l'armée syrienne.", "withdrawn Manbij sdf 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "قوات سوريا الديمقراطية تدخل مدينة منبج بعد انسحاب الجيش منها.", "withdrawn Manbij sdf 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Rejim güçlerinin Menbiç'ten çekilmesinin ardından SDG'nin kente yerleştiği bildirildi.", "withdrawn Manbij sdf 2024-11-27..2024-12-05")]

    // 2. redeployment outside a place
    [InlineData("en", "2024-12-05", "Soldiers had been \"repositioned\" outside the town of Rastan, the ministry said.", "withdrawn Ar-Rastan unknown 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Le commandement affirme avoir repositionné ses forces à l'extérieur de Homs.", "withdrawn Homs unknown 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "أعادت القوات انتشارها خارج مدينة الرستن.", "withdrawn Ar-Rastan unknown 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Rejim birlikleri Humus dışına yeniden konuşlandı.", "withdrawn Homs unknown 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "The army redeployed outside Rastan after rebels broke into the town.", "withdrawn Ar-Rastan opposition 2024-11-27..2024-12-05")]

    // 3. a passive with its agent
    [InlineData("en", "2024-12-05", "Khan Touman was seized by HTS fighters on Monday.", "claimed Khan Touman hts 2024-12-02..2024-12-02")]
    [InlineData("en", "2024-12-05", "Dana was overrun by insurgents overnight.", "claimed Dana opposition 2024-12-04..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Rastan a été prise d'assaut par les combattants de HTS.", "entered Ar-Rastan hts 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "La localité de Souran a été enlevée par les rebelles mardi.", "claimed Souran opposition 2024-12-03..2024-12-03")]
    [InlineData("tr", "2024-12-05", "Han Tuman muhalifler tarafından ele geçirildi.", "claimed Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "وصل المقاتلون إلى بلدة صوران واقتحمها مقاتلو الفصائل.", "entered Souran opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les insurgés ont fait tomber Souran en quelques heures.", "claimed Souran opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Rebels brought down Rastan on Tuesday.", "claimed Ar-Rastan opposition 2024-12-03..2024-12-03")]

    // 4. control held since a day
    [InlineData("fr", "2024-12-05", "Les rebelles contrôlent depuis mardi la localité de Souran.", "claimed Souran opposition 2024-12-03..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler pazartesiden bu yana Han Tuman'ı elinde tutuyor.", "claimed Khan Touman opposition 2024-12-02..2024-12-05")]
    [InlineData("ar", "2024-12-05", "تسيطر الفصائل منذ الاثنين على بلدة خان طومان.", "claimed Khan Touman opposition 2024-12-02..2024-12-05")]

    // 5. fighting with a named side, inside or at the edge of a place
    [InlineData("en", "2024-12-05", "Rebels were battling regime troops inside Rastan.", "contested Ar-Rastan opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Insurgents were fighting the army on the edge of Souran.", "reached Souran opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les rebelles combattaient l'armée aux abords de Rastan.", "reached Ar-Rastan opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Des combats opposent l'armée aux assaillants de HTS dans Souran.", "contested Souran hts 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler Restan'da rejim güçleriyle çatışıyor.", "contested Ar-Rastan opposition 2024-11-27..2024-12-05")]

    // 6. a gerund after "after" or « après avoir »: the event of the gerund, with the main clause's subject
    [InlineData("en", "2024-12-05", "Insurgents reached Hama two days after seizing Souran.", "reached Hama opposition 2024-11-27..2024-12-05|claimed Souran opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les insurgés ont atteint Hama après avoir coupé la route à hauteur de Souran.", "reached Hama opposition 2024-11-27..2024-12-05|reached Souran opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les rebelles marchent sur Homs après s'être emparés de Rastan.", "claimed Ar-Rastan opposition 2024-11-27..2024-12-05")]

    // 7. Turkish forms
    [InlineData("tr", "2024-12-05", "Muhalifler sabah saatlerinden bu yana Souran tepesine saldırıyor.", "reached Souran opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Restan muhaliflerin eline geçti.", "claimed Ar-Rastan opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Selemiye ilçesi salı günü muhaliflerin kontrolüne geçti.", "claimed As-Salamiyeh opposition 2024-12-03..2024-12-03")]

    // 8. a city word stands for the nearest city named, a town word for the nearest town, not a locator
    [InlineData("fr", "2024-12-05", "L'armée s'est retirée de Souran, au nord de Hama, et les rebelles sont entrés dans la localité.", "withdrawn Souran opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler Hama'nın kuzeyindeki Souran'ı ele geçirdikten sonra kente girdi.", "claimed Souran opposition 2024-11-27..2024-12-05|entered Hama opposition 2024-11-27..2024-12-05")]

    // 9. aggregates and generic areas give no event at a province
    [InlineData("en", "2024-12-05", "The ground the insurgents have seized in the Idlib and Aleppo countryside now totals 900 km².", "")]
    [InlineData("ar", "2024-12-05", "سيستعيد الجيش جميع المناطق التي سيطر عليها الإرهابيون في ريفي حماة وإدلب.", "")]
    [InlineData("fr", "2024-12-05", "Les secteurs conquis par les rebelles dans les provinces d'Alep et d'Idleb dépassent 700 km².", "")]

    // 10. future, threats and purposes
    [InlineData("ar", "2024-12-05", "تعهد قائد الفصائل بتحرير مدينة حمص.", "")]
    [InlineData("fr", "2024-12-05", "La chute de Rastan ouvrirait la voie à une entrée dans Homs.", "")]
    [InlineData("fr", "2024-12-05", "Les rebelles ont pris Rastan, ouvrant la voie à une offensive sur Homs.", "claimed Ar-Rastan opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "The capture of Rastan paves the way for an assault on Homs.", "claimed Ar-Rastan unknown 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler Humus'a girmeye hazırlanıyor.", "")]
    [InlineData("en", "2024-12-05", "HTS leaders vowed to capture Homs.", "")]

    // 11. out of the loser's hands
    [InlineData("ar", "2024-12-05", "أصبحت بلدة الرستن بالكامل خارج سيطرة قوات النظام.", "claimed Ar-Rastan unknown 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Rastan is now outside government control.", "claimed Ar-Rastan unknown 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Souran échappe désormais au contrôle de l'armée.", "claimed Souran unknown 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "باتت الفصائل على أبواب مدينة حمص.", "reached Homs opposition 2024-11-27..2024-12-05")]

    // 12. a plain relative keeps its actor; Arabic « any » is no question
    [InlineData("en", "2024-12-05", "Residents fled Rastan, which insurgents captured on Tuesday.", "claimed Ar-Rastan opposition 2024-12-03..2024-12-03")]
    [InlineData("ar", "2024-12-05", "سيطرت الفصائل على بلدة الرستن دون أي مقاومة من قوات النظام.", "claimed Ar-Rastan opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "دخلت أي قوات تابعة للفصائل مدينة الرستن؟", "")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

    [Theory]
    // 9. an aggregate over provinces is a claim, with no control change
    [InlineData("en", "The ground the insurgents have seized in the Idlib and Aleppo countryside now totals 900 km².", "km2", 900)]
    [InlineData("fr", "Les secteurs conquis par les rebelles dans les provinces d'Alep et d'Idleb dépassent 700 km².", "km2", 700)]
    public void An_aggregate_is_a_claim(string language, string text, string unit, double quantity)
    {
        var claims = Analyzer.Analyze(text, new DateOnly(2024, 12, 5), language).Events.Where(e => e.Kind == EventKind.Claim).ToList();
        Assert.Contains(claims, c => c.Quantities.TryGetValue(unit, out var q) && q == quantity);
    }
}
