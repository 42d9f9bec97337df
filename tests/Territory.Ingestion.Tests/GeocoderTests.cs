using Territory.Domain.Places;
using static Territory.Ingestion.Tests.TestGazetteer;

namespace Territory.Ingestion.Tests;

/// <summary>Mention finding and disambiguation on sentences written for these tests, in four languages.</summary>
public class GeocoderTests
{
    private static readonly Dictionary<string, GazetteerEntry> ByKey = new()
    {
        ["aleppo"] = Aleppo,
        ["aleppo-gov"] = AleppoGovernorate,
        ["idlib"] = Idlib,
        ["idlib-gov"] = IdlibGovernorate,
        ["hama"] = Hama,
        ["safira-aleppo"] = SafiraAleppo,
        ["safira-hama"] = SafiraHama,
        ["saraqib"] = Saraqib,
        ["atarib"] = Atarib,
        ["abu-duhur-town"] = AbuDuhurTown,
        ["abu-duhur-airbase"] = AbuDuhurAirbase,
        ["nayrab-airbase"] = NayrabAirbase,
        ["nayrab-quarter"] = NayrabQuarter,
        ["mare"] = Mare,
        ["dana"] = Dana,
        ["hamdaniyeh"] = Hamdaniyeh,
        ["new-aleppo"] = NewAleppo,
        ["darat-izza"] = DaratIzza,
        ["tal-rifaat"] = TalRifaat,
    };

    [Theory]
    // surface as written → place, geoprecision
    [InlineData("Les rebelles sont entrés dans Saraqeb dimanche.", "Saraqeb", "saraqib", 1)]
    [InlineData("Fighting raged in al-Atarib overnight.", "al-Atarib", "atarib", 1)]
    [InlineData("Fighting raged around al-Atarib overnight.", "al-Atarib", "atarib", 2)]
    [InlineData("Les frappes ont visé Daret Izzet et d'autres villages.", "Daret Izzet", "darat-izza", 1)]
    [InlineData("Muhalifler Tel Rıfat'ı ele geçirdi.", "Tel Rıfat'ı", "tal-rifaat", 1)]
    [InlineData("سيطرت الفصائل على مدينة سراقب شرق إدلب.", "سراقب", "saraqib", 1)]
    [InlineData("قصف الطيران بلدة الأتارب في ريف حلب الغربي.", "الأتارب", "atarib", 1)]
    [InlineData("وصلت القوات إلى أطراف تل رفعة.", "تل رفعة", "tal-rifaat", 2)]
    [InlineData("They seized the Abu al-Duhur airbase on Saturday.", "Abu al-Duhur", "abu-duhur-airbase", 1)]
    [InlineData("Les insurgés ont pris l'aéroport militaire d'Abu Zuhur.", "Abu Zuhur", "abu-duhur-airbase", 1)]
    [InlineData("La ville d'Abou Douhour est tombée.", "Abou Douhour", "abu-duhur-town", 1)]
    [InlineData("Des drones ont frappé l'aéroport militaire de Nayrab.", "Nayrab", "nayrab-airbase", 1)]
    [InlineData("Fighters reached the outskirts of the Hamdaniyeh neighbourhood.", "Hamdaniyeh", "hamdaniyeh", 2)]
    [InlineData("Ils sont entrés dans le quartier d'Al-Hamdaniya et à Nouvel Alep.", "Nouvel Alep", "new-aleppo", 1)]
    [InlineData("Les combats se poursuivent dans la campagne d'Alep.", "Alep", "aleppo", 3)]
    [InlineData("Clashes in the western Aleppo countryside continued.", "Aleppo", "aleppo", 3)]
    [InlineData("Huit soldats sont morts dans le district de Mare, au nord d'Alep.", "Mare", "mare", 3)]
    [InlineData("Les forces ont fui vers la zone d'Al Safira, à l'est d'Alep.", "Al Safira", "safira-aleppo", 2)]
    [InlineData("Des frappes ont touché le village de Safira, dans la province de Hama.", "Safira", "safira-hama", 1)]
    [InlineData("A strike hit the village of Safira near Hama.", "Safira", "safira-hama", 1)]
    [InlineData("Halep'in batısındaki çatışmalar sürüyor.", "Halep'in", "aleppo", 2)]
    [InlineData("Suriye Milli Ordusu'nun Saraqib operasyonunda çatışmalar sürüyor.", "Saraqib", "saraqib", 1)] // the suffix ends the name before
    [InlineData("Rejim güçleri ve Halep Valisi kentten çekildi.", "Halep", "aleppo", 1)]                         // a title after the name
    [InlineData("The Aleppo Governor left the city.", "Aleppo", "aleppo", 1)]
    [InlineData("Les rebelles contrôlent la province d'Idlib.", "Idlib", "idlib-gov", 3)]
    [InlineData("Les combats ont gagné la ville de Alepdans le nord du pays.", "Alep", "aleppo", 1)]
    public void A_mention_resolves_to_the_right_place(string text, string surface, string expected, int geoprecision)
    {
        var mentions = Geocoder.Geocode(text);
        var mention = mentions.SingleOrDefault(m => m.Span.Surface == surface);
        Assert.True(mention is not null, $"no mention '{surface}' in: {string.Join(", ", mentions.Select(m => m.Span.Surface))}");
        Assert.True(mention.IsResolved, $"'{surface}' unresolved: {Explain(mention)}");
        Assert.True(ReferenceEquals(ByKey[expected], mention.Place), $"'{surface}' → {mention.Place!.Name} ({mention.Place.Kind}); {Explain(mention)}");
        Assert.Equal(geoprecision, mention.Geoprecision);
    }

