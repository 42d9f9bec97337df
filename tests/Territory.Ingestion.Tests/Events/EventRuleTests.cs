using System.Globalization;
using Territory.Domain.Events;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The extractor's rules, one sentence per case in phrasings of our own (not the gold set's), on the small test
/// gazetteer: each line is the control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventRuleTests
{
    private static readonly ReportAnalyzer Analyzer = new(TestGazetteer.Index);

    [Theory]
    // anaphor: « la ville » is the city just named; one event per place per sentence, the capture winning
    [InlineData("fr", "2024-11-30", "Samedi, les insurgés ont atteint Saraqib et se sont emparés d'une grande partie de la ville.", "claimed Saraqab opposition 2024-11-30..2024-11-30")]
    // apposition: the place after a comma locates the one taken
    [InlineData("fr", "2024-12-02", "Les rebelles ont pris Dana, à une trentaine de kilomètres d'Idlib, lundi.", "claimed Dana opposition 2024-12-02..2024-12-02")]
    // a road's ends are not where it was cut
    [InlineData("en", "2024-11-29", "Insurgents cut the road linking Hama and Aleppo near Saraqib on Thursday.", "reached Saraqab opposition 2024-11-28..2024-11-28")]
    // a withdrawal with the side that moved in
    [InlineData("en", "2024-11-30", "Government forces abandoned Atarib before rebel fighters moved into the town.", "withdrawn Atareb opposition 2024-11-27..2024-11-30")]
    // civilians fleeing is no withdrawal
    [InlineData("fr", "2024-11-30", "Des milliers d'habitants ont fui Atareb vers Idlib.", "")]
    // an aside in parentheses holds no subject
    [InlineData("en", "2024-12-04", "HTS (banned as a terrorist group in Russia) reached Hama on Tuesday.", "reached Hama hts 2024-12-03..2024-12-03")]
    // a count's region is not taken, the listed places are
    [InlineData("en", "2024-11-29", "Rebels captured 12 villages in Aleppo province, including Darat Izza and Atarib.", "claimed Daret Azza opposition 2024-11-27..2024-11-29|claimed Atareb opposition 2024-11-27..2024-11-29")]
    // a place listed with a province is a province's
    [InlineData("fr", "2024-11-30", "L'armée s'est retirée de plusieurs positions dans la province d'Idlib et Hama voisine.", "")]
    // « depuis 2016 » measures, it does not make history
    [InlineData("en", "2024-11-30", "For the first time since 2016, rebel fighters entered Aleppo on Friday.", "entered Aleppo opposition 2024-11-29..2024-11-29")]
    // a date inside the verb's words
    [InlineData("fr", "2024-12-06", "Les rebelles sont entrés jeudi dans Hama.", "entered Hama opposition 2024-12-05..2024-12-05")]
    // a date in another clause dates another verb
    [InlineData("fr", "2024-11-30", "Les factions ont atteint Saraqib ; la veille, elles avaient pris Dana.", "reached Saraqab opposition 2024-11-27..2024-11-30|claimed Dana opposition 2024-11-29..2024-11-29")]
    // Arabic: the side that enters after the withdrawal
    [InlineData("ar", "2024-11-30", "انسحبت قوات النظام من الأتارب قبل أن تدخلها الفصائل.", "withdrawn Atareb opposition 2024-11-27..2024-11-30")]
    // Arabic: « تحرير » inside an actor's name is no verb
    [InlineData("ar", "2024-11-30", "قالت هيئة تحرير الشام إن مقاتليها دخلوا حلب.", "entered Aleppo hts 2024-11-27..2024-11-30")]
    // Turkish: « kenti » is the city named in the clause before; the subject opens its own clause
    [InlineData("tr", "2024-11-30", "Muhalifler Serakib'e girdi; rejim güçleri kenti terk etti.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30")]
    // Turkish: « İdlib'deki » locates
    [InlineData("tr", "2024-11-30", "Muhalifler İdlib'deki Dana'yı ele geçirdi.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    // reaching needs someone who moves
    [InlineData("tr", "2024-12-02", "Soğuk hava dalgası Halep'i kuşattı.", "")]
    // fighting: the attacker is the side that does not hold
    [InlineData("en", "2024-11-29", "Clashes broke out in Saraqib between government troops and the rebels.", "contested Saraqab opposition 2024-11-27..2024-11-29")]
    public void A_sentence_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text, showKind: false));
    }
}
