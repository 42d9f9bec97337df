using NetTopologySuite.Geometries;
using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;

namespace Territory.Ingestion.Tests;

public class OchaPlacesReaderTests
{
    private const string Header = "PCODE,NAME_EN,NAM_EN_REF,NAME_ARA,LATITUDE,LONGITUDE,ADMIN3_COD,ADMIN3_EN,ADMIN3_ARA,ADMIN2_COD,ADMIN2_EN,ADMIN2_ARA,ADMIN1_COD,ADMIN1_EN,ADMIN1_ARA,CAPIT_LVL";

    private static List<PlaceRecord> Csv(string rows, OchaPlacesReader? reader = null) =>
        [.. (reader ?? new OchaPlacesReader()).Read(Samples.Utf8(Header + "\n" + rows), "communities.csv")];

    [Theory]
    [InlineData("", PlaceKind.Village)]
    [InlineData("0", PlaceKind.City)]
    [InlineData("1", PlaceKind.City)]
    [InlineData("2", PlaceKind.Town)]
    [InlineData("3", PlaceKind.Town)]
    public void The_capital_level_gives_the_kind(string level, PlaceKind expected)
    {
        var record = Assert.Single(Csv($"C3916,Saraqab,Saraqab,سراقب,35.8622,36.8047,SY070003,Saraqab,سراقب,SY0700,Idleb,إدلب,SY07,Idleb,إدلب,{level}"));
        Assert.Equal(expected, record.Kind);
    }

