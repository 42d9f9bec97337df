using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Territory.Domain.Spatial;

namespace Territory.Data.Measure;

/// <summary>
/// The ground a measure covers: a polygon drawn by the user, an admin unit (governorate, district, subdistrict) by
/// P-code or name, or a circle of <see cref="RadiusKm"/> around a place given by id or name.
/// </summary>
public sealed record MeasureRegion
{
    /// <summary>Largest drawn polygon accepted, km² (Syria is about 185,000 km²).</summary>
    public const double MaxPolygonKm2 = 500_000;

    /// <summary>Most vertices of a drawn polygon.</summary>
    public const int MaxVertices = 10_000;

    /// <summary>Largest radius around a place, km.</summary>
    public const double MaxRadiusKm = 300;

    private MeasureRegion()
    {
    }

    /// <summary>The drawn polygon (lon/lat, SRID 4326), when the region is one.</summary>
    public Geometry? Polygon { get; private init; }

    /// <summary>An admin unit's P-code or name, when the region is one.</summary>
    public string? Admin { get; private init; }

    /// <summary>The place at the circle's centre (id or name), when the region is a circle.</summary>
    public string? Place { get; private init; }

    public double? RadiusKm { get; private init; }

    public static MeasureRegion ForAdmin(string codeOrName) => new() { Admin = codeOrName.Trim() };

    public static MeasureRegion ForPolygon(Geometry polygon) => new() { Polygon = polygon };

    public static MeasureRegion ForRadius(string place, double radiusKm) => new() { Place = place.Trim(), RadiusKm = radiusKm };

    /// <summary>
    /// The region a request names, or the problems keyed by parameter name: exactly one of <paramref name="region"/>,
    /// <paramref name="place"/> with <paramref name="radiusKm"/>, or <paramref name="polygonGeoJson"/>.
    /// </summary>
    public static MeasureRegion? Parse(string? region, string? place, string? radiusKm, string? polygonGeoJson, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var given = new[] { !string.IsNullOrWhiteSpace(region), !string.IsNullOrWhiteSpace(place) || !string.IsNullOrWhiteSpace(radiusKm), polygonGeoJson is not null }.Count(g => g);
        if (given == 0)
        {
            errors["region"] = "Give a region (P-code or name of a governorate, district or subdistrict), a place with radiusKm, or a GeoJSON polygon.";
            return null;
        }

        if (given > 1)
        {
            errors["region"] = "Give only one of: region, place with radiusKm, a GeoJSON polygon.";
            return null;
        }

        if (polygonGeoJson is not null)
        {
            return ReadPolygon(polygonGeoJson, out var error) is { } polygon ? ForPolygon(polygon) : Fail(errors, "polygon", error!);
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            return region.Trim().Length > 100 ? Fail(errors, "region", "region is a P-code or a name of at most 100 characters.") : ForAdmin(region);
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            return Fail(errors, "place", "Give the place at the centre of the circle (id or name) with radiusKm.");
        }

        if (place.Trim().Length > 100)
        {
            return Fail(errors, "place", "place is a place id or a name of at most 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(radiusKm))
        {
            return Fail(errors, "radiusKm", "Give radiusKm, the circle's radius in km, with place.");
        }

        if (!double.TryParse(radiusKm.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var km) || !double.IsFinite(km) || km <= 0 || km > MaxRadiusKm)
        {
            return Fail(errors, "radiusKm", $"radiusKm '{radiusKm}' is not a number of km above 0 and at most {MaxRadiusKm}.");
        }

        return ForRadius(place, km);
    }

    /// <summary>
    /// A GeoJSON Polygon or MultiPolygon (bare, or as a Feature, or a FeatureCollection of one feature), lon/lat,
    /// valid, with at most <see cref="MaxVertices"/> vertices and <see cref="MaxPolygonKm2"/> km²; null with the reason otherwise.
    /// </summary>
    public static Geometry? ReadPolygon(string geoJson, out string? error)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            var geometry = Unwrap(document.RootElement);
            var polygon = GeometryOf(geometry);
            if (polygon.NumPoints > MaxVertices)
            {
                throw new FormatException($"the polygon has {polygon.NumPoints} vertices; at most {MaxVertices} are accepted");
            }

            var validity = new IsValidOp(polygon).ValidationError;
            if (validity is not null)
            {
                throw new FormatException($"the polygon is not valid: {validity.Message} at {validity.Coordinate.X.ToString(CultureInfo.InvariantCulture)} {validity.Coordinate.Y.ToString(CultureInfo.InvariantCulture)} (lon lat)");
            }

            var km2 = AreaCalculator.GeodesicKm2(polygon);
            if (km2 > MaxPolygonKm2)
            {
                throw new FormatException($"the polygon covers {km2.ToString("N0", CultureInfo.InvariantCulture)} km²; at most {MaxPolygonKm2.ToString("N0", CultureInfo.InvariantCulture)} km² are measured");
            }

            if (km2 <= 0)
            {
                throw new FormatException("the polygon has no area");
            }

            error = null;
            return polygon;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            error = e is JsonException ? $"the body is not JSON: {e.Message}" : e.Message;
            return null;
        }
    }

