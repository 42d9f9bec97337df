using Territory.Domain.Places;
using Territory.Domain.Spatial;
using Territory.Ingestion.Gazetteer;
using Territory.Testing;

namespace Territory.Ingestion.Tests;

/// <summary>The readers on the reference geodata in the shared folder (skipped, with the reason, where it is absent).</summary>
public class ReferenceDataTests
{
    private static List<PlaceRecord> ReadJson(string relativePath, Func<Stream, string, IEnumerable<PlaceRecord>> read)
    {
        var path = SharedFolder.Require(relativePath);
        using var stream = File.OpenRead(path);
        return [.. read(stream, Path.GetFileName(path))];
    }

    [Fact]
    public void OCHA_communities_CSV_holds_5251_places_with_Arabic_names()
    {
        var records = ReadJson("reference/places/ocha_syr_admin4_communities.csv", new OchaPlacesReader().Read);
        Assert.Equal(5251, records.Count);
        Assert.Equal(5251, records.Select(r => r.SourceKey).Distinct().Count());
        Assert.All(records, r => Assert.Contains(r.Names, n => n.Script == "Arab"));
        var saraqib = records.Single(r => r.SourceKey == "C3916");
        Assert.Equal(("Saraqab", "SY07", PlaceKind.Town), (saraqib.Name, saraqib.Admin1Code, saraqib.Kind));
        Assert.Equal(PlaceKind.City, records.Single(r => r.SourceKey == "C1007").Kind);
    }

    [Fact]
    public void The_GeoJSON_communities_of_Aleppo_and_Idleb_agree_with_the_CSV()
    {
        var csv = ReadJson("reference/places/ocha_syr_admin4_communities.csv", new OchaPlacesReader().Read).ToDictionary(r => r.SourceKey);
        var geojson = ReadJson("reference/places/ocha_syr_admin4_communities_aleppo_idleb.geojson", new OchaPlacesReader().Read);
        Assert.Equal(1716, geojson.Count);
        Assert.All(geojson, r => Assert.True(r.Point.Distance(csv[r.SourceKey].Point) < 1e-6, r.SourceKey));
    }

    [Fact]
    public void GeoNames_cities500_of_Syria_holds_290_places()
    {
        var path = SharedFolder.Require("reference/geonames/cities500_SY.txt");
        using var text = new StreamReader(path);
        var records = new GeoNamesReader { Country = "SY" }.Read(text, "cities500_SY.txt").ToList();
        Assert.Equal(290, records.Count);
        Assert.Equal("SY02", records.Single(r => r.Name == "Aleppo").Admin1Code);
        Assert.Equal("SY07", records.Single(r => r.Name == "Idlib").Admin1Code);
    }

    [Theory]
    [InlineData("syr_admin1", 14, PlaceKind.Governorate)]
    [InlineData("syr_admin2", 62, PlaceKind.District)]
    [InlineData("syr_admin3", 272, PlaceKind.Subdistrict)]
    public void The_OCHA_topology_holds_14_62_and_272_units(string topologyObject, int count, PlaceKind level)
    {
        var records = ReadJson("reference/boundaries/ocha_syr_admin1-3_topo.json", new BoundaryReader { Objects = [topologyObject] }.Read);
        Assert.Equal(count, records.Count);
        Assert.All(records, r => Assert.Equal(level, r.Kind));
        Assert.All(records, r => Assert.True(r.Area!.IsValid && r.Area.Covers(r.Point), r.SourceKey));
    }

    [Theory]
    [InlineData("syr_admin1", "ocha_syr_admin1.geojson")]
    [InlineData("syr_admin2", "ocha_syr_admin2.geojson")]
    [InlineData("syr_admin3", "ocha_syr_admin3.geojson")]
    public void Decoding_the_topology_gives_the_polygons_of_the_converted_GeoJSON(string topologyObject, string converted)
    {
        var decoded = ReadJson("reference/boundaries/ocha_syr_admin1-3_topo.json", new BoundaryReader { Objects = [topologyObject] }.Read).ToDictionary(r => r.SourceKey);
        var expected = ReadJson("reference/boundaries/" + converted, new BoundaryReader().Read).ToDictionary(r => r.SourceKey);

        Assert.Equal(expected.Keys.Order(), decoded.Keys.Order());
        foreach (var (pcode, unit) in expected)
        {
            var want = AreaCalculator.GeodesicKm2(unit.Area!);
            var got = AreaCalculator.GeodesicKm2(decoded[pcode].Area!);
            Assert.True(Math.Abs(got - want) <= want * 0.001, $"{pcode}: decoded {got:0.000} km², converted {want:0.000} km²");
        }
    }

    [Fact]
    public void Natural_Earth_gives_14_governorates_with_OCHA_pcodes_and_the_UNDOF_zone()
    {
        var records = ReadJson("reference/boundaries/naturalearth_10m_admin1_syria.geojson", new BoundaryReader { Country = "SY" }.Read);
        Assert.Equal(14, records.Count(r => r.Kind == PlaceKind.Governorate));
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"SY{i:00}"), records.Where(r => r.Kind == PlaceKind.Governorate).Select(r => r.Pcode).Order());
        Assert.Equal("SY-X01~", Assert.Single(records, r => r.Kind == PlaceKind.Region).SourceKey);
        Assert.Contains(new PlaceName("محافظة حلب", "ar"), records.Single(r => r.Pcode == "SY02").Names);
    }

    [Fact]
    public void Aleppo_neighbourhoods_109_from_OCHA_and_133_from_CSR()
    {
        var ocha = ReadJson("reference/aleppo_city/ocha_aleppo_neighbourhoods.geojson", new OchaPlacesReader().Read);
        Assert.Equal(109, ocha.Count);
        Assert.All(ocha, r => Assert.Equal((PlaceKind.Neighbourhood, "C1007"), (r.Kind, r.ParentKey)));

        var csr = ReadJson("reference/aleppo_city/csr_aleppo_neighbourhoods.geojson", new OchaPlacesReader { Source = "csr" }.Read);
        Assert.Equal(133, csr.Count);
        Assert.Equal(133, csr.Select(r => r.SourceKey).Distinct().Count());
        Assert.All(csr, r => Assert.True(r.Area!.IsValid && r.Area.Covers(r.Point), r.SourceKey));

        var centroids = ReadJson("reference/aleppo_city/csr_aleppo_neighbourhoods_centroids.csv", new OchaPlacesReader { Source = "csr" }.Read);
        Assert.Equal(csr.Select(r => r.SourceKey), centroids.Select(r => r.SourceKey));
    }
}
