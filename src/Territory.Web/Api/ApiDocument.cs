using Microsoft.OpenApi;

namespace Territory.Web.Api;

/// <summary>
/// The OpenAPI document of the HTTP API (<c>/openapi/v1.json</c>), generated from the endpoints themselves so it
/// cannot drift from them. Only the data endpoints are described; pages and sign-in forms are not an API.
/// </summary>
public static class ApiDocument
{
    public const string Path = "/openapi/{documentName}.json";

    public static WebApplicationBuilder AddTerritoryApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => IsDataEndpoint(description.RelativePath);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Territory API",
                    Version = "v1",
                    Description = "Places, reports, events, territories, areas and snapshots. Every event, polygon and area figure carries the reports and sentences it came from. Reading is public; changes need an analyst's session cookie.",
                };
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path);
        return app;
    }

    private static bool IsDataEndpoint(string? relativePath) =>
        relativePath is not null
        && (relativePath.StartsWith("api/", StringComparison.Ordinal) || relativePath.StartsWith("snapshots/", StringComparison.Ordinal));
}
