using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Territory.Domain.Spatial;

/// <summary>
/// The one geometry factory of the app: WGS84 lon/lat (SRID 4326), x = longitude, y = latitude.
/// </summary>
public static class Geo
{
    /// <summary>SRID of every stored and exchanged geometry.</summary>
    public const int Srid = 4326;

    /// <summary>Shared factory with floating precision and SRID 4326.</summary>
    public static GeometryFactory Factory { get; } =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), Srid);

    /// <summary>A point from longitude and latitude, in that order (GeoJSON order, not Leaflet's).</summary>
    public static Point Point(double lon, double lat) => Factory.CreatePoint(new Coordinate(lon, lat));
}
