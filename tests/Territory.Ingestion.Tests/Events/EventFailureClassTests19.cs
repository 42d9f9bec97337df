using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The sixth round of failure classes in English and French (a place's edge after the verb's object only locates it;
/// passive and fronted holds; shapes of abandonment; tier and sequence; the government's own forces and gapped verbs),
/// in sentences of our own on the small test gazetteer with a few places added: each line is the control changes
/// expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests19
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6570, 35.3930, "SY05", 20_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry Zerbah = TestGazetteer.Place(PlaceKind.Village, "Zerbah", 37.0000, 36.0900, "SY02", 3_000, GazetteerSources.Ocha, "Zerba", "Zirbah");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([.. TestGazetteer.All, Homs, Morek, Zerbah]));

    [Theory]
    // 1. a place's edge, behind a word of where after the verb's object, only locates that object; a road's other end past a pronoun
    [InlineData("en", "2024-11-30", "Fighters stormed the old cement works on Aleppo's southern edge overnight.", "")]
    [InlineData("en", "2024-11-30", "Rebels took a hilltop along Hama's northern fringe.", "")]
    [InlineData("fr", "2024-11-30", "Les combattants ont investi une caserne à la lisière sud d'Alep.", "")]
    [InlineData("fr", "2024-11-30", "Les insurgés ont pris une colline sur la bordure nord de Hama.", "")]
    [InlineData("en", "2024-11-30", "Rebels took Dana and cut the highway connecting it to Aleppo.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris Dana et coupé l'autoroute la reliant à Alep.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels reached Aleppo's southern edge.", "reached Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont atteint la lisière sud d'Alep.", "reached Aleppo opposition 2024-11-27..2024-11-30")]

    // 2. a passive hold told now ('is now held by'), and a fronted or apposed « maîtres de »
    [InlineData("en", "2024-12-06", "Much of western Aleppo province, including the town of Daret Azza, is now held by HTS.", "claimed Daret Azza hts 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Atarib is now held by the rebels.", "claimed Atareb opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Maîtres de Dana depuis jeudi, les insurgés avancent vers Alep.", "claimed Dana opposition 2024-12-05..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles, désormais maîtres d'Atareb, avancent vers Alep.", "claimed Atareb opposition 2024-11-27..2024-12-06")]

    // 3. abandonment: positions a passive withdrawal left, and civilians who speak are no subject of the withdrawal
    [InlineData("en", "2024-12-06", "Army outposts in Morek and Dana were abandoned without a fight.", "withdrawn Morek unknown 2024-11-27..2024-12-06|withdrawn Dana unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les postes de l'armée à Dana ont été évacués dans la nuit.", "withdrawn Dana unknown 2024-12-05..2024-12-06")]
    [InlineData("en", "2024-12-06", "Residents told AFP the army had hastily abandoned Morek.", "withdrawn Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Des habitants ont affirmé que l'armée avait abandonné Morek.", "withdrawn Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Residents abandoned Morek.", "")]
    [InlineData("fr", "2024-12-06", "Des habitants ont abandonné Morek.", "")]
    [InlineData("fr", "2024-12-04", "Les combattants kurdes ont quitté Tall Refaat, où se sont déployés les supplétifs d'Ankara.", "withdrawn Tall Refaat opposition 2024-11-27..2024-12-04")]
    [InlineData("fr", "2024-12-04", "Les supplétifs d'Ankara se sont déployés dans Tall Refaat.", "")]

    // 4. arriving on a city's outskirts is reaching it
    [InlineData("fr", "2024-12-07", "Les insurgés sont arrivés vendredi aux abords de Homs.", "reached Homs opposition 2024-12-06..2024-12-06")]
    [InlineData("fr", "2024-12-07", "Les rebelles sont arrivés à la périphérie de Hama.", "reached Hama opposition 2024-11-27..2024-12-07")]
    [InlineData("en", "2024-12-07", "Insurgents arrived on the outskirts of Hama.", "reached Hama opposition 2024-11-27..2024-12-07")]

    // 5. the ministry of defence speaks for the government's own forces (a foreign one for its own); fighting to and fro is contested
    [InlineData("en", "2024-12-06", "The defence ministry said its troops, supported by Russian jets, had retaken Morek and Atarib.", "claimed Morek government 2024-11-27..2024-12-06|claimed Atareb government 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Le ministère de la Défense a assuré que ses unités avaient repris Morek.", "claimed Morek government 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The Turkish defence ministry said its forces had entered Tal Rifaat.", "entered Tall Refaat opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The front line swung back and forth over Morek for days.", "contested Morek unknown 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Fighting swung back and forth over Dana.", "contested Dana unknown 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

    // « les supplétifs (syriens) de la Turquie », "Turkey's Syrian proxies" are the SNA.
    [Theory]
    [InlineData("fr", "Les combattants kurdes ont évacué Tall Refaat, où se sont déployés les supplétifs syriens de la Turquie.")]
    [InlineData("en", "Turkey's Syrian proxies entered Tal Rifaat.")]
    public void Turkeys_proxies_are_the_sna(string language, string text)
    {
        var change = Analyzer.Analyze(text, new DateOnly(2024, 12, 6), language).Events.Single(e => e.Kind == EventKind.ControlChange);
        Assert.Equal("sna", change.Gainer.Key);
    }
}
