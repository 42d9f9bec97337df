using NetTopologySuite.Geometries;

namespace Territory.Domain.Places;

/// <summary>Where a gazetteer row comes from; each source keeps its own rows so a re-import never touches another's.</summary>
public static class PlaceSources
{
    /// <summary>The team's theater file in geo/.</summary>
    public const string Curated = "curated";

    /// <summary>GeoNames dumps (country files, citiesNNN).</summary>
    public const string GeoNames = "geonames";

    /// <summary>OCHA populated places (communities, neighbourhoods).</summary>
    public const string Ocha = "ocha";

    /// <summary>Administrative boundaries (OCHA COD-AB, Natural Earth).</summary>
    public const string Boundaries = "boundaries";

    /// <summary>Added or corrected by an analyst in the app.</summary>
    public const string Analyst = "analyst";

    /// <summary>Preference when the same place comes from several sources (lower wins).</summary>
    public static int Rank(string source) => source switch
    {
        Analyst => 0,
        Curated => 1,
        Ocha => 2,
        Boundaries => 3,
        GeoNames => 4,
        _ => 5,
    };
}

/// <summary>
/// A place as read from a gazetteer file, before it is stored: immutable, keyed within its source.
/// Admin codes are OCHA P-codes (SY02 = Aleppo governorate, SY0200 = Jebel Saman district...) when known.
/// </summary>
public sealed record PlaceRecord(
    string Source,
    string SourceKey,
    PlaceKind Kind,
    string Name,
    Point Point,
    IReadOnlyList<PlaceName> Names)
{
    /// <summary>Polygon of an admin unit or neighbourhood, when the source has one.</summary>
    public MultiPolygon? Area { get; init; }

    /// <summary>The place's own P-code (community C####, neighbourhood N####, admin SY##...).</summary>
    public string? Pcode { get; init; }

    public string? Admin1Code { get; init; }

    public string? Admin2Code { get; init; }

    public string? Admin3Code { get; init; }

    /// <summary>Source key of the parent within the same source (a city for a neighbourhood).</summary>
    public string? ParentKey { get; init; }

    public int? Population { get; init; }

    public string? Note { get; init; }
}

/// <summary>A place as the geocoder sees it: one stored gazetteer row with every name it is known by.</summary>
public sealed record GazetteerEntry(
    long Id,
    PlaceKind Kind,
    string Name,
    double Lon,
    double Lat,
    string Source,
    IReadOnlyList<PlaceName> Names)
{
    public string? Pcode { get; init; }

    public string? Admin1Code { get; init; }

    public string? Admin2Code { get; init; }

    public string? Admin3Code { get; init; }

    public long? ParentId { get; init; }

    public int? Population { get; init; }
}
