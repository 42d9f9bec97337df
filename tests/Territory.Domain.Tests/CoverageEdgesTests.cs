using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.OverlayNG;
using Territory.Domain.Spatial;
using Territory.Domain.Territories;
using Xunit;

namespace Territory.Domain.Tests;

public class CoverageEdgesTests
{
    private static readonly WKTReader Reader = new(new NetTopologySuite.NtsGeometryServices(Geo.Factory.PrecisionModel, Geo.Srid));

    // A concave outline (a notch on the east side) with 400 seeded random settlements; the reach cap cuts arcs.
    private static CellTessellation Scattered()
    {
        var random = new Random(11);
        var sites = Enumerable.Range(1, 400).Select(i => new CellSite(i, 36 + (random.NextDouble() * 2), 35 + (random.NextDouble() * 2), null, null)).ToList();
        var outline = Reader.Read("POLYGON((36 35, 38 35, 38 35.9, 37.4 36.0, 38 36.1, 38 37, 36 37, 36 35))");
        return CellTessellation.Build(sites, outline, new TessellationOptions { MaxReachKm = 6 });
    }

    [Fact]
    public void Tracing_the_union_of_cells_gives_the_same_shape_as_a_coverage_union()
    {
        var tessellation = Scattered();
        var random = new Random(5);
        foreach (var display in new[] { false, true })
        {
            var cells = tessellation.Cells.Select(c => display ? c.Display : c.Exact).ToArray();
            var edges = new CoverageEdges(cells);
            Assert.True(edges.IsClean);
            for (var run = 0; run < 20; run++)
            {
                // Random subsets, with holes, islands in holes and pieces touching at a point.
                var share = 0.2 + (run * 0.035);
                var subset = Enumerable.Range(0, cells.Length).Where(_ => random.NextDouble() < share).ToArray();
                var traced = edges.Union(subset);
                var expected = CoverageUnion.Union(Geo.Factory.CreateGeometryCollection([.. subset.Select(c => cells[c])]));

                Assert.True(traced.IsValid, $"invalid union of {subset.Length} cells: {traced}");
                Assert.Equal(expected.Area, traced.Area, 9);
                Assert.Equal(expected.NumGeometries, traced.NumGeometries);
                Assert.True(traced.SymmetricDifference(expected).Area < 1e-9, $"the traced union differs from the coverage union for {subset.Length} cells");
            }
        }
    }

    [Fact]
    public void Two_squares_touching_at_a_corner_stay_two_polygons_and_a_ring_of_cells_keeps_its_hole()
    {
        var squares = Enumerable.Range(0, 9)
            .Select(i => Reader.Read(FormattableString.Invariant($"POLYGON(({i % 3} {i / 3}, {(i % 3) + 1} {i / 3}, {(i % 3) + 1} {(i / 3) + 1}, {i % 3} {(i / 3) + 1}, {i % 3} {i / 3}))")))
            .ToArray();
        var edges = new CoverageEdges(squares);

        var corners = edges.Union([0, 4]);
        var ring = edges.Union([0, 1, 2, 3, 5, 6, 7, 8]);

        Assert.Equal(2, corners.NumGeometries);
        Assert.True(corners.IsValid);
        var polygon = Assert.IsType<Polygon>(Assert.Single(ring.Geometries));
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(8, ring.Area, 9);
        Assert.True(ring.IsValid);
    }
}
