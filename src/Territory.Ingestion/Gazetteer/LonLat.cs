using NetTopologySuite.Geometries;
using Territory.Domain.Spatial;

namespace Territory.Ingestion.Gazetteer;

/// <summary>Checked WGS84 positions: every gazetteer point and vertex passes here, so a swapped or garbled coordinate is an error.</summary>
internal static class LonLat
{
    public static Coordinate Coordinate(double lon, double lat, SourcePosition at)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            throw at.Error(FormattableString.Invariant($"coordinate [{lon}, {lat}] is not a valid longitude (-180..180), latitude (-90..90) pair"));
        }

        return new Coordinate(lon, lat);
    }

    public static Point Point(double lon, double lat, SourcePosition at)
    {
        var coordinate = Coordinate(lon, lat, at);
        return Geo.Point(coordinate.X, coordinate.Y);
    }
}
