using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Domain.Spatial;

namespace Territory.Ingestion.Gazetteer;

/// <summary>GeoJSON geometry objects (Point, MultiPoint, Polygon, MultiPolygon) to NTS, lon/lat checked, rings closed.</summary>
internal static class GeoJsonGeometry
{
    /// <summary>The geometry, or null for a feature whose geometry is null.</summary>
    public static Geometry? Read(JsonElement geometry, SourcePosition at)
    {
        if (geometry.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw at.Error("the geometry has no type");
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw at.Error($"the {type.GetString()} geometry has no coordinates array");
        }

        return type.GetString() switch
        {
            "Point" => Geo.Factory.CreatePoint(Position(coordinates, at)),
            "MultiPoint" => Geo.Factory.CreateMultiPointFromCoords([.. coordinates.EnumerateArray().Select(p => Position(p, at))]),
            "Polygon" => Polygon(coordinates, at),
            "MultiPolygon" => Geo.Factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(p => Polygon(p, at))]),
            var other => throw at.Error($"geometry type '{other}' is not supported here (Point, MultiPoint, Polygon, MultiPolygon)"),
        };
    }

    /// <summary>A polygon from rings of positions (shell first), closing rings that are left open.</summary>
    public static Polygon Polygon(IReadOnlyList<Coordinate[]> rings, SourcePosition at)
    {
        if (rings.Count == 0)
        {
            throw at.Error("a polygon has no rings");
        }

        var linearRings = rings.Select(ring => Ring(ring, at)).ToArray();
        return Geo.Factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    private static Polygon Polygon(JsonElement rings, SourcePosition at)
    {
        if (rings.ValueKind != JsonValueKind.Array)
        {
            throw at.Error("polygon coordinates must be an array of rings");
        }

        return Polygon([.. rings.EnumerateArray().Select(ring => ring.ValueKind == JsonValueKind.Array
            ? ring.EnumerateArray().Select(p => Position(p, at)).ToArray()
            : throw at.Error("a polygon ring must be an array of positions"))], at);
    }

    private static LinearRing Ring(Coordinate[] positions, SourcePosition at)
    {
        var ring = positions.Length > 0 && !positions[0].Equals2D(positions[^1]) ? [.. positions, positions[0].Copy()] : positions;
        if (ring.Length < 4)
        {
            throw at.Error($"a polygon ring needs at least 4 positions, found {positions.Length}");
        }

        return Geo.Factory.CreateLinearRing(ring);
    }

    private static Coordinate Position(JsonElement position, SourcePosition at)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw at.Error($"a position must be [longitude, latitude], found {Shorten(position.GetRawText())}");
        }

        return LonLat.Coordinate(position[0].GetDouble(), position[1].GetDouble(), at);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
