using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Territory.Data.Snapshots;
using Territory.Domain.Rendering;
using Territory.Web.Hosting;

namespace Territory.Web.Api;

/// <summary>
/// <c>/snapshots/{date}.svg</c> and <c>/snapshots/{date}.png</c> with <c>?bbox=minLon,minLat,maxLon,maxLat&amp;width=&amp;height=&amp;title=&amp;lang=fr|en</c>:
/// the map of a day as an image. The same inputs give the same bytes, so each answer carries a strong ETag (a hash of
/// the SVG) and a matching If-None-Match gets 304 without rasterising again.
/// </summary>
public static class SnapshotsApi
{
    /// <summary>The snapshot store, the rasteriser and their options.</summary>
    public static WebApplicationBuilder AddSnapshots(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbedOptions>().Bind(builder.Configuration.GetSection("Embed")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SnapshotOptions>().Bind(builder.Configuration.GetSection("Snapshots")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SnapshotStore>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SnapshotOptions>>().Value;
            return new SvgRasterizer(options.RsvgConvert, TimeSpan.FromSeconds(options.TimeoutSeconds));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapSnapshotsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/snapshots/{date}.svg", SvgAsync);
        app.MapGet("/snapshots/{date}.png", PngAsync);
        return app;
    }

    /// <summary>The address of a snapshot, with only the parameters that differ from the defaults.</summary>
    public static string Url(SnapshotRequest request, string format)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new List<string> { "bbox=" + Uri.EscapeDataString(SnapshotRequest.FormatBbox(request.Bbox)) };
        query.Add(FormattableString.Invariant($"width={request.Width}"));
        query.Add(FormattableString.Invariant($"height={request.Height}"));
        if (request.Title is { } title)
        {
            query.Add("title=" + Uri.EscapeDataString(title));
        }

        query.Add("lang=" + (request.Language == SnapshotLanguage.Fr ? "fr" : "en"));
        return FormattableString.Invariant($"/snapshots/{request.Day:yyyy-MM-dd}.{format}?") + string.Join("&", query);
    }

    private static async Task<IResult> SvgAsync(string date, string? bbox, string? width, string? height, string? title, string? lang,
        HttpContext context, SnapshotStore store, CancellationToken cancellationToken)
    {
        if (SnapshotRequest.Parse(date, bbox, width, height, title, lang, out var errors) is not { } request)
        {
            return Invalid(errors);
        }

        var svg = Encoding.UTF8.GetBytes(SnapshotRenderer.Render(await store.LoadSceneAsync(request, cancellationToken)));
        if (NotModified(context, Tag(svg, "svg")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(svg, "image/svg+xml; charset=utf-8");
    }

    private static async Task<IResult> PngAsync(string date, string? bbox, string? width, string? height, string? title, string? lang,
        HttpContext context, SnapshotStore store, SvgRasterizer rasterizer, CancellationToken cancellationToken)
    {
        if (SnapshotRequest.Parse(date, bbox, width, height, title, lang, out var errors) is not { } request)
        {
            return Invalid(errors);
        }

        var svg = SnapshotRenderer.Render(await store.LoadSceneAsync(request, cancellationToken));
        if (NotModified(context, Tag(Encoding.UTF8.GetBytes(svg), "png")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        try
        {
            return TypedResults.Bytes(await rasterizer.ToPngAsync(svg, request.Width, request.Height, cancellationToken), "image/png");
        }
        catch (SnapshotRasterizerException e)
        {
            context.Response.Headers.ETag = default;
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PNG snapshots are unavailable");
        }
    }

    /// <summary>400 with one message per bad parameter, keyed by its name.</summary>
    internal static IResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

    /// <summary>A strong validator of the image: the SVG's SHA-256 (the PNG is a pure function of it) and the format.</summary>
    private static EntityTagHeaderValue Tag(byte[] svg, string format) =>
        new($"\"{format}-{Convert.ToHexStringLower(SHA256.HashData(svg))[..40]}\"");

    /// <summary>Sets the validators and tells whether the client already holds this very image.</summary>
    private static bool NotModified(HttpContext context, EntityTagHeaderValue tag)
    {
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = tag;
        // Territories of a day change as events are reviewed: caches keep the image but ask again each time.
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var match = context.Request.GetTypedHeaders().IfNoneMatch;
        return match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(tag, useStrongComparison: false));
    }
}
