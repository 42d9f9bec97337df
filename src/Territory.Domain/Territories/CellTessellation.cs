using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.KdTree;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;
using NetTopologySuite.Triangulate;
using Territory.Domain.Spatial;

namespace Territory.Domain.Territories;

/// <summary>A settlement that gets a cell: a gazetteer place with its point and admin P-codes.</summary>
/// <param name="Rank">Lower wins when two sites are closer than <see cref="TessellationOptions.MergeMetres"/>.</param>
public sealed record CellSite(long PlaceId, double Lon, double Lat, string? Admin1Code, string? Admin2Code, int Rank = 0);

/// <summary>One settlement's cell: exact (for area) and display (cut from the simplified outline) geometry.</summary>
public sealed record TerritoryCell(int Index, long PlaceId, Geometry Exact, Geometry Display, double AreaKm2, string? Admin1Code, string? Admin2Code)
{
    /// <summary>Longitude of the settlement.</summary>
    public double Lon { get; init; }

    /// <summary>Latitude of the settlement.</summary>
    public double Lat { get; init; }
}

/// <summary>How cells are cut.</summary>
public sealed record TessellationOptions
{
    /// <summary>No cell reaches further than this from its settlement: empty land belongs to no one.</summary>
    public double MaxReachKm { get; init; } = 10;

    /// <summary>Sites closer than this are one settlement (the same town in several gazetteers).</summary>
    public double MergeMetres { get; init; } = 250;

    /// <summary>Douglas–Peucker tolerance (degrees) of the outline the display cells are cut from.</summary>
    public double DisplayToleranceDegrees { get; init; } = 0.005;

    /// <summary>Segments of a full circle of reach (the arcs capping the exact cells; display cells use half).</summary>
    public int ReachSegments { get; init; } = 32;

    public static TessellationOptions Default { get; } = new();
}

/// <summary>
/// The theater cut into one cell per settlement: Voronoi (Thiessen) cells of the settlements (NetTopologySuite's
/// <see cref="VoronoiDiagramBuilder"/>), clipped to the country outline and to a maximum reach around each settlement.
/// Neighbourhood points subdivide cities, since every settlement point gets its own cell. Every cell is snapped to one
/// fixed grid (1e-7°), so neighbouring cells share exactly the same edge vertices and the cells form a polygonal coverage
/// that <see cref="TerritoryDissolver"/> can merge by dropping shared edges. The display cells are the same Voronoi
/// cells cut from a simplified outline: simplifying once, before dissolving, keeps neighbours' shared edges.
/// </summary>
public sealed class CellTessellation
{
    /// <summary>Grid every cell vertex is snapped to.</summary>
    public static readonly PrecisionModel Grid = new(1e7);

    private readonly STRtree<TerritoryCell> _index = new();
    private readonly Dictionary<long, int> _cellOfPlace;
    private readonly Lazy<CoverageEdges?> _exactEdges;
    private readonly Lazy<CoverageEdges?> _displayEdges;

    private CellTessellation(List<TerritoryCell> cells, Dictionary<long, int> cellOfPlace)
    {
        Cells = cells;
        _cellOfPlace = cellOfPlace;
        foreach (var cell in cells)
        {
            _index.Insert(cell.Exact.EnvelopeInternal, cell);
        }

        _index.Build();
        _exactEdges = new(() => CleanEdges(cells.Select(c => c.Exact)));
        _displayEdges = new(() => CleanEdges(cells.Select(c => c.Display)));
    }

    /// <summary>The cells, indexed by <see cref="TerritoryCell.Index"/>.</summary>
    public IReadOnlyList<TerritoryCell> Cells { get; }

    /// <summary>
    /// The edge table of the exact or display cells, built once on first use (it depends on the gazetteer only, like the
    /// cells); null when those cells do not form an exact coverage, so unions must go through the overlay.
    /// </summary>
    public CoverageEdges? Edges(bool display) => (display ? _displayEdges : _exactEdges).Value;

    /// <summary>The cell a settlement got (its own, or the one it was merged into), if any.</summary>
    public int? CellOfPlace(long placeId) => _cellOfPlace.TryGetValue(placeId, out var cell) ? cell : null;

    /// <summary>The cell covering a point (lon, lat), or null outside every cell.</summary>
    public int? CellAt(double lon, double lat)
    {
        var point = Geo.Point(lon, lat);
        foreach (var cell in _index.Query(point.EnvelopeInternal))
        {
            if (cell.Exact.Covers(point))
            {
                return cell.Index;
            }
        }

        return null;
    }

