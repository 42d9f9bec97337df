using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Territory.Data.Measure;

namespace Territory.Web.Api;

/// <summary>
/// <c>GET /api/measure?region=SY02|Aleppo</c> or <c>?place=Aleppo&amp;radiusKm=20</c>, and <c>POST /api/measure</c> with a
/// GeoJSON polygon body; both with <c>date</c> (one day) or <c>from</c> and <c>to</c> (two days compared): km² per actor
/// inside the region (held = lower bound, held + contested = upper bound), the change, and the places that changed hands.
/// </summary>
public static class MeasureApi
{
    /// <summary>Largest polygon body read, in bytes.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public static WebApplicationBuilder AddMeasure(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MeasureStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMeasureApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/measure", GetAsync);
        app.MapPost("/api/measure", PostAsync).Accepts<JsonElement>("application/geo+json", "application/json").DisableAntiforgery();
        return app;
    }

    private static Task<Results<Ok<MeasureResult>, ValidationProblem, NotFound<ProblemDetails>>> GetAsync(
        string? region, string? place, string? radiusKm, string? date, string? from, string? to, MeasureStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var request = MeasureRequest.Parse(region, place, radiusKm, null, date, from, to, errors);
        return RunAsync(request, errors, store, cancellationToken);
    }

    private static async Task<Results<Ok<MeasureResult>, ValidationProblem, NotFound<ProblemDetails>>> PostAsync(
        string? date, string? from, string? to, HttpRequest http, MeasureStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var body = await ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            errors["polygon"] = $"The body must be a GeoJSON Polygon or MultiPolygon (or a Feature holding one) of at most {MaxBodyBytes / 1024 / 1024} MB.";
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        var request = MeasureRequest.Parse(null, null, null, body, date, from, to, errors);
        return await RunAsync(request, errors, store, cancellationToken);
    }

    private static async Task<Results<Ok<MeasureResult>, ValidationProblem, NotFound<ProblemDetails>>> RunAsync(
        MeasureRequest? request, Dictionary<string, string> errors, MeasureStore store, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        try
        {
            return TypedResults.Ok(await store.MeasureAsync(request.Region, request.From, request.To, cancellationToken));
        }
        catch (MeasureRegionNotFoundException e)
        {
            var problem = new ProblemDetails { Title = "Unknown region", Detail = e.Message, Status = StatusCodes.Status404NotFound };
            problem.Extensions["parameter"] = e.Parameter;
            return TypedResults.NotFound(problem);
        }
    }

    // The body as text, or null when it is empty or too large.
    private static async Task<string?> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
