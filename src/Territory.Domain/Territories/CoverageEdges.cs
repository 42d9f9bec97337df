using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Domain.Spatial;

namespace Territory.Domain.Territories;

/// <summary>
/// The cells of a tessellation as a table of directed edges, each knowing the cell on its other side, so that the union
/// of any set of cells is traced in time linear in its boundary: its edges are the cells' edges whose other side is not
/// in the set, chained into rings with the interior on the left (shells counter-clockwise, holes clockwise). That is what
/// <see cref="NetTopologySuite.Operation.OverlayNG.CoverageUnion"/> computes, without noding or sorting the whole set
/// each time. Thread-safe (one union at a time). Edges that meet a neighbour's vertex in their middle (a T-junction) are split there once, so shared
/// edges cancel exactly. <see cref="IsClean"/> says whether the union of all cells traced this way is valid and has the
/// cells' area; when it is not, the caller falls back to the overlay.
/// </summary>
public sealed class CoverageEdges
{
    private const double GridScale = 1e7;

    private readonly Coordinate[] _vertices;
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly int[] _cellOf;
    private readonly int[] _twin;
    private readonly int[] _firstEdge; // per cell, into the edge arrays; cells' edges are contiguous
    private readonly int[] _inSet;
    private readonly int[] _isBoundary;
    private readonly int[] _nextOut; // per edge: next boundary edge leaving the same vertex
    private readonly int[] _firstOut; // per vertex: first boundary edge leaving it
    private readonly int[] _outStamp;
    private readonly int[] _visited;
    private readonly Lock _gate = new();
    private int _stamp;

