using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;

namespace Territory.Ingestion.Tests;

public class BoundaryReaderTests
{
    // Two squares sharing the edge x = 10 (quantized), in two objects; B walks the shared arc backwards (~0).
    private const string Topology = """
        {"type":"Topology","transform":{"scale":[0.01,0.01],"translate":[36,35]},
         "arcs":[[[10,0],[0,10]], [[10,10],[-10,0],[0,-10],[10,0]], [[10,0],[10,0],[0,10],[-10,0]]],
         "objects":{
           "adm1":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0,1]],"properties":{"PCODE":"SY02","NAME_EN":"Aleppo","NAME_AR":"حلب","ADM0_PCODE":"SY"}}]},
           "adm2":{"type":"GeometryCollection","geometries":[{"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"PCODE":"SY0200","NAME_EN":"Jebel Saman","NAM_EN_REF":"Jabal Sam'an","NAME_AR":"جبل سمعان","ADM1_PCODE":"SY02","ADM0_PCODE":"SY"}}]}}}
        """;

    private static List<PlaceRecord> Read(string json, BoundaryReader? reader = null) =>
        [.. (reader ?? new BoundaryReader()).Read(Samples.Utf8(json), "boundaries.json")];

    private static void AssertSameShape(string expectedWkt, Geometry actual)
    {
        var expected = new WKTReader().Read(expectedWkt);
        var (e, a) = (expected.Copy(), actual.Copy());
        e.Normalize();
        a.Normalize();
        Assert.True(e.EqualsExact(a, 1e-9), $"expected {e}\n  actual {a}");
    }

    [Fact]
    public void TopoJSON_arcs_are_decoded_with_the_transform_deltas_and_reversed_arcs()
    {
        var records = Read(Topology);

        Assert.Equal(["SY02", "SY0200"], records.Select(r => r.SourceKey));
        AssertSameShape("MULTIPOLYGON (((36.1 35, 36.1 35.1, 36 35.1, 36 35, 36.1 35)))", records[0].Area!);
        AssertSameShape("MULTIPOLYGON (((36.1 35, 36.2 35, 36.2 35.1, 36.1 35.1, 36.1 35)))", records[1].Area!);
        Assert.All(records, r => Assert.True(r.Area!.Covers(r.Point)));
        Assert.All(records, r => Assert.Equal(4326, r.Area!.SRID));
    }

    [Fact]
    public void The_level_admin_codes_and_parent_come_from_the_pcode()
    {
        var records = Read(Topology);
        Assert.Equal((PlaceKind.Governorate, "SY02", null, null, null), (records[0].Kind, records[0].Admin1Code, records[0].Admin2Code, records[0].Admin3Code, records[0].ParentKey));
        Assert.Equal((PlaceKind.District, "SY02", "SY0200", null, "SY02"), (records[1].Kind, records[1].Admin1Code, records[1].Admin2Code, records[1].Admin3Code, records[1].ParentKey));
        Assert.Equal([("Jebel Saman", "en"), ("Jabal Sam'an", "en"), ("جبل سمعان", "ar")], records[1].Names.Select(n => (n.Text, n.Language)));
    }

    [Fact]
    public void Objects_can_be_chosen_and_an_unknown_one_is_named()
    {
        Assert.Equal(["SY0200"], Read(Topology, new BoundaryReader { Objects = ["adm2"] }).Select(r => r.SourceKey));
        var error = Assert.Throws<GazetteerFormatException>(() => Read(Topology, new BoundaryReader { Objects = ["syr_admin3"] }));
        Assert.Equal("boundaries.json: objects: the topology has no object 'syr_admin3' (it has: adm1, adm2)", error.Message);
    }

    [Fact]
    public void A_topology_without_a_transform_holds_absolute_positions()
    {
        const string json = """
            {"type":"Topology","arcs":[[[36,35],[36.5,35],[36.5,35.5],[36,35.5],[36,35]]],
             "objects":{"a":{"type":"Polygon","arcs":[[0]],"properties":{"PCODE":"SY070003","NAME_EN":"Saraqab"}}}}
            """;
        var record = Assert.Single(Read(json));
        AssertSameShape("MULTIPOLYGON (((36 35, 36.5 35, 36.5 35.5, 36 35.5, 36 35)))", record.Area!);
        Assert.Equal((PlaceKind.Subdistrict, "SY07", "SY0700", "SY070003", "SY0700"), (record.Kind, record.Admin1Code, record.Admin2Code, record.Admin3Code, record.ParentKey));
    }

