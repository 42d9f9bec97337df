using NetTopologySuite.IO;
using Territory.Data.Spatial;
using Territory.Domain.Spatial;
using Territory.Testing;

namespace Territory.Data.Tests;

/// <summary>The domain's area figures must agree with PostGIS's own ellipsoidal computation.</summary>
public class GeodesicAreaTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(Geo.Factory.PrecisionModel, Geo.Srid));

    [Theory]
    [InlineData("POLYGON ((37.1 36.15, 37.212 36.15, 37.212 36.24, 37.1 36.24, 37.1 36.15))")] // about 10 × 10 km at Aleppo
    [InlineData("POLYGON ((36.5 35.7, 37.0 35.65, 37.3 36.0, 36.9 36.4, 36.4 36.2, 36.5 35.7))")] // a few thousand km², irregular
    [InlineData("POLYGON ((37.15 36.2, 37.151 36.2, 37.151 36.2008, 37.15 36.2008, 37.15 36.2))")] // a city block
    [InlineData("MULTIPOLYGON (((36 35, 37 35, 37 36, 36 36, 36 35), (36.2 35.2, 36.4 35.2, 36.4 35.4, 36.2 35.4, 36.2 35.2)), ((38 36, 38.5 36, 38.5 36.5, 38 36)))")]
    public async Task Area_matches_ST_Area_of_geography_within_a_tenth_of_a_percent(string wkt)
    {
        var polygon = Wkt.Read(wkt);
        await using var command = database.DataSource.CreateCommand("SELECT ST_Area(@g::geometry::geography) / 1e6");
        command.Parameters.Add(Ewkb.Parameter("g", polygon));
        var postgis = (double)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        var ours = AreaCalculator.GeodesicKm2(polygon);
        Assert.True(Math.Abs(ours - postgis) / postgis < 0.001, $"ours {ours:F6} km², PostGIS {postgis:F6} km²");
    }
}
