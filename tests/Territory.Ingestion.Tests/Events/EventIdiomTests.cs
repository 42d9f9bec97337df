using System.Globalization;
using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Common phrasings of a capture, a withdrawal or a fight, several per idiom, in sentences of our own on the small test
/// gazetteer (with an airport and an airbase added): each line is the control changes expected as
/// « tier place side from..to », joined by « | ».
/// </summary>
public class EventIdiomTests
{
    private static readonly GazetteerEntry HamaAirbase = TestGazetteer.Place(PlaceKind.Airbase, "Hama Military Airport", 36.7114, 35.1179, "SY05", null, GazetteerSources.Curated,
        "Hama airbase", "aéroport militaire de Hama", "مطار حماة العسكري", "Hama Askeri Havalimanı");

    private static readonly GazetteerIndex Index = GazetteerIndex.Build([.. TestGazetteer.All, TestGazetteer.AleppoAirport, HamaAirbase]);

    private static readonly ReportAnalyzer Analyzer = new(Index);

    [Theory]
    // 1. French capture idioms
    [InlineData("fr", "2024-11-30", "Les rebelles se sont rendus maîtres de Saraqib samedi.", "claimed Saraqab opposition 2024-11-30..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les insurgés se rendent maîtres d'Atareb.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Saraqib est désormais sous le contrôle des rebelles.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Atareb est à présent sous contrôle des factions.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "La ville de Dana est sous le contrôle de Hayat Tahrir al-Cham depuis jeudi.", "claimed Dana hts 2024-11-28..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Dana est passée aux mains des rebelles jeudi.", "claimed Dana opposition 2024-11-28..2024-11-28")]
    [InlineData("fr", "2024-12-06", "Hama passe aux mains des insurgés.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-11-30", "Les jihadistes ont conquis Saraqib vendredi.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Les rebelles conquièrent Atareb.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Saraqib est tenue par les rebelles désormais.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-06", "L'opposition a repris Hama à l'armée jeudi.", "claimed Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-11-30", "Les factions reprennent Saraqib, perdue il y a quatre ans.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles reprend Dana.", "claimed Dana opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles affirment avoir libéré Atareb.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les factions annoncent la libération de Saraqib.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les insurgés libèrent Dana.", "claimed Dana opposition 2024-11-27..2024-11-30")]

    // 2. French withdrawal idioms: nobody named moves in
    [InlineData("fr", "2024-11-30", "L'armée a quitté ses positions à Saraqib.", "withdrawn Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les forces du régime quittent leurs positions dans Atareb.", "withdrawn Atareb unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les troupes gouvernementales se sont repliées de Dana vendredi.", "withdrawn Dana unknown 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "L'armée se replie de Saraqib.", "withdrawn Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-06", "L'armée syrienne a évacué Hama.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-11-30", "Les soldats ont abandonné leurs positions à Atareb.", "withdrawn Atareb unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-12-06", "Les forces loyales se sont retirées de Hama jeudi.", "withdrawn Hama unknown 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "L'armée dit s'être retirée de Hama.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]

    // 3. contested, in French and English: gainer unknown when no side is named
    [InlineData("fr", "2024-11-30", "Les combats se poursuivent à Saraqib.", "contested Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les combats se poursuivaient dans Atareb vendredi.", "contested Atareb unknown 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Aucune force n'a encore revendiqué Saraqib.", "contested Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Aucun camp n'a revendiqué le contrôle de Dana.", "contested Dana unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Saraqib reste disputée.", "contested Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "La ville d'Atareb restait disputée samedi.", "contested Atareb unknown 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-11-30", "Fighting raged in Atarib on Friday.", "contested Atareb unknown 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "Heavy fighting raged inside Saraqib.", "contested Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Control of Saraqib remained unclear.", "contested Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Control of Dana remains unclear on Saturday.", "contested Dana unknown 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-11-30", "Neither side held Atarib.", "contested Atareb unknown 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Neither side controls Saraqib yet.", "contested Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Saraqib remained contested.", "contested Saraqab unknown 2024-11-27..2024-11-30")]

    // 4. Arabic nominal forms
    [InlineData("ar", "2024-11-30", "أعلنت الفصائل السيطرة على سراقب.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أعلنت هيئة تحرير الشام السيطرة الكاملة على مدينة الأتارب.", "claimed Atareb hts 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "باتت سراقب تحت سيطرة الفصائل.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أصبحت مدينة الأتارب تحت سيطرة فصائل المعارضة.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "بسطت الفصائل سيطرتها على الأتارب.", "claimed Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "بسطت فصائل المعارضة السيطرة على سراقب.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أحكمت الفصائل سيطرتها على سراقب.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "أحكمت هيئة تحرير الشام قبضتها على حلب.", "claimed Aleppo hts 2024-11-27..2024-11-30")]

    // 5. Turkish: possessed control, entering, besieging, leaving, in their suffix forms
    [InlineData("tr", "2024-11-30", "Muhalifler Serakib'in kontrolünü ele aldı.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep'in kontrolünü sağladı.", "claimed Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "HTŞ, Dana'nın kontrolünü ele geçirdi.", "claimed Dana hts 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'nın kontrolünü tamamen ele geçirdi.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "Muhalifler cuma günü Halep'e girdi.", "entered Aleppo opposition 2024-11-29..2024-11-29")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya girdi.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'yı kuşattı.", "reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep'i kuşattı.", "reached Aleppo opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Rejim güçleri Serakib'ten çekildi.", "withdrawn Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Rejim güçleri Halep'ten geri çekildi.", "withdrawn Aleppo unknown 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Suriye ordusu Hama'dan çekildi.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-11-30", "Rejim güçleri Dana'dan çekilmek zorunda kaldı.", "withdrawn Dana unknown 2024-11-27..2024-11-30")]

    // 5. airports and airbases are the feature, not the city
    [InlineData("tr", "2024-11-30", "Muhalifler Halep Uluslararası Havalimanı'nı ele geçirdi.", "claimed Aleppo International Airport opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Muhalifler Halep Havaalanı'na girdi.", "entered Aleppo International Airport opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama Askeri Havaalanı'nı ele geçirdi.", "claimed Hama Military Airport opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama Hava Üssü'nü kuşattı.", "reached Hama Military Airport opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-11-30", "Les rebelles ont pris l'aéroport international d'Alep.", "claimed Aleppo International Airport opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels seized Aleppo International Airport on Saturday.", "claimed Aleppo International Airport opposition 2024-11-30..2024-11-30")]
    [InlineData("ar", "2024-11-30", "سيطرت الفصائل على مطار حلب الدولي.", "claimed Aleppo International Airport opposition 2024-11-27..2024-11-30")]

    // 6. an entry and the other side's withdrawal from the same place: a withdrawal to the side that moved in (the gold set's
    // convention), also when the withdrawal names no place (it is from the place entered)
    [InlineData("en", "2024-11-30", "Rebels entered Atarib after the regime forces withdrew from it.", "withdrawn Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "After government troops withdrew from Saraqib, rebel fighters entered the town.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30")]
    [InlineData("fr", "2024-11-30", "Les rebelles sont entrés dans Atareb après le retrait de l'armée.", "withdrawn Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("ar", "2024-11-30", "دخلت الفصائل الأتارب بعد انسحاب قوات النظام منها.", "withdrawn Atareb opposition 2024-11-27..2024-11-30")]
    [InlineData("tr", "2024-11-30", "Rejim güçlerinin çekilmesinin ardından muhalifler Serakib'e girdi.", "withdrawn Saraqab opposition 2024-11-27..2024-11-30")]

    // 7. "the attackers" name no side by themselves
    [InlineData("en", "2024-11-30", "Saraqib fell to the attackers on Friday.", "claimed Saraqab unknown 2024-11-29..2024-11-29")]
    [InlineData("fr", "2024-11-30", "Saraqib est tombée aux mains des assaillants.", "claimed Saraqab unknown 2024-11-27..2024-11-30")]
    [InlineData("en", "2024-11-30", "Rebels pressed on from Idlib. Saraqib fell to the attackers on Friday.", "claimed Saraqab opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-11-30", "As the rebels pressed on, Saraqib fell to the attackers.", "claimed Saraqab opposition 2024-11-27..2024-11-30")]
    // what is wanted, or civilians leaving, changes nothing
    [InlineData("fr", "2024-12-06", "Les rebelles veulent se rendre maîtres de Hama.", "")]
    [InlineData("fr", "2024-11-30", "Des milliers de civils ont quitté leurs maisons à Saraqib.", "")]
    public void An_idiom_gives_the_control_change_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text, showKind: false));
    }
}
