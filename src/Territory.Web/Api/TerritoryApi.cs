using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Territory.Data.Territory;
using Territory.Web.Accounts;

namespace Territory.Web.Api;

/// <summary>
/// Territories, areas, control histories and the events behind a cell. A day's responses carry an ETag from the day's
/// content fingerprint, so a day whose control did not change answers 304 to a conditional request. A day that a queued
/// change touches is rebuilt before it is read.
/// </summary>
public static class TerritoryApi
{
    /// <summary>How each area figure is computed, served with the figures.</summary>
    public const string AreaMethod =
        "Cells: one Voronoi (Thiessen) cell per gazetteer settlement, clipped to the country outline and to 10 km around the settlement. "
        + "Each cell takes its settlement's control: the starting lines (data/control), then accepted control changes (a capture holds until changed; "
        + "entered, reached or contested make a cell contested; sources disagreeing on a day make it contested; a change dated to a range is certain from its last day and contested before). "
        + "held_km2 (lower bound) = sum of the ellipsoidal areas (WGS84, authalic sphere; = ST_Area(geography) within 0.1%) of the cells the actor holds; "
        + "upper_km2 = held_km2 + contested_km2, the cells contested where the actor is a party. "
        + "gain_km2/loss_km2: cells held today and not the day before, and the reverse; since_start_km2: held today minus held on the start day. "
        + "By region: a cell counts wholly in its settlement's governorate and district (OCHA P-codes).";

