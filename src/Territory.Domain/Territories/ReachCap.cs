using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Territory.Domain.Spatial;

namespace Territory.Domain.Territories;

/// <summary>
/// Cuts (convex) Voronoi cells to the disc of maximum reach around their settlement, in a local frame where a degree of
/// longitude is scaled by cos(latitude). Two neighbours share an edge, and in theory the same points of it lie within
/// reach of both settlements; in floating point they would not quite, so whether a vertex is within reach and where an
/// edge leaves the disc are computed once, by the first cell that asks, and reused by its neighbour: capped cells keep
/// sharing their edges exactly. Only the arcs, which no neighbour shares, get new vertices. One instance per tessellation.
/// </summary>
internal sealed class ReachCap(double radiusDegrees, double scale)
{
    private readonly double _r2 = radiusDegrees * radiusDegrees;
    private readonly double _r = radiusDegrees;
    private readonly Dictionary<Coordinate, bool> _inside = [];
    private readonly Dictionary<(Coordinate From, Coordinate To), Coordinate[]> _crossings = [];

    public Geometry Cap(Polygon cell, double lon, double lat, int segments)
    {
        var ring = cell.ExteriorRing.Coordinates;
        if (!Orientation.IsCCW(ring))
        {
            ring = [.. ring.Reverse()];
        }

        var (cx, cy) = (lon * scale, lat);
        var items = new List<(Coordinate Point, bool Exit)>();
        var allInside = true;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var (p, q) = (ring[i], ring[i + 1]);
            var inside = Inside(p, cx, cy);
            allInside &= inside;
            if (inside)
            {
                items.Add((p, false));
            }

            foreach (var crossing in Crossings(p, q, cx, cy))
            {
                items.Add((crossing, inside));
                inside = !inside;
            }
        }

        if (allInside)
        {
            return cell;
        }

        var step = 2 * Math.PI / Math.Max(4, segments);
        var coordinates = new List<Coordinate>();
        if (items.Count == 0)
        {
            // The disc lies inside the cell.
            for (var k = 0; k < segments; k++)
            {
                coordinates.Add(Point(cx + (_r * Math.Cos(k * step)), cy + (_r * Math.Sin(k * step))));
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            var (point, exit) = items[i];
            coordinates.Add(point);
            if (!exit)
            {
                continue;
            }

            // Along the arc, counter-clockwise, to where the boundary comes back within reach.
            var from = Angle(point, cx, cy);
            var sweep = Angle(items[(i + 1) % items.Count].Point, cx, cy) - from;
            while (sweep <= 0)
            {
                sweep += 2 * Math.PI;
            }

            for (var angle = (Math.Floor(from / step) + 1) * step; angle < from + sweep - (step / 4); angle += step)
            {
                if (angle > from + (step / 4))
                {
                    coordinates.Add(Point(cx + (_r * Math.Cos(angle)), cy + (_r * Math.Sin(angle))));
                }
            }
        }

        coordinates.Add(coordinates[0].Copy());
        var deduplicated = new CoordinateList(coordinates.ToArray(), allowRepeated: false);
        if (deduplicated.Count < 4)
        {
            return Geo.Factory.CreatePolygon();
        }

        var capped = Geo.Factory.CreatePolygon(deduplicated.ToCoordinateArray());
        return capped.IsValid ? capped : capped.Buffer(0);
    }

    private bool Inside(Coordinate vertex, double cx, double cy)
    {
        if (!_inside.TryGetValue(vertex, out var inside))
        {
            _inside[vertex] = inside = Distance2(vertex.X * scale, vertex.Y, cx, cy) <= _r2;
        }

        return inside;
    }

    // Where the edge p→q crosses the reach circle, in order from p; computed once per edge, whichever cell asks first.
    private IEnumerable<Coordinate> Crossings(Coordinate p, Coordinate q, double cx, double cy)
    {
        if (_crossings.TryGetValue((q, p), out var reversed))
        {
            return reversed.Reverse();
        }

        if (!_crossings.TryGetValue((p, q), out var crossings))
        {
            _crossings[(p, q)] = crossings = Compute(p, q, cx, cy);
        }

        return crossings;
    }

    private Coordinate[] Compute(Coordinate p, Coordinate q, double cx, double cy)
    {
        var (insideP, insideQ) = (Inside(p, cx, cy), Inside(q, cx, cy));
        if (insideP && insideQ)
        {
            return [];
        }

        var (px, py, dx, dy) = (p.X * scale, p.Y, (q.X - p.X) * scale, q.Y - p.Y);
        var a = (dx * dx) + (dy * dy);
        var b = 2 * ((dx * (px - cx)) + (dy * (py - cy)));
        var c = Distance2(px, py, cx, cy) - _r2;
        var disc = (b * b) - (4 * a * c);
        if (a == 0 || disc < 0)
        {
            return insideP != insideQ ? [insideP ? q : p] : [];
        }

        var root = Math.Sqrt(disc);
        var (t1, t2) = ((-b - root) / (2 * a), (-b + root) / (2 * a));
        if (insideP != insideQ)
        {
            // Exactly one crossing: leaving (the larger root) or entering (the smaller).
            var t = Math.Clamp(insideP ? t2 : t1, 0, 1);
            return [Point(px + (t * dx), py + (t * dy))];
        }

        return t1 > 0 && t2 < 1 && t2 > t1 ? [Point(px + (t1 * dx), py + (t1 * dy)), Point(px + (t2 * dx), py + (t2 * dy))] : [];
    }

    private double Angle(Coordinate point, double cx, double cy) => Math.Atan2(point.Y - cy, (point.X * scale) - cx);

    private static double Distance2(double x1, double y1, double x2, double y2) => ((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2));

    private Coordinate Point(double x, double y) => new(CellTessellation.Grid.MakePrecise(x / scale), CellTessellation.Grid.MakePrecise(y));
}
