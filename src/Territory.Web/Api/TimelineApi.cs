using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Territory.Data.Timeline;

namespace Territory.Web.Api;

/// <summary>
/// The map's data: <c>/api/timeline?from=&amp;to=</c> (every day of a range in one compact response, so the scrubber never
/// refetches) and <c>/api/basemap</c> (the offline basemap). Both answer with an ETag and 304 when it still matches.
/// </summary>
public static class TimelineApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        // The handlers write the JSON themselves (to hash it for the ETag), so the response type is declared here.
        app.MapGet("/api/timeline", GetTimelineAsync).Produces<MapTimeline>(StatusCodes.Status200OK, "application/json");
        app.MapGet("/api/basemap", GetBasemapAsync).Produces<Basemap>(StatusCodes.Status200OK, "application/json");
        return app;
    }

    /// <summary>
    /// Days <c>from</c> to <c>to</c> (yyyy-MM-dd, both included, at most 366 days); without them, every day with data.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> GetTimelineAsync(
        HttpContext context, TimelineStore store, TimeProvider clock, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var first = ParseDay(from, "from", errors);
        var last = ParseDay(to, "to", errors);
        if (errors.Count == 0 && first is { } f && last is { } l)
        {
            if (l < f)
            {
                errors["to"] = [$"to ({to}) is before from ({from})."];
            }
            else if (l.DayNumber - f.DayNumber + 1 > TimelineStore.MaxDays)
            {
                errors["to"] = [$"A timeline covers at most {TimelineStore.MaxDays} days; ask for a shorter range."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var range = await store.ResolveRangeAsync(first, last, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        return Answer(context, await store.GetTimelineAsync(range.From, range.To, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> GetBasemapAsync(
        HttpContext context, TimelineStore store, CancellationToken cancellationToken)
    {
        // The gazetteer changes only with an import: browsers may keep the basemap for an hour.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Answer(context, await store.GetBasemapAsync(cancellationToken));
    }

    /// <summary>The body as JSON with a content-hash ETag, or 304 when the client already has it.</summary>
    private static Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem> Answer<T>(HttpContext context, T body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(bytes), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        if (string.IsNullOrEmpty(context.Response.Headers.CacheControl))
        {
            context.Response.Headers.CacheControl = "no-cache";
        }

        var requested = context.Request.GetTypedHeaders().IfNoneMatch;
        if (requested.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(bytes, "application/json");
    }

    private static DateOnly? ParseDay(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"{name} must be a day written yyyy-MM-dd, not '{value}'."];
        return null;
    }
}
