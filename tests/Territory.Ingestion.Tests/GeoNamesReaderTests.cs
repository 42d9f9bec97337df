using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;

namespace Territory.Ingestion.Tests;

public class GeoNamesReaderTests
{
    [Theory]
    [InlineData("PPLC", 0, PlaceKind.City)]
    [InlineData("PPLA", 0, PlaceKind.City)]
    [InlineData("PPLA2", 500, PlaceKind.Town)]
    [InlineData("PPLA3", 500, PlaceKind.Town)]
    [InlineData("PPLA4", 0, PlaceKind.Town)]
    [InlineData("PPL", 10000, PlaceKind.Town)]
    [InlineData("PPL", 9999, PlaceKind.Village)]
    [InlineData("PPL", 0, PlaceKind.Village)]
    [InlineData("PPLQ", 0, PlaceKind.Village)]
    [InlineData("PPLX", 0, PlaceKind.Neighbourhood)]
    [InlineData("AIRP", 0, PlaceKind.Airport)]
    [InlineData("AIRB", 0, PlaceKind.Airbase)]
    [InlineData("MILB", 0, PlaceKind.MilitaryBase)]
    [InlineData("INSM", 0, PlaceKind.MilitaryBase)]
    [InlineData("ADM1", 0, PlaceKind.Governorate)]
    [InlineData("ADM2", 0, PlaceKind.District)]
    [InlineData("ADM3", 0, PlaceKind.Subdistrict)]
    [InlineData("SQR", 0, PlaceKind.Square)]
    [InlineData("RD", 0, PlaceKind.Road)]
    [InlineData("RDJCT", 0, PlaceKind.Junction)]
    [InlineData("CSTL", 0, PlaceKind.Landmark)]
    [InlineData("MNMT", 0, PlaceKind.Landmark)]
    public void A_feature_code_gives_its_kind(string code, int population, PlaceKind expected)
    {
        var row = Samples.GeoNamesRow("1", "Somewhere", code, 36.2, 37.15, population);
        var record = Assert.Single(new GeoNamesReader().Read(new StringReader(row), "SY.txt"));
        Assert.Equal(expected, record.Kind);
    }

    [Theory]
    [InlineData("STM")]
    [InlineData("MT")]
    [InlineData("HTH")]
    public void Rows_of_codes_the_gazetteer_does_not_hold_are_skipped(string code) =>
        Assert.Empty(new GeoNamesReader().Read(new StringReader(Samples.GeoNamesRow("1", "Somewhere", code, 36.2, 37.15)), "SY.txt"));

    [Fact]
    public void A_row_gives_key_point_population_names_and_the_OCHA_governorate()
    {
        var row = Samples.GeoNamesRow("170063", "Aleppo", "PPLA", 36.20124, 37.16117, 1602264, "Alep,Halab,Halep,حلب,Aleppo", admin1: "09");
        var record = Assert.Single(new GeoNamesReader().Read(new StringReader(row + "\n"), "SY.txt"));

        Assert.Equal((GazetteerSources.GeoNames, "170063", "Aleppo"), (record.Source, record.SourceKey, record.Name));
        Assert.Equal((37.16117, 36.20124), (record.Point.X, record.Point.Y));
        Assert.Equal(4326, record.Point.SRID);
        Assert.Equal(1602264, record.Population);
        Assert.Equal("SY02", record.Admin1Code);
        Assert.Equal(["Aleppo", "Alep", "Halab", "Halep", "حلب"], record.Names.Select(n => n.Text));
        Assert.All(record.Names, n => Assert.Equal("und", n.Language));
        Assert.Equal("Arab", record.Names[^1].Script);
    }

    [Fact]
    public void A_population_of_zero_means_unknown()
    {
        var record = Assert.Single(new GeoNamesReader().Read(new StringReader(Samples.GeoNamesRow("2", "Tadef", "PPLA3", 36.35, 37.53, 0)), "SY.txt"));
        Assert.Null(record.Population);
    }

    [Fact]
    public void The_country_filter_keeps_one_country()
    {
        var rows = string.Join('\n', Samples.GeoNamesRow("1", "Aleppo", "PPLA", 36.2, 37.16), Samples.GeoNamesRow("2", "Gaziantep", "PPLA", 37.06, 37.38, country: "TR"));
        Assert.Equal(["Aleppo"], new GeoNamesReader { Country = "SY" }.Read(new StringReader(rows), "cities500.txt").Select(r => r.Name));
        Assert.Equal(2, new GeoNamesReader().Read(new StringReader(rows), "cities500.txt").Count());
    }

