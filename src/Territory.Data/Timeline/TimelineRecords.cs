namespace Territory.Data.Timeline;

/// <summary>
/// Everything the map's timeline needs for a range of days, in one response. Geometries are sent once, in
/// <see cref="QuantizedGeometry"/> form, and referred to by their index in <see cref="Geometries"/> from each day.
/// </summary>
public sealed record MapTimeline(
    DateOnly From,
    DateOnly To,
    string Encoding,
    int Scale,
    IReadOnlyList<TimelineActor> Actors,
    IReadOnlyList<int[][][]> Geometries,
    IReadOnlyList<TimelinePlace> Places,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<TimelineDay> Days);

/// <summary>An actor with the colour the map draws it in.</summary>
public sealed record TimelineActor(long Id, string Key, string Name, string Side, string Color);

/// <summary>
/// One day: the territories drawn (each pointing at a geometry), the area bounds per actor, the front line (a geometry
/// index, or null), the places whose control changed that day and the accepted events that day falls in.
/// </summary>
public sealed record TimelineDay(
    DateOnly Day,
    IReadOnlyList<DayTerritory> Territories,
    IReadOnlyList<DayArea> Areas,
    int? Front,
    IReadOnlyList<ControlChange> Changes,
    IReadOnlyList<long> Events);

/// <summary>One actor's held territory, or the contested area (no actor), with its area and the events behind it.</summary>
public sealed record DayTerritory(long? Actor, string State, int Geometry, double AreaKm2, IReadOnlyList<long> Events);

/// <summary>An actor's area on a day: held is the lower bound, held plus everything contested the upper bound.</summary>
public sealed record DayArea(long Actor, double LowerKm2, double UpperKm2);

/// <summary>A place whose holder or state differs from its previous day.</summary>
public sealed record ControlChange(long Place, long? Actor, long? PreviousActor, string State, string? PreviousState, string? Tier, IReadOnlyList<long> Events);

/// <summary>A place named by a change or an event, at its point (lon/lat).</summary>
public sealed record TimelinePlace(long Id, string Name, string Kind, double Lon, double Lat);

/// <summary>An accepted event with the sentences it was read in.</summary>
public sealed record TimelineEvent(
    long Id, string Kind, string? Tier, long? Place, long? Gainer, long? Loser, DateOnly DayFrom, DateOnly DayTo, IReadOnlyList<EventQuote> Sources);

/// <summary>A sentence an event was read in, with its report.</summary>
public sealed record EventQuote(long ReportId, string? Title, string? Outlet, string? Url, string Quote);

/// <summary>The offline basemap: country outlines, governorates and settlement labels from the gazetteer.</summary>
public sealed record Basemap(string Encoding, int Scale, IReadOnlyList<BasemapArea> Countries, IReadOnlyList<BasemapArea> Governorates, IReadOnlyList<BasemapPlace> Places);

/// <summary>An admin area's simplified outline.</summary>
public sealed record BasemapArea(string? Name, int[][][] Geometry);

/// <summary>A settlement to label.</summary>
public sealed record BasemapPlace(string Name, string Kind, double Lon, double Lat, long? Population);
