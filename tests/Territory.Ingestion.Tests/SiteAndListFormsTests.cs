using Territory.Ingestion.Geocoding;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Tests;

/// <summary>
/// Name forms that cost the event extractor in set 9's classes: numbered military sites in running text (« la base 46 »,
/// « 46. Alay »), airbases written as military airports, a city's airport named through the city with a military or
/// international qualifier, cities far from the theater, two-word Arabic names spelled with long vowels, places of one
/// list near each other, and common words that agree with a noun. Sentences written for these tests, against the
/// reference gazetteer.
/// </summary>
public class SiteAndListFormsTests(GeocodedReferenceGazetteer gazetteer) : IClassFixture<GeocodedReferenceGazetteer>
{
    [Theory]
    // language, text → every mention as "surface=place" (unresolved: "surface=?"), in text order; "" for none.
    // A numbered site, lower case or at a sentence's start; a Turkish ordinal's full stop does not end the name.
    [InlineData("fr", "La base 46, sur une colline, a été abandonnée par l'armée.", "base 46=Base 46")]
    [InlineData("fr", "Les insurgés ont repris la base 46 dans la nuit.", "base 46=Base 46")]
    [InlineData("fr", "Les combattants ont investi la base du 46e régiment.", "base du 46e régiment=Base 46")]
    [InlineData("tr", "Muhalif gruplar 46. Alay üssünü kuşattı.", "46. Alay=Base 46")]
    [InlineData("tr", "Muhalifler 46. Alay'dan geri çekildi.", "46. Alay'dan=Base 46")]
    [InlineData("en", "Fighters overran the 46th Regiment base at dawn.", "46th Regiment base=Base 46")]
    [InlineData("ar", "انسحبت قوات النظام من الفوج 46 فجراً.", "الفوج 46=Base 46")]
    // A capitalised word after a number names a unit, not a village that sounds like it.
    [InlineData("tr", "Muhalifler 80. Tugay karargâhını vurdu.", "")]
    // An airbase written as a military airport, in four languages; an Arabic cue with "and" written on it.
    [InlineData("en", "The rebels stormed the Abu al-Duhur military airport.", "Abu al-Duhur=Abu al-Duhur Military Airbase")]
    [InlineData("fr", "Les rebelles encerclent l'aéroport militaire de Kouweires.", "aéroport militaire de Kouweires=Kuweires Military Airbase")]
    [InlineData("tr", "Muhalifler Kuveyris Askeri Havalimanı'na girdi.", "Kuveyris Askeri Havalimanı'na=Kuweires Military Airbase")]
    [InlineData("ar", "سيطرت الفصائل على مطار حلب الدولي ومطار كويرس العسكري.", "مطار حلب الدولي=Aleppo International Airport|ومطار كويرس العسكري=Kuweires Military Airbase")]
    // Cities outside the theater, bare, with a city word, or in Turkish with a suffix.
    [InlineData("fr", "Les insurgés sont entrés dans la ville de Deraa.", "Deraa=Daraa")]
    [InlineData("en", "Protests spread to the southern city of Daraa.", "Daraa=Daraa")]
    [InlineData("ar", "خرجت مظاهرات في مدينة درعا.", "درعا=Daraa")]
    [InlineData("tr", "Muhalifler Dera'yı ele geçirdi.", "Dera'yı=Daraa")]
    [InlineData("tr", "Muhalifler Deyrizor kent merkezinden çekildi.", "Deyrizor=Deir ez-Zor")]
    [InlineData("tr", "Muhalifler Humus'a ve Şam'a doğru ilerliyor.", "Humus'a=Homs|Şam'a=Damascus")]
    // A whole two-word name, spelled with a long vowel or doubled letters, beats a match of one of its words.
    [InlineData("ar", "استعادت القوات قرية كفر باسين.", "كفر باسين=Kafr Basin")]
    [InlineData("fr", "Les rebelles ont atteint Kafr Bassine.", "Kafr Bassine=Kafr Basin")]
    [InlineData("fr", "Des frappes ont visé Kafr Batikh.", "Kafr Batikh=Kafr Battikh")]
    [InlineData("en", "Shelling hit Hor and El-Eys overnight.", "Hor=Hur|El-Eys=al-Eis")]
    [InlineData("tr", "Muhalifler Cebel Zeynelabidin tepesine ulaştı.", "Cebel Zeynelabidin=Jabal Zayn al-Abidin")]
    // Places of one list are near each other: Zahraa beside Nubl is the town, among Aleppo's districts the district.
    [InlineData("en", "Rebels took Salaheddine and Hamdaniyeh, then surrounded Nubl and Zahraa.", "Salaheddine=Salaheddine|Hamdaniyeh=al-Hamdaniyeh|Nubl=Nubl|Zahraa=al-Zahraa")]
    [InlineData("ar", "حاصرت الفصائل بلدتي نبل والزهراء.", "نبل=Nubl|والزهراء=al-Zahraa")]
    [InlineData("fr", "Les rebelles tiennent Salaheddine, Hamdaniyé et Zahra.", "Salaheddine=Salaheddine|Hamdaniyé=al-Hamdaniyeh|Zahra=al-Zahraa (Jamiyat al-Zahraa)")]
    // Common words: an adjective agreeing with its noun, a country after a kind word.
    [InlineData("ar", "أكدت الفصائل سيطرتها الكاملة على البلدة.", "")]
    [InlineData("ar", "فرضت القوات سيطرتها التامة على البلدة.", "")]
    [InlineData("fr", "La deuxième ville de Syrie est tombée en trois jours.", "Syrie=Syria")]
    [InlineData("tr", "Muhalifler yerleşim yerini ele geçirdi.", "")]
    public void Sites_cities_and_lists_resolve_to_the_place_they_name(string language, string text, string expected)
    {
        gazetteer.Require();
        var found = gazetteer.Geocoder!.Geocode(text, language).Select(m => $"{m.Span.Surface}={m.Place?.Name ?? "?"}");

        Assert.Equal(expected, string.Join('|', found));
    }

