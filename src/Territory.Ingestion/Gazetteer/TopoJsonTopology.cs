using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Domain.Spatial;

namespace Territory.Ingestion.Gazetteer;

/// <summary>
/// A TopoJSON topology decoded to polygons: arcs are delta-encoded integer positions when the topology has a
/// quantisation transform (position = cumulative sum × scale + translate), absolute positions otherwise; a ring is its
/// arcs joined end to start, and arc index ~i (negative) is arc i reversed.
/// </summary>
internal sealed class TopoJsonTopology
{
    private readonly Coordinate[][] _arcs;

    private TopoJsonTopology(Coordinate[][] arcs) => _arcs = arcs;

    public static TopoJsonTopology Decode(JsonElement topology, string fileName)
    {
        var at = new SourcePosition(fileName, "arcs");
        if (!topology.TryGetProperty("arcs", out var arcs) || arcs.ValueKind != JsonValueKind.Array)
        {
            throw at.Error("the topology has no arcs array");
        }

        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = topology.TryGetProperty("transform", out var transform) && transform.ValueKind == JsonValueKind.Object;
        if (quantized)
        {
            var where = new SourcePosition(fileName, "transform");
            if (!transform.TryGetProperty("scale", out var scale) || !transform.TryGetProperty("translate", out var translate)
                || scale.ValueKind != JsonValueKind.Array || translate.ValueKind != JsonValueKind.Array || scale.GetArrayLength() < 2 || translate.GetArrayLength() < 2)
            {
                throw where.Error("a transform needs scale [sx, sy] and translate [tx, ty]");
            }

            (sx, sy, tx, ty) = (scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble());
        }

        var decoded = new Coordinate[arcs.GetArrayLength()][];
        var index = 0;
        foreach (var arc in arcs.EnumerateArray())
        {
            var arcAt = new SourcePosition(fileName, $"arc {index}");
            if (arc.ValueKind != JsonValueKind.Array)
            {
                throw arcAt.Error("an arc must be an array of positions");
            }

            var positions = new Coordinate[arc.GetArrayLength()];
            double x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                {
                    throw arcAt.Error("a position must be [x, y]");
                }

                if (quantized)
                {
                    x += position[0].GetDouble();
                    y += position[1].GetDouble();
                    positions[i++] = LonLat.Coordinate((x * sx) + tx, (y * sy) + ty, arcAt);
                }
                else
                {
                    positions[i++] = LonLat.Coordinate(position[0].GetDouble(), position[1].GetDouble(), arcAt);
                }
            }

            decoded[index++] = positions;
        }

        return new TopoJsonTopology(decoded);
    }

    /// <summary>The polygons of one geometry object of the topology (Polygon or MultiPolygon), or null for a null geometry.</summary>
    public Geometry? Geometry(JsonElement geometry, SourcePosition at)
    {
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is null)
        {
            return null;
        }

        if (!geometry.TryGetProperty("arcs", out var arcs) || arcs.ValueKind != JsonValueKind.Array)
        {
            throw at.Error($"the {type} has no arcs");
        }

        return type switch
        {
            "Polygon" => Polygon(arcs, at),
            "MultiPolygon" => Geo.Factory.CreateMultiPolygon([.. arcs.EnumerateArray().Select(p => Polygon(p, at))]),
            _ => throw at.Error($"geometry type '{type}' is not supported here (Polygon, MultiPolygon)"),
        };
    }

    private Polygon Polygon(JsonElement rings, SourcePosition at) =>
        GeoJsonGeometry.Polygon([.. rings.EnumerateArray().Select(ring => Ring(ring, at))], at);

    private Coordinate[] Ring(JsonElement arcIndexes, SourcePosition at)
    {
        if (arcIndexes.ValueKind != JsonValueKind.Array)
        {
            throw at.Error("a ring must be an array of arc indexes");
        }

        var ring = new List<Coordinate>();
        foreach (var element in arcIndexes.EnumerateArray())
        {
            if (!element.TryGetInt32(out var index) || (index < 0 ? ~index : index) >= _arcs.Length)
            {
                throw at.Error($"arc index {element.GetRawText()} is not one of the topology's {_arcs.Length} arcs");
            }

            var arc = _arcs[index < 0 ? ~index : index];
            var count = arc.Length;
            for (var k = 0; k < count; k++)
            {
                // Each arc after the first starts where the previous one ended: drop that repeated position.
                if (k == 0 && ring.Count > 0)
                {
                    continue;
                }

                ring.Add(arc[index < 0 ? count - 1 - k : k].Copy());
            }
        }

        return [.. ring];
    }
}
