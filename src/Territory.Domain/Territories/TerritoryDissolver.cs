using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using Territory.Domain.Spatial;

namespace Territory.Domain.Territories;

/// <summary>
/// Merges sets of cells into one (multi)polygon. The cells are a coverage, so the union only drops shared edges: it is
/// traced from the cells' edge table (<see cref="CoverageEdges"/>), in time linear in the result's boundary. Should the
/// cells not form an exact coverage (rounding at the outline), it falls back to <see cref="CoverageUnion"/> in blocks of
/// a grid, reusing a block's piece for as long as the same cells of that block are merged together. A result is kept
/// for as long as the same set of cells is asked for again. Not thread-safe (its caches); one instance per builder.
/// </summary>
public sealed class TerritoryDissolver(CellTessellation tessellation, double blockDegrees = 0.25)
{
    private const int MaxCached = 20_000;

    private readonly int[] _blockOf = BlocksOf(tessellation, blockDegrees);
    private readonly Dictionary<(bool Display, ulong Hash), Geometry> _pieces = [];
    private readonly Dictionary<(bool Display, ulong Hash), Geometry> _wholes = [];

    /// <summary>The union of <paramref name="cells"/> (exact or display geometry) as one valid MultiPolygon.</summary>
    public MultiPolygon Dissolve(IReadOnlyCollection<int> cells, bool display)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sorted = cells.ToArray();
        Array.Sort(sorted);
        var key = (display, Hash(sorted));
        if (_wholes.TryGetValue(key, out var whole))
        {
            return (MultiPolygon)whole;
        }

        if (tessellation.Edges(display) is { } edges)
        {
            var traced = edges.Union(sorted);
            Remember(_wholes, key, traced);
            return traced;
        }

        var pieces = new List<Geometry>();
        foreach (var block in sorted.GroupBy(c => _blockOf[c]))
        {
            var members = block.ToArray();
            var pieceKey = (display, Hash(members));
            if (!_pieces.TryGetValue(pieceKey, out var piece))
            {
                piece = Union(members.Select(c => display ? tessellation.Cells[c].Display : tessellation.Cells[c].Exact));
                Remember(_pieces, pieceKey, piece);
            }

            pieces.Add(piece);
        }

        var result = CellTessellation.AsMultiPolygon(Union(pieces));
        Remember(_wholes, key, result);
        return result;
    }

    /// <summary>Merges polygons that form a coverage; falls back to a full (snap-rounded) overlay if they do not quite.</summary>
    public static Geometry Union(IEnumerable<Geometry> polygons)
    {
        var parts = new List<Geometry>();
        foreach (var geometry in polygons)
        {
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                parts.Add(geometry.GetGeometryN(i));
            }
        }

        if (parts.Count == 0)
        {
            return Geo.Factory.CreateMultiPolygon();
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var collection = Geo.Factory.CreateGeometryCollection([.. parts]);
        try
        {
            var union = CoverageUnion.Union(collection);
            if (union.IsValid)
            {
                return union;
            }
        }
        catch (TopologyException)
        {
            // Not an exact coverage (rare rounding at the outline): fall through to the full overlay.
        }

        return UnaryUnionNG.Union((Geometry)collection, CellTessellation.Grid);
    }

    private static void Remember(Dictionary<(bool, ulong), Geometry> cache, (bool, ulong) key, Geometry geometry)
    {
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[key] = geometry;
    }

    private static int[] BlocksOf(CellTessellation tessellation, double size)
    {
        ArgumentNullException.ThrowIfNull(tessellation);
        var blocks = new int[tessellation.Cells.Count];
        foreach (var cell in tessellation.Cells)
        {
            var centre = cell.Exact.EnvelopeInternal.Centre;
            blocks[cell.Index] = ((int)Math.Floor(centre.X / size) * 4096) + (int)Math.Floor(centre.Y / size);
        }

        return blocks;
    }

    // FNV-1a over the sorted cell indices, mixed with the count: collisions are not a practical concern at these sizes.
    private static ulong Hash(int[] sorted)
    {
        var hash = 14695981039346656037UL ^ (ulong)sorted.Length;
        foreach (var cell in sorted)
        {
            hash = (hash ^ (uint)cell) * 1099511628211UL;
        }

        return hash;
    }
}
