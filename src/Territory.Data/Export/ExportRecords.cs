namespace Territory.Data.Export;

/// <summary>Which events an export holds; days overlap [From, To]; without a status, every event but merged ones.</summary>
public sealed record ExportFilter(DateOnly? From = null, DateOnly? To = null, string? Status = null, string? Kind = null);

/// <summary>An event as exported: its place (point), actors, days, review status and the sentences it was read in.</summary>
public sealed record ExportedEvent(
    long Id,
    string Kind,
    string? Tier,
    string Status,
    DateOnly DayFrom,
    DateOnly DayTo,
    string DatePrecision,
    double Confidence,
    string Rule,
    long? PlaceId,
    string? PlaceName,
    double? Lon,
    double? Lat,
    string? Gainer,
    string? Loser,
    IReadOnlyList<SourceQuote> Sources);

/// <summary>One territory of a day with its exact geometry (GeoJSON text), its area, events and their sources.</summary>
public sealed record ExportedTerritory(
    string? Actor,
    string? ActorName,
    string? Color,
    string State,
    double AreaKm2,
    IReadOnlyList<long> EventIds,
    string GeometryJson,
    IReadOnlyList<SourceQuote> Sources);

/// <summary>An actor's ground in the whole theater on a day: held (lower bound), contested, held + contested (upper bound).</summary>
public sealed record DayArea(DateOnly Day, string Actor, string Name, double HeldKm2, double ContestedKm2, double UpperKm2);
