using Territory.Domain.Events;
using Territory.Ingestion.Dates;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Tests.Dates;

public class DateFinderTests
{
    [Theory]
    // text, published, expected from, to, precision, evidence
    [InlineData("Les rebelles sont entrés hier dans la ville.", "2024-11-30", "2024-11-29", "2024-11-29", "day", "hier")]
    [InlineData("Ils ont pris le village avant-hier.", "2024-11-30", "2024-11-28", "2024-11-28", "day", "avant-hier")]
    [InlineData("Des combattants entrent dans Rashidin, ce vendredi 29 novembre.", "2024-11-29", "2024-11-29", "2024-11-29", "day", "vendredi 29 novembre")]
    [InlineData("La route a été coupée jeudi.", "2024-11-30", "2024-11-28", "2024-11-28", "day", "jeudi")]
    [InlineData("L'offensive a commencé mercredi dernier.", "2024-12-04", "2024-11-27", "2024-11-27", "day", "mercredi dernier")]
    [InlineData("Depuis mercredi, les combats n'ont pas cessé.", "2024-11-30", "2024-11-27", "2024-11-30", "range", "Depuis mercredi")]
    [InlineData("Ils ont progressé les 27 et 28 novembre.", "2024-11-30", "2024-11-27", "2024-11-28", "range", "27 et 28 novembre")]
    [InlineData("108 localités ont été prises depuis 3 jours.", "2024-11-30", "2024-11-27", "2024-11-30", "range", "depuis 3 jours")]
    [InlineData("Les raids se sont poursuivis dans la nuit de vendredi à samedi.", "2024-12-01", "2024-11-29", "2024-11-30", "range", "dans la nuit de vendredi à samedi")]
    [InlineData("Rebels captured the town on Friday.", "2024-11-30", "2024-11-29", "2024-11-29", "day", "Friday")]
    [InlineData("The army withdrew yesterday.", "2024-12-01", "2024-11-30", "2024-11-30", "day", "yesterday")]
    [InlineData("Fighters entered the city on November 29.", "2024-12-02", "2024-11-29", "2024-11-29", "day", "November 29")]
    [InlineData("Clashes erupted on Nov. 27 and 28.", "2024-12-02", "2024-11-27", "2024-11-28", "range", "Nov. 27 and 28")]
    [InlineData("Strikes hit the area overnight.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "overnight")]
    [InlineData("Since Wednesday, the rebels have seized dozens of villages.", "2024-11-30", "2024-11-27", "2024-11-30", "range", "Since Wednesday")]
    [InlineData("Over the past three days, 56 villages changed hands.", "2024-11-30", "2024-11-27", "2024-11-30", "range", "Over the past three days")]
    [InlineData("سيطرت الفصائل على البلدة أمس.", "2024-11-30", "2024-11-29", "2024-11-29", "day", "أمس")]
    [InlineData("دخلت الفصائل المدينة يوم الجمعة 29 تشرين الثاني.", "2024-12-01", "2024-11-29", "2024-11-29", "day", "الجمعة 29 تشرين الثاني")]
    [InlineData("Muhalifler dün kasabayı ele geçirdi.", "2024-11-30", "2024-11-29", "2024-11-29", "day", "dün")]
    [InlineData("Çatışmalar 27 Kasım sabahı başladı.", "2024-11-30", "2024-11-27", "2024-11-27", "day", "27 Kasım")]
    [InlineData("A day after the fall of Saraqib, rebels reached Hama.", "2024-11-30", "2024-11-29", "2024-11-29", "day", "A day after")]
    [InlineData("تدور منذ فجر الثلاثاء اشتباكات في البلدة.", "2024-12-05", "2024-12-03", "2024-12-05", "range", "منذ فجر الثلاثاء")]
    [InlineData("سقطت المدينة مساء الخميس.", "2024-12-06", "2024-12-05", "2024-12-05", "day", "الخميس")]
    [InlineData("دخلت الفصائل المدينة ليل الجمعة - السبت.", "2024-12-01", "2024-11-29", "2024-11-30", "range", "ليل الجمعة - السبت")]
    [InlineData("Muhalifler çarşambadan beri ilerliyor.", "2024-11-30", "2024-11-27", "2024-11-30", "range", "çarşambadan beri")]
    [InlineData("Muhalifler pazartesiden beri ilerliyor.", "2024-12-04", "2024-12-02", "2024-12-04", "range", "pazartesiden beri")]
    // A place whose name starts with a weekday is no weekday: « Mardikh » is not « mardi ».
    [InlineData("Rebels took Tell Mardikh on Friday.", "2024-12-03", "2024-11-29", "2024-11-29", "day", "Friday")]
    [InlineData("Les rebelles ont pris Tell Mardikh vendredi.", "2024-12-03", "2024-11-29", "2024-11-29", "day", "vendredi")]
    [InlineData("Rebels seized 20 villages in the last 24 hours.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "in the last 24 hours")]
    [InlineData("Les rebelles ont pris 20 villages au cours des dernières 24 heures.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "au cours des dernières 24 heures")]
    [InlineData("Les rebelles ont pris 20 villages au cours des 24 dernières heures.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "au cours des 24 dernières heures")]
    [InlineData("Les rebelles ont pris 20 villages en 24 heures.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "en 24 heures")]
    [InlineData("Muhalifler son 24 saatte 20 köyü ele geçirdi.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "son 24 saatte")]
    [InlineData("سيطرت الفصائل على 20 قرية خلال الساعات الـ24 الماضية.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "خلال الساعات الـ24 الماضية")]
    [InlineData("Over the past 48 hours, rebels advanced.", "2024-11-30", "2024-11-28", "2024-11-30", "range", "Over the past 48 hours")]
    [InlineData("Les combats ont repris dans la nuit.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "dans la nuit")]
    // The weekend: the last Saturday–Sunday on or before publication (a report of Saturday: that day so far).
    [InlineData("Les rebelles ont pris la ville ce week-end.", "2024-12-02", "2024-11-30", "2024-12-01", "range", "ce week-end")]
    [InlineData("Les combats se sont intensifiés ce weekend.", "2024-12-01", "2024-11-30", "2024-12-01", "range", "ce weekend")]
    [InlineData("Rebels seized the town over the weekend.", "2024-12-03", "2024-11-30", "2024-12-01", "range", "over the weekend")]
    [InlineData("Fighting is expected to continue this weekend.", "2024-11-30", "2024-11-30", "2024-11-30", "range", "this weekend")]
    [InlineData("Muhalifler bu hafta sonu kasabaya girdi.", "2024-12-02", "2024-11-30", "2024-12-01", "range", "bu hafta sonu")]
    [InlineData("Çatışmalar hafta sonunda yoğunlaştı.", "2024-12-04", "2024-11-30", "2024-12-01", "range", "hafta sonunda")]
    [InlineData("دخلت الفصائل المدينة في نهاية الأسبوع.", "2024-12-02", "2024-11-30", "2024-12-01", "range", "نهاية الأسبوع")]
    [InlineData("تقدمت الفصائل خلال عطلة نهاية الأسبوع.", "2024-12-01", "2024-11-30", "2024-12-01", "range", "عطلة نهاية الأسبوع")]
    // The night with no weekday: the night into publication day.
    [InlineData("Les rebelles ont avancé pendant la nuit.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "pendant la nuit")]
    [InlineData("Clashes went on through the night.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "through the night")]
    [InlineData("انسحبت قوات النظام من البلدة ليلاً.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "ليلاً")]
    [InlineData("تواصل القصف خلال الليل.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "خلال الليل")]
    [InlineData("Çatışmalar gece boyunca sürdü.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "gece boyunca")]
    [InlineData("Muhalifler gece kasabaya girdi.", "2024-11-30", "2024-11-29", "2024-11-30", "range", "gece")]
    // A night next to a weekday is that weekday's.
    [InlineData("Muhalifler perşembe gece kasabaya girdi.", "2024-11-30", "2024-11-28", "2024-11-28", "day", "perşembe")]
    [InlineData("Les rebelles sont entrés dans la nuit de jeudi.", "2024-11-30", "2024-11-28", "2024-11-28", "day", "jeudi")]
    [InlineData("Le 1er décembre, l'armée a reculé.", "2024-12-02", "2024-12-01", "2024-12-01", "day", "1er décembre")]
    [InlineData("Les combats du 30 décembre ont été rapportés le 2 janvier.", "2025-01-02", "2024-12-30", "2024-12-30", "day", "30 décembre")]
    public void A_dating_expression_resolves_against_the_publication_day(string text, string published, string from, string to, string precision, string evidence)
    {
        var mention = new DateFinder().Find(text, Tokenizer.Tokenize(text), DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture))
            .First(m => m.Year is null);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), mention.Date.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), mention.Date.To);
        Assert.Equal(precision, mention.Date.PrecisionKey);
        Assert.Equal(evidence, mention.Date.Evidence);
        Assert.Equal(evidence, text[mention.Start..mention.End]);
    }

    [Fact]
    public void The_eve_and_the_evening_follow_the_day_just_spoken_of()
    {
        const string text = "Les rebelles sont entrés jeudi dans Saraqib. La veille, ils avaient coupé la route. Dans la soirée, ils ont avancé.";
        var mentions = new DateFinder().Find(text, Tokenizer.Tokenize(text), new DateOnly(2024, 11, 30));
        Assert.Equal([new DateOnly(2024, 11, 28), new DateOnly(2024, 11, 27), new DateOnly(2024, 11, 27)], mentions.Select(m => m.Date.From));
    }

    [Fact]
    public void A_bare_year_is_kept_apart_to_tell_history_from_news()
    {
        const string text = "En 2016, le régime avait repris Alep.";
        var mention = Assert.Single(new DateFinder().Find(text, Tokenizer.Tokenize(text), new DateOnly(2024, 11, 30)));
        Assert.Equal(2016, mention.Year);
    }

    [Fact]
    public void A_relative_day_counted_from_an_unknown_day_is_refused_with_its_words()
    {
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("""
            {"languages": {"fr": {"weekdays": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
              "relative": [{"words": "ce week-end", "from": "semaine", "offset": 0}]}}}
            """));

        var error = Assert.Throws<InvalidDataException>(() => DateVocabulary.Load(json));
        Assert.Contains("ce week-end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_never_come_from_the_clock()
    {
        const string text = "Les rebelles ont pris la ville le 29 novembre.";
        var mention = Assert.Single(new DateFinder().Find(text, Tokenizer.Tokenize(text), new DateOnly(2019, 12, 1)));
        Assert.Equal(new DateOnly(2019, 11, 29), mention.Date.From);
    }
}