    /// <summary>Builds the edge table of <paramref name="cells"/> (polygonal, on a common grid, forming a coverage).</summary>
    public CoverageEdges(IReadOnlyList<Geometry> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var vertexIds = new Dictionary<(long, long), int>();
        var vertices = new List<Coordinate>();
        var rings = new List<List<int>>[cells.Count];
        for (var c = 0; c < cells.Count; c++)
        {
            rings[c] = [];
            for (var p = 0; p < cells[c].NumGeometries; p++)
            {
                if (cells[c].GetGeometryN(p) is not Polygon { IsEmpty: false } polygon)
                {
                    continue;
                }

                rings[c].Add(Ring(polygon.Shell, counterClockwise: true));
                foreach (var hole in polygon.Holes)
                {
                    rings[c].Add(Ring(hole, counterClockwise: false));
                }
            }
        }

        _vertices = [.. vertices];
        SplitTJunctions(rings);

        var edges = rings.Sum(r => r.Sum(ring => ring.Count));
        (_from, _to, _cellOf, _twin) = (new int[edges], new int[edges], new int[edges], new int[edges]);
        _firstEdge = new int[cells.Count + 1];
        var byEnds = new Dictionary<(int, int), int>(edges);
        var e = 0;
        for (var c = 0; c < cells.Count; c++)
        {
            _firstEdge[c] = e;
            foreach (var ring in rings[c])
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    (_from[e], _to[e], _cellOf[e]) = (ring[i], ring[(i + 1) % ring.Count], c);
                    byEnds[(_from[e], _to[e])] = e;
                    e++;
                }
            }
        }

        _firstEdge[cells.Count] = e;
        for (var i = 0; i < edges; i++)
        {
            _twin[i] = byEnds.TryGetValue((_to[i], _from[i]), out var twin) && _cellOf[twin] != _cellOf[i] ? twin : -1;
        }

        (_inSet, _isBoundary, _nextOut, _visited) = (new int[cells.Count], new int[edges], new int[edges], new int[edges]);
        (_firstOut, _outStamp) = (new int[_vertices.Length], new int[_vertices.Length]);

        var all = Union(Enumerable.Range(0, cells.Count).ToArray());
        var planar = cells.Sum(c => c.Area);
        IsClean = all.IsValid && Math.Abs(all.Area - planar) <= 1e-9 * Math.Max(1, planar);

        List<int> Ring(LineString ring, bool counterClockwise)
        {
            var coordinates = ring.Coordinates;
            var ids = new List<int>(coordinates.Length);
            for (var i = 0; i < coordinates.Length - 1; i++)
            {
                var key = ((long)Math.Round(coordinates[i].X * GridScale), (long)Math.Round(coordinates[i].Y * GridScale));
                if (!vertexIds.TryGetValue(key, out var id))
                {
                    vertexIds[key] = id = vertices.Count;
                    vertices.Add(coordinates[i].Copy());
                }

                if (ids.Count == 0 || ids[^1] != id)
                {
                    ids.Add(id);
                }
            }

            while (ids.Count > 1 && ids[0] == ids[^1])
            {
                ids.RemoveAt(ids.Count - 1);
            }

            if (SignedArea(ids, vertices) > 0 != counterClockwise)
            {
                ids.Reverse();
            }

            return ids;
        }
    }

    /// <summary>The union of all cells traced from the edge table is valid and has their area.</summary>
    public bool IsClean { get; }

    /// <summary>The union of <paramref name="cells"/> (indexes into the table), as one MultiPolygon.</summary>
    public MultiPolygon Union(IReadOnlyList<int> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        lock (_gate)
        {
            return Trace(cells);
        }
    }

    // The scratch arrays are shared between calls (stamped, so never cleared): one trace at a time.
    private MultiPolygon Trace(IReadOnlyList<int> cells)
    {
        var stamp = ++_stamp;
        foreach (var c in cells)
        {
            _inSet[c] = stamp;
        }

        // Boundary edges, listed per start vertex.
        var boundary = new List<int>();
        foreach (var c in cells)
        {
            for (var e = _firstEdge[c]; e < _firstEdge[c + 1]; e++)
            {
                if (_twin[e] >= 0 && _inSet[_cellOf[_twin[e]]] == stamp)
                {
                    continue;
                }

                _isBoundary[e] = stamp;
                boundary.Add(e);
                var v = _from[e];
                _nextOut[e] = _outStamp[v] == stamp ? _firstOut[v] : -1;
                (_firstOut[v], _outStamp[v]) = (e, stamp);
            }
        }

        var shells = new List<(LinearRing Ring, double Area)>();
        var holes = new List<LinearRing>();
        var ring = new List<int>();
        foreach (var start in boundary)
        {
            if (_visited[start] == stamp)
            {
                continue;
            }

            ring.Clear();
            for (var e = start; _visited[e] != stamp; e = Next(e, stamp))
            {
                _visited[e] = stamp;
                ring.Add(_from[e]);
            }

            if (ring.Count < 3)
            {
                continue;
            }

            var area = SignedArea(ring, _vertices);
            var coordinates = new Coordinate[ring.Count + 1];
            for (var i = 0; i < ring.Count; i++)
            {
                coordinates[i] = _vertices[ring[i]].Copy();
            }

            coordinates[^1] = coordinates[0].Copy();
            var linear = Geo.Factory.CreateLinearRing(coordinates);
            if (area > 0)
            {
                shells.Add((linear, area));
            }
            else if (area < 0)
            {
                holes.Add(linear);
            }
        }

        return Assemble(shells, holes);
    }

    // The boundary edge that follows e: the one leaving e's end that turns most to the left, hugging the interior, so a
    // vertex where the set touches itself splits into separate rings.
    private int Next(int e, int stamp)
    {
        var v = _to[e];
        var first = _outStamp[v] == stamp ? _firstOut[v] : -1;
        if (first < 0 || _nextOut[first] < 0)
        {
            return first < 0 ? e : first;
        }

        var at = _vertices[v];
        var back = Math.Atan2(_vertices[_from[e]].Y - at.Y, _vertices[_from[e]].X - at.X);
        var (best, bestTurn) = (first, double.MaxValue);
        for (var o = first; o >= 0; o = _nextOut[o])
        {
            // Clockwise angle from the way back to the way out: the smallest is the sharpest left turn.
            var turn = back - Math.Atan2(_vertices[_to[o]].Y - at.Y, _vertices[_to[o]].X - at.X);
            while (turn <= 0)
            {
                turn += 2 * Math.PI;
            }

            if (turn < bestTurn)
            {
                (best, bestTurn) = (o, turn);
            }
        }

        return best;
    }

    // Each hole goes to the smallest shell around it (shells nest when an island lies in a hole).
    private static MultiPolygon Assemble(List<(LinearRing Ring, double Area)> shells, List<LinearRing> holes)
    {
        var holesOf = new List<LinearRing>?[shells.Count];
        if (holes.Count > 0)
        {
            var index = new STRtree<int>();
            for (var i = 0; i < shells.Count; i++)
            {
                index.Insert(shells[i].Ring.EnvelopeInternal, i);
            }

            var locators = new IndexedPointInAreaLocator?[shells.Count];
            foreach (var hole in holes)
            {
                var (a, b) = (hole.GetCoordinateN(0), hole.GetCoordinateN(1));
                var probe = new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2);
                var owner = -1;
                foreach (var i in index.Query(hole.EnvelopeInternal))
                {
                    if (!shells[i].Ring.EnvelopeInternal.Covers(hole.EnvelopeInternal) || (owner >= 0 && shells[owner].Area <= shells[i].Area))
                    {
                        continue;
                    }

                    locators[i] ??= new IndexedPointInAreaLocator(Geo.Factory.CreatePolygon(shells[i].Ring));
                    if (locators[i]!.Locate(probe) == Location.Interior)
                    {
                        owner = i;
                    }
                }

                if (owner >= 0)
                {
                    (holesOf[owner] ??= []).Add(hole);
                }
            }
        }

        var polygons = new Polygon[shells.Count];
        for (var i = 0; i < shells.Count; i++)
        {
            polygons[i] = Geo.Factory.CreatePolygon(shells[i].Ring, holesOf[i] is { } own ? [.. own] : null);
        }

        return Geo.Factory.CreateMultiPolygon(polygons);
    }

    private static double SignedArea(List<int> ring, IReadOnlyList<Coordinate> vertices)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (p, q) = (vertices[ring[i]], vertices[ring[(i + 1) % ring.Count]]);
            sum += (p.X * q.Y) - (q.X * p.Y);
        }

        return sum / 2;
    }

    // Inserts into each edge the vertices of other rings that lie strictly inside it, so both sides of a shared edge have
    // the same vertices. Only edges without a reversed twin can need it; a grid of vertices finds the candidates.
    private void SplitTJunctions(List<List<int>>[] rings)
    {
        var directed = new HashSet<(int, int)>();
        foreach (var ring in rings.SelectMany(r => r))
        {
            for (var i = 0; i < ring.Count; i++)
            {
                directed.Add((ring[i], ring[(i + 1) % ring.Count]));
            }
        }

        var index = new STRtree<int>();
        for (var v = 0; v < _vertices.Length; v++)
        {
            index.Insert(new Envelope(_vertices[v]), v);
        }

        index.Build();
        foreach (var ring in rings.SelectMany(r => r))
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
                if (directed.Contains((b, a)))
                {
                    continue;
                }

                var (pa, pb) = (_vertices[a], _vertices[b]);
                var inside = index.Query(new Envelope(pa, pb))
                    .Where(v => v != a && v != b && OnSegment(_vertices[v], pa, pb))
                    .OrderBy(v => _vertices[v].Distance(pa))
                    .ToList();
                if (inside.Count > 0)
                {
                    ring.InsertRange(i + 1, inside);
                    i += inside.Count;
                }
            }
        }
    }

    private static bool OnSegment(Coordinate p, Coordinate a, Coordinate b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length2 = (dx * dx) + (dy * dy);
        if (length2 == 0)
        {
            return false;
        }

        var t = (((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / length2;
        var cross = ((p.X - a.X) * dy) - ((p.Y - a.Y) * dx);
        return t > 0 && t < 1 && Math.Abs(cross) / Math.Sqrt(length2) < 0.5 / GridScale;
    }
}
