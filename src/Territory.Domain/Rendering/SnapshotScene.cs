using NetTopologySuite.Geometries;

namespace Territory.Domain.Rendering;

/// <summary>Everything a snapshot draws, read for one request; geometries are lon/lat (SRID 4326).</summary>
public sealed record SnapshotScene(
    SnapshotRequest Request,
    SnapshotFrame Frame,
    IReadOnlyList<SnapshotTerritory> Territories,
    IReadOnlyList<SnapshotBoundary> Boundaries,
    IReadOnlyList<SnapshotLabel> Labels,
    IReadOnlyList<SnapshotSource> Sources,
    IReadOnlyList<string> PlaceSources);

/// <summary>One actor's (or the contested) territory of the day, clipped to the extent.</summary>
/// <param name="ActorKey">The actor's key; null for contested ground.</param>
/// <param name="Color">The actor's map colour (#RRGGBB), or null.</param>
public sealed record SnapshotTerritory(string? ActorKey, string? ActorName, string? Color, bool Contested, Geometry Display);

/// <summary>A country or governorate outline of the basemap.</summary>
public sealed record SnapshotBoundary(string Kind, string Name, Geometry Area)
{
    public const string Country = "country";
    public const string Governorate = "governorate";
}

/// <summary>A place named on the map, in the snapshot's language where the gazetteer has it.</summary>
public sealed record SnapshotLabel(string Name, double Lon, double Lat, string Kind);

/// <summary>A report behind the territories shown.</summary>
public sealed record SnapshotSource(string? Outlet, string? Title, string? Url, DateOnly? PublishedOn);
