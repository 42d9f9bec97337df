using NetTopologySuite.Geometries;

namespace Territory.Domain.Spatial;

/// <summary>
/// True surface area of lon/lat polygons on the WGS84 ellipsoid.
/// </summary>
/// <remarks>
/// Points are mapped to the authalic sphere (same total area as the ellipsoid, area-preserving latitude),
/// and each ring's area is the exact spherical excess of its great-circle edges. This is what
/// PostGIS's <c>ST_Area(geography)</c> computes to within a few parts per million for cells of this size.
/// </remarks>
public static class AreaCalculator
{
    private const double A = 6378137.0;                 // WGS84 semi-major axis, metres
    private const double F = 1 / 298.257223563;         // WGS84 flattening
    private static readonly double E2 = F * (2 - F);
    private static readonly double E = Math.Sqrt(E2);
    private static readonly double Qp = Q(1.0);
    private static readonly double AuthalicRadius = A * Math.Sqrt(Qp / 2);

    /// <summary>Area in square kilometres of the polygonal parts of <paramref name="geometry"/> (lon/lat degrees).</summary>
    public static double GeodesicKm2(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return Steradians(geometry) * AuthalicRadius * AuthalicRadius / 1e6;
    }

    private static double Steradians(Geometry geometry) => geometry switch
    {
        Polygon polygon => Math.Abs(RingSteradians(polygon.ExteriorRing.Coordinates))
            - polygon.InteriorRings.Sum(hole => Math.Abs(RingSteradians(hole.Coordinates))),
        GeometryCollection collection => collection.Geometries.Sum(Steradians),
        _ => 0,
    };

    // Signed area on the unit sphere: the sum over edges of the excess between the edge and the equator.
    private static double RingSteradians(Coordinate[] ring)
    {
        double sum = 0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var lon1 = ToRadians(ring[i].X);
            var lon2 = ToRadians(ring[i + 1].X);
            var t1 = Math.Tan(AuthalicLatitude(ring[i].Y) / 2);
            var t2 = Math.Tan(AuthalicLatitude(ring[i + 1].Y) / 2);
            var dLon = lon2 - lon1;
            sum += 2 * Math.Atan2(Math.Tan(dLon / 2) * (t1 + t2), 1 + (t1 * t2));
        }

        return sum;
    }

    private static double AuthalicLatitude(double latDegrees)
    {
        var q = Q(Math.Sin(ToRadians(latDegrees)));
        return Math.Asin(Math.Clamp(q / Qp, -1, 1));
    }

    private static double Q(double sinPhi) =>
        (1 - E2) * ((sinPhi / (1 - (E2 * sinPhi * sinPhi))) - (1 / (2 * E) * Math.Log((1 - (E * sinPhi)) / (1 + (E * sinPhi)))));

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
