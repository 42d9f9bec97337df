using NetTopologySuite.Geometries;

namespace Territory.Domain.Places;

/// <summary>The gazetteer sources; each keeps its own rows, so importing one never overwrites another.</summary>
public static class GazetteerSources
{
    /// <summary>The team's file geo/theater/places.geojson.</summary>
    public const string Curated = "curated";

    /// <summary>GeoNames dumps (country files, cities500...).</summary>
    public const string GeoNames = "geonames";

    /// <summary>OCHA populated places and city neighbourhoods.</summary>
    public const string Ocha = "ocha";

    /// <summary>Administrative boundaries (OCHA COD-AB, Natural Earth admin-1).</summary>
    public const string Boundaries = "boundaries";

    /// <summary>Places entered or corrected by analysts; no import touches them.</summary>
    public const string Analyst = "analyst";
}

/// <summary>
/// A place as a gazetteer source gives it, before it is stored: the source's own key, the kind, the display name, a point
/// (lon/lat, SRID 4326) and every spelling, plus what the source knows of codes, area and parent.
/// </summary>
/// <param name="Source">The source the place comes from (<see cref="GazetteerSources"/>); (Source, SourceKey) is unique.</param>
/// <param name="SourceKey">The source's identifier of the place (GeoNames id, OCHA P-code, curated slug...).</param>
/// <param name="Kind">What the place is.</param>
/// <param name="Name">The display name; also the first of <paramref name="Names"/>.</param>
/// <param name="Point">Where the place is; for an area, a point inside it.</param>
/// <param name="Names">Every spelling with its language (<c>und</c> when the source does not say).</param>
public sealed record PlaceRecord(string Source, string SourceKey, PlaceKind Kind, string Name, Point Point, IReadOnlyList<PlaceName> Names)
{
    /// <summary>The outline of an area (governorate, district, neighbourhood), always a valid MultiPolygon.</summary>
    public MultiPolygon? Area { get; init; }

    /// <summary>An OCHA P-code of this place (community C####, admin SY##..., neighbourhood N####), when known.</summary>
    public string? Pcode { get; init; }

    /// <summary>OCHA P-code of the governorate (SY02), when the source gives it; otherwise filled from boundaries.</summary>
    public string? Admin1Code { get; init; }

    /// <summary>OCHA P-code of the district (SY0200).</summary>
    public string? Admin2Code { get; init; }

    /// <summary>OCHA P-code of the subdistrict (SY020000).</summary>
    public string? Admin3Code { get; init; }

    public int? Population { get; init; }

    /// <summary>The <see cref="SourceKey"/> of the containing place in the same source, when the source says.</summary>
    public string? ParentKey { get; init; }
}

/// <summary>
/// A stored gazetteer place as the geocoder loads it: one per place that no analyst correction supersedes, with all its names.
/// </summary>
public sealed record GazetteerEntry(long Id, PlaceKind Kind, string Name, Point Point, IReadOnlyList<PlaceName> Names, string Source, string SourceKey)
{
    public string? Pcode { get; init; }

    public string? Admin1Code { get; init; }

    public string? Admin2Code { get; init; }

    public string? Admin3Code { get; init; }

    public long? ParentId { get; init; }

    public int? Population { get; init; }

    /// <summary>Whether the place has an outline (boundaries, neighbourhood polygons).</summary>
    public bool HasArea { get; init; }
}
