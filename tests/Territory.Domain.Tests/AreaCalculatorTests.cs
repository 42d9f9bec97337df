using NetTopologySuite.IO;
using Territory.Domain.Spatial;

namespace Territory.Domain.Tests;

public class AreaCalculatorTests
{
    private static readonly WKTReader Reader = new(new NetTopologySuite.NtsGeometryServices(Geo.Factory.PrecisionModel, Geo.Srid));

    [Theory]
    [InlineData(0.0, 1.0, 0.0, 1.0)]
    [InlineData(36.0, 36.1, 37.0, 37.1)]
    [InlineData(35.5, 36.5, 36.5, 37.5)]
    public void A_lon_lat_cell_matches_the_closed_form_ellipsoidal_band(double south, double north, double west, double east)
    {
        // The closed form follows parallels while the calculator follows great circles; for cells up to 1° they agree to 0.01%.
        var cell = Geo.Factory.ToGeometry(new NetTopologySuite.Geometries.Envelope(west, east, south, north));
        var expected = ExpectedBandKm2(south, north, east - west);
        Assert.InRange(AreaCalculator.GeodesicKm2(cell) / expected, 0.9999, 1.0001);
    }

    [Fact]
    public void Holes_are_subtracted_and_multipolygons_summed()
    {
        var outer = AreaCalculator.GeodesicKm2(Reader.Read("POLYGON((37 36, 37.2 36, 37.2 36.2, 37 36.2, 37 36))"));
        var hole = AreaCalculator.GeodesicKm2(Reader.Read("POLYGON((37.05 36.05, 37.1 36.05, 37.1 36.1, 37.05 36.1, 37.05 36.05))"));
        var holed = AreaCalculator.GeodesicKm2(Reader.Read("POLYGON((37 36, 37.2 36, 37.2 36.2, 37 36.2, 37 36), (37.05 36.05, 37.1 36.05, 37.1 36.1, 37.05 36.1, 37.05 36.05))"));
        var multi = AreaCalculator.GeodesicKm2(Reader.Read("MULTIPOLYGON(((37 36, 37.2 36, 37.2 36.2, 37 36.2, 37 36)), ((37.05 36.05, 37.1 36.05, 37.1 36.1, 37.05 36.1, 37.05 36.05)))"));
        Assert.Equal(outer - hole, holed, 1e-6);
        Assert.Equal(outer + hole, multi, 1e-6);
    }

    [Fact]
    public void Ring_orientation_does_not_change_the_area()
    {
        var ccw = AreaCalculator.GeodesicKm2(Reader.Read("POLYGON((37 36, 37.1 36, 37.1 36.1, 37 36.1, 37 36))"));
        var cw = AreaCalculator.GeodesicKm2(Reader.Read("POLYGON((37 36, 37 36.1, 37.1 36.1, 37.1 36, 37 36))"));
        Assert.Equal(ccw, cw, 1e-9);
        Assert.True(ccw > 0);
    }

    [Fact]
    public void Points_and_lines_have_no_area()
    {
        Assert.Equal(0, AreaCalculator.GeodesicKm2(Reader.Read("LINESTRING(37 36, 37.1 36.1)")));
        Assert.Equal(0, AreaCalculator.GeodesicKm2(Geo.Point(37.16, 36.2)));
    }

    // Area of a lat/lon band on the WGS84 ellipsoid between two parallels: (b²·Δλ/2)·[q(φ)] (Snyder, Map Projections, eq. 3-12).
    private static double ExpectedBandKm2(double lat1, double lat2, double widthDegrees)
    {
        const double a = 6378137.0;
        const double f = 1 / 298.257223563;
        var e2 = f * (2 - f);
        var e = Math.Sqrt(e2);
        double Q(double phi)
        {
            var s = Math.Sin(phi * Math.PI / 180);
            return (s / (1 - (e2 * s * s))) + (1 / (2 * e) * Math.Log((1 + (e * s)) / (1 - (e * s))));
        }

        var b2 = a * a * (1 - e2);
        return b2 / 2 * (Q(lat2) - Q(lat1)) * (widthDegrees * Math.PI / 180) / 1e6;
    }
}
