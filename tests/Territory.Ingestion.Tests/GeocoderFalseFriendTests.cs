using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests;

/// <summary>
/// Words that look like villages and are none: days and months (« الخميس » is Thursday, not al-Khamisiyeh), a person's
/// last name with a possessive or suffix ("Assad's", « Esad'ın »), lone Arabic definite nouns (« الطريق », the road, not
/// al-Traq), Turkish common nouns with their case ending and ethnonyms (« Ordunun », « Kürt »); and the press names of
/// landmarks, airbases and villages that should resolve (« Şeyh Necar Sanayi Bölgesi'ni », "Aleppo's medieval citadel",
/// « Maardès »). Sentences written for these tests, against the reference gazetteer.
/// </summary>
public class GeocoderFalseFriendTests(GeocodedReferenceGazetteer gazetteer) : IClassFixture<GeocodedReferenceGazetteer>
{
    [Theory]
    // language, text → every mention as "surface=place" (unresolved: "surface=?"), in text order; "" for none.
    // Days of the week, in four languages, alone, after « اليوم » or with "and" written on them.
    [InlineData("ar", "دخلت الفصائل اليوم الخميس مدينة سراقب.", "سراقب=Saraqib")]
    [InlineData("ar", "دخلت الفصائل اليوم الخميس مدينة زعيترة.", "")]
    [InlineData("ar", "انسحبت القوات يوم الجمعة من البلدة.", "")]
    [InlineData("ar", "وقعت اشتباكات السبت والأحد في محيط المدينة.", "")]
    [InlineData("ar", "تقدمت الفصائل الاثنين نحو الجنوب، ثم الثلاثاء والأربعاء.", "")]
    [InlineData("fr", "Samedi, les rebelles sont entrés dans Saraqeb.", "Saraqeb=Saraqib")]
    [InlineData("fr", "Lundi, Mardi, Mercredi, Jeudi et Vendredi ont été calmes.", "")]
    [InlineData("en", "On Sunday the rebels entered Saraqib.", "Saraqib=Saraqib")]
    [InlineData("en", "Monday, Tuesday, Wednesday, Thursday, Friday and Saturday passed quietly.", "")]
    [InlineData("tr", "Muhalifler Cuma günü Halep'e girdi.", "Halep'e=Aleppo")]
    [InlineData("tr", "Pazar sabahı çatışmalar başladı.", "")]
    [InlineData("tr", "Salı ve Çarşamba günleri çatışmalar sürdü, Perşembe sona erdi.", "")]
    // Months: Levantine (« آذار » is also the village Athar), two-word months, other languages.
    [InlineData("ar", "جرت المعارك في كانون الأول وتشرين الثاني.", "")]
    [InlineData("ar", "سيطرت الفصائل في شباط وآذار ونيسان وأيار على القرى.", "")]
    [InlineData("ar", "في حزيران وتموز وآب وأيلول تراجعت المعارك.", "")]
    [InlineData("fr", "En Novembre et Décembre, Janvier puis Février, rien.", "")]
    [InlineData("en", "In November, December, January and March nothing moved.", "")]
    [InlineData("tr", "Kasım ve Aralık aylarında, Ocak ve Şubat'ta çatışmalar sürdü.", "")]
    // A cue does not make a look-alike of a day a place: only a name written exactly so would be one.
    [InlineData("ar", "سيطرت الفصائل على قرية الخميس.", "")]
    [InlineData("ar", "اشتبكت الفصائل مع قوات النظام في حي تشرين بحلب.", "تشرين=Tishreen|بحلب=Aleppo")]
    [InlineData("en", "Fighting reached the Tishreen district of Aleppo.", "Tishreen=Tishreen|Aleppo=Aleppo")]
    // A person's last name, with a possessive, a suffix, an article or an elision.
    [InlineData("en", "The rebels declared the end of Assad's rule.", "")]
    [InlineData("en", "Erdogan's government welcomed the advance.", "")]
    [InlineData("en", "Erdoğan's spokesman spoke of Jolani's forces.", "")]
    [InlineData("en", "Kurdish and Assad forces clashed near Tal Rifaat.", "Tal Rifaat=Tal Rifaat")]
    [InlineData("fr", "Les rebelles ont proclamé la fin du régime d'Assad.", "")]
    [InlineData("fr", "La chute d'al-Assad a surpris les rebelles d'Idleb.", "Idleb=Idlib")]
    [InlineData("tr", "Muhalifler Esad'ın rejimine son verdi.", "")]
    [InlineData("tr", "Colani'nin güçleri Halep'e girdi.", "Halep'e=Aleppo")]
    [InlineData("tr", "Erdoğan'ın açıklaması geldi.", "")]
    [InlineData("ar", "أعلنت الفصائل نهاية حكم الأسد.", "")]
    [InlineData("ar", "قال الجولاني إن الفصائل دخلت حماة.", "حماة=Hama")]
    // A lone Arabic definite common noun is no look-alike of a village (الطريق is not الطراق).
    [InlineData("ar", "قطعت الفصائل الطريق بين حلب ودمشق.", "حلب=Aleppo|ودمشق=Damascus")]
    [InlineData("ar", "تجددت الاشتباكات الثلاثاء قرب الطريق.", "")]
    [InlineData("ar", "وصلت التعزيزات إلى الجبهة الجنوبية.", "")]
    [InlineData("ar", "تقدمت القوات على المحور الشرقي.", "")]
    [InlineData("ar", "سيطرت الفصائل على الحاجز ثم المعبر.", "")]
    [InlineData("ar", "انسحب الجيش من المدينة والبلدة والقرية.", "")]
    [InlineData("ar", "اشتباكات في الريف بين الجيش والفصائل.", "")]
    [InlineData("ar", "قطعت الفصائل طريق حلب دمشق.", "حلب=M5 highway (Damascus-Aleppo)|دمشق=Damascus")]
    // Turkish common nouns with a case ending written on them, and ethnonyms.
    [InlineData("tr", "Rejim güçleri geri çekildi.", "")]
    [InlineData("tr", "Muhalifler rejimin mevzilerine saldırdı, Rejim geri çekildi.", "")]
    [InlineData("tr", "Ordunun birlikleri kenti terk etti.", "")]
    [InlineData("tr", "Rejimin askerleri ve Ordu birlikleri kaçtı.", "")]
    [InlineData("tr", "Kürt güçleri mahalleden çekildi.", "")]
    [InlineData("tr", "Muhalifler ve Kürt güçleri çatıştı.", "")]
    [InlineData("tr", "Muhalifler yerleşim yerini ele geçirdi.", "")]
    [InlineData("tr", "Muhalifler Mare'ye girdi.", "Mare'ye=Mare'")]
    // Landmarks and bases under their Turkish, French and English press names.
    [InlineData("tr", "Muhalifler Şeyh Necar Sanayi Bölgesi'ni ele geçirdi.", "Şeyh Necar=Sheikh Najjar industrial city")]
    [InlineData("tr", "Muhalifler Halep Merkez Cezaevi'ni ele geçirdi.", "Halep Merkez Cezaevi'ni=Aleppo Central Prison")]
    [InlineData("tr", "Muhalifler Zeynelabidin Dağı'nda mevzilendi.", "Zeynelabidin Dağı'nda=Jabal Zayn al-Abidin")]
    [InlineData("fr", "Les rebelles ont atteint la vieille citadelle d'Alep.", "citadelle d'Alep=Aleppo Citadel")]
    [InlineData("en", "Rebels seized the nearby Menagh airbase.", "Menagh airbase=Menagh Military Airbase")]
    [InlineData("fr", "Les rebelles ont pris la base aérienne de Menagh.", "base aérienne de Menagh=Menagh Military Airbase")]
    [InlineData("en", "Rebels seized Minakh air base.", "Minakh air base=Menagh Military Airbase")]
    // Village spellings: the Orem / Orm / Ourem family, Maardès, a doubled letter, Kafr before an unknown name.
    [InlineData("fr", "Les rebelles ont pris Orem al-Soughra et Orem al-Koubra.", "Orem al-Soughra=Urum al-Sughra|Orem al-Koubra=Urum al-Kubra")]
    [InlineData("fr", "Les rebelles ont pris Orm al-Koubra puis Ourem al-Soughra.", "Orm al-Koubra=Urum al-Kubra|Ourem al-Soughra=Urum al-Sughra")]
    [InlineData("en", "Rebels took Urum al-Sughra.", "Urum al-Sughra=Urum al-Sughra")]
    [InlineData("fr", "Les combats ont atteint Maardès, au nord de Hama.", "Maardès=Maar Dis|Hama=Hama")]
    [InlineData("ar", "سيطرت الفصائل على بلدة معردس.", "معردس=Maar Dis")]
    [InlineData("fr", "Les rebelles ont atteint Kafr Bassine.", "Kafr Bassine=Kafr Basin")]
    [InlineData("ar", "دخلت الفصائل اليوم الخميس بلدة كفر زيتون.", "كفر زيتون=?")]
    [InlineData("ar", "سيطرت الفصائل على قرية كفر غرابيل.", "كفر غرابيل=?")]
    [InlineData("fr", "Les rebelles ont pris le village de Kafr Zeitoun.", "Kafr Zeitoun=?")]
    public void Words_that_look_like_villages_are_none_and_press_names_resolve(string language, string text, string expected)
    {
        gazetteer.Require();
        var found = gazetteer.Geocoder!.Geocode(text, language).Select(m => $"{m.Span.Surface}={m.Place?.Name ?? "?"}");

        Assert.Equal(expected, string.Join('|', found));
    }

