using System.Text;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests;

/// <summary>
/// Name forms that used to cost the event extractor: a city's name with a qualifier as a neighbourhood's (« Alep-Nouvelle »),
/// Arabic dual and plural heads before a list of names (« حيي حلب الجديدة والحمدانية »), landmarks named by their noun alone
/// beside their city ("the Citadel"), and Arabic plural nouns that look like villages (« أجزاء »). Sentences written for
/// these tests, against the reference gazetteer.
/// </summary>
public class PlaceNameFormsTests(GeocodedReferenceGazetteer gazetteer) : IClassFixture<GeocodedReferenceGazetteer>
{
    [Theory]
    // language, text → every mention as "surface=place" (unresolved: "surface=?"), in text order; "" for none.
    // A city's name with a qualifier is the neighbourhood, not the city; press spellings of the curated neighbourhoods.
    [InlineData("fr", "Les rebelles sont entrés dans Alep-Nouvelle samedi.", "Alep-Nouvelle=New Aleppo")]
    [InlineData("fr", "Les combats ont atteint Alep Nouvelle et Hamdaniyé.", "Alep Nouvelle=New Aleppo|Hamdaniyé=al-Hamdaniyeh")]
    [InlineData("fr", "Les insurgés contrôlent Nouvel-Alep et Cheikh Maqsoud.", "Nouvel-Alep=New Aleppo|Cheikh Maqsoud=Sheikh Maqsoud")]
    [InlineData("en", "Fighting reached Aleppo Jadida and al-Hamdaniya.", "Aleppo Jadida=New Aleppo|al-Hamdaniya=al-Hamdaniyeh")]
    [InlineData("tr", "Muhalifler Yeni Halep'e girdi.", "Yeni Halep'e=New Aleppo")]
    [InlineData("fr", "Les rebelles contrôlent Souleimaniyé, Midane et Jamilié.", "Souleimaniyé=al-Sulaymaniyeh|Midane=al-Midan|Jamilié=al-Jamiliyeh")]
    [InlineData("fr", "Les rebelles sont à Azizié et Cheikh Najjar.", "Azizié=al-Aziziyeh|Cheikh Najjar=Sheikh Najjar industrial city")]
    [InlineData("tr", "Muhalifler Selahattin ve Ramuse mahallelerine girdi.", "Selahattin=Salaheddine|Ramuse=al-Ramouseh")]
    // A kind word right after a name is that name's: "of Aleppo" names the city, not a district called after it.
    [InlineData("en", "Rebels reached the Hamdaniya district of Aleppo.", "Hamdaniya=al-Hamdaniyeh|Aleppo=Aleppo")]
    // A dual or plural head cues each full name of its list; the longest name wins after it.
    [InlineData("ar", "سيطرت الفصائل على حيي حلب الجديدة والحمدانية.", "حلب الجديدة=New Aleppo|والحمدانية=al-Hamdaniyeh")]
    [InlineData("ar", "سيطرت الفصائل على قريتي كفر ناصح وخان طومان.", "كفر ناصح=Kafr Nasih (Atarib)|وخان طومان=Khan Tuman")]
    [InlineData("ar", "سيطرت الفصائل على مطاري حلب وكويرس.", "حلب=Aleppo International Airport|وكويرس=Kuweires Military Airbase")]
    [InlineData("ar", "سيطرت الفصائل على مدينتي سراقب ومعرة النعمان.", "سراقب=Saraqib|ومعرة النعمان=Maarat al-Numan")]
    [InlineData("ar", "سيطرت الفصائل على قرى الراشدين وخان العسل و كفر ناها.", "الراشدين=al-Rashidin|وخان العسل=Khan al-Asal|كفر ناها=Kafr Naha")]
    [InlineData("en", "Rebels entered the villages of Kafr Naha and Anjara.", "Kafr Naha=Kafr Naha|Anjara=Anjara")]
    [InlineData("ar", "سيطرت الفصائل على أحياء عدة.", "")]
    [InlineData("ar", "سيطرت الفصائل على حيان.", "حيان=Hayyan")]
    // A landmark named by its noun alone is the one beside the text's places; a longer name of its own stays that name.
    [InlineData("en", "Insurgents took the ancient Citadel and Aleppo University on Saturday.", "Citadel=Aleppo Citadel|Aleppo University=University of Aleppo")]
    [InlineData("fr", "Les rebelles sont entrés à Alep et ont hissé leur drapeau sur la Citadelle.", "Alep=Aleppo|Citadelle=Aleppo Citadel")]
    [InlineData("fr", "Les rebelles sont entrés à Alep. Ils ont hissé leur drapeau sur la Citadelle.", "Alep=Aleppo")]
    [InlineData("en", "Rebels reached Saadallah al-Jabiri Square and took the citadel.", "Saadallah al-Jabiri Square=Saadallah al-Jabiri Square")]
    [InlineData("fr", "Les rebelles ont atteint l'université à Alep.", "université=University of Aleppo|Alep=Aleppo")]
    [InlineData("ar", "دخلت الفصائل حلب ورفعت علمها فوق القلعة.", "حلب=Aleppo|القلعة=Aleppo Citadel")]
    [InlineData("tr", "Muhalifler Halep Kalesi'ne bayrak astı.", "Halep Kalesi'ne=Aleppo Citadel")]
    [InlineData("tr", "Muhalifler Halep Üniversitesi'ne ulaştı.", "Halep Üniversitesi'ne=University of Aleppo")]
    [InlineData("fr", "Les rebelles ont hissé leur drapeau sur la citadelle d'Alep.", "citadelle d'Alep=Aleppo Citadel")]
    [InlineData("fr", "Les rebelles ont hissé leur drapeau sur la Citadelle.", "")]
    [InlineData("en", "Rebels entered Saraqib and took the citadel.", "Saraqib=Saraqib")]
    // Broken plurals of common nouns (parts, outskirts, all over, districts, countryside, atmosphere) are no villages.
    [InlineData("ar", "دخلت التنظيمات أجزاء واسعة من المدينة.", "")]
    [InlineData("ar", "سيطرت الفصائل على أجزاء من ريف إدلب.", "إدلب=Idlib")]
    [InlineData("ar", "وصلت الفصائل إلى أطراف أريحا.", "أريحا=Ariha")]
    [InlineData("ar", "انتشرت القوات في أنحاء المدينة.", "")]
    [InlineData("ar", "سمعت الانفجارات في أرجاء حلب.", "حلب=Aleppo")]
    [InlineData("ar", "تقدمت الفصائل في أرياف حماة.", "حماة=Hama")]
    [InlineData("ar", "سادت أجواء من الهدوء في أحياء المدينة.", "")]
    // Real names of that shape, or written exactly, still are places.
    [InlineData("ar", "دخلت الفصائل قرية آجز قرب حلب.", "آجز=Ajez|حلب=Aleppo")]
    [InlineData("ar", "سيطرت الفصائل على أعزاز وأخترين.", "أعزاز=Azaz|وأخترين=Akhtrein")]
    public void Name_forms_resolve_to_the_place_they_name(string language, string text, string expected)
    {
        gazetteer.Require();
        var found = gazetteer.Geocoder!.Geocode(text, language).Select(m => $"{m.Span.Surface}={m.Place?.Name ?? "?"}");

        Assert.Equal(expected, string.Join('|', found));
    }

    [Fact]
    public void A_list_cue_and_the_words_joining_a_list_are_read_from_the_vocabulary()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""
            {"languages": {"fr": {"connectors": ["de"], "and": ["et"], "homographs": [],
              "cues": [{"before": "villages", "kind": "village", "list": true}, {"before": "village", "kind": "village"}]}}}
            """));
        var vocabulary = PlaceVocabulary.Load(json);

        Assert.True(vocabulary.BeforeByLastWord["villages"].Single().List);
        Assert.False(vocabulary.BeforeByLastWord["village"].Single().List);
        Assert.Contains("et", (IReadOnlySet<string>)vocabulary.ListJoiners);
    }
}