    /// <summary>Cuts the cells of <paramref name="sites"/> within <paramref name="outline"/> (lon/lat polygons).</summary>
    public static CellTessellation Build(IEnumerable<CellSite> sites, Geometry outline, TessellationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(outline);
        options ??= TessellationOptions.Default;

        // Merge duplicates: the first (lowest rank) site of a cluster keeps it, the others map to its cell.
        var tree = new KdTree<CellSite>(options.MergeMetres / 111_320.0);
        var kept = new List<CellSite>();
        var mergedInto = new Dictionary<long, CellSite>();
        foreach (var site in sites.OrderBy(s => s.Rank).ThenBy(s => s.PlaceId))
        {
            if (!outline.EnvelopeInternal.Contains(site.Lon, site.Lat))
            {
                continue;
            }

            var node = tree.Insert(new Coordinate(site.Lon, site.Lat), site);
            if (ReferenceEquals(node.Data, site))
            {
                kept.Add(site);
            }
            else
            {
                mergedInto[site.PlaceId] = node.Data;
            }
        }

        // The Voronoi diagram is built where a degree of longitude is scaled by cos(latitude), so cells split the ground
        // at equal distances (and the reach discs are round) across the theater.
        var scale = Math.Cos(kept.Count == 0 ? 0 : kept.Average(s => s.Lat) * Math.PI / 180);
        var bySite = new Dictionary<Coordinate, CellSite>();
        foreach (var site in kept)
        {
            bySite[new Coordinate(site.Lon * scale, site.Lat)] = site;
        }

        var clip = Expanded(outline.EnvelopeInternal);
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = new Envelope(clip.MinX * scale, clip.MaxX * scale, clip.MinY, clip.MaxY) };
        builder.SetSites(bySite.Keys.ToList());
        var diagram = builder.GetDiagram(Geo.Factory);

        var land = Snap(outline);
        var displayLand = Snap(TopologyPreservingSimplifier.Simplify(land, options.DisplayToleranceDegrees));
        var preparedLand = PreparedGeometryFactory.Prepare(land);
        var preparedDisplay = PreparedGeometryFactory.Prepare(displayLand);
        var reach = new ReachCap(options.MaxReachKm / 111.32, scale);
        var displayReach = new ReachCap(options.MaxReachKm / 111.32, scale);

        var cells = new List<TerritoryCell>(kept.Count);
        var cellOfPlace = new Dictionary<long, int>();
        foreach (var polygon in diagram.Geometries)
        {
            if (polygon.UserData is not Coordinate at || !bySite.TryGetValue(at, out var site))
            {
                continue;
            }

            var cellPolygon = (Polygon)Snap(polygon, 1 / scale);
            var voronoi = reach.Cap(cellPolygon, site.Lon, site.Lat, options.ReachSegments);
            var exact = Clip(voronoi, land, preparedLand);
            if (exact.IsEmpty)
            {
                continue;
            }

            var display = Clip(displayReach.Cap(cellPolygon, site.Lon, site.Lat, Math.Max(4, options.ReachSegments / 2)), displayLand, preparedDisplay);
            var index = cells.Count;
            cells.Add(new TerritoryCell(index, site.PlaceId, exact, display.IsEmpty ? exact : display, AreaCalculator.GeodesicKm2(exact), site.Admin1Code, site.Admin2Code) { Lon = site.Lon, Lat = site.Lat });
            cellOfPlace[site.PlaceId] = index;
        }
        foreach (var (placeId, site) in mergedInto)
        {
            if (cellOfPlace.TryGetValue(site.PlaceId, out var cell))
            {
                cellOfPlace[placeId] = cell;
            }
        }

        return new CellTessellation(cells, cellOfPlace);
    }

    /// <summary>A geometry's polygons as one MultiPolygon (what the tables store).</summary>
    public static MultiPolygon AsMultiPolygon(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
            {
                polygons.Add(polygon);
            }
        }

        return Geo.Factory.CreateMultiPolygon([.. polygons]);
    }

    private static CoverageEdges? CleanEdges(IEnumerable<Geometry> cells)
    {
        var edges = new CoverageEdges([.. cells]);
        return edges.IsClean ? edges : null;
    }

    private static Geometry Clip(Geometry cell, Geometry land, IPreparedGeometry prepared)
    {
        if (prepared.ContainsProperly(cell))
        {
            return AsMultiPolygon(cell);
        }

        if (!prepared.Intersects(cell))
        {
            return Geo.Factory.CreateMultiPolygon();
        }

        // Floating-point overlay, then rounding: an edge two cells share meets the outline at the same point from both
        // sides once rounded, whereas snap-rounding each cell on its own could add a vertex to one side only.
        var clipped = Snap(OverlayNGRobust.Overlay(cell, land, SpatialFunction.Intersection));
        return AsMultiPolygon(clipped.IsValid ? clipped : clipped.Buffer(0));
    }

    private static Geometry Snap(Geometry geometry, double scaleX = 1)
    {
        var copy = geometry.Copy();
        copy.Apply(new ScaleX(scaleX));
        copy.GeometryChanged();
        return copy;
    }

    private static Envelope Expanded(Envelope envelope)
    {
        var copy = envelope.Copy();
        copy.ExpandBy(0.5);
        return copy;
    }

    // Scales longitudes and rounds every ordinate to the grid, so equal vertices stay equal after the round trip.
    private sealed class ScaleX(double factor) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, Grid.MakePrecise(seq.GetX(i) * factor));
                seq.SetY(i, Grid.MakePrecise(seq.GetY(i)));
            }
        }
    }
}
