using Territory.Ingestion.Reading;

namespace Territory.Ingestion.Tests.Reading;

/// <summary>Language detection on sentences written for these tests: news about the war and about anything else.</summary>
public class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = LanguageDetector.Default;

    [Theory]
    // French
    [InlineData("fr", "Les rebelles ont pris le contrôle de la majeure partie de la ville d'Alep après quatre jours de combats, selon l'Observatoire syrien des droits de l'homme.")]
    [InlineData("fr", "L'armée syrienne affirme avoir repoussé une attaque au sud de la province d'Idleb et dit avoir envoyé des renforts vers Hama dans la nuit.")]
    [InlineData("fr", "Des frappes aériennes russes ont visé plusieurs quartiers de l'est de la ville, faisant au moins douze morts parmi les civils.")]
    [InlineData("fr", "Le festival de musique s'est terminé dimanche soir sous une pluie battante, mais les organisateurs se disent très satisfaits de cette édition.")]
    [InlineData("fr", "La recette est simple : il faut laisser reposer la pâte pendant une heure avant de la cuire au four à feu doux.")]
    [InlineData("fr", "LES REBELLES SONT ENTRÉS DANS LA VILLE ET ONT PRIS LE CONTRÔLE DE LA CITADELLE")]
    // English
    [InlineData("en", "Rebel fighters seized most of Aleppo on Saturday after a lightning offensive, according to a war monitor based in Britain.")]
    [InlineData("en", "The Syrian army said it was redeploying its forces to prepare a counter-attack, while Russian jets struck targets in Idlib province.")]
    [InlineData("en", "Thousands of people fled the fighting overnight, and aid groups warned that the roads out of the city were blocked.")]
    [InlineData("en", "The new library will open next spring, and the city council has promised that it will stay open late on weekdays.")]
    [InlineData("en", "Scientists have found that the bird can remember the location of thousands of hidden seeds for several months.")]
    // Arabic
    [InlineData("ar", "سيطرت الفصائل المسلحة على معظم أحياء مدينة حلب بعد هجوم واسع بدأ يوم الأربعاء، وفق ما أفاد المرصد السوري لحقوق الإنسان.")]
    [InlineData("ar", "قال الجيش السوري إنه أعاد نشر قواته في ريف إدلب استعدادا لهجوم مضاد، في حين شنت طائرات روسية غارات على مواقع المعارضة.")]
    [InlineData("ar", "وأضاف المصدر أن الاشتباكات لا تزال مستمرة عند أطراف المدينة، وأن عشرات المدنيين نزحوا نحو الشمال.")]
    [InlineData("ar", "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار يوم الخميس، وشاركت فيه أكثر من خمسمئة دار نشر من مختلف الدول العربية.")]
    [InlineData("ar", "يحتاج الطفل إلى النوم عشر ساعات على الأقل كل ليلة حتى ينمو بشكل صحي، كما يقول الأطباء.")]
    [InlineData("ar", "سَيْطَرَتِ الفَصَائِلُ عَلَى المَدِينَةِ بَعْدَ مَعَارِكَ عَنِيفَةٍ")]
    // Turkish
    [InlineData("tr", "Muhalif gruplar dört gün süren çatışmaların ardından Halep kent merkezinin büyük bölümünü kontrol altına aldı.")]
    [InlineData("tr", "Suriye ordusu, İdlib kırsalındaki mevzilere yönelik saldırıların sürdüğünü ve bölgeye takviye kuvvet gönderildiğini açıkladı.")]
    [InlineData("tr", "Rus savaş uçakları gece boyunca kentin doğusundaki mahalleleri bombaladı, en az on iki sivil hayatını kaybetti.")]
    [InlineData("tr", "İstanbul'da hafta sonu düzenlenen maratona binlerce kişi katıldı ve yarış büyük bir coşku içinde tamamlandı.")]
    [InlineData("tr", "Bu yıl fındık hasadı yağışlar nedeniyle geç başladı, ancak üreticiler fiyatlardan memnun olduklarını söyledi.")]
    public void A_supported_language_is_detected(string expected, string text)
    {
        var detection = Detector.Detect(text);
        Assert.True(
            detection.Status == LanguageStatus.Detected && detection.Language == expected,
            $"expected {expected}, got {detection}; scores {Scores(text)}");
        Assert.InRange(detection.Confidence, 0.3, 1);
    }

    [Theory]
    [InlineData("de", "Latin", "Die Rebellen haben nach Angaben von Aktivisten große Teile der Stadt Aleppo unter ihre Kontrolle gebracht, während die Armee Verstärkung schickt.")]
    [InlineData("de", "Latin", "Das neue Museum wird im Frühjahr eröffnet und soll jedes Jahr mehr als eine Million Besucher anziehen.")]
    [InlineData("es", "Latin", "Los rebeldes tomaron el control de la mayor parte de la ciudad de Alepo tras cuatro días de combates, según un observatorio con sede en Londres.")]
    [InlineData("es", "Latin", "El equipo ganó el partido en el último minuto y los aficionados celebraron la victoria en las calles hasta la madrugada.")]
    [InlineData("it", "Latin", "I ribelli hanno preso il controllo della maggior parte della città di Aleppo dopo quattro giorni di combattimenti.")]
    [InlineData("pt", "Latin", "Os rebeldes tomaram o controle da maior parte da cidade de Alepo após quatro dias de combates, segundo uma organização não governamental.")]
    [InlineData("nl", "Latin", "De rebellen hebben volgens een waarnemer het grootste deel van de stad Aleppo in handen na vier dagen van gevechten.")]
    [InlineData("ru", "Cyrillic", "Повстанцы взяли под контроль большую часть Алеппо после четырёх дней боёв, сообщает британская правозащитная организация.")]
    [InlineData("ru", "Cyrillic", "В этом году урожай был хуже, чем ожидали фермеры, но цены на рынке остались прежними.")]
    [InlineData("fa", "Arabic", "شورشیان پس از چهار روز درگیری کنترل بخش بزرگی از شهر حلب را به دست گرفتند و ارتش سوریه به سمت جنوب عقب نشینی کرد.")]
    [InlineData("fa", "Arabic", "کتابخانه ملی از هفته آینده ساعت کار خود را تغییر می دهد و تا دیر وقت باز خواهد بود.")]
    [InlineData("ur", "Arabic", "باغیوں نے چار دن کی لڑائی کے بعد حلب کے بڑے حصے پر قبضہ کر لیا ہے اور فوج پیچھے ہٹ گئی ہے۔")]
    [InlineData("ku", "Latin", "Çekdarên girêdayî Tirkiyê êrîşî gundên li bakurê Helebê kirin û gelek sivîl jî birîndar bûn.")]
    public void An_unsupported_language_is_named_and_not_forced_into_a_supported_one(string nearest, string script, string text)
    {
        var detection = Detector.Detect(text);
        Assert.True(
            detection.Status == LanguageStatus.Unsupported && detection.Language is null && detection.Nearest == nearest && detection.Script == script,
            $"expected unsupported ({nearest}), got {detection}; scores {Scores(text)}");
    }

    [Theory]
    [InlineData("Greek", "Οι αντάρτες κατέλαβαν το μεγαλύτερο μέρος του Χαλεπιού μετά από τέσσερις ημέρες μαχών.")]
    [InlineData("Han", "叛军在四天的战斗后控制了阿勒颇的大部分地区，一个人权组织说。")]
    [InlineData("Latin", "Para pemberontak telah menguasai sebagian besar kota Aleppo setelah pertempuran selama empat hari, menurut sebuah lembaga pemantau.")]
    public void A_language_with_no_profile_is_unsupported(string script, string text)
    {
        var detection = Detector.Detect(text);
        Assert.True(detection.Status == LanguageStatus.Unsupported && detection.Language is null && detection.Script == script, $"got {detection}; scores {Scores(text)}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Alep")]
    [InlineData("12 morts")]
    [InlineData("حلب")]
    [InlineData("--- 2024-11-29 ---")]
    [InlineData("Rebels seize Aleppo airport")]
    public void A_text_too_short_to_tell_says_so(string text) =>
        Assert.Equal(LanguageStatus.TooShort, Detector.Detect(text).Status);

    [Theory]
    // Hashes whose letter runs (« e », « a », « de ») once read as Spanish, Portuguese or Italian words.
    [InlineData("Alep est calme.\n\nRéf. 06c44e6cb73e4707b68e2b32457ece2e")]
    [InlineData("Alep est calme.\n\nRéf. 3ee0bf92e3ae425b9da1e993b94dc29f")]
    [InlineData("Maaret al-Noomane est calme.\n\nRéf. 7e4886bdbc7e4e5bafc5ba5091a1f201")]
    [InlineData("Maaret al-Noomane est calme.\n\nRéf. aac9da1ff4e3493fb013076e35aae34e")]
    public void A_reference_code_is_not_read_as_words(string text)
    {
        var detection = Detector.Detect(text);
        Assert.True(detection.Status == LanguageStatus.Detected && detection.Language == "fr", $"expected fr, got {detection}; scores {Scores(text)}");
    }

    [Theory]
    // A French report quoting an English sentence stays French.
    [InlineData("fr", "Le porte-parole a déclaré à la presse : « We will not give up the fight until the last village is free », avant de quitter la salle. Selon l'Observatoire syrien des droits de l'homme, les combats se sont poursuivis toute la nuit dans les quartiers ouest d'Alep et plusieurs civils ont été tués.")]
    // An English report with a French quotation and Arabic names stays English.
    [InlineData("en", "The commander of Hayat Tahrir al-Sham told reporters that his fighters had reached the Saadallah al-Jabiri square. A French diplomat said the situation was « extrêmement préoccupante » and called for calm, while the monitor counted more than 300 dead since Wednesday.")]
    // An Arabic report naming places and groups in Latin letters stays Arabic.
    [InlineData("ar", "قال المتحدث باسم هيئة تحرير الشام (HTS) إن مقاتلي الهيئة دخلوا أحياء Aleppo الغربية، وفق ما نقلت وكالة Reuters عن مصادر ميدانية في المدينة.")]
    // A Turkish report quoting an Arabic slogan stays Turkish.
    [InlineData("tr", "Muhalifler kente girerken \"الله أكبر\" diye bağırdı ve birkaç saat içinde valilik binasını ele geçirdiklerini duyurdu. Yerel kaynaklara göre çatışmalar sabaha kadar sürdü.")]
    public void Mixed_text_keeps_the_language_of_most_of_it(string expected, string text)
    {
        var detection = Detector.Detect(text);
        Assert.True(detection.Language == expected, $"expected {expected}, got {detection}; scores {Scores(text)}");
    }

    [Theory]
    [InlineData("fr", "Les jihadistes aux portes d'Alep")]
    [InlineData("en", "The army says it will retake the city")]
    [InlineData("tr", "Muhalifler Halep'e girdi ve havalimanını ele geçirdi")]
    [InlineData("ar", "الفصائل تدخل إلى مدينة حلب")]
    public void A_headline_is_detected_with_less_confidence_than_a_paragraph(string expected, string headline)
    {
        var detection = Detector.Detect(headline);
        Assert.True(detection.Language == expected, $"got {detection}; scores {Scores(headline)}");
        Assert.InRange(detection.Confidence, 0.2, 0.9);
    }

    [Fact]
    public void Persian_markers_tell_Persian_from_Arabic_on_a_single_sentence()
    {
        Assert.Equal("fa", Detector.Detect("این گزارش می گوید که چند روستا در نزدیکی شهر تخلیه شده است.").Nearest);
        Assert.Equal("ar", Detector.Detect("يقول هذا التقرير إن عدة قرى قرب المدينة قد أخليت.").Language);
    }

    [Fact]
    public void The_supported_languages_come_from_the_data() =>
        Assert.Equal(["fr", "en", "tr", "ar"], Detector.SupportedLanguages);

    [Fact]
    public void A_language_is_added_by_adding_a_profile()
    {
        const string json = """
            {
              "scripts": { "Latin": ["0041-005A", "0061-007A", "00C0-024F"] },
              "languages": {
                "en": { "name": "English", "supported": true, "script": "Latin", "alphabet": "abcdefghijklmnopqrstuvwxyz", "letters": "",
                        "words": ["the", "of", "and", "to", "in", "is"], "trigrams": ["_th", "the", "he_"] },
                "de": { "name": "German", "supported": true, "script": "Latin", "alphabet": "abcdefghijklmnopqrstuvwxyzäöüß", "letters": "äöüß",
                        "words": ["der", "die", "und", "das", "ist", "nicht", "von", "mit"], "trigrams": ["ich", "sch", "der"] }
              }
            }
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var detector = LanguageDetector.Load(stream);
        var detection = detector.Detect("Die Armee ist nicht in der Stadt und das Volk wartet mit Sorge auf die Nachrichten.");
        Assert.Equal("de", detection.Language);
    }

    [Fact]
    public void Every_profile_of_the_data_file_is_well_formed()
    {
        // Load checks scripts and trigram lengths; here: word lists of the supported languages have 150 or so entries.
        using var stream = typeof(LanguageDetector).Assembly.GetManifestResourceStream("Vocabulary.languages.json")!;
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        foreach (var language in document.RootElement.GetProperty("languages").EnumerateObject())
        {
            var words = language.Value.GetProperty("words").EnumerateArray().Select(w => w.GetString()!).ToList();
            Assert.True(words.Count == words.Distinct(StringComparer.Ordinal).Count(), $"{language.Name} has duplicate words");
            if (language.Value.GetProperty("supported").GetBoolean())
            {
                Assert.True(words.Count >= 150, $"{language.Name} has {words.Count} words");
            }
        }
    }

    private static string Scores(string text) =>
        string.Join(", ", Detector.Explain(text).Take(5).Select(s => $"{s.Language} {s.Score:0.000}"));
}
