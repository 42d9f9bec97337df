using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Territory.Data.Export;

namespace Territory.Web.Api;

/// <summary>
/// Downloads, each carrying its sources: events as CSV and GeoJSON (<c>from</c>, <c>to</c>, <c>status</c>, <c>kind</c>
/// as on /api/events), a day's territories as GeoJSON and GeoPackage (through ogr2ogr), and areas per day as CSV.
/// </summary>
public static class ExportApi
{
    private const string CsvType = "text/csv; charset=utf-8; header=present";
    private const string GeoJsonType = "application/geo+json; charset=utf-8";

    public static WebApplicationBuilder AddExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ExportStore>();
        builder.Services.AddSingleton(new GeoPackageWriter(builder.Configuration["Export:Ogr2Ogr"] ?? "ogr2ogr"));
        return builder;
    }

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export");
        export.MapGet("/events.csv", EventsCsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/events.geojson", EventsGeoJsonAsync).Produces<string>(StatusCodes.Status200OK, "application/geo+json");
        export.MapGet("/territories/{date}.geojson", TerritoriesGeoJsonAsync).Produces<string>(StatusCodes.Status200OK, "application/geo+json");
        export.MapGet("/territories/{date}.gpkg", TerritoriesGeoPackageAsync).Produces<byte[]>(StatusCodes.Status200OK, "application/geopackage+sqlite3");
        export.MapGet("/areas.csv", AreasCsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> EventsCsvAsync(string? from, string? to, string? status, string? kind, ExportStore store, CancellationToken cancellationToken)
    {
        if (EventFilter(from, to, status, kind, out var filter) is { } invalid)
        {
            return invalid;
        }

        var csv = ExportDocuments.EventsCsv(await store.ListEventsAsync(filter, cancellationToken));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), CsvType, "territory-events.csv");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> EventsGeoJsonAsync(string? from, string? to, string? status, string? kind, ExportStore store, CancellationToken cancellationToken)
    {
        if (EventFilter(from, to, status, kind, out var filter) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.File(ExportDocuments.EventsGeoJson(await store.ListEventsAsync(filter, cancellationToken)), GeoJsonType, "territory-events.geojson");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>>> TerritoriesGeoJsonAsync(string date, ExportStore store, CancellationToken cancellationToken)
    {
        if (!ReportsApi.TryParseDay(date, out var day))
        {
            return Invalid("date", $"'{date}' is not a day written YYYY-MM-DD.");
        }

        var territories = await store.ListTerritoriesAsync(day, cancellationToken);
        return territories.Count == 0
            ? NoTerritories(day)
            : TypedResults.File(ExportDocuments.TerritoriesGeoJson(day, territories), GeoJsonType, $"territory-{date}.geojson");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> TerritoriesGeoPackageAsync(
        string date, ExportStore store, GeoPackageWriter writer, CancellationToken cancellationToken)
    {
        if (!ReportsApi.TryParseDay(date, out var day))
        {
            return Invalid("date", $"'{date}' is not a day written YYYY-MM-DD.");
        }

        var territories = await store.ListTerritoriesAsync(day, cancellationToken);
        if (territories.Count == 0)
        {
            return NoTerritories(day);
        }

        try
        {
            var gpkg = await writer.ToGeoPackageAsync(ExportDocuments.TerritoriesGeoJson(day, territories, flat: true), "territories", cancellationToken);
            return TypedResults.File(gpkg, "application/geopackage+sqlite3", $"territory-{date}.gpkg");
        }
        catch (GeoPackageUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "GeoPackage exports are unavailable");
        }
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> AreasCsvAsync(string? from, string? to, ExportStore store, CancellationToken cancellationToken)
    {
        if (EventFilter(from, to, null, null, out var filter) is { } invalid)
        {
            return invalid;
        }

        var csv = ExportDocuments.AreasCsv(await store.ListAreasAsync(filter.From, filter.To, cancellationToken));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), CsvType, "territory-areas.csv");
    }

    // The same parameters, checked with the same messages, as the events list.
    private static ValidationProblem? EventFilter(string? from, string? to, string? status, string? kind, out ExportFilter filter)
    {
        var errors = new EventQuery(from, to, null, null, kind, status, null, null, null).Parse(out var parsed);
        filter = new ExportFilter(parsed.From, parsed.To, parsed.Status, parsed.Kind);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ValidationProblem Invalid(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] });

    private static NotFound<ProblemDetails> NoTerritories(DateOnly day) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"There are no territories on {day:yyyy-MM-dd}.", Status = StatusCodes.Status404NotFound });
}
