using System.Globalization;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The classes of failure a blind evaluation found (actor wordings, report verbs with a complement, sequence clauses, cut
/// roads, long gaps, withdrawals with an incomer, fighting between two sides, coordinated objects; states of no change,
/// aggregate areas, other senses, the scope of threats, regions), several per class and language, in sentences of our
/// own on the small test gazetteer (with an airport and a citadel added): each line is the control changes expected as
/// « tier place side from..to », joined by « | »; a place that is not a settlement shows its kind (« Aleppo/governorate »).
/// </summary>
public class EventFailureClassTests
{
    private static readonly GazetteerIndex Index = GazetteerIndex.Build([.. TestGazetteer.All, TestGazetteer.AleppoAirport, TestGazetteer.AleppoCitadel]);

    private static readonly ReportAnalyzer Analyzer = new(Index);

    [Theory]
    // 1. actor wordings: group nouns, state media's first person, "X fighters", Kurdish fighters
    [InlineData("en", "2024-11-30", "The jihadist-led alliance captured Saraqib on Friday.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "The Islamist-led coalition seized Atarib.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "The revolutionaries entered Dana on Thursday.", "entered Dana opposition 2024-11-28..2024-11-28")]
    [InlineData("en", "2024-12-06", "Revolutionary forces took control of Hama on Thursday.", "claimed Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-02", "Units of our armed forces regained control of Atarib on Sunday.", "claimed Atareb government 2024-12-01..2024-12-01")]
    [InlineData("en", "2024-12-02", "Our armed forces recaptured Saraqib.", "claimed Saraqab government 2024-11-27..2024-12-02")]
    [InlineData("fr", "2024-12-02", "Nos forces armées ont repris Saraqib dimanche.", "claimed Saraqab government 2024-12-01..2024-12-01")]
    [InlineData("fr", "2024-12-06", "Les combattants de HTS sont entrés dans Hama jeudi.", "entered Hama hts 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-11-30", "Des combattants kurdes sont entrés dans Tall Refaat.", "entered Tall Refaat sdf 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Kurdish fighters entered Tall Refaat on Friday.", "entered Tall Refaat sdf 2024-11-29..2024-11-29")]
    [InlineData("ar", "2024-12-02", "استعادت وحدات من قواتنا المسلحة السيطرة على الأتارب.", "claimed Atareb government 2024-11-27..2024-12-02")]
    [InlineData("ar", "2024-12-02", "استعادت قواتنا المسلحة السيطرة على سراقب.", "claimed Saraqab government 2024-11-27..2024-12-02")]
    [InlineData("ar", "2024-12-06", "دخل مقاتلو هيئة تحرير الشام مدينة حماة.", "entered Hama hts 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les révolutionnaires sont entrés dans Hama jeudi.", "entered Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-11-30", "La coalition islamiste s'est emparée de Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-02", "Des unités de nos forces armées ont repris le contrôle de Dana.", "claimed Dana government 2024-11-27..2024-12-02")]
    [InlineData("tr", "2024-12-06", "Devrimciler Hama'ya girdi.", "entered Hama opposition 2024-11-27..2024-12-06")]

    // 2. report verbs with an infinitive or perfect complement, restore verbs, declared liberated, Turkish idioms
    [InlineData("fr", "2024-11-30", "Les rebelles ont annoncé avoir pris Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-02", "L'armée affirme avoir repris Atareb.", "claimed Atareb government 2024-11-27..2024-12-02")]
    [InlineData("en", "2024-11-30", "HTS said it had captured Dana on Friday.", "claimed Dana hts 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "Rebels claimed to have taken Atarib.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "The rebels announced the capture of Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-12-02", "Government forces restored control over Atarib.", "claimed Atareb government 2024-11-27..2024-12-02")]
    [InlineData("en", "2024-12-02", "The army re-established control of Saraqib on Monday.", "claimed Saraqab government 2024-12-02..2024-12-02")]
    [InlineData("fr", "2024-12-02", "L'armée a rétabli son contrôle sur Dana.", "claimed Dana government 2024-11-27..2024-12-02")]
    [InlineData("ar", "2024-12-02", "تستعيد قوات النظام السيطرة على سراقب.", "claimed Saraqab government 2024-11-27..2024-12-02")]
    [InlineData("en", "2024-11-30", "Rebels declared Saraqib liberated on Saturday.", "claimed Saraqab opposition 2024-11-30..2024-11-30")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont déclaré Hama libérée.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "SMO Dana'yı terörden temizledi.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Dana terörden temizlendi.", "claimed Dana unknown 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Serakib ilçesi muhaliflerin kontrolüne geçti.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-04", "Muhalifler Hama'ya kadar ilerledi.", "reached Hama opposition 2024-11-27..2024-12-04")]
    [InlineData("en", "2024-12-02", "The army said it had restored control over Dana.", "claimed Dana government 2024-11-27..2024-12-02")]
    [InlineData("ar", "2024-12-02", "أعلنت قواتنا المسلحة إعادة السيطرة على سراقب.", "claimed Saraqab government 2024-11-27..2024-12-02")]
    [InlineData("tr", "2024-12-06", "Hama kenti muhaliflerin kontrolüne geçti.", "claimed Hama opposition 2024-11-27..2024-12-06")]

    // 3. sequence clauses whose event did happen
    [InlineData("en", "2024-11-30", "Rebels regrouped on Friday before taking Atarib.", "claimed Atareb opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Les insurgés se sont regroupés avant de prendre Dana.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "After seizing Dana, the rebels pushed on.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont poursuivi leur avancée après avoir pris Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Hours after announcing the capture of Saraqib, rebels regrouped.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "واصلت الفصائل تقدمها بعد أن سيطروا على سراقب.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "The rebels regrouped after capturing Saraqib on Friday.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("tr", "2024-12-04", "Muhalifler Serakib'i ele geçirdikten sonra Hama'ya ilerledi.", "claimed Saraqab opposition 2024-11-27..2024-12-04|reached Hama opposition 2024-11-27..2024-12-04")]

    // 4. a road cut at a place
    [InlineData("en", "2024-11-30", "Rebels cut the M5 highway near Saraqib on Friday.", "reached Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Les insurgés ont coupé l'autoroute à hauteur de Saraqib.", "reached Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Insurgents severed the road at Atarib.", "reached Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "قطعت الفصائل الطريق الدولي عند سراقب.", "reached Saraqab opposition 2024-11-27..2024-11-30")]

    // 5. long gaps between a place and its passive verb
    [InlineData("en", "2024-11-30", "Nayrab airbase, from which jets flew for years, was overrun by rebels on Thursday.", "claimed Nayrab Airbase opposition 2024-11-28..2024-11-28")]
    [InlineData("fr", "2024-12-06", "Hama, l'une des principales positions de l'armée, est tombée dès mercredi soir aux mains des insurgés.", "claimed Hama opposition 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-11-30", "Saraqib fell to the rebels late on Thursday.", "claimed Saraqab opposition 2024-11-28..2024-11-28")]
    [InlineData("fr", "2024-11-30", "Atareb est tombée jeudi soir aux mains des rebelles.", "claimed Atareb opposition 2024-11-28..2024-11-28")]
    [InlineData("ar", "2024-12-06", "سقطت مدينة حماة، أحد أهم معاقل النظام، بيد الفصائل مساء الخميس.", "claimed Hama opposition 2024-12-05..2024-12-05")]

    // 6. a withdrawal with a named incomer
    [InlineData("en", "2024-11-30", "Troops abandoned their positions in Atarib, where HTS fighters then entered.", "withdrawn Atareb hts 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "The SDF moved into Tall Refaat, vacated by government forces.", "withdrawn Tall Refaat sdf 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-12-06", "Troops were redeployed out of Hama after the terrorists entered it.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-11-30", "L'armée s'est retirée de Dana, où les rebelles sont ensuite entrés.", "withdrawn Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "انسحبت قوات النظام من الأتارب حيث دخلت الفصائل.", "withdrawn Atareb opposition 2024-11-27..2024-11-30")]

    // 7. fighting between two sides at a place
    [InlineData("fr", "2024-11-30", "De violents affrontements opposent rebelles et soldats sur Saraqib.", "contested Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Clashes between rebels and troops raged around Atarib.", "contested Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Fierce clashes pitted rebels against soldiers in Dana.", "contested Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "اندلعت اشتباكات بين الفصائل وقوات النظام في سراقب.", "contested Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Serakib'de muhalifler ile rejim güçleri arasında çatışmalar sürüyor.", "contested Saraqab opposition 2024-11-27..2024-11-30")]

    // 8. coordinated objects that share a verb
    [InlineData("en", "2024-11-30", "Rebels seized most of Aleppo along with the Aleppo airport.", "claimed Aleppo opposition 2024-11-27..2024-11-30|claimed Aleppo International Airport/airport opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris la plus grande partie d'Alep ainsi que l'aéroport d'Alep.", "claimed Aleppo opposition 2024-11-27..2024-11-30|claimed Aleppo International Airport/airport opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep ve Halep Kalesi'ni kontrolüne aldı.", "claimed Aleppo opposition 2024-11-27..2024-11-30|claimed Aleppo Citadel/landmark opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Government troops fled the towns of Atarib and Dana as rebels closed in.", "reached Atareb opposition 2024-11-27..2024-11-30|reached Dana opposition 2024-11-27..2024-11-30")]

    [InlineData("en", "2024-11-30", "Troops pulled out of Saraqib as rebels advanced on Friday.", "reached Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "Troops pulled out of Saraqib and rebels moved in.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30")]

    // 9. a state of no change
    [InlineData("en", "2024-12-05", "Hama remained in government hands on Thursday.", "")]
    [InlineData("en", "2024-11-30", "Saraqib is still held by the army.", "")]
    [InlineData("fr", "2024-12-05", "Hama reste aux mains du régime.", "")]
    [InlineData("fr", "2024-12-05", "Hama demeure sous le contrôle de l'armée.", "")]
    [InlineData("ar", "2024-12-05", "لا تزال حماة تحت سيطرة قوات النظام.", "")]
    [InlineData("tr", "2024-12-05", "Hama hâlâ rejimin kontrolünde.", "")]
    [InlineData("en", "2024-11-30", "Dana stayed under army control.", "")]
    [InlineData("fr", "2024-12-02", "L'armée a encore repris Atareb dimanche.", "claimed Atareb government 2024-12-01..2024-12-01")]
    [InlineData("en", "2024-12-02", "Government forces still recaptured Atarib on Sunday.", "claimed Atareb government 2024-12-01..2024-12-01")]
    [InlineData("fr", "2024-11-30", "Saraqib est toujours tenue par l'armée.", "")]

    // 10. aggregate areas and counts
    [InlineData("en", "2024-11-30", "Rebels took control of more than 400 km² in the provinces of Aleppo and Idlib.", "")]
    [InlineData("en", "2024-11-30", "Rebels seized over 70 towns and villages in the countryside of Aleppo and Idlib.", "")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris le contrôle de plus de 400 km² dans les provinces d'Alep et d'Idleb.", "")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على أكثر من 50 قرية وبلدة في ريف حلب وإدلب.", "")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep ve İdlib kırsalında 70 köyü ele geçirdi.", "")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على أكثر من 400 كيلومتر مربع في محافظتي حلب وإدلب.", "")]

    // 11. other senses: an abstract subject
    [InlineData("en", "2024-11-30", "Panic seized the districts of Aleppo on Friday.", "")]
    [InlineData("fr", "2024-11-30", "La panique s'est emparée d'Alep vendredi.", "")]
    [InlineData("en", "2024-12-05", "Fear gripped Hama on Thursday.", "")]
    [InlineData("en", "2024-11-30", "Fire engulfed the market of Saraqib.", "")]
    [InlineData("ar", "2024-11-30", "سيطر الذعر على سكان حلب.", "")]
    [InlineData("tr", "2024-11-30", "Panik Halep'i ele geçirdi.", "")]

    [InlineData("en", "2024-11-30", "Rebels opened fire and seized Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Amid panic, rebels seized Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles se sont emparés d'Alep dans la panique.", "claimed Aleppo opposition 2024-11-27..2024-11-30")]

    // 12. the scope of threats
    [InlineData("en", "2024-11-30", "The ministry vowed its forces would retake all the areas the terrorists entered in Aleppo and Idlib.", "")]
    [InlineData("fr", "2024-11-30", "Le ministère a promis que ses forces reprendraient toutes les zones où les terroristes sont entrés à Alep et Idleb.", "")]
    [InlineData("ar", "2024-11-30", "توعدت وزارة الدفاع باستعادة كل المناطق التي دخلها الإرهابيون في حلب وإدلب.", "")]

    [InlineData("en", "2024-11-30", "The army vowed to retake Saraqib, which rebels seized on Friday.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "L'armée a promis de reprendre les zones perdues, mais les rebelles sont entrés dans Dana samedi.", "entered Dana opposition 2024-11-30..2024-11-30")]

    // 13. a region's mention is no event at its city
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على الأتارب في ريف حلب الغربي.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels captured Atarib and advanced in the Aleppo countryside.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "انسحبت قوات النظام من ريف حلب الغربي بعد أن دخلت الفصائل منها إلى الأتارب.", "entered Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "تقدمت الفصائل في ريف حلب الغربي بعد انسحاب قوات النظام منها.", "")]
    [InlineData("fr", "2024-11-30", "L'armée s'est retirée de la campagne d'Alep.", "")]
    [InlineData("en", "2024-11-30", "Rebels seized Atarib after the army withdrew from the Aleppo countryside.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

}
