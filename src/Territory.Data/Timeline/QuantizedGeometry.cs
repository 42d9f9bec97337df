using NetTopologySuite.Geometries;

namespace Territory.Data.Timeline;

/// <summary>
/// The map's compact geometry encoding: coordinates quantized to 1/<see cref="Scale"/> degree (1e-4°, about 11 m, finer
/// than the display geometry's simplification) and delta-encoded per ring, lon before lat. A geometry is a list of parts
/// (a polygon, or a line), a part a list of rings (exterior first, then holes; a line has one), a ring a flat list
/// <c>[lon0, lat0, dLon1, dLat1, ...]</c> of integers. Rings are not closed (the first point is not repeated) and
/// points that fall on the same grid cell as the previous one are dropped.
/// </summary>
public static class QuantizedGeometry
{
    /// <summary>Grid steps per degree.</summary>
    public const int Scale = 10_000;

    /// <summary>Name of the encoding, sent with every payload that uses it.</summary>
    public const string Name = "quantized-delta-1e4";

    /// <summary>Encodes polygons, lines, their multi forms and collections of them; points and empty parts are left out.</summary>
    public static int[][][] Encode(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var parts = new List<int[][]>();
        AddParts(geometry, parts);
        return [.. parts];
    }

    private static void AddParts(Geometry geometry, List<int[][]> parts)
    {
        switch (geometry)
        {
            case Polygon polygon:
                var rings = new List<int[]>();
                if (EncodeRing(polygon.ExteriorRing.Coordinates, closed: true) is { } shell)
                {
                    rings.Add(shell);
                    rings.AddRange(polygon.InteriorRings.Select(hole => EncodeRing(hole.Coordinates, closed: true)).OfType<int[]>());
                    parts.Add([.. rings]);
                }

                break;
            case LineString line:
                if (EncodeRing(line.Coordinates, closed: false) is { } encoded)
                {
                    parts.Add([encoded]);
                }

                break;
            case GeometryCollection collection:
                foreach (var member in collection.Geometries)
                {
                    AddParts(member, parts);
                }

                break;
        }
    }

    private static int[]? EncodeRing(Coordinate[] coordinates, bool closed)
    {
        var count = closed && coordinates.Length > 1 && coordinates[0].Equals2D(coordinates[^1]) ? coordinates.Length - 1 : coordinates.Length;
        var values = new List<int>(count * 2);
        long lastX = 0, lastY = 0;
        var points = 0;
        for (var i = 0; i < count; i++)
        {
            var x = (long)Math.Round(coordinates[i].X * Scale);
            var y = (long)Math.Round(coordinates[i].Y * Scale);
            if (points > 0 && x == lastX && y == lastY)
            {
                continue;
            }

            values.Add((int)(points == 0 ? x : x - lastX));
            values.Add((int)(points == 0 ? y : y - lastY));
            (lastX, lastY) = (x, y);
            points++;
        }

        return points >= (closed ? 3 : 2) ? [.. values] : null;
    }
}
