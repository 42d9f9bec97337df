using Territory.Data.Export;

namespace Territory.Data.Measure;

/// <summary>The region measured, as resolved: what it is, its name and codes, and its own area.</summary>
/// <param name="Kind">polygon, governorate, district, subdistrict, or radius.</param>
public sealed record MeasuredRegion(string Kind, string Name, string? Pcode, long? PlaceId, double? RadiusKm, double AreaKm2);

/// <summary>Ground an actor holds inside the region on a day: held (the lower bound) and held plus contested (the upper bound).</summary>
public sealed record AreaRange(double HeldKm2, double UpperKm2);

/// <summary>One actor's ground inside the region on each day, and the change from the first to the second.</summary>
public sealed record ActorArea(string Actor, string Name, string? Color, AreaRange? From, AreaRange To, AreaRange? Change);

/// <summary>Who held a place on a day (actor null while contested, or when there is no record).</summary>
public sealed record PlaceControl(string? Actor, string? State)
{
    /// <summary>The holder as a reader says it: the actor's key, "contested", or "no record".</summary>
    public override string ToString() => State switch
    {
        null => "no record",
        "contested" => "contested",
        _ => Actor ?? "unknown",
    };
}

/// <summary>An event behind a change of hands, with the sentences it was read in.</summary>
public sealed record ChangeEvent(long Id, string Kind, string? Tier, DateOnly DayFrom, DateOnly DayTo, string Status, IReadOnlyList<SourceQuote> Sources);

/// <summary>A place inside the region whose holder or state differs between the two days.</summary>
public sealed record ChangedPlace(long PlaceId, string Name, string Kind, double Lon, double Lat, PlaceControl Before, PlaceControl After, IReadOnlyList<ChangeEvent> Events);

/// <summary>
/// Areas per actor inside a region on one day (<see cref="To"/>) or two (<see cref="From"/> and <see cref="To"/>), the
/// contested ground, and the places that changed hands between the two days. <see cref="Method"/> says how.
/// </summary>
public sealed record MeasureResult(
    MeasuredRegion Region,
    DateOnly? From,
    DateOnly To,
    IReadOnlyList<ActorArea> Actors,
    double? ContestedFromKm2,
    double ContestedToKm2,
    IReadOnlyList<ChangedPlace> ChangedPlaces,
    bool ChangedPlacesTruncated,
    string Method);

/// <summary>The region named is not in the gazetteer; <see cref="Parameter"/> is the request's parameter that named it.</summary>
public sealed class MeasureRegionNotFoundException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