    [Theory]
    // Press spellings of Abu Kamal: the town, never a village that looks a little like one of its words.
    [InlineData("en", "Government forces withdrew from Albu Kamal on the Iraqi border.", "Albu Kamal=Abu Kamal")]
    [InlineData("en", "Militias left Al-Bukamal overnight.", "Al-Bukamal=Abu Kamal")]
    [InlineData("fr", "Les milices ont quitté Boukamal dans la nuit.", "Boukamal=Abu Kamal")]
    [InlineData("fr", "Les forces kurdes sont entrées à Abou Kamal.", "Abou Kamal=Abu Kamal")]
    [InlineData("ar", "انسحبت الميليشيات من البوكمال.", "البوكمال=Abu Kamal")]
    [InlineData("tr", "Milisler Ebu Kemal'den çekildi.", "Ebu Kemal'den=Abu Kamal")]
    // An Arabic plural head before a list of neighbourhoods and a locator: each full name, the longest winning.
    [InlineData("ar", "دخلت الفصائل أحياء حلب الجديدة والحمدانية وجمعية الزهراء غربي مدينة حلب.", "حلب الجديدة=New Aleppo|والحمدانية=al-Hamdaniyeh|وجمعية الزهراء=al-Zahraa (Jamiyat al-Zahraa)|حلب=Aleppo")]
    [InlineData("ar", "سيطرت الفصائل على أحياء الحمدانية وحلب الجديدة.", "الحمدانية=al-Hamdaniyeh|وحلب الجديدة=New Aleppo")]
    // A listed person's first name next to the surname is part of the person, whatever ending the surname carries.
    [InlineData("tr", "Beşar Esed'in ülkeyi terk ettiği açıklandı.", "")]
    [InlineData("fr", "Bachar al-Assad a quitté Damas.", "Damas=Damascus")]
    [InlineData("en", "Bashar Assad fled as rebels reached Homs.", "Homs=Homs")]
    [InlineData("ar", "غادر بشار الأسد البلاد.", "")]
    [InlineData("en", "Ahmed al-Sharaa spoke in Damascus.", "Damascus=Damascus")]
    [InlineData("en", "Abu Mohammed al-Jolani entered Aleppo.", "Aleppo=Aleppo")]
    [InlineData("tr", "Ebu Muhammed el-Colani'nin güçleri Hama'ya girdi.", "Hama'ya=Hama")]
    [InlineData("fr", "Bachar el-Assad s'est enfui de Damas.", "Damas=Damascus")]
    [InlineData("en", "Bashar al-Assad's army left Hama.", "Hama=Hama")]
    [InlineData("tr", "Beşar el-Esed'in ordusu Humus'tan çekildi.", "Humus'tan=Homs")]
    [InlineData("tr", "Ahmed Şara'nın açıklaması Şam'da okundu.", "Şam'da=Damascus")]
    [InlineData("ar", "وصل أحمد الشرع إلى دمشق.", "دمشق=Damascus")]
    [InlineData("en", "Rebels took Albu Kamal, then Mayadin.", "Albu Kamal=Abu Kamal|Mayadin=Al Mayadin")]
    [InlineData(null, "دخلت الفصائل أحياء حلب الجديدة والحمدانية وجمعية الزهراء غربي مدينة حلب.", "حلب الجديدة=New Aleppo|والحمدانية=al-Hamdaniyeh|وجمعية الزهراء=al-Zahraa (Jamiyat al-Zahraa)|حلب=Aleppo")]
    [InlineData("ar", "تقدمت الفصائل من الغرب. ثم دخلت الفصائل أحياء حلب الجديدة والحمدانية وجمعية الزهراء غربي مدينة حلب.", "حلب الجديدة=New Aleppo|والحمدانية=al-Hamdaniyeh|وجمعية الزهراء=al-Zahraa (Jamiyat al-Zahraa)|حلب=Aleppo")]
    [InlineData("ar", "وتقدمت فصائل المعارضة نحو أحياء حلب الجديدة والحمدانية وجمعية الزهراء في مدينة حلب.", "حلب الجديدة=New Aleppo|والحمدانية=al-Hamdaniyeh|وجمعية الزهراء=al-Zahraa (Jamiyat al-Zahraa)|حلب=Aleppo")]
    [InlineData("ar", "اقتحمت الفصائل أحياء حلب الجديدة، والحمدانية، وجمعية الزهراء.", "حلب الجديدة=New Aleppo|والحمدانية=al-Hamdaniyeh|وجمعية الزهراء=al-Zahraa (Jamiyat al-Zahraa)")]
    [InlineData("ar", "ودخلت الفصائل الأحياء الغربية حلب الجديدة والحمدانية.", "حلب الجديدة=New Aleppo|والحمدانية=al-Hamdaniyeh")]
    [InlineData("ar", "سيطرت الفصائل على أحياء الحمدانية وحلب الجديدة غربي حلب.", "الحمدانية=al-Hamdaniyeh|وحلب الجديدة=New Aleppo|حلب=Aleppo")]
    public void Press_names_of_towns_plural_heads_and_first_names_of_people(string? language, string text, string expected)
    {
        gazetteer.Require();
        var found = gazetteer.Geocoder!.Geocode(text, language).Select(m => $"{m.Span.Surface}={m.Place?.Name ?? "?"}");

        Assert.Equal(expected, string.Join('|', found));
    }

    [Theory]
    // language, text → the landmarks a noun names beside a possessive city, "surface=place".
    [InlineData("en", "Rebels raised their flag over Aleppo's medieval citadel.", "citadel=Aleppo Citadel")]
    [InlineData("en", "Rebels entered Aleppo and reached the city's ancient citadel.", "citadel=Aleppo Citadel")]
    [InlineData("en", "Rebels entered Saraqib and reached the city's ancient citadel.", "")]
    public void A_landmark_noun_after_a_possessive_is_the_citys_landmark(string language, string text, string expected)
    {
        gazetteer.Require();
        var found = gazetteer.Geocoder!.Geocode(text, language).Where(m => m.Place?.Kind == Domain.Places.PlaceKind.Landmark).Select(m => $"{m.Span.Surface}={m.Place!.Name}");

        Assert.Equal(expected, string.Join('|', found));
    }
}