    [Theory]
    // language, text → the airport named through the city before it: "surface=place", "" for none. A military qualifier
    // is the nearest airbase, an international one (or none) the nearest civil airport.
    [InlineData("en", "Rebels entered Aleppo and seized the city's international airport.", "city's international airport=Aleppo International Airport")]
    [InlineData("en", "Fighters reached Aleppo and the military airport on the city's eastern edge.", "military airport=Nayrab Military Airbase")]
    [InlineData("fr", "Les rebelles sont entrés dans Alep puis dans l'aéroport militaire de la ville.", "l'aéroport militaire=Nayrab Military Airbase")]
    [InlineData("ar", "دخلت الفصائل حلب ثم سيطرت على مطارها العسكري.", "مطارها العسكري=Nayrab Military Airbase")]
    [InlineData("tr", "Muhalifler Halep'e girdi ve kentin askeri havalimanını ele geçirdi.", "kentin askeri havalimanını=Nayrab Military Airbase")]
    [InlineData("tr", "Muhalifler Halep'e girdi ve kentin uluslararası havalimanını ele geçirdi.", "kentin uluslararası havalimanını=Aleppo International Airport")]
    [InlineData("en", "Rebels entered Aleppo and its airport.", "its airport=Aleppo International Airport")]
    // An airport with a name of its own, or no city before it, is not the city's.
    [InlineData("en", "Rebels entered Aleppo and the Kuweires military airport.", "")]
    [InlineData("en", "The military airport was shelled overnight.", "")]
    public void A_citys_airport_is_its_military_or_civil_airport_as_qualified(string language, string text, string expected)
    {
        gazetteer.Require();
        var geocoder = gazetteer.Geocoder!;
        // An airport read through its city has no candidates of its own name.
        var found = geocoder.Geocode(text, language)
            .Where(m => m.Place?.Kind is Domain.Places.PlaceKind.Airport or Domain.Places.PlaceKind.Airbase && m.Candidates.Count == 0)
            .Select(m => $"{m.Span.Surface}={m.Place?.Name}");

        Assert.Equal(expected, string.Join('|', found));
    }
}
