using System.Text;
using Territory.Ingestion.Geocoding;
using Territory.Testing;

namespace Territory.Ingestion.Tests;

/// <summary>The reference gazetteer with a geocoder built over it once, for the tests of one class.</summary>
public sealed class GeocodedReferenceGazetteer : ReferenceGazetteer
{
    public Geocoder? Geocoder { get; private set; }

    protected override async Task AfterImportAsync() => Geocoder = new Geocoder(GazetteerIndex.Build(await LoadEntriesAsync()));
}

/// <summary>
/// Common words that happen to be places' names (« المدينة » is also a souq, "State" sounds like Shatheh) are no mentions;
/// real places written as words still are when a cue or their full name supports them. Sentences written for these tests,
/// against the reference gazetteer (OCHA, GeoNames, the curated file), where those homonyms live.
/// </summary>
public class MentionPrecisionTests(GeocodedReferenceGazetteer gazetteer) : IClassFixture<GeocodedReferenceGazetteer>
{
    [Theory]
    // language, text → every mention as "surface=place" (unresolved: "surface=?"), in text order; "" for none.
    // Arabic: generic heads, directions, fighters and quantities are never names alone.
    [InlineData("ar", "دخل المقاتلون المدينة بعد ظهر الأحد.", "")]
    [InlineData("ar", "سيطر مقاتلو الفصائل على معظم أحياء المدينة.", "")]
    [InlineData("ar", "انسحب مقاتلي النظام من البلدة نحو الجنوب.", "")]
    [InlineData("ar", "تقدمت الفصائل في الريف الغربي والشرقي للمدينة.", "")]
    [InlineData("ar", "سيطرت القوات على الأحياء ذات الغالبية الكردية في حلب.", "حلب=Aleppo")]
    [InlineData("ar", "سيطرت قوات النظام على القرية بعد اشتباكات عنيفة.", "")]
    [InlineData("ar", "وصل المقاتلون إلى أطراف الحي الشمالي من البلدة.", "")]
    [InlineData("ar", "قالت مصادر محلية إن معظم السكان نزحوا من الريف الجنوبي.", "")]
    [InlineData("ar", "قصفت المدفعية القرى الواقعة في الجهة الغربية.", "")]
    [InlineData("ar", "عاد الأهالي إلى بلداتهم صباح اليوم.", "")]
    [InlineData("ar", "تقدم مقاتلو هيئة تحرير الشام نحو مدينة حماة.", "حماة=Hama")]
    // Arabic adjectives and participles (overlooking, governmental, official) are never names alone.
    [InlineData("ar", "سيطرت الفصائل على المباني الحكومية في المدينة.", "")]
    [InlineData("ar", "تقدمت الفصائل نحو الجبل المطل على المدينة.", "")]
    [InlineData("ar", "دخلت الفصائل المقرات الرسمية صباح اليوم.", "")]
    // Arabic: real places, with a cue or under their own full name.
    [InlineData("ar", "دخلت الفصائل مدينة الباب صباح اليوم.", "الباب=al-Bab")]
    [InlineData("ar", "اشتبكت القوات في حي الميدان بحلب.", "الميدان=al-Midan|بحلب=Aleppo")]
    [InlineData("ar", "قصفت الطائرات بلدة سراقب في ريف إدلب الشرقي.", "سراقب=Saraqib|إدلب=Idlib")]
    [InlineData("ar", "أعلنت الفصائل سيطرتها على بلدة خان العسل غرب حلب.", "خان العسل=Khan al-Asal|حلب=Aleppo")]
    [InlineData("ar", "سقطت بلدة معرة النعمان بيد الفصائل.", "معرة النعمان=Maarat al-Numan")]
    [InlineData("ar", "انسحبت قوات النظام من سراقب ليلاً.", "سراقب=Saraqib")]
    [InlineData("ar", "تدور اشتباكات عنيفة في الأتارب منذ الفجر.", "الأتارب=al-Atarib")]
    // English: ordinary capitalised words, at a sentence's start or not.
    [InlineData("en", "State television said the army had withdrawn from Salamiyeh.", "Salamiyeh=As-Salamiyeh")]
    [InlineData("en", "Most of the city fell within hours.", "")]
    [InlineData("en", "Security sources said the attack was repelled.", "")]
    [InlineData("en", "Local residents said the town was quiet.", "")]
    [InlineData("en", "Witnesses described chaos in the streets.", "")]
    [InlineData("en", "Rebels entered Salamiyeh on Sunday.", "Salamiyeh=As-Salamiyeh")]
    [InlineData("en", "Government forces retreated from al-Bab overnight.", "al-Bab=al-Bab")]
    [InlineData("en", "Turkish-backed fighters entered the town of Tal Rifaat.", "Tal Rifaat=Tal Rifaat")]
    [InlineData("en", "Officials confirmed the capture of Khan Shaykhun.", "Khan Shaykhun=Khan Shaykhun")]
    [InlineData("en", "Shelling was reported near Saraqib.", "Saraqib=Saraqib")]
    // French.
    [InlineData("fr", "La télévision d'État a annoncé le retrait de l'armée de Salamiyeh.", "Salamiyeh=As-Salamiyeh")]
    [InlineData("fr", "Selon des sources locales, les rebelles sont entrés dans Saraqeb.", "Saraqeb=Saraqib")]
    [InlineData("fr", "Plusieurs villages sont tombés dimanche.", "")]
    [InlineData("fr", "Toutefois la situation reste confuse.", "")]
    [InlineData("fr", "Certaines sources parlent de combats à Alep.", "Alep=Aleppo")]
    [InlineData("fr", "Malgré les frappes, les insurgés avancent vers Hama.", "Hama=Hama")]
    [InlineData("fr", "Samedi soir, la ville de Maarat al-Nouman est tombée.", "Maarat al-Nouman=Maarat al-Numan")]
    [InlineData("fr", "Aucune source indépendante n'a confirmé ces informations.", "")]
    // Turkish.
    [InlineData("tr", "Devlet televizyonu ordunun Selemiye'den çekildiğini bildirdi.", "Selemiye'den=As Salamīyah")]
    [InlineData("tr", "Muhalifler şehrin büyük bölümünü ele geçirdi.", "")]
    [InlineData("tr", "Batı cephesinde çatışmalar sürüyor.", "")]
    [InlineData("tr", "Savaşçılar kasabaya girdi.", "")]
    [InlineData("tr", "Yerel kaynaklar Halep'te çatışma olduğunu söyledi.", "Halep'te=Aleppo")]
    [InlineData("tr", "Bab'ı kontrol eden gruplar geri çekildi.", "Bab'ı=al-Bab")]
    [InlineData("tr", "Doğu kesimindeki köylerde sessizlik hakim.", "")]
    // People named or titled (the actor file, « le président », الرئيس, "Cumhurbaşkanı") and their neighbours are no places.
    [InlineData("fr", "Le président Bachar al-Assad a quitté Alep.", "Alep=Aleppo")]
    [InlineData("en", "The rebels said Bashar al-Assad had lost Hama.", "Hama=Hama")]
    [InlineData("en", "President Bashar al-Assad spoke on television.", "")]
    [InlineData("ar", "قال الرئيس بشار الأسد إن الجيش سيستعيد حماة.", "حماة=Hama")]
    [InlineData("ar", "أعلن بشار الأسد أن الجيش صامد.", "")]
    [InlineData("tr", "Cumhurbaşkanı Beşar Esad Halep'i kaybetti.", "Halep'i=Aleppo")]
    [InlineData("fr", "Abou Mohammed al-Jolani a visité Alep.", "Alep=Aleppo")]
    [InlineData("en", "HTS leader Abu Mohammed al-Jolani visited the citadel.", "")]
    // A Latin look-alike with no cue needs a close spelling anywhere in the sentence, not only at its start.
    [InlineData("en", "A Rebel Commander Says The Army Has Fled.", "")]
    [InlineData("en", "Rebels say they took Saraqib, the commander says.", "Saraqib=Saraqib")]
    [InlineData("en", "The Observatory says rebels are near Hama.", "Hama=Hama")]
    // Arabic nouns (news, freedom) are no places alone; nor is a word inside a quoted faction or operation name.
    [InlineData("ar", "أفادت أنباء عن اشتباكات في حلب.", "حلب=Aleppo")]
    [InlineData("ar", "تحدثت الأنباء عن انسحاب الجيش.", "")]
    [InlineData("ar", "أطلقت الفصائل عملية « فجر الحرية » في ريف حلب.", "حلب=Aleppo")]
    [InlineData("ar", "قالت فصائل \"فجر الحرية\" إنها تقدمت نحو حماة.", "حماة=Hama")]
    [InlineData("ar", "طالب المتظاهرون بالحرية والكرامة.", "")]
    [InlineData("fr", "Les factions de l'opération « Aube de la liberté » ont pris Tall Refaat.", "Tall Refaat=Tal Rifaat")]
    [InlineData("en", "The \"Dawn of Freedom\" operation reached Tal Rifaat.", "Tal Rifaat=Tal Rifaat")]
    [InlineData("ar", "دخلت الفصائل قرية الحرية قرب مسكنة.", "الحرية=Hurriyeh|مسكنة=Maskanah")]
    // An Arabic adjective (« الأثرية », archaeological) is no village alone; Turkish words of a longer name (« Sanayi Bölgesi »,
    // « Askeri Havalimanı ») are not places of their own, and those generic words need a cue.
    [InlineData("ar", "قصفت الطائرات المواقع الأثرية في المنطقة.", "")]
    [InlineData("ar", "سيطرت الفصائل على المواقع الأثرية قرب سراقب.", "سراقب=Saraqib")]
    [InlineData("tr", "Muhalifler Şeyh Necar Sanayi Bölgesi'ni ele geçirdi.", "Şeyh Necar=Sheikh Najjar industrial city")]
    [InlineData("tr", "Muhalifler Kuveyris Askeri Havalimanı'na girdi.", "Kuveyris Askeri Havalimanı'na=Kuweires Military Airbase")]
    [InlineData("tr", "Sanayi bölgesinde ve askeri havalimanında çatışmalar sürüyor.", "")]
    [InlineData("tr", "Muhalifler Halep'teki Şeyh Necar Sanayi Bölgesi'nde ilerledi.", "Halep'teki=Aleppo|Şeyh Necar=Sheikh Najjar industrial city")]
    // Religious communities (« chiites », "Shiite", شيعية) are no places, whatever village sounds like them.
    [InlineData("en", "Shiite militias were sent to reinforce Saraqib.", "Saraqib=Saraqib")]
    [InlineData("fr", "Des milices chiites ont été envoyées en renfort à Saraqib.", "Saraqib=Saraqib")]
    [InlineData("ar", "وصلت ميليشيات شيعية إلى سراقب.", "سراقب=Saraqib")]
    public void Common_words_are_no_places_and_real_places_remain(string language, string text, string expected)
    {
        gazetteer.Require();
        var found = gazetteer.Geocoder!.Geocode(text, language).Select(m => $"{m.Span.Surface}={m.Place?.Name ?? "?"}");

        Assert.Equal(expected, string.Join('|', found));
    }

