using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The classes of failure a sixth blind evaluation found (lists with a repeated preposition, a city's airport, reported speech
/// with quoted nouns, a state at a day, fighting with the place first, fronted participle clauses, withdrawals with an incomer,
/// loss verbs with an apposition, and advances, denials, countrysides and religious words that are no event), in sentences of
/// our own on the small test gazetteer with an airport, the citadel and a village added: each line is the control changes
/// expected as « tier place side from..to », joined by « | »; a place that is not a settlement shows its kind.
/// </summary>
public class EventFailureClassTests6
{
    private static readonly GazetteerEntry Shathah = TestGazetteer.Place(PlaceKind.Village, "Shathah", 36.3000, 35.5000, "SY05", 2_000, GazetteerSources.Ocha, "Shiite");

    private static readonly GazetteerIndex Index = GazetteerIndex.Build([.. TestGazetteer.All, TestGazetteer.AleppoAirport, TestGazetteer.AleppoCitadel, Shathah]);

    private static readonly ReportAnalyzer Analyzer = new(Index);

    [Theory]
    // 1. lists with a repeated preposition
    [InlineData("fr", "2024-11-30", "Les rebelles ont pénétré dans Hamadaniyeh et dans la Nouvelle-Alep.", "entered Hamadaniyeh opposition 2024-11-27..2024-11-30|entered New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels entered Hamadaniyeh and into New Aleppo.", "entered Hamadaniyeh opposition 2024-11-27..2024-11-30|entered New Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Dana'ya ve Atarib'e girdi.", "entered Dana opposition 2024-11-27..2024-11-30|entered Atareb opposition 2024-11-27..2024-11-30")]

    // 2. a city and its airport
    [InlineData("fr", "2024-11-30", "Les rebelles contrôlent désormais la majeure partie de la ville d'Alep ainsi que l'aéroport international.", "claimed Aleppo opposition 2024-11-27..2024-11-30|claimed Aleppo International Airport/airport opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels now control Aleppo and its airport.", "claimed Aleppo opposition 2024-11-27..2024-11-30|claimed Aleppo International Airport/airport opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على مدينة حلب ومطارها.", "claimed Aleppo opposition 2024-11-27..2024-11-30|claimed Aleppo International Airport/airport opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels took Aleppo, but the airport remained in government hands.", "claimed Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels now control Dana and its airport.", "claimed Dana opposition 2024-11-27..2024-11-30")]

    // 3. reported speech with quoted nouns
    [InlineData("fr", "2024-11-30", "L'armée a reconnu que des « groupes terroristes » étaient entrés dans de « larges parties » d'Alep.", "entered Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "The army acknowledged that \"terrorist groups\" had entered \"large parts\" of Aleppo.", "entered Aleppo opposition 2024-11-27..2024-11-30")]

    // 4. a state at a day
    [InlineData("fr", "2024-12-04", "Mardi, les combattants antirégime étaient aux portes de Hama.", "reached Hama opposition 2024-12-03..2024-12-03")]
    [InlineData("en", "2024-12-04", "On Tuesday, anti-regime fighters were at the gates of Hama.", "reached Hama opposition 2024-12-03..2024-12-03")]

    // 5. fighting with the place first
    [InlineData("fr", "2024-12-04", "De violents combats se déroulent depuis mardi à l'intérieur de Saraqib, selon l'OSDH, entre rebelles et forces gouvernementales.", "contested Saraqab opposition 2024-12-03..2024-12-04")]
    [InlineData("en", "2024-12-04", "Fierce fighting has been raging inside Saraqib since Tuesday between rebels and government forces.", "contested Saraqab opposition 2024-12-03..2024-12-04")]

    // 6. fronted participle clauses
    [InlineData("fr", "2024-11-30", "Entrés la veille à Alep, les combattants de HTS ont pris samedi la citadelle d'Alep.", "entered Aleppo hts 2024-11-29..2024-11-29|claimed Aleppo Citadel/landmark hts 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-11-30", "Having entered Dana on Friday, the rebels took Atarib on Saturday.", "entered Dana opposition 2024-11-29..2024-11-29|claimed Atareb opposition 2024-11-30..2024-11-30")]

    // 7. withdrawals with an incomer
    [InlineData("fr", "2024-11-30", "Les forces gouvernementales se sont retirées de Tal Rifaat, où les FDS, dominées par les Kurdes, se sont aussitôt déployées.", "withdrawn Tall Refaat sdf 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Government forces withdrew from Dana and Turkish-backed fighters moved in.", "withdrawn Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "الفصائل تدخل بلدة سراقب بعد انسحاب قوات النظام منها.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أعلنت إدارة العمليات العسكرية السيطرة الكاملة على مدينة حماة بعد انسحاب قوات النظام منها.", "claimed Hama opposition 2024-11-27..2024-11-30")]

    // 8. loss verbs with an apposition
    [InlineData("en", "2024-11-30", "The army lost control of Dana, the cradle of the uprising, on Friday.", "claimed Dana unknown 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "L'armée a perdu vendredi le contrôle de Dana, berceau du soulèvement.", "claimed Dana unknown 2024-11-29..2024-11-29")]

    // 9. precision: advances without arrival, denials of reports, countrysides, a matter of time, religious words
    [InlineData("en", "2024-11-30", "Rebels captured Saraqib and pressed on towards Hama.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Kurdish forces still hold Tal Rifaat, dismissing reports that the district had fallen to Turkish-backed factions.", "")]
    [InlineData("ar", "2024-11-30", "استعادت قوات النظام السيطرة على عدة نقاط في ريف حماة الشمالي.", "")]
    [InlineData("en", "2024-11-30", "The army regained control of several points in the northern Hama countryside.", "")]
    [InlineData("tr", "2024-11-30", "Kaynaklar, muhaliflerin Hama'ya girmesinin an meselesi olduğunu belirtiyor.", "")]
    [InlineData("en", "2024-11-30", "Shiite militias were sent to reinforce the front.", "")]
    [InlineData("fr", "2024-11-30", "Des milices chiites ont été envoyées en renfort.", "")]

    // controls
    [InlineData("en", "2024-11-30", "Rebels captured Saraqib and reached Hama.", "claimed Saraqab opposition 2024-11-27..2024-11-30|reached Hama opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Hama'ya girdi.", "entered Hama opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels took Shathah.", "claimed Shathah opposition 2024-11-27..2024-11-30")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
