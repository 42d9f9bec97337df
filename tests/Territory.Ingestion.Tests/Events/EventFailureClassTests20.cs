using Territory.Ingestion.Actors;
using Territory.Ingestion.Dates;
using Territory.Ingestion.Events;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Failure classes, part G (Turkish denials of reports; a Turkish city told twice, and positions that are not the city;
/// Turkish locatives; Arabic false senses of « سيطرت » and words that are not places; an Arabic locating city beside an
/// entry into a town), in sentences of our own on the reference gazetteer, whose villages make the false senses show:
/// each line is the control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests20(GeocodedReferenceGazetteer gazetteer) : IClassFixture<GeocodedReferenceGazetteer>
{
    [Theory]
    // 1. Turkish denials of reports: nothing is captured
    [InlineData("tr", "2024-12-06", "Muhalif gruplar, Nübül ve Zehra beldelerini ele geçirdikleri yönündeki haberleri yalanladı.", "")]
    [InlineData("tr", "2024-12-06", "Rejim, muhaliflerin Hama'yı ele geçirdiği iddialarını reddetti.", "")]
    [InlineData("tr", "2024-12-06", "SDG, Deyrizor'dan çekildiği haberlerini yalanladı.", "")]
    [InlineData("tr", "2024-12-06", "Suriye ordusu, Humus'un düştüğü yönündeki iddiaları yalanladı.", "")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'yı ele geçirdi.", "claimed Hama opposition 2024-11-27..2024-12-06")]

    // 2. a withdrawal from the city anaphor after another side's capture of it is the same event; positions in the
    // city's west are not the city; « kent merkezinin kontrolü » is the city
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'yı kontrolüne aldı. Rejim güçleri, kentten çekildiklerini açıkladı.", "claimed Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "HTŞ Humus'u ele geçirdi. Rejim güçleri de şehirden çekildi.", "claimed Homs hts 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Hama'ya girdi. Rejim güçleri kentten çekildi.", "withdrawn Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim güçleri kentin batısındaki mevzilerini terk etti.", "")]
    [InlineData("tr", "2024-12-06", "Muhaliflerin Hama'ya girdiği, ordunun ise şehrin doğusundaki mevzilerinden çekildiği bildirildi.", "entered Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "HTŞ militanlarının Halep kent merkezine girdiği, rejim güçlerinin ise kentin batısındaki mevzilerini terk ettiği bildirildi.", "entered Aleppo hts 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Deyrizor'da rejim güçlerinin çekilmesinin ardından PKK/YPG kent merkezinin kontrolünü ele geçirdi.", "claimed Deir ez-Zor sdf 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rakka'da rejim güçlerinin çekilmesinin ardından SDG şehrin kontrolünü ele geçirdi.", "claimed Ar Raqqah sdf 2024-11-27..2024-12-06")]

    // 3. « X'in doğusundaki » only locates, and the object participle reaches past it
    [InlineData("tr", "2024-12-06", "Rejim güçlerinin dün çekildiği Halep'in doğusundaki Deyr Hafir'e muhalifler girdi.", "withdrawn Deir Hafer opposition 2024-12-05..2024-12-05")]
    [InlineData("tr", "2024-12-06", "Muhalifler Halep'in doğusundaki Deyr Hafir'e girdi.", "entered Deir Hafer opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Ordunun çekildiği Hama'nın kuzeyindeki Morek'e muhalifler girdi.", "withdrawn Morek opposition 2024-11-27..2024-12-06")]

    // 4. Arabic false senses: « سيطرت حالة من … على » is a state that prevails; vanguards reach the outskirts
    [InlineData("ar", "2024-12-06", "سيطرت حالة من الهدوء الحذر على أحياء مدينة حلب صباح اليوم، بعد ليلة شهدت إطلاق نار متقطع.", "")]
    [InlineData("ar", "2024-12-06", "سيطرت أجواء من الترقب على مدينة حماة بعد ليلة طويلة.", "")]
    [InlineData("ar", "2024-12-06", "وصلت طلائع الفصائل إلى مشارف مدينة حمص.", "reached Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "سيطرت الفصائل على مدينة حماة.", "claimed Hama opposition 2024-11-27..2024-12-06")]

    // 5. the pronoun on an entry verb is the town, not the city that locates it
    [InlineData("ar", "2024-12-06", "انسحبت قوات النظام من بلدة دير حافر شرقي حلب، ودخلتها فصائل الجيش الوطني.", "withdrawn Deir Hafer opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "انسحبت قوات النظام من بلدة مورك شمالي حماة، ودخلتها الفصائل.", "withdrawn Morek opposition 2024-11-27..2024-12-06")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        gazetteer.Require();
        var analyzer = new ReportAnalyzer(gazetteer.Geocoder!, ActorCatalog.Default, new DateFinder(), new EventExtractor(), EventVocabulary.Default);

        Assert.Equal(expected, ControlChangeLines.Of(analyzer, language, published, text));
    }
}
