using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Territory.Data.Places;
using Territory.Domain.Places;
using Territory.Domain.Spatial;
using Territory.Web.Accounts;

namespace Territory.Web.Api;

public static class PlacesApi
{
    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        var places = app.MapGroup("/api/places");
        places.MapGet("/", SearchAsync);
        places.MapPost("/", AddAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        return app;
    }

    /// <summary>Gazetteer search by any spelling; <c>q</c> is required, <c>limit</c> is 1 to 200 (default 50).</summary>
    private static async Task<Results<Ok<IReadOnlyList<PlaceSummary>>, ValidationProblem>> SearchAsync(PlaceStore store, string? q, int? limit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q) || q.Length > 100)
        {
            errors["q"] = ["Give a place name of 1 to 100 characters."];
        }

        if (limit is < 1 or > PlaceStore.MaxResults)
        {
            errors["limit"] = [$"limit must be between 1 and {PlaceStore.MaxResults}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await store.SearchAsync(q!, limit ?? 50, cancellationToken));
    }

    /// <summary>An analyst adds a place; the change is audited with the analyst's name.</summary>
    private static async Task<Results<Created<PlaceCreated>, ValidationProblem>> AddAsync(NewPlaceRequest request, PlaceStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var id = await store.AddAnalystPlaceAsync(request.ToDraft(), user.AccountId()!.Value, cancellationToken);
        return TypedResults.Created($"/api/places/{id}", new PlaceCreated(id));
    }
}

/// <summary>Body of <c>POST /api/places</c>: lon/lat in WGS84 degrees, in that order.</summary>
public sealed record NewPlaceRequest(string? Kind, string? Name, double? Lon, double? Lat, IReadOnlyList<NewPlaceName>? Names, int? Population)
{
    internal Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!PlaceKinds.TryParse(Kind, out _))
        {
            errors["kind"] = [$"Unknown kind '{Kind}'; use one of: {string.Join(", ", PlaceKinds.Keys)}."];
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }

        if (Lon is not (>= -180 and <= 180) || Lat is not (>= -90 and <= 90))
        {
            errors["lon"] = ["lon (-180..180) and lat (-90..90) are required, in degrees."];
        }

        if (Population is < 0)
        {
            errors["population"] = ["population cannot be negative."];
        }

        if (Names?.Any(n => string.IsNullOrWhiteSpace(n.Text) || string.IsNullOrWhiteSpace(n.Lang) || n.Lang.Length > 8) == true)
        {
            errors["names"] = ["Every name needs a text and a language code (fr, en, ar, tr...)."];
        }

        return errors;
    }

    /// <summary>The place to store, once <see cref="Validate"/> found nothing wrong.</summary>
    internal PlaceDraft ToDraft()
    {
        PlaceKinds.TryParse(Kind, out var kind);
        return new PlaceDraft(kind, Name!.Trim(), Geo.Point(Lon!.Value, Lat!.Value), [.. (Names ?? []).Select(n => new PlaceName(n.Text.Trim(), n.Lang))], Population);
    }
}

/// <summary>One spelling of a new place.</summary>
public sealed record NewPlaceName(string Text, string Lang);

/// <summary>Answer to a created place.</summary>
public sealed record PlaceCreated(long Id);
