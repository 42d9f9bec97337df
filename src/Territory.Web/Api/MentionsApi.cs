using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Territory.Data.Mentions;
using Territory.Web.Accounts;

namespace Territory.Web.Api;

public static class MentionsApi
{
    public static IEndpointRouteBuilder MapMentionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{id:long}/mentions", GetAsync);
        app.MapPost("/api/mentions/{id:long}/correction", CorrectAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        return app;
    }

    /// <summary>The HTTP status of a refused correction.</summary>
    public static int StatusOf(MentionReviewException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Problem switch
        {
            MentionReviewProblem.UnknownMention => StatusCodes.Status404NotFound,
            MentionReviewProblem.Stale => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>A report's mentions with their places, for the map: the latest revision, or <c>revision</c> N.</summary>
    private static async Task<Results<Ok<ReportMentions>, ProblemHttpResult>> GetAsync(long id, int? revision, MentionReviewStore store, CancellationToken cancellationToken)
    {
        var mentions = await store.GetReportMentionsAsync(id, revision, cancellationToken);
        return mentions is null
            ? TypedResults.Problem(revision is null ? $"No report has the id {id}." : $"Report {id} has no revision {revision}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(mentions);
    }

    /// <summary>An analyst confirms or changes a mention's place; the change is audited with the analyst's id.</summary>
    private static async Task<Results<Ok<MentionCorrectionResult>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        long id, MentionCorrectionRequest request, MentionReviewStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = request.Validate(id, out var correction);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return TypedResults.Ok(await store.CorrectAsync(correction!, user.AccountId()!.Value, cancellationToken));
        }
        catch (MentionReviewException e) when (e.Problem == MentionReviewProblem.Invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
        catch (MentionReviewException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusOf(e));
        }
    }
}

/// <summary>
/// Body of <c>POST /api/mentions/{id}/correction</c> (and what the report page's forms post): the place, as a gazetteer
/// id or a new place (exactly one); <c>scope</c> mention, report or everywhere; <c>geoprecision</c> 1 to 3;
/// <c>expectedVersion</c> the mention's version as read, to refuse a correction made on a stale view.
/// </summary>
public sealed record MentionCorrectionRequest(long? PlaceId, NewPlaceRequest? NewPlace, string? Scope, int? Geoprecision, string? ExpectedVersion)
{
    /// <summary>The errors, by field; when there is none, the correction to apply.</summary>
    internal Dictionary<string, string[]> Validate(long mentionId, out MentionCorrection? correction)
    {
        correction = null;
        var errors = new Dictionary<string, string[]>();
        if ((PlaceId is null) == (NewPlace is null))
        {
            errors["placeId"] = ["Give either placeId (a gazetteer place) or newPlace (name, kind, lon, lat), not both and not neither."];
        }

        if (!CorrectionScopes.TryParse(Scope, out var scope))
        {
            errors["scope"] = [$"Unknown scope '{Scope}'; use one of: {string.Join(", ", CorrectionScopes.Keys)}."];
        }

        if (Geoprecision is not (null or 1 or 2 or 3))
        {
            errors["geoprecision"] = ["geoprecision must be 1 (the place), 2 (near or part of it) or 3 (only a region)."];
        }

        foreach (var (field, messages) in NewPlace?.Validate() ?? [])
        {
            errors["newPlace." + field] = messages;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        correction = new MentionCorrection(mentionId, PlaceId, NewPlace?.ToDraft(), scope, Geoprecision, string.IsNullOrEmpty(ExpectedVersion) ? null : ExpectedVersion);
        return errors;
    }
}