    public static IEndpointRouteBuilder MapTerritoryApi(this IEndpointRouteBuilder app)
    {
        var territories = app.MapGroup("/api/territories");
        territories.MapGet("/{day}", GetTerritoriesAsync);
        territories.MapGet("/{day}/areas", GetAreasAsync);
        territories.MapGet("/{day}/areas.csv", GetAreasCsvAsync);
        territories.MapGet("/{day}/cells/{placeId:long}/events", GetCellEventsAsync);
        territories.MapGet("/{day}/events", GetEventsAtAsync);
        territories.MapGet("/{day}/claims", GetClaimsAsync);
        app.MapGet("/api/places/{id:long}/control", GetPlaceControlAsync);
        app.MapGet("/api/control/initial", GetInitialAsync);
        app.MapPut("/api/control/initial", PutInitialAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        return app;
    }

    /// <summary>GeoJSON of a day: <c>simplified</c> (default true: the display coverage; false: exact) or <c>compact</c> (display on a 1e-4° grid).</summary>
    private static async Task<IResult> GetTerritoriesAsync(string day, string? simplified, string? compact, HttpContext http, TerritoryStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDay(day.EndsWith(".geojson", StringComparison.Ordinal) ? day[..^".geojson".Length] : day, errors);
        var isSimplified = ParseFlag(simplified, "simplified", true, errors);
        var isCompact = ParseFlag(compact, "compact", false, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await WithETagAsync(http, store, date, $"geojson-{isSimplified}-{isCompact}", async () =>
            TypedResults.Text(await store.GetTerritoriesGeoJsonAsync(date, isSimplified, isCompact, cancellationToken), "application/geo+json", Encoding.UTF8), cancellationToken);
    }

    private static async Task<IResult> GetAreasAsync(string day, HttpContext http, TerritoryStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDay(day, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await WithETagAsync(http, store, date, "areas", async () =>
        {
            var rows = await store.GetAreasAsync(date, cancellationToken);
            var sides = rows.Where(r => r.Region.Length == 0).GroupBy(r => r.Side).Select(g => new
            {
                Side = g.Key,
                HeldKm2 = g.Sum(r => r.HeldKm2),
                UpperKm2 = g.Sum(r => r.HeldKm2) + g.Max(r => r.ContestedKm2),
                SinceStartKm2 = g.Sum(r => r.SinceStartKm2),
            });
            return TypedResults.Ok(new
            {
                Day = date,
                Method = AreaMethod,
                SidesMethod = "Per side: held_km2 is the sum over the side's actors; upper_km2 adds the largest contested area of any one of them (contested cells are counted once per side, not per actor).",
                Sides = sides,
                Theater = rows.Where(r => r.Region.Length == 0),
                Governorates = rows.Where(r => r.Region.Length == 4),
                Districts = rows.Where(r => r.Region.Length == 6),
            });
        }, cancellationToken);
    }

    private static async Task<IResult> GetAreasCsvAsync(string day, HttpContext http, TerritoryStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDay(day, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await WithETagAsync(http, store, date, "csv", async () =>
        {
            var csv = new StringBuilder("# ").Append(AreaMethod).Append('\n');
            csv.Append("day,region,actor,side,held_km2,contested_km2,upper_km2,gain_km2,loss_km2,since_start_km2\n");
            foreach (var r in await store.GetAreasAsync(date, cancellationToken))
            {
                csv.Append(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd},{(r.Region.Length == 0 ? "theater" : r.Region)},{r.Actor},{r.Side},{r.HeldKm2:F3},{r.ContestedKm2:F3},{r.UpperKm2:F3},{r.GainKm2:F3},{r.LossKm2:F3},{r.SinceStartKm2:F3}\n");
            }

            return TypedResults.Text(csv.ToString(), "text/csv", Encoding.UTF8);
        }, cancellationToken);
    }

    private static async Task<Results<Ok<PlaceControlHistory>, NotFound<string>>> GetPlaceControlAsync(long id, TerritoryStore store, CancellationToken cancellationToken)
    {
        if (await store.QueuedFromAsync(cancellationToken) is not null)
        {
            await store.RebuildPendingAsync(cancellationToken);
        }

        return await store.GetPlaceControlAsync(id, cancellationToken) is { } history
            ? TypedResults.Ok(history)
            : TypedResults.NotFound($"Place {id} lies in no territory cell (unknown place, or territories not built yet).");
    }

    private static async Task<IResult> GetCellEventsAsync(string day, long placeId, TerritoryStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDay(day, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await store.EnsureCurrentAsync(date, cancellationToken);
        return await store.GetCellEventsAsync(date, placeId, null, cancellationToken) is { } events
            ? TypedResults.Ok(events)
            : TypedResults.NotFound($"No cell for place {placeId} on {date:yyyy-MM-dd}.");
    }

    private static async Task<IResult> GetEventsAtAsync(string day, double? lon, double? lat, TerritoryStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDay(day, errors);
        if (lon is not (>= -180 and <= 180))
        {
            errors["lon"] = ["lon is required, in degrees from -180 to 180."];
        }

        if (lat is not (>= -90 and <= 90))
        {
            errors["lat"] = ["lat is required, in degrees from -90 to 90."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await store.EnsureCurrentAsync(date, cancellationToken);
        return await store.GetCellEventsAsync(date, null, (lon!.Value, lat!.Value), cancellationToken) is { } events
            ? TypedResults.Ok(events)
            : TypedResults.NotFound($"No cell at {lon}, {lat} on {date:yyyy-MM-dd}.");
    }

    /// <summary>The aggregate claims of reports dated to include the day, beside the engine's figures for the same side and region.</summary>
    private static async Task<IResult> GetClaimsAsync(string day, TerritoryStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDay(day, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await store.EnsureCurrentAsync(date, cancellationToken);
        if (await store.GetDayVersionAsync(date, cancellationToken) is null)
        {
            return TypedResults.NotFound($"No territories for {date:yyyy-MM-dd}: it is outside the built days.");
        }

        return TypedResults.Ok(new { Day = date, Method = TerritoryStore.ClaimMethod, Claims = await store.GetClaimsAsync(date, cancellationToken) });
    }

    private static async Task<Ok<IReadOnlyList<InitialControlArea>>> GetInitialAsync(InitialControlStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    /// <summary>An analyst replaces the starting lines with a GeoJSON FeatureCollection; audited; every day is rebuilt.</summary>
    private static async Task<Results<Ok<int>, ValidationProblem>> PutInitialAsync(HttpRequest request, InitialControlStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            return TypedResults.Ok(await store.ReplaceAsync(body, "request body", user.AccountId(), cancellationToken));
        }
        catch (InitialControlFormatException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [e.Message] });
        }
    }

    // Rebuilds a queued day first, then answers 304 when the client holds this day's version.
    private static async Task<IResult> WithETagAsync(HttpContext http, TerritoryStore store, DateOnly day, string variant, Func<Task<IResult>> answer, CancellationToken cancellationToken)
    {
        await store.EnsureCurrentAsync(day, cancellationToken);
        if (await store.GetDayVersionAsync(day, cancellationToken) is not { } version)
        {
            return TypedResults.NotFound($"No territories for {day:yyyy-MM-dd}: it is outside the built days (from the starting lines to the last accepted event).");
        }

        var etag = new EntityTagHeaderValue($"\"{version}-{variant}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await answer();
    }

    private static DateOnly ParseDay(string day, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors["day"] = [$"'{day}' is not a day: write it yyyy-MM-dd (theater days, UTC+3)."];
        return default;
    }

    private static bool ParseFlag(string? value, string name, bool fallback, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[name] = [$"{name} must be true or false, not '{value}'."];
        return fallback;
    }
}
