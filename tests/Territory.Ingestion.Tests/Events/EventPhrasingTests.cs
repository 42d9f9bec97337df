using System.Globalization;
using Territory.Domain.Events;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Phrasing classes the rules were not first written from (passive and agentless voice, nominalisations, relative
/// clauses, control states, completion, motion, approach, withdrawal, retakes, lists, clitics and case suffixes, and
/// the negatives that must stay empty), several per class and per language, in sentences of our own on the small test
/// gazetteer: each line is the control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventPhrasingTests
{
    private static readonly ReportAnalyzer Analyzer = new(TestGazetteer.Index);

    [Theory]
    // 1. passive and agentless voice
    [InlineData("en", "2024-11-30", "Saraqib was captured by rebels on Friday.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "Atarib was taken by insurgents overnight.", "claimed Atareb opposition 2024-11-29..2024-11-30")]
    [InlineData("en", "2024-11-29", "Dana was overrun on Thursday.", "claimed Dana unknown 2024-11-28..2024-11-28")]
    [InlineData("en", "2024-12-02", "Atarib was retaken by government forces on Sunday.", "claimed Atareb government 2024-12-01..2024-12-01")]
    [InlineData("fr", "2024-11-30", "Saraqeb a été reprise vendredi par les rebelles.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Atareb est tombée vendredi.", "claimed Atareb unknown 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-12-06", "Hama est tombée aux mains des rebelles dans la nuit de mercredi à jeudi.", "claimed Hama opposition 2024-12-04..2024-12-05")]
    [InlineData("fr", "2024-11-30", "Dana a été conquise par les jihadistes mercredi dernier.", "claimed Dana opposition 2024-11-27..2024-11-27")]
    [InlineData("tr", "2024-11-30", "Serakib muhalifler tarafından ele geçirildi.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Hama perşembe günü düştü.", "claimed Hama unknown 2024-12-05..2024-12-05")]
    [InlineData("ar", "2024-12-06", "سقطت مدينة حماة بيد الفصائل يوم الخميس.", "claimed Hama opposition 2024-12-05..2024-12-05")]

    // 2. nominalisations: the capture, the fall, the entry
    [InlineData("en", "2024-11-30", "The capture of Atarib by rebels on Friday was confirmed by SOHR.", "claimed Atareb opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-12-06", "The fall of Hama to the insurgents on Thursday was a heavy blow.", "claimed Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-11-30", "Rebels announced the seizure of Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "La prise d'Atareb par les insurgés a été confirmée samedi.", "claimed Atareb opposition 2024-11-30..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont revendiqué la prise de Dana.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-06", "La chute de Hama jeudi marque un tournant.", "claimed Hama unknown 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Les insurgés ont annoncé leur entrée dans Hama.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "أعلنت الفصائل دخول مدينة حماة.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-11-30", "أكد المرصد سقوط سراقب بيد الفصائل.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhaliflerin Halep'e girmesi bölgede dengeleri değiştirdi.", "entered Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Hama'nın düşmesi rejim için ağır bir darbe oldu.", "claimed Hama unknown 2024-11-27..2024-12-06")]

    // 3. announced and claimed framing, reported speech
    [InlineData("en", "2024-11-30", "Rebels announced they had taken Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "The Military Operations Command said its fighters have taken Dana.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "SOHR: rebels have entered Aleppo.", "entered Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels claimed control of Atarib on Friday.", "claimed Atareb opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Les factions affirment contrôler Saraqeb.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "« Nos combattants sont entrés dans Atareb », a déclaré un commandant rebelle.", "entered Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Dana'yı ele geçirdiklerini duyurdu.", "claimed Dana opposition 2024-11-27..2024-11-30")]

    // 4. relative and appositive clauses, control states
    [InlineData("en", "2024-11-30", "Saraqib, which rebels seized on Friday, lies on the M5 highway.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Atareb, que les rebelles ont conquise vendredi, est calme.", "claimed Atareb opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "Atarib, now under rebel control, was quiet.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Saraqib is now in rebel hands.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Dana is now in the hands of the insurgents.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels are in full control of Atarib.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Saraqeb est aux mains des rebelles depuis vendredi.", "claimed Saraqab opposition 2024-11-29..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Dana, désormais sous contrôle des rebelles, a été bombardée.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أصبحت سراقب في يد الفصائل.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-12-06", "باتت حماة في قبضة فصائل المعارضة.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "Serakib artık muhaliflerin kontrolünde.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Halep muhaliflerin kontrolüne geçti.", "claimed Aleppo opposition 2024-11-27..2024-11-30")]

    // 5. completion and consolidation
    [InlineData("en", "2024-11-30", "Rebels completed their takeover of Atarib on Saturday.", "claimed Atareb opposition 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-11-30", "HTS consolidated its control over Dana.", "claimed Dana hts 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Insurgents tightened their grip on Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les insurgés ont parachevé leur contrôle de Saraqeb samedi.", "claimed Saraqab opposition 2024-11-30..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont achevé la prise d'Atareb.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "HTS a consolidé son emprise sur Dana.", "claimed Dana hts 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-12-06", "أحكمت الفصائل سيطرتها الكاملة على مدينة حماة.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-11-30", "استكملت هيئة تحرير الشام السيطرة على سراقب.", "claimed Saraqab hts 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Serakib'de kontrolü tamamen sağladı.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]

    // 6. motion into a place
    [InlineData("en", "2024-11-30", "Rebel fighters swept into Atarib on Friday.", "entered Atareb opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "Insurgents poured into Aleppo overnight.", "entered Aleppo opposition 2024-11-29..2024-11-30")]
    [InlineData("en", "2024-12-06", "HTS fighters rolled into Hama on Thursday.", "entered Hama hts 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-11-30", "Rebels pushed deep into Aleppo.", "entered Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebel columns advanced into New Aleppo.", "entered New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont déferlé sur Alep vendredi.", "entered Aleppo opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-12-06", "Les combattants de HTS ont investi Hama jeudi.", "entered Hama hts 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-11-30", "Les insurgés se sont engouffrés dans Alep.", "entered Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "دخلت فصائل المعارضة مدينة حلب أمس.", "entered Aleppo opposition 2024-11-29..2024-11-29")]
    [InlineData("ar", "2024-11-30", "اقتحم مقاتلو الفصائل سراقب فجر الجمعة.", "entered Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("tr", "2024-11-30", "Muhalifler dün Halep kent merkezine girdi.", "entered Aleppo opposition 2024-11-29..2024-11-29")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep'e girerek birçok mahalleyi kontrol altına aldı.", "entered Aleppo opposition 2024-11-27..2024-11-30")]

    // 7. approach, siege and distance
    [InlineData("en", "2024-12-04", "Rebels closed in on Hama on Wednesday.", "reached Hama opposition 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-12-04", "Insurgents were 10 km from Hama on Tuesday.", "")]
    [InlineData("en", "2024-12-04", "Rebels were on the outskirts of Hama.", "reached Hama opposition 2024-11-27..2024-12-04")]
    [InlineData("en", "2024-12-04", "Rebels came within 5 km of Hama.", "")]
    [InlineData("en", "2024-11-30", "Insurgents tightened the siege of Nayrab airbase.", "reached Nayrab Airbase opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels laid siege to Abu al-Duhur airbase.", "reached Abu al-Duhur Military Airbase opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-04", "Les insurgés se trouvaient mercredi à une dizaine de kilomètres de Hama.", "")]
    [InlineData("fr", "2024-12-04", "Les rebelles sont désormais aux portes de Hama.", "reached Hama opposition 2024-11-27..2024-12-04")]
    [InlineData("fr", "2024-12-04", "Les rebelles resserrent l'étau autour de Hama.", "reached Hama opposition 2024-11-27..2024-12-04")]
    [InlineData("ar", "2024-12-04", "تقدمت الفصائل باتجاه حماة.", "reached Hama opposition 2024-11-27..2024-12-04")]
    [InlineData("ar", "2024-12-04", "باتت الفصائل على بعد 10 كيلومترات من حماة.", "")]
    [InlineData("ar", "2024-11-30", "فرضت الفصائل حصارا على مدينة حماة.", "reached Hama opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-04", "Muhalifler Hama'yı kuşatma altına aldı.", "reached Hama opposition 2024-11-27..2024-12-04")]
    [InlineData("tr", "2024-12-04", "Muhalifler dün Hama'nın kapılarına ulaştı.", "reached Hama opposition 2024-12-03..2024-12-03")]

    // 8. withdrawal
    [InlineData("en", "2024-12-06", "The army redeployed out of Hama on Thursday.", "withdrawn Hama unknown 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Government forces completed their withdrawal from Hama.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-11-30", "Regime troops abandoned Saraqib overnight.", "withdrawn Saraqab unknown 2024-11-29..2024-11-30")]
    [InlineData("fr", "2024-12-06", "Les forces du régime se sont repliées hors de Hama.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-11-30", "L'armée a évacué ses positions à Atareb vendredi.", "withdrawn Atareb unknown 2024-11-29..2024-11-29")]
    [InlineData("ar", "2024-12-06", "أعادت قوات النظام تموضعها خارج مدينة حماة.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-11-30", "انسحب الجيش السوري من سراقب أمس.", "withdrawn Saraqab unknown 2024-11-29..2024-11-29")]
    [InlineData("ar", "2024-11-30", "أعلن الجيش السوري انسحاب قواته من الأتارب.", "withdrawn Atareb unknown 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Hama'yı tahliye etti.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "Suriye ordusu dün Serakib'den geri çekildi.", "withdrawn Saraqab unknown 2024-11-29..2024-11-29")]

    // 9. retakes
    [InlineData("en", "2024-12-02", "Government forces recaptured Atarib on Sunday.", "claimed Atareb government 2024-12-01..2024-12-01")]
    [InlineData("en", "2024-12-02", "The army regained Saraqib.", "claimed Saraqab government 2024-11-27..2024-12-02")]
    [InlineData("en", "2024-12-02", "The army took back Dana on Monday.", "claimed Dana government 2024-12-02..2024-12-02")]
    [InlineData("fr", "2024-12-02", "L'armée a repris Atareb dimanche.", "claimed Atareb government 2024-12-01..2024-12-01")]
    [InlineData("ar", "2024-12-02", "استعادت قوات النظام السيطرة على سراقب.", "claimed Saraqab government 2024-11-27..2024-12-02")]
    [InlineData("ar", "2024-12-02", "استرجع الجيش السوري مدينة الأتارب.", "claimed Atareb government 2024-11-27..2024-12-02")]
    [InlineData("tr", "2024-12-02", "Rejim güçleri Serakib'i geri aldı.", "claimed Saraqab government 2024-11-27..2024-12-02")]

    // 10. lists and coordinated places
    [InlineData("en", "2024-11-30", "Rebels captured Atarib, Dana and Darat Izza.", "claimed Atareb opposition 2024-11-27..2024-11-30|claimed Dana opposition 2024-11-27..2024-11-30|claimed Daret Azza opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris Atareb ainsi que Dana.", "claimed Atareb opposition 2024-11-27..2024-11-30|claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على سراقب والأتارب.", "claimed Saraqab opposition 2024-11-27..2024-11-30|claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Serakib ve Dana'yı ele geçirdi.", "claimed Saraqab opposition 2024-11-27..2024-11-30|claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Serakib ile Dana'yı kontrol altına aldı.", "claimed Saraqab opposition 2024-11-27..2024-11-30|claimed Dana opposition 2024-11-27..2024-11-30")]

    // 11. Arabic verb forms and clitics, Turkish suffixes
    [InlineData("ar", "2024-11-30", "وسيطرت الفصائل على الأتارب.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "فسيطرت هيئة تحرير الشام على سراقب.", "claimed Saraqab hts 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "تسيطر الفصائل الآن على سراقب.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "استولت الفصائل على مدينة الأتارب.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep'in büyük bölümünü kontrol altına aldı.", "claimed Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "HTŞ, Serakib'in kontrolünü cuma günü ele geçirdi.", "claimed Saraqab hts 2024-11-29..2024-11-29")]

    // 12. negatives: future, threats, hopes, denials, questions, history, other meanings
    [InlineData("en", "2024-12-04", "Rebels are expected to reach Hama within days.", "")]
    [InlineData("en", "2024-12-02", "The army vowed to retake Saraqib.", "")]
    [InlineData("en", "2024-12-04", "Will Hama fall next?", "")]
    [InlineData("en", "2024-11-30", "Government forces recaptured Aleppo in 2016.", "")]
    [InlineData("en", "2024-11-30", "Bread prices in Aleppo fell sharply on Friday.", "")]
    [InlineData("en", "2024-11-30", "HTS denied that its fighters had entered Hama.", "")]
    [InlineData("fr", "2024-12-04", "Les rebelles vont tenter d'entrer dans Hama.", "")]
    [InlineData("fr", "2024-12-04", "Le régime a promis de reprendre Saraqeb.", "")]
    [InlineData("fr", "2024-12-04", "Hama va-t-elle tomber ?", "")]
    [InlineData("ar", "2024-12-04", "ستدخل الفصائل حماة خلال أيام.", "")]
    [InlineData("ar", "2024-12-04", "هددت الفصائل باقتحام حماة.", "")]
    [InlineData("ar", "2024-11-30", "استعادت قوات النظام حلب عام 2016.", "")]
    [InlineData("ar", "2024-12-06", "نفت هيئة تحرير الشام دخول مقاتليها إلى حماة.", "")]
    [InlineData("tr", "2024-12-04", "Muhalifler Hama'yı ele geçirecek.", "")]
    [InlineData("tr", "2024-12-04", "Muhalifler Hama'ya girmeyi planlıyor.", "")]
    [InlineData("tr", "2024-11-30", "Rejim güçleri 2016'da Halep'i geri aldı.", "")]
    [InlineData("tr", "2024-12-04", "Muhalifler Hama'ya girdi mi?", "")]
    public void A_phrasing_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text, showKind: false));
    }
}