    [Fact]
    public void Common_words_are_read_per_language_from_a_stopwords_iso_file()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{"en": ["State", "most"], "ar": ["معظم"], "de": ["und"]}"""));
        var words = CommonWords.Read(json, "test");

        Assert.True(words.Contains("state", "en"));
        Assert.True(words.Contains("معظم", "ar"));
        Assert.False(words.Contains("state", "fr"));
        Assert.True(words.Contains("most", null));
        Assert.Equal(0, words.Count("de")); // only the languages reports are written in
    }

    [Fact]
    public void A_file_that_is_not_word_lists_by_language_is_refused_with_its_name()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""["a", "b"]"""));

        var error = Assert.Throws<InvalidDataException>(() => CommonWords.Read(json, "bad.json"));
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_alone_words_are_folded_like_the_texts_words()
    {
        var vocabulary = PlaceVocabulary.Default;

        Assert.True(vocabulary.IsNeverAlone(Domain.Places.NameNormalizer.Normalize("المدينة"), "ar"));
        Assert.True(vocabulary.IsNeverAlone(Domain.Places.NameNormalizer.Normalize("أحياء"), "ar"));
        Assert.True(vocabulary.IsNeverAlone(Domain.Places.NameNormalizer.Normalize("الغربي"), null));
        Assert.False(vocabulary.IsNeverAlone(Domain.Places.NameNormalizer.Normalize("الباب"), "ar"));
    }
}