    [Fact]
    public void A_community_keeps_its_pcode_admin_codes_and_English_and_Arabic_names()
    {
        var record = Assert.Single(Csv("C1007,Aleppo,Halab,حلب,36.2021,37.1343,SY020000,Jebel Saman,جبل سمعان,SY0200,Jebel Saman,جبل سمعان,SY02,Aleppo,حلب,1\r\n"));

        Assert.Equal((GazetteerSources.Ocha, "C1007", "C1007", "Aleppo"), (record.Source, record.SourceKey, record.Pcode, record.Name));
        Assert.Equal((37.1343, 36.2021), (record.Point.X, record.Point.Y));
        Assert.Equal(("SY02", "SY0200", "SY020000"), (record.Admin1Code, record.Admin2Code, record.Admin3Code));
        Assert.Equal([("Aleppo", "en"), ("Halab", "en"), ("حلب", "ar")], record.Names.Select(n => (n.Text, n.Language)));
        Assert.Equal("Arab", record.Names[2].Script);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_line_breaks()
    {
        var records = Csv("C1,\"Tall \"\"Big\"\", North\",\"Tall\nRef\",تل,36.1,37.1,,,,,,,,,,\nC2,Plain,Plain,سهل,36.2,37.2,,,,,,,,,,");
        Assert.Equal(["Tall \"Big\", North", "Plain"], records.Select(r => r.Name));
        Assert.Equal("Tall\nRef", records[0].Names[1].Text);
    }

    [Fact]
    public void The_kind_option_overrides_the_file()
    {
        var record = Assert.Single(Csv("C1,Kuweires,,,36.18,37.58,,,,,,,,,,3", new OchaPlacesReader { Kind = PlaceKind.Airbase }));
        Assert.Equal(PlaceKind.Airbase, record.Kind);
    }

    [Fact]
    public void GeoJSON_points_and_multipoints_are_read_with_numeric_properties()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"PCODE":"C4268","NAME_EN":"Bazabur","NAM_EN_REF":"Bazabur","NAME_ARA":"بزابور","LATITUDE":35.7747819,"LONGITUDE":36.6148441,"ADMIN1_COD":"SY07","CAPIT_LVL":null},"geometry":{"type":"Point","coordinates":[36.6148441,35.7747819]}},
            {"type":"Feature","properties":{"PCODE":"C3871","NAME_EN":"Idleb","NAME_ARA":"إدلب","CAPIT_LVL":"1"},"geometry":{"type":"MultiPoint","coordinates":[[36.6339,35.9306]]}}
            ]}
            """;
        var records = new OchaPlacesReader().Read(Samples.Utf8(json), "communities.geojson").ToList();
        Assert.Equal([("C4268", PlaceKind.Village, 36.6148441), ("C3871", PlaceKind.City, 36.6339)], records.Select(r => (r.SourceKey, r.Kind, r.Point.X)));
        Assert.Equal(["Bazabur", "بزابور"], records[0].Names.Select(n => n.Text));
    }

    [Fact]
    public void A_neighbourhood_polygon_keeps_its_area_its_given_centre_and_its_city_as_parent()
    {
        const string json = """
            {"type":"FeatureCollection","source_meta":{"communityExternalPCode":"C1007"},"features":[
            {"type":"Feature","properties":{"pCode":"N0119","nameEnglish":"Youth Housing","nameArabic":"السكن الشبابي","centerLatitude":36.2423,"centerLongitude":37.1362},
             "geometry":{"type":"Polygon","coordinates":[[[37.13,36.24],[37.14,36.24],[37.14,36.25],[37.13,36.25],[37.13,36.24]]]}}]}
            """;
        var record = Assert.Single(new OchaPlacesReader().Read(Samples.Utf8(json), "ocha_aleppo_neighbourhoods.geojson"));
        Assert.Equal((PlaceKind.Neighbourhood, "N0119", "N0119", "C1007"), (record.Kind, record.SourceKey, record.Pcode, record.ParentKey));
        Assert.Equal((37.1362, 36.2423), (record.Point.X, record.Point.Y));
        Assert.IsType<MultiPolygon>(record.Area);
        Assert.Equal(4326, record.Area!.SRID);
        Assert.Equal([("Youth Housing", "en"), ("السكن الشبابي", "ar")], record.Names.Select(n => (n.Text, n.Language)));
    }

    [Fact]
    public void CSR_neighbourhoods_get_interior_points_and_distinct_keys_when_an_id_repeats()
    {
        const string square = """{"type":"MultiPolygon","coordinates":[[[[37.10,36.20],[37.12,36.20],[37.12,36.22],[37.10,36.22],[37.10,36.20]]]]}""";
        var json = $$"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"Id":93,"NAME":"Muhammad Bek","NAME_A":"محمد بيك"},"geometry":{{square}}},
            {"type":"Feature","properties":{"Id":93,"NAME":"Muhammad Bek","NAME_A":"محمد بيك"},"geometry":{{square}}},
            {"type":"Feature","properties":{"Id":15,"NAME":"al-Besel","NAME_A":null},"geometry":{{square}}}]}
            """;
        var records = new OchaPlacesReader { Source = "csr" }.Read(Samples.Utf8(json), "csr.geojson").ToList();
        Assert.Equal(["csr-93", "csr-93-2", "csr-15"], records.Select(r => r.SourceKey));
        Assert.All(records, r => Assert.Equal(("csr", PlaceKind.Neighbourhood, (string?)null), (r.Source, r.Kind, r.Pcode)));
        Assert.True(records[0].Area!.Covers(records[0].Point));
        Assert.Equal(["al-Besel"], records[2].Names.Select(n => n.Text));
    }

    [Theory]
    [InlineData("C1,,,,36.1,37.1,,,,,,,,,,", "communities.csv: line 2: C1 has no NAME_EN")]
    [InlineData(",Nameless,,,36.1,37.1,,,,,,,,,,", "communities.csv: line 2: no PCODE")]
    [InlineData("C1,Somewhere,,,36.1,east,,,,,,,,,,", "communities.csv: line 2: longitude (LONGITUDE) 'east' is not a number")]
    [InlineData("C1,Somewhere,,,,37.1,,,,,,,,,,", "communities.csv: line 2: latitude (LATITUDE) is empty")]
    [InlineData("C1,Somewhere,,,37.1,236.1,,,,,,,,,,", "communities.csv: line 2: coordinate [236.1, 37.1] is not a valid")]
    [InlineData("C1,Somewhere,,,36.1,37.1,,,,,,,,,,7", "communities.csv: line 2: CAPIT_LVL '7'")]
    [InlineData("C1,Somewhere,36.1,37.1", "communities.csv: line 2: expected 16 fields as in the header, found 4")]
    [InlineData("C1,\"Somewhere,,,36.1,37.1,,,,,,,,,,", "communities.csv: line 2: a quoted field is not closed")]
    [InlineData("C1,Some\"where,,,36.1,37.1,,,,,,,,,,", "communities.csv: line 2: a quote inside an unquoted field")]
    public void A_malformed_CSV_row_is_an_error_naming_file_and_line(string row, string expected)
    {
        var error = Assert.Throws<GazetteerFormatException>(() => Csv(row));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"C1","NAME_EN":"A"},"geometry":{"type":"Point","coordinates":[36.1]}}]}""", "x.geojson: feature 1: a position must be [longitude, latitude]")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"C1","NAME_EN":"A"},"geometry":{"type":"Point","coordinates":[360.1,36]}}]}""", "x.geojson: feature 1: coordinate [360.1, 36] is not a valid")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"C1","NAME_EN":"A"},"geometry":{"type":"LineString","coordinates":[[36,36],[37,37]]}}]}""", "x.geojson: feature 1: geometry type 'LineString' is not supported")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"C1","NAME_EN":"A"},"geometry":null}]}""", "x.geojson: feature 1: longitude (LONGITUDE) is empty")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"C1","NAME_EN":"A"},"geometry":{"type":"Polygon","coordinates":[[[36,36],[37,37],[36,36]]]}}]}""", "x.geojson: feature 1: a polygon ring needs at least 4 positions")]
    [InlineData("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":", "x.geojson: line 2: not valid JSON")]
    [InlineData("""{"type":"Topology"}""", "x.geojson: top level: expected a GeoJSON FeatureCollection, found type 'Topology'")]
    public void A_malformed_GeoJSON_file_is_an_error_naming_file_and_feature(string json, string expected)
    {
        var error = Assert.Throws<GazetteerFormatException>(() => new OchaPlacesReader().Read(Samples.Utf8(json), "x.geojson").ToList());
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
