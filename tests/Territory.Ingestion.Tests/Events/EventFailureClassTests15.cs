using Territory.Domain.Events;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Turkish failure classes (an actor in the ablative is the loser; a participle's subject is the gainer; nominalised
/// clauses with a genitive subject; converbs and sequence; lists with « ile » and « de/da » focus; common press forms),
/// in sentences of our own on the small test gazetteer with a few places added, with French or English twins where the
/// class exists there: each line is the control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests15
{
    private static readonly GazetteerEntry AynDakna = TestGazetteer.Place(PlaceKind.Village, "Ayn Dakna", 37.0500, 36.5100, "SY02", 1_500, GazetteerSources.Ocha, "Ain Daqna", "عين دقنة");

    private static readonly GazetteerEntry MaarDis = TestGazetteer.Place(PlaceKind.Town, "Maar Dis", 36.6800, 35.2400, "SY05", 5_000, GazetteerSources.Ocha, "Maardes", "Maardas", "معردس");

    private static readonly GazetteerEntry KafrNaha = TestGazetteer.Place(PlaceKind.Village, "Kafr Naha", 36.9500, 36.1800, "SY02", 3_000, GazetteerSources.Ocha, "Kefr Naha", "كفرناها");

    private static readonly GazetteerEntry UrumKubra = TestGazetteer.Place(PlaceKind.Town, "Urum al-Kubra", 36.9300, 36.1600, "SY02", 8_000, GazetteerSources.Ocha, "Urum el-Kübra", "Orum al-Kubra", "أورم الكبرى");

    private static readonly GazetteerEntry Qamhana = TestGazetteer.Place(PlaceKind.Town, "Qamhana", 36.7600, 35.2000, "SY05", 12_000, GazetteerSources.Ocha, "Kamhana", "قمحانة");

    private static readonly GazetteerEntry Arima = TestGazetteer.Place(PlaceKind.Village, "Arima", 37.8200, 36.5400, "SY02", 2_000, GazetteerSources.Ocha, "العريمة");

    private static readonly GazetteerEntry Manbij = TestGazetteer.Place(PlaceKind.City, "Manbij", 37.9500, 36.5280, "SY02", 100_000, GazetteerSources.Ocha, "Menbij", "Münbiç", "منبج");

    private static readonly GazetteerEntry GreatMosque = TestGazetteer.Place(PlaceKind.Landmark, "Great Mosque of Aleppo", 37.1570, 36.1990, "SY02", null, GazetteerSources.Curated, "Umayyad Mosque of Aleppo", "Ulu Cami", "Halep Ulu Camii", "grande mosquée d'Alep", "الجامع الأموي بحلب");

    private static readonly GazetteerEntry MaaratNuman = TestGazetteer.Place(PlaceKind.City, "Maarrat an-Nu'man", 36.6750, 35.6480, "SY07", 60_000, GazetteerSources.Ocha, "Maarat al-Numan", "Maarret en-Numan", "Maaret al-Nouman", "معرة النعمان");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([
        .. TestGazetteer.All, TestGazetteer.AleppoCitadel, AynDakna, MaarDis, KafrNaha, UrumKubra, Qamhana, Arima, Manbij, GreatMosque, MaaratNuman]));

    [Theory]
    // 1. an actor in the ablative is the loser, never the gainer
    [InlineData("tr", "2024-12-06", "SMO'nun başlattığı Özgürlük Şafağı Harekâtı kapsamında Tel Rıfat dün PKK/YPG'den tamamen temizlendi.", "claimed Tall Refaat opposition 2024-12-05..2024-12-05")]
    [InlineData("tr", "2024-12-06", "SMO, Ayn Dakna köyünü PKK/YPG'den aldı.", "claimed Ayn Dakna opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Tel Rıfat terör örgütü PKK/YPG'den temizlendi.", "claimed Tall Refaat unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'yı rejim güçlerinden aldı.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "PKK/YPG'li teröristler bölgeden kaçtı.", "")]
    [InlineData("tr", "2024-12-06", "SMO'ya bağlı gruplar Tel Rıfat'ı YPG'den aldı.", "claimed Tall Refaat opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rus uçakları İdlib'i hedef aldı.", "")]
    [InlineData("en", "2024-12-06", "The SNA took Ayn Dakna from the SDF.", "claimed Ayn Dakna opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'ANS a pris Ayn Dakna aux FDS.", "claimed Ayn Dakna opposition 2024-11-27..2024-12-06")]

    // 2. a participle's subject is the gainer; « X'e karşı » marks the target
    [InlineData("tr", "2024-12-06", "Hama'nın kuzeyindeki Maardes beldesini kontrol altına alan muhalifler, kent merkezine yaklaştı.", "claimed Maar Dis opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-01", "Halep'in batı kırsalında rejim güçlerine karşı operasyon başlatan muhalifler, Kefr Naha ve Urum el-Kübra beldelerini kontrolüne aldı.", "claimed Kafr Naha opposition 2024-11-27..2024-12-01|claimed Urum al-Kubra opposition 2024-11-27..2024-12-01")]
    [InlineData("tr", "2024-12-06", "Halep'te muhalifler, rejim güçlerine karşı başlattıkları saldırıda Dana'yı ele geçirdi.", "claimed Dana opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçlerine karşı savaşan muhalifler Serakib'i ele geçirdi.", "claimed Saraqab opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Serakib'i ele geçiren HTŞ, Hama'ya ilerledi.", "claimed Saraqab hts 2024-11-27..2024-12-06|reached Hama hts 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Kamhana'yı ele geçiren muhalifler Hama'ya ilerliyor.", "claimed Qamhana opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The rebels, who took Maardes on Thursday, are now approaching the city centre.", "claimed Maar Dis opposition 2024-12-05..2024-12-05")]

    // 3. nominalised clauses with a genitive subject
    [InlineData("tr", "2024-12-06", "Hama'da rejim güçlerinin kenti terk etmesinin ardından muhaliflerin kontrolü sağladığı bildirildi.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Hama'da rejim güçlerinin çekilmesinin ardından muhalifler kenti kontrolüne aldı.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçlerinin Serakib'den çekilmesinin ardından muhalifler kasabayı ele geçirdi.", "claimed Saraqab opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Hama'dan çekildi, muhalifler kente girdi.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "After government forces withdrew from Hama, the rebels took control of the city.", "claimed Hama opposition 2024-11-27..2024-12-06")]

    // 4. converbs and sequence
    [InlineData("tr", "2024-12-06", "Muhalifler çarşamba günü Kamhana beldesine girerken, rejim ordusu bazı mevzileri geri aldığını iddia etti.", "entered Qamhana opposition 2024-12-04..2024-12-04")]
    [InlineData("tr", "2024-12-06", "SMO, Münbiç'in batısındaki Arima köyünü aldıktan sonra kenti üç yönden kuşattı.", "claimed Arima opposition 2024-11-27..2024-12-06|reached Manbij opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "SMO, Arima köyünü ele geçirdikten sonra Münbiç'i kuşattı.", "claimed Arima opposition 2024-11-27..2024-12-06|reached Manbij opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "After seizing the village of Arima, the SNA besieged Manbij.", "claimed Arima opposition 2024-11-27..2024-12-06|reached Manbij opposition 2024-11-27..2024-12-06")]

    // 5. lists with « ile » and « de/da » focus
    [InlineData("tr", "2024-12-01", "Halep Kalesi ile Ulu Cami'nin de muhaliflerin kontrolüne geçtiği öğrenildi.", "claimed Aleppo Citadel/landmark opposition 2024-11-27..2024-12-01|claimed Great Mosque of Aleppo/landmark opposition 2024-11-27..2024-12-01")]
    [InlineData("tr", "2024-12-06", "Serakib ile Maarret en-Numan da düştü.", "claimed Saraqab unknown 2024-11-27..2024-12-06|claimed Maarrat an-Nu'man unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Serakib ile Maarret en-Numan'ı da ele geçirdi.", "claimed Saraqab opposition 2024-11-27..2024-12-06|claimed Maarrat an-Nu'man opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Saraqib and Maarat al-Numan also fell.", "claimed Saraqab unknown 2024-11-27..2024-12-06|claimed Maarrat an-Nu'man unknown 2024-11-27..2024-12-06")]

    // 6. other common press forms
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'nın kontrolünü ele geçirdi.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya girdi.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya girdiler.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "SMO Münbiç'i kuşatma altına aldı.", "reached Manbij opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Hama'dan çekildi.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Hama'dan geri çekildi.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler dün Hama'ya girmişti.", "entered Hama opposition 2024-12-05..2024-12-05")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya ilerliyor.", "")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya doğru ilerliyor.", "")]
    [InlineData("tr", "2024-12-06", "Hama düştü.", "claimed Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Hama muhaliflerin eline geçti.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Saraqib'i geri aldı.", "claimed Saraqab government 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim ordusu, Serakib'i geri aldığını açıkladı.", "claimed Saraqab government 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'yı ele geçirdiklerini duyurdu.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'nın kapılarına dayandı.", "reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama kent merkezine ulaştı.", "reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Hama'nın kontrolü muhaliflere geçti.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'yı kontrol altına aldı.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'da kontrolü sağladı.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Hama'yı terk etti.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri Hama'yı boşalttı.", "withdrawn Hama unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'yı kuşattı.", "reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya ulaştı.", "reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'nın girişine ulaştı.", "reached Hama opposition 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }

    // The side in the ablative lost the place: the gainer is the taker (or the operation's owner), the loser the side named.
    [Theory]
    [InlineData("SMO'nun başlattığı Özgürlük Şafağı Harekâtı kapsamında Tel Rıfat dün PKK/YPG'den tamamen temizlendi.", "sna", "sdf")]
    [InlineData("SMO, Ayn Dakna köyünü PKK/YPG'den aldı.", "sna", "sdf")]
    [InlineData("SMO'ya bağlı gruplar Tel Rıfat'ı YPG'den aldı.", "sna", "sdf")]
    [InlineData("Tel Rıfat terör örgütü PKK/YPG'den temizlendi.", "unknown", "sdf")]
    [InlineData("Muhalifler Hama'yı rejim güçlerinden aldı.", "opposition", "government")]
    [InlineData("HTŞ'ye karşı savaşan rejim güçleri Serakib'i geri aldı.", "government", "hts")]
    public void An_actor_in_the_ablative_is_the_loser(string text, string gainer, string loser)
    {
        var change = Analyzer.Analyze(text, new DateOnly(2024, 12, 6), "tr").Events.Single(e => e.Kind == EventKind.ControlChange);
        Assert.Equal((gainer, loser), (change.Gainer.Key, change.Loser.Key));
    }

    // « rejim ordusu bazı mevzileri geri aldığını iddia etti » (the army claimed to have retaken some positions) answers the
    // entry: a denial by the army, no capture.
    [Fact]
    public void Retaking_some_positions_is_a_denial()
    {
        var events = Analyzer.Analyze("Muhalifler çarşamba günü Kamhana beldesine girerken, rejim ordusu bazı mevzileri geri aldığını iddia etti.", new DateOnly(2024, 12, 6), "tr").Events;
        var denial = Assert.Single(events, e => e.Kind == EventKind.Denial);
        Assert.Equal("government", denial.Gainer.Key);
        Assert.Equal(ControlTier.Entered, Assert.Single(events, e => e.Kind == EventKind.ControlChange).Tier);
    }
}