    private static JsonElement Unwrap(JsonElement element)
    {
        var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "Feature" => element.TryGetProperty("geometry", out var geometry) ? geometry : throw new FormatException("the Feature has no geometry"),
            "FeatureCollection" when element.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array && features.GetArrayLength() == 1
                => Unwrap(features[0]),
            "FeatureCollection" => throw new FormatException("a FeatureCollection must hold exactly one feature"),
            "Polygon" or "MultiPolygon" => element,
            null => throw new FormatException("the GeoJSON object has no type"),
            var other => throw new FormatException($"GeoJSON type '{other}' is not a Polygon or MultiPolygon"),
        };
    }

    private static Geometry GeometryOf(JsonElement geometry)
    {
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the geometry has no coordinates array");
        }

        return geometry.GetProperty("type").GetString() switch
        {
            "Polygon" => PolygonOf(coordinates),
            "MultiPolygon" => Geo.Factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(PolygonOf)]),
            var other => throw new FormatException($"GeoJSON type '{other}' is not a Polygon or MultiPolygon"),
        };
    }

    private static Polygon PolygonOf(JsonElement rings)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            throw new FormatException("a polygon must be a non-empty array of rings");
        }

        var linear = rings.EnumerateArray().Select(Ring).ToArray();
        return Geo.Factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static LinearRing Ring(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("a ring must be an array of [lon, lat] positions");
        }

        var points = ring.EnumerateArray().Select(Position).ToList();
        if (points.Count > 0 && !points[0].Equals2D(points[^1]))
        {
            points.Add(points[0].Copy());
        }

        if (points.Count < 4)
        {
            throw new FormatException("a ring needs at least three distinct positions");
        }

        return Geo.Factory.CreateLinearRing([.. points]);
    }

    private static Coordinate Position(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw new FormatException("a position must be [lon, lat]");
        }

        var lon = position[0].GetDouble();
        var lat = position[1].GetDouble();
        if (lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            throw new FormatException($"position [{lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}] is outside lon -180..180, lat -90..90 (GeoJSON is [lon, lat])");
        }

        return new Coordinate(lon, lat);
    }

    private static MeasureRegion? Fail(IDictionary<string, string> errors, string name, string message)
    {
        errors[name] = message;
        return null;
    }
}

/// <summary>What a measure asks, as read from a query string, a form or the command line.</summary>
/// <param name="From">The first day, or null to measure one day.</param>
/// <param name="To">The (last) day, or null for the latest day with territories.</param>
public sealed record MeasureRequest(MeasureRegion Region, DateOnly? From, DateOnly? To)
{
    /// <summary>
    /// The request, or null with the problems keyed by parameter name. <paramref name="date"/> is one day;
    /// <paramref name="from"/> and <paramref name="to"/> compare two (to defaults to the latest day).
    /// </summary>
    public static MeasureRequest? Parse(string? region, string? place, string? radiusKm, string? polygonGeoJson, string? date, string? from, string? to, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parsed = MeasureRegion.Parse(region, place, radiusKm, polygonGeoJson, errors);
        var day = Day(date, "date", errors);
        var first = Day(from, "from", errors);
        var last = Day(to, "to", errors);
        if (day is not null && (first is not null || last is not null))
        {
            errors["date"] = "Give either date (one day) or from and to (two days to compare), not both.";
        }

        if (first > last)
        {
            errors["to"] = $"to ({last:yyyy-MM-dd}) is before from ({first:yyyy-MM-dd}).";
        }

        return errors.Count > 0 || parsed is null ? null : new MeasureRequest(parsed, first, day ?? last);
    }

    private static DateOnly? Day(string? text, string name, IDictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = $"{name} '{text}' is not a day written YYYY-MM-DD.";
        return null;
    }
}