    [Theory]
    [InlineData("Le président Bachar al-Assad a réagi depuis Damas.")] // a person, not the village of Asad
    [InlineData("On a vu une mare près de la route.")]             // the French word, not the town
    [InlineData("Dana Smith reported from the front.")]            // a first name, not the town of Dana
    [InlineData("les combats ont repris à alep")]                   // no capital: not read as a name
    public void A_word_that_only_looks_like_a_place_is_not_a_mention(string text) =>
        Assert.DoesNotContain(Geocoder.Geocode(text), m => m.IsResolved && m.Place!.Kind is PlaceKind.Village or PlaceKind.Town);

    [Fact]
    public void An_unknown_place_after_a_cue_is_kept_unresolved_with_candidates()
    {
        var mention = Assert.Single(Geocoder.Geocode("Les rebelles ont pris le village de Kafr Zibdiyeh mardi."));
        Assert.Equal("Kafr Zibdiyeh", mention.Span.Surface);
        Assert.False(mention.IsResolved);
        Assert.Equal(NameMatch.None, mention.Span.Candidates.Count == 0 ? NameMatch.None : mention.Candidates[0].Match is NameMatch.Fuzzy ? NameMatch.None : mention.Candidates[0].Match);
    }

    [Fact]
    public void An_unknown_name_close_to_a_known_one_lists_it_as_a_candidate_without_choosing_it()
    {
        var mention = Assert.Single(Geocoder.Geocode("Des combats ont éclaté près du village de Saraqibiyeh."));
        Assert.False(mention.IsResolved);
        Assert.Contains(mention.Candidates, c => ReferenceEquals(c.Entry, Saraqib));
    }

    [Fact]
    public void Offsets_point_at_the_characters_as_written()
    {
        const string text = "Selon l’OSDH, les jihadistes ont pris Saraqeb, puis ont avancé vers al-Atarib.";
        foreach (var mention in Geocoder.Geocode(text))
        {
            Assert.Equal(mention.Span.Surface, text[mention.Span.Start..mention.Span.End]);
        }
    }

    [Fact]
    public void The_runner_up_and_margin_are_recorded_for_an_ambiguous_name()
    {
        var mention = Assert.Single(Geocoder.Geocode("Des frappes ont touché Safira."));
        Assert.Same(SafiraAleppo, mention.Place);
        Assert.Same(SafiraHama, mention.RunnerUp);
        Assert.True(mention.Margin > 0);
        Assert.NotEmpty(mention.Candidates[0].Reasons);
    }

    private static string Explain(Domain.Places.PlaceMention mention) =>
        string.Join(" | ", mention.Candidates.Take(3).Select(c => $"{c.Entry.Name}/{c.Entry.Kind} {c.Score:F2} [{string.Join("; ", c.Reasons)}]"));
}