    [Fact]
    public void Natural_Earth_governorates_get_OCHA_pcodes_their_names_and_the_rest_become_regions()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"iso_3166_2":"SY-HL","iso_a2":"SY","name":"Aleppo","name_en":"Aleppo","name_ar":"حلب","name_fr":"Alep","name_tr":"Halep","name_len":6,"name_alt":"Alep|Haleb|Ḥalab"},
             "geometry":{"type":"Polygon","coordinates":[[[36.5,35.8],[38.5,35.8],[38.5,36.8],[36.5,36.8],[36.5,35.8]]]}},
            {"type":"Feature","properties":{"iso_3166_2":"SY-X01~","iso_a2":"SY","name":"UNDOF","name_en":"UNDOF"},
             "geometry":{"type":"Polygon","coordinates":[[[35.8,32.8],[35.9,32.8],[35.9,33.2],[35.8,33.2],[35.8,32.8]]]}},
            {"type":"Feature","properties":{"iso_3166_2":"TR-27","iso_a2":"TR","name":"Gaziantep","name_en":"Gaziantep"},
             "geometry":{"type":"Polygon","coordinates":[[[36.5,36.8],[38,36.8],[38,37.5],[36.5,37.5],[36.5,36.8]]]}}]}
            """;
        var records = Read(json, new BoundaryReader { Country = "SY" });

        Assert.Equal([("SY02", PlaceKind.Governorate, "SY02"), ("SY-X01~", PlaceKind.Region, null)], records.Select(r => (r.SourceKey, r.Kind, r.Pcode)));
        Assert.Equal("Aleppo", records[0].Name);
        Assert.Equal(
            [("Aleppo", "en"), ("حلب", "ar"), ("Aleppo", "und"), ("Alep", "fr"), ("Halep", "tr"), ("Alep", "und"), ("Haleb", "und"), ("Ḥalab", "und")],
            records[0].Names.Select(n => (n.Text, n.Language)));
        Assert.Equal(3, Read(json).Count);
    }

    [Fact]
    public void An_invalid_ring_is_repaired_into_a_valid_multipolygon()
    {
        const string bowTie = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"SY05","NAME_EN":"Hama"},
             "geometry":{"type":"Polygon","coordinates":[[[36,35],[36.2,35.2],[36.2,35],[36,35.2],[36,35]]]}}]}
            """;
        var record = Assert.Single(Read(bowTie));
        Assert.True(record.Area!.IsValid);
        Assert.Equal(2, record.Area.NumGeometries);
        Assert.Equal(0.02, record.Area.Area, 9);
    }

    [Theory]
    [InlineData("""{"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,0]]],"objects":{"a":{"type":"Polygon","arcs":[[3]],"properties":{"PCODE":"SY02","NAME_EN":"A"}}}}""", "boundaries.json: object a, geometry 1: arc index 3 is not one of the topology's 1 arcs")]
    [InlineData("""{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[0]]}}}""", "boundaries.json: arcs: the topology has no arcs array")]
    [InlineData("""{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":[[[0,0],[200,0],[0,1],[-200,-1]]],"objects":{"a":{"type":"Polygon","arcs":[[0]],"properties":{"PCODE":"SY02","NAME_EN":"A"}}}}""", "boundaries.json: arc 0: coordinate [200, 0] is not a valid")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"NAME_EN":"A"},"geometry":{"type":"Polygon","coordinates":[[[36,35],[36.1,35],[36.1,35.1],[36,35]]]}}]}""", "boundaries.json: feature 1: no PCODE (OCHA) or iso_3166_2")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"AB-1","NAME_EN":"A"},"geometry":{"type":"Polygon","coordinates":[[[36,35],[36.1,35],[36.1,35.1],[36,35]]]}}]}""", "boundaries.json: feature 1: cannot tell the level of 'AB-1'")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"SY02","NAME_EN":"A"},"geometry":{"type":"Point","coordinates":[36,35]}}]}""", "boundaries.json: feature 1: expected a Polygon or MultiPolygon, found Point")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PCODE":"SY02"},"geometry":{"type":"Polygon","coordinates":[[[36,35],[36.1,35],[36.1,35.1],[36,35]]]}}]}""", "boundaries.json: feature 1: SY02 has no name")]
    public void A_malformed_boundary_file_is_an_error_naming_where(string json, string expected)
    {
        var error = Assert.Throws<GazetteerFormatException>(() => Read(json));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
