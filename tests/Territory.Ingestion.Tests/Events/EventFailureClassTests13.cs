using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// The failure classes after set 15 (a "first time since YEAR" aside; reported falls and abandonments; relative clauses
/// that carry a second event; a withdrawal with its incomer in the same sentence or the next; Arabic words that only
/// start like a denial), in sentences of our own on the small test gazetteer with a few places added: each line is the
/// control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests13
{
    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly GazetteerEntry Manbij = TestGazetteer.Place(PlaceKind.City, "Manbij", 37.9533, 36.5281, "SY02", 100_000, GazetteerSources.Ocha, "Menbiç", "منبج");

    private static readonly GazetteerEntry Raqqa = TestGazetteer.Place(PlaceKind.City, "Ar-Raqqa", 39.0167, 35.9500, "SY11", 200_000, GazetteerSources.Ocha, "Raqqa", "Rakka", "الرقة");

    private static readonly GazetteerEntry Morek = TestGazetteer.Place(PlaceKind.Town, "Morek", 36.6570, 35.3930, "SY05", 20_000, GazetteerSources.Ocha, "Mourek", "مورك");

    private static readonly GazetteerEntry Bab = TestGazetteer.Place(PlaceKind.Neighbourhood, "Bab Qebli", 36.7600, 35.1300, "SY05", null, GazetteerSources.Ocha, "باب قبلي");

    private static readonly GazetteerEntry Hader = TestGazetteer.Place(PlaceKind.Neighbourhood, "Hader", 36.7450, 35.1400, "SY05", null, GazetteerSources.Ocha, "الحاضر");

    private static readonly GazetteerEntry HamaAirport = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7110, 35.1180, "SY05", null, GazetteerSources.Curated, "Hama airbase", "Hama military airport", "aéroport militaire de Hama", "مطار حماة العسكري");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, TestGazetteer.AleppoAirport, TestGazetteer.AleppoCitadel, Homs, Manbij, Raqqa, Morek, Bab, Hader, HamaAirport]));

    [Theory]
    // 1. a "first time since YEAR" aside does not make the sentence history
    [InlineData("en", "2024-12-06", "Insurgents pushed into Hama on Thursday, witnesses said, the first time the opposition has held the city since the army crushed it in 1982.", "entered Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Les rebelles sont entrés dans Homs, une première depuis le début du conflit en 2011.", "entered Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-01", "Les insurgés ont pris l'aéroport d'Alep, pour la première fois depuis 2012.", "claimed Aleppo International Airport/airport opposition 2024-11-27..2024-12-01")]
    [InlineData("ar", "2024-12-06", "اقتحمت الفصائل حيي باب قبلي والحاضر في مدينة حماة، في أول دخول لها إلى المدينة منذ عام 2012.", "entered Bab Qebli opposition 2024-11-27..2024-12-06|entered Hader opposition 2024-11-27..2024-12-06|entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler 2015'ten bu yana ilk kez Humus'a girdi.", "entered Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The army retook Homs in 2014.", "")]
    [InlineData("fr", "2024-12-06", "Les rebelles étaient entrés dans Homs en 2012.", "")]

    // 2. reported falls (pluperfect), and abandonments by security forces or army troops: the government loses
    [InlineData("en", "2024-12-06", "Locals said Homs had fallen, with barely a shot fired.", "claimed Homs unknown 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Saraqib had been overrun by Thursday, residents said.", "claimed Saraqab unknown 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Des habitants ont dit que Homs était tombée presque sans combat.", "claimed Homs unknown 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Hama fell on Thursday, leaving the insurgents in control of the city.", "claimed Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Hama est tombée jeudi, laissant les insurgés maîtres de la ville.", "claimed Hama opposition 2024-12-05..2024-12-05")]

    // 4. a withdrawal with its incomer in the next sentence, at an anaphor of the same city; Arabic redeployments outside a city
    [InlineData("en", "2024-12-06", "The army said it had pulled out of Hama. Insurgents reached the city centre.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'armée a annoncé s'être retirée de Hama. Les insurgés ont atteint le centre-ville.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The army said it had pulled out of Hama. Insurgents reached Morek.", "withdrawn Hama unknown 2024-11-27..2024-12-06|reached Morek opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "وقالت القيادة العامة للجيش إن وحداتها أعادت انتشارها وتموضعها خارج مدينة حماة.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les FDS se sont déployées à Raqqa après le retrait des forces gouvernementales.", "withdrawn Ar-Raqqa sdf 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Kurdish-led forces deployed in Raqqa after government troops withdrew.", "withdrawn Ar-Raqqa sdf 2024-11-27..2024-12-06")]

    // 6. « ainsi que », « de même que » (list continuations in the data) carry the list on
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris Saraqib de même que Dana.", "claimed Saraqab opposition 2024-11-27..2024-12-06|claimed Dana opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont pris l'aéroport d'Alep ainsi que la citadelle d'Alep.", "claimed Aleppo International Airport/airport opposition 2024-11-27..2024-12-06|claimed Aleppo Citadel/landmark opposition 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

    // Security forces and army troops are the government's when no other owner is named: they lose what they abandon.
    [Theory]
    [InlineData("en", "Security forces abandoned Hama during the night.")]
    [InlineData("fr", "Les forces de sécurité ont abandonné Hama dans la nuit.")]
    [InlineData("ar", "انسحبت قوات الأمن من مدينة حماة.")]
    [InlineData("tr", "Güvenlik güçleri Hama'yı terk etti.")]
    [InlineData("en", "Army troops abandoned Morek.")]
    public void Security_forces_abandoning_a_place_are_the_government_withdrawing(string language, string text)
    {
        var change = Analyzer.Analyze(text, new DateOnly(2024, 12, 6), language).Events.Single(e => e.Kind == EventKind.ControlChange);
        Assert.Equal((ControlTier.Withdrawn, "government", "unknown"), (change.Tier!.Value, change.Loser.Key, change.Gainer.Key));
    }

    // 5. « نفذ » (carry out) only starts like « نفى » (deny): the denial forms are exact words.
    [Theory]
    [InlineData("قالت وزارة الدفاع إن وحداتها نفذت عملية إعادة انتشار لحماية المدنيين في مدينة حماة.", false)]
    [InlineData("بدأت الفصائل تنفيذ هجومها على مدينة حماة.", false)]
    [InlineData("نفى الجيش سيطرة الفصائل على مدينة حماة.", true)]
    [InlineData("ونفت وزارة الدفاع دخول الفصائل إلى مدينة حماة.", true)]
    public void Only_an_Arabic_word_of_denial_denies(string text, bool denied)
    {
        Assert.Equal(denied, Analyzer.Analyze(text, new DateOnly(2024, 12, 6), "ar").Events.Any(e => e.Kind == EventKind.Denial));
    }
}
