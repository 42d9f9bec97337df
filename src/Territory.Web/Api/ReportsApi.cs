using Microsoft.AspNetCore.Http.HttpResults;
using Territory.Data.Reports;

namespace Territory.Web.Api;

public static class ReportsApi
{
    /// <summary>Reports a list shows when not told otherwise.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Most reports one request returns.</summary>
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports", ListAsync);
        return app;
    }

    /// <summary>The latest revision of each report, newest first; <c>limit</c> is 1 to 500 (default 50).</summary>
    private static async Task<Results<Ok<IReadOnlyList<ReportListItem>>, ValidationProblem>> ListAsync(ReportStore store, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLimit}."] });
        }

        return TypedResults.Ok(await store.ListReportsAsync(limit ?? DefaultLimit, cancellationToken));
    }
}