    [Theory]
    [InlineData("1\tAleppo\tAleppo", "line 2: expected 19 tab-separated columns (GeoNames dump format), found 3")]
    [InlineData("x1\tAleppo\tAleppo\t\t36.2\t37.1\tP\tPPLA\tSY\t\t09\t\t\t\t0\t\t400\tAsia/Damascus\t2020-01-01", "line 2: geonameid 'x1' is not a number")]
    [InlineData("1\tAleppo\tAleppo\t\tnorth\t37.1\tP\tPPLA\tSY\t\t09\t\t\t\t0\t\t400\tAsia/Damascus\t2020-01-01", "line 2: latitude 'north' is not a number")]
    [InlineData("1\tAleppo\tAleppo\t\t136.2\t37.1\tP\tPPLA\tSY\t\t09\t\t\t\t0\t\t400\tAsia/Damascus\t2020-01-01", "line 2: coordinate [37.1, 136.2] is not a valid longitude")]
    [InlineData("1\tAleppo\tAleppo\t\t36.2\t37.1\tP\tPPLA\tSY\t\t09\t\t\t\t-5\t\t400\tAsia/Damascus\t2020-01-01", "line 2: population '-5' is not a whole number")]
    [InlineData("1\t \tAleppo\t\t36.2\t37.1\tP\tPPLA\tSY\t\t09\t\t\t\t0\t\t400\tAsia/Damascus\t2020-01-01", "line 2: geonameid 1 has no name")]
    public void A_malformed_row_is_an_error_naming_file_and_line(string badRow, string expected)
    {
        var text = Samples.GeoNamesRow("9", "Idlib", "PPLA", 35.93, 36.63) + "\n" + badRow + "\n";
        var error = Assert.Throws<GazetteerFormatException>(() => new GeoNamesReader().Read(new StringReader(text), "SY.txt").ToList());
        Assert.StartsWith("SY.txt: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alternate_names_add_language_tagged_names_and_skip_codes_and_links()
    {
        var dump = Samples.GeoNamesRow("170063", "Aleppo", "PPLA", 36.2, 37.16, 0, "Halab,حلب") + "\n" + Samples.GeoNamesRow("169389", "Idlib", "PPLA", 35.93, 36.63);
        var alternates = string.Join('\n',
            "1\t170063\tar\tحلب\t1\t\t\t\t\t",
            "2\t170063\tfr\tAlep\t1\t\t\t\t\t",
            "3\t170063\ttr\tHalep\t\t\t\t\t\t",
            "4\t170063\tlink\thttps://en.wikipedia.org/wiki/Aleppo\t\t\t\t\t\t",
            "5\t170063\tiata\tALP\t\t\t\t\t\t",
            "6\t170063\twkdt\tQ41183\t\t\t\t\t\t",
            "7\t170063\t\tBeroea\t\t\t\t1\t\t",
            "8\t999999\ten\tNowhere\t\t\t\t\t\t",
            "9\t169389\ten\tIdleb\t\t\t\t\t\t");
        var records = GeoNamesAlternateNamesReader.AddNames(new GeoNamesReader().Read(new StringReader(dump), "SY.txt"), new StringReader(alternates), "alternateNamesV2.txt");

        var aleppo = records.Single(r => r.SourceKey == "170063");
        Assert.Equal(
            [("Aleppo", "und"), ("Halab", "und"), ("حلب", "ar"), ("Alep", "fr"), ("Halep", "tr"), ("Beroea", "und")],
            aleppo.Names.Select(n => (n.Text, n.Language)));
        Assert.Contains(new PlaceName("Idleb", "en"), records.Single(r => r.SourceKey == "169389").Names);
    }

    [Fact]
    public void A_malformed_alternate_names_file_is_an_error_naming_its_line()
    {
        var dump = Samples.GeoNamesRow("170063", "Aleppo", "PPLA", 36.2, 37.16);
        var error = Assert.Throws<GazetteerFormatException>(() =>
            GeoNamesAlternateNamesReader.AddNames(new GeoNamesReader().Read(new StringReader(dump), "SY.txt"), new StringReader("1\t170063\tar\tحلب\n2;170063;fr;Alep\n"), "alternateNamesV2.txt"));
        Assert.StartsWith("alternateNamesV2.txt: line 2: expected 4 to 10 tab-separated columns", error.Message, StringComparison.Ordinal);
    }
}
