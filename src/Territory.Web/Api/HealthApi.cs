using Microsoft.AspNetCore.Http.HttpResults;
using Territory.Data.Health;

namespace Territory.Web.Api;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealthAsync);
        return app;
    }

    /// <summary>Database reachability and the PostGIS version; 503 when the database does not answer.</summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(DatabaseStatus status, CancellationToken cancellationToken)
    {
        var database = await status.CheckAsync(cancellationToken);
        var report = new HealthReport(database.Reachable ? "ok" : "unavailable", database);
        return database.Reachable
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The body of <c>/healthz</c>.</summary>
public sealed record HealthReport(string Status, DatabaseHealth Database);
