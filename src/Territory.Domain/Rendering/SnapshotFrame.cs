using NetTopologySuite.Geometries;

namespace Territory.Domain.Rendering;

/// <summary>
/// Where things go on a snapshot: a header band (title, date), the map, a footer band (sources, attribution).
/// The map is in spherical Web Mercator (north up, the projection of web maps, so a snapshot matches the map page);
/// the requested extent is widened on one axis to the map's proportions, so nothing asked for is cut off.
/// </summary>
public sealed class SnapshotFrame
{
    private const double EarthRadius = 6_378_137;

    private readonly double _left;
    private readonly double _top;
    private readonly double _pixelsPerMeter;

    private SnapshotFrame(SnapshotRequest request)
    {
        Scale = Math.Clamp(Math.Min(request.Width / 1200.0, request.Height / 800.0), 0.5, 2.5);
        HeaderHeight = Math.Round(36 * Scale);
        FooterHeight = Math.Round(FooterLines * FooterLineHeight + 8 * Scale);
        MapX = 0;
        MapY = HeaderHeight;
        MapWidth = request.Width;
        MapHeight = request.Height - HeaderHeight - FooterHeight;

        var bbox = request.Bbox;
        var (x0, x1) = (MercatorX(bbox.MinX), MercatorX(bbox.MaxX));
        var (y0, y1) = (MercatorY(bbox.MinY), MercatorY(bbox.MaxY));
        _pixelsPerMeter = Math.Min(MapWidth / (x1 - x0), MapHeight / (y1 - y0));
        var (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
        _left = cx - MapWidth / 2 / _pixelsPerMeter;
        _top = cy + MapHeight / 2 / _pixelsPerMeter;
        var right = cx + MapWidth / 2 / _pixelsPerMeter;
        var bottom = cy - MapHeight / 2 / _pixelsPerMeter;
        Extent = new Envelope(Longitude(_left), Longitude(right), Latitude(bottom), Latitude(_top));
    }

    /// <summary>Lines of the footer: two of sources, one of attribution.</summary>
    public const int FooterLines = 3;

    /// <summary>Size factor of type and symbols against a 1200 × 800 image.</summary>
    public double Scale { get; }

    public double HeaderHeight { get; }

    public double FooterHeight { get; }

    public double FooterLineHeight => Math.Round(13 * Scale, 1);

    public double MapX { get; }

    public double MapY { get; }

    public double MapWidth { get; }

    public double MapHeight { get; }

    /// <summary>The lon/lat extent the map shows: the request's bbox widened to the map's proportions.</summary>
    public Envelope Extent { get; }

    /// <summary>Ground metres per pixel at a latitude (Web Mercator stretches by 1 / cos φ).</summary>
    public double MetersPerPixelAt(double lat) => Math.Cos(lat * Math.PI / 180) / _pixelsPerMeter;

    /// <summary>Lon/lat to image pixels (x right, y down).</summary>
    public (double X, double Y) Project(double lon, double lat) =>
        (MapX + (MercatorX(lon) - _left) * _pixelsPerMeter, MapY + (_top - MercatorY(lat)) * _pixelsPerMeter);

    /// <summary>The frame of a request.</summary>
    public static SnapshotFrame For(SnapshotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SnapshotFrame(request);
    }

    private static double MercatorX(double lon) => EarthRadius * lon * Math.PI / 180;

    private static double MercatorY(double lat) => EarthRadius * Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360));

    private static double Longitude(double x) => x / EarthRadius * 180 / Math.PI;

    private static double Latitude(double y) => (2 * Math.Atan(Math.Exp(y / EarthRadius)) - Math.PI / 2) * 180 / Math.PI;
}
