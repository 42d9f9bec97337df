using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using Territory.Domain.Spatial;

namespace Territory.Ingestion.Gazetteer;

/// <summary>Outlines as the gazetteer stores them: a valid MultiPolygon from the app's factory, and a point inside it.</summary>
internal static class PlaceArea
{
    /// <summary>The polygons of <paramref name="geometry"/> as one valid MultiPolygon; invalid rings (self-touching, bow-ties) are repaired.</summary>
    public static MultiPolygon ValidMultiPolygon(Geometry geometry, SourcePosition at)
    {
        if (geometry is not (Polygon or MultiPolygon))
        {
            throw at.Error($"expected a Polygon or MultiPolygon, found {geometry.GeometryType}");
        }

        var valid = geometry.IsValid ? geometry : GeometryFixer.Fix(geometry);
        var polygons = new List<Polygon>();
        for (var i = 0; i < valid.NumGeometries; i++)
        {
            if (valid.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
            {
                polygons.Add((Polygon)Geo.Factory.CreateGeometry(polygon));
            }
        }

        if (polygons.Count == 0)
        {
            throw at.Error("the polygon has no area");
        }

        return Geo.Factory.CreateMultiPolygon([.. polygons]);
    }

    /// <summary>A point certainly inside the area (its interior point; a centroid can fall outside a crescent).</summary>
    public static Point Inside(MultiPolygon area)
    {
        var inside = area.InteriorPoint;
        return Geo.Point(inside.X, inside.Y);
    }
}
