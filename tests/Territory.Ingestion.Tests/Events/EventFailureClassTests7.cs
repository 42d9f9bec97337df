using System.Globalization;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Thirteen classes of failure (an incomer after a withdrawal, a gainer nobody knows, backers, clefts, fighting that rages,
/// attacks on a defender's own positions, movement with no arrival, fighting one's way in, nominal events after a verb of
/// saying, a road cut at a place, holders named as modifiers, Turkish participles and converbs, distances), in sentences of
/// our own on the small test gazetteer with two towns added: each line is the control changes expected as
/// « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests7
{
    private static readonly GazetteerEntry Manbij = TestGazetteer.Place(PlaceKind.City, "Manbij", 37.9536, 36.5281, "SY02", 70_000, GazetteerSources.Ocha, "Menbiç", "منبج");

    private static readonly GazetteerEntry KhanTouman = TestGazetteer.Place(PlaceKind.Town, "Khan Touman", 37.0500, 36.1000, "SY02", 5_000, GazetteerSources.Ocha, "Khan Tuman", "Han Tuman", "خان طومان");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([.. TestGazetteer.All, Manbij, KhanTouman]));

    [Theory]
    // 1. a withdrawal, then the side that deployed or took position in a relative or following clause
    [InlineData("fr", "2024-12-05", "Les forces gouvernementales ont évacué Manbij, où des combattants de l'ANS ont pris position dans la soirée.", "withdrawn Manbij opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "L'armée s'est retirée de Khan Touman, où les FDS se sont aussitôt installées.", "withdrawn Khan Touman sdf 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Regime troops pulled out of Manbij, where Kurdish fighters set up positions within hours.", "withdrawn Manbij sdf 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "The army abandoned Khan Touman and Turkish-backed fighters deployed there.", "withdrawn Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "انسحبت قوات النظام من منبج وانتشرت فيها قوات سوريا الديمقراطية.", "withdrawn Manbij sdf 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les troupes du régime se sont repliées de Marea et les FDS s'y sont déployées.", "withdrawn Mare' sdf 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "غادرت قوات النظام بلدة خان طومان وتمركزت فيها فصائل الجيش الوطني.", "withdrawn Khan Touman opposition 2024-11-27..2024-12-05")]

    // 2. a gainer nobody knows: the actor of an indirect question is no evidence
    [InlineData("en", "2024-12-05", "Khan Touman fell on Tuesday, and it was unclear which rebel faction controlled it.", "claimed Khan Touman unknown 2024-12-03..2024-12-03")]
    [InlineData("en", "2024-12-05", "Atarib has fallen, but it is not known which of the factions captured it.", "claimed Atareb unknown 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Dana est tombée mardi, sans que l'on sache quelles factions la contrôlent.", "claimed Dana unknown 2024-12-03..2024-12-03")]
    [InlineData("fr", "2024-12-05", "On ignore encore quel groupe rebelle s'est emparé de Khan Touman.", "claimed Khan Touman unknown 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "سقطت بلدة الأتارب، ولم يُعرف بعد أي من الفصائل سيطر عليها.", "claimed Atareb unknown 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Han Tuman düştü; kasabanın hangi muhalif güçlerin kontrolüne geçtiği bilinmiyor.", "claimed Khan Touman unknown 2024-11-27..2024-12-05")]

    // 4. clefts: the place before « que » / "that", the event and subject of the clause after it
    [InlineData("fr", "2024-12-05", "C'est à Darat Izza que les combattants de HTS sont entrés en premier.", "entered Daret Azza hts 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "C'est la localité de Marea que le régime a abandonnée lundi.", "withdrawn Mare' unknown 2024-12-02..2024-12-02")]
    [InlineData("en", "2024-12-05", "It was Atarib that the insurgents captured first.", "claimed Atareb opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "It is the town of Dana that government forces gave up on Wednesday.", "withdrawn Dana unknown 2024-12-04..2024-12-04")]

    // 5. fighting that rages or goes on; the attacker named in the other clause
    [InlineData("fr", "2024-12-05", "De violents affrontements faisaient rage mercredi dans la localité de Khan Touman.", "contested Khan Touman unknown 2024-12-04..2024-12-04")]
    [InlineData("fr", "2024-12-05", "Les insurgés ont atteint Hama tandis que les combats faisaient rage à Khan Touman.", "reached Hama opposition 2024-11-27..2024-12-05|contested Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Fighting was raging in Atarib on Tuesday.", "contested Atareb unknown 2024-12-03..2024-12-03")]
    [InlineData("en", "2024-12-05", "Rebels reached Hama while clashes were raging inside Khan Touman.", "reached Hama opposition 2024-11-27..2024-12-05|contested Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Han Tuman'da çatışmalar şiddetlendi.", "contested Khan Touman unknown 2024-11-27..2024-12-05")]

    // 6. attackers of a defender's own positions, a denial of losses: no change of control
    [InlineData("en", "2024-12-05", "Troops inflicted heavy losses on terrorists who were attacking their posts near Dana.", "")]
    [InlineData("en", "2024-12-05", "The army said it had repelled militants attacking its checkpoints around Atarib and denied that any village had fallen.", "")]
    [InlineData("fr", "2024-12-05", "L'armée affirme avoir infligé de lourdes pertes aux terroristes qui attaquaient ses positions près d'Atareb.", "")]
    [InlineData("ar", "2024-12-05", "تصدت وحداتنا للإرهابيين الذين هاجموا نقاطها في محيط الأتارب.", "")]

    // 7. movement with no arrival, also after a capture
    [InlineData("en", "2024-12-05", "Rebels were advancing on Hama.", "")]
    [InlineData("en", "2024-12-05", "Insurgents took Dana and Atarib and were pushing towards Hama.", "claimed Dana opposition 2024-11-27..2024-12-05|claimed Atareb opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Rebels captured Dana and Atarib and were advancing on the town of Hama.", "claimed Dana opposition 2024-11-27..2024-12-05|claimed Atareb opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les insurgés avançaient vers Hama.", "")]
    [InlineData("fr", "2024-12-05", "Les rebelles ont pris Dana et progressaient en direction de Hama.", "claimed Dana opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler Hama'ya doğru ilerliyordu.", "")]
    [InlineData("ar", "2024-12-05", "الفصائل تتقدم نحو مدينة حماة.", "")]
    [InlineData("en", "2024-12-05", "Rebels advanced to Hama.", "reached Hama opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Rebels advanced into Dana.", "entered Dana opposition 2024-11-27..2024-12-05")]

    // 8. fighting one's way in is an entry, whatever the other side insists
    [InlineData("en", "2024-12-05", "HTS fighters battled their way into Khan Touman on Wednesday, but the army insisted it still held the town centre.", "entered Khan Touman hts 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-12-05", "Rebels forced their way into Atarib.", "entered Atareb opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les rebelles se sont frayé un chemin jusque dans Dana mardi.", "entered Dana opposition 2024-12-03..2024-12-03")]
    [InlineData("fr", "2024-12-05", "Les insurgés se sont frayé un passage dans Atareb.", "entered Atareb opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler Han Tuman'a çatışarak girdi.", "entered Khan Touman opposition 2024-11-27..2024-12-05")]

    // 9. a nominal event after a verb of saying, with a possessive: the one who says is the gainer
    [InlineData("ar", "2024-12-05", "أعلن الجيش الوطني سيطرته على بلدة خان طومان.", "claimed Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "أعلنت الفصائل أمس دخول مقاتليها إلى مدينة منبج.", "entered Manbij opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "أعلنت إدارة العمليات العسكرية دخول قواتها إلى بلدة الأتارب فجر اليوم.", "entered Atareb opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les rebelles ont annoncé leur entrée dans Khan Touman.", "entered Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "HTS announced its fighters' entry into Atarib.", "entered Atareb hts 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler Han Tuman'a girdiklerini duyurdu.", "entered Khan Touman opposition 2024-11-27..2024-12-05")]

    // 10. a road cut at a place
    [InlineData("tr", "2024-12-05", "Muhalifler M5 kara yolunu Serakib yakınlarında kesti.", "reached Saraqab opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Muhalifler Halep-Hama yolunu Han Tuman mevkiinde kestiler.", "reached Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Insurgents severed the highway near Khan Touman.", "reached Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "قطعت الفصائل طريق حلب - إدلب عند بلدة خان طومان.", "reached Khan Touman opposition 2024-11-27..2024-12-05")]

    // 11. a holder named as a modifier is the loser, never the gainer
    [InlineData("tr", "2024-12-05", "YPG'nin kontrolündeki Menbiç'i SMO kuşattı.", "reached Manbij opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Rejimin elindeki Han Tuman'ı muhalifler ele geçirdi.", "claimed Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Turkish-backed factions besieged the SDF-held town of Manbij.", "reached Manbij opposition 2024-11-27..2024-12-05")]
    [InlineData("en", "2024-12-05", "Rebels stormed regime-held Khan Touman.", "entered Khan Touman opposition 2024-11-27..2024-12-05")]
    [InlineData("fr", "2024-12-05", "Les factions pro-turques ont encerclé Manbij, tenue par les forces kurdes.", "reached Manbij opposition 2024-11-27..2024-12-05")]
    [InlineData("ar", "2024-12-05", "حاصرت فصائل الجيش الوطني مدينة منبج الخاضعة لسيطرة قسد.", "reached Manbij opposition 2024-11-27..2024-12-05")]

    // 12. Turkish participle relatives and converbs
    [InlineData("tr", "2024-12-05", "Dana'yı ele geçiren muhalifler Atarib'e ilerledi.", "claimed Dana opposition 2024-11-27..2024-12-05|reached Atareb opposition 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Han Tuman'a giren HTŞ güçleri kasabada arama yaptı.", "entered Khan Touman hts 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "Rejim güçlerinin çekildiği Menbiç'e SDG girdi.", "withdrawn Manbij sdf 2024-11-27..2024-12-05")]
    [InlineData("tr", "2024-12-05", "SMO Dana'yı ele geçirirken Atarib'i de kuşattı.", "claimed Dana opposition 2024-11-27..2024-12-05|reached Atareb opposition 2024-11-27..2024-12-05")]

    // 13. a distance is a claim of radius, not an arrival
    [InlineData("tr", "2024-12-05", "Muhalifler Hama kent merkezine 8 kilometre mesafeye kadar ulaştı.", "")]
    [InlineData("tr", "2024-12-05", "HTŞ Halep'e 4 km uzaklığa kadar yaklaştı.", "")]
    [InlineData("ar", "2024-12-05", "وصلت الفصائل إلى مسافة 6 كيلومترات من مدينة حماة.", "")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

    [Theory]
    // 3. a backer named in a modifier is never the gainer: the head noun is
    [InlineData("en", "HTS fighters, backed by Turkish drones, stormed Khan Touman.", "hts")]
    [InlineData("en", "Government troops, supported by Russian warplanes, retook Atarib.", "government")]
    [InlineData("fr", "L'ANS, soutenue par la Turquie, a chassé les FDS de Manbij.", "sna")]
    [InlineData("fr", "Les troupes syriennes, appuyées par des milices iraniennes, ont repris Khan Touman.", "government")]
    [InlineData("en", "Turkey-backed Syrian National Army fighters took Tal Rifaat.", "sna")]
    [InlineData("tr", "Rus destekli rejim güçleri Atarib'i geri aldı.", "government")]
    [InlineData("ar", "استعادت قوات النظام المدعومة بالطيران الروسي بلدة خان طومان.", "government")]
    [InlineData("ar", "قوات النظام المدعومة من روسيا استعادت بلدة الأتارب.", "government")]
    public void A_backer_is_not_the_gainer(string language, string text, string gainer)
    {
        var events = Analyzer.Analyze(text, new DateOnly(2024, 12, 5), language).Events.Where(e => e.Kind == EventKind.ControlChange).ToList();
        Assert.Equal([gainer], events.Select(e => e.Gainer.Key));
    }

    [Theory]
    // 11. the holder is the loser
    [InlineData("tr", "YPG'nin kontrolündeki Menbiç'i SMO kuşattı.", "sdf")]
    [InlineData("en", "Turkish-backed factions besieged the SDF-held town of Manbij.", "sdf")]
    [InlineData("fr", "Les factions pro-turques ont encerclé Manbij, tenue par les forces kurdes.", "sdf")]
    [InlineData("ar", "حاصرت فصائل الجيش الوطني مدينة منبج الخاضعة لسيطرة قسد.", "sdf")]
    [InlineData("en", "Rebels entered Atarib, a town held by government troops.", "government")]
    public void A_holder_named_as_a_modifier_is_the_loser(string language, string text, string loser)
    {
        var events = Analyzer.Analyze(text, new DateOnly(2024, 12, 5), language).Events.Where(e => e.Kind == EventKind.ControlChange).ToList();
        Assert.Equal([loser], events.Select(e => e.Loser.Key));
    }

    [Theory]
    // 13. a distance from a place, in Turkish and Arabic, is a claim in kilometres of radius
    [InlineData("tr", "Muhalifler Hama kent merkezine 8 kilometre mesafeye kadar ulaştı.", 8)]
    [InlineData("tr", "HTŞ Halep'e 4 km uzaklığa kadar yaklaştı.", 4)]
    [InlineData("ar", "وصلت الفصائل إلى مسافة 6 كيلومترات من مدينة حماة.", 6)]
    [InlineData("ar", "باتت قوات المعارضة على بعد 3 كيلومترات من مدينة حماة.", 3)]
    [InlineData("en", "Rebels got to within 7 km of Hama.", 7)]
    public void A_distance_is_a_claim_of_radius(string language, string text, double km)
    {
        var claims = Analyzer.Analyze(text, new DateOnly(2024, 12, 5), language).Events.Where(e => e.Kind == EventKind.Claim).ToList();
        Assert.Contains(claims, c => c.Quantities.TryGetValue("km_radius", out var q) && q == km);
        Assert.DoesNotContain(Analyzer.Analyze(text, new DateOnly(2024, 12, 5), language).Events, e => e.Kind == EventKind.ControlChange && e.Tier == ControlTier.Reached);
    }

    [Fact]
    public void A_day_of_the_reporting_verb_does_not_date_the_nominal_event()
    {
        var events = Analyzer.Analyze("أعلنت الفصائل أمس السيطرة على بلدة خان طومان.", new DateOnly(2024, 12, 5), "ar").Events.Where(e => e.Kind == EventKind.ControlChange).ToList();
        var capture = Assert.Single(events);
        Assert.Equal(DatePrecision.BeforePublication, capture.Date.Precision);
    }
}
