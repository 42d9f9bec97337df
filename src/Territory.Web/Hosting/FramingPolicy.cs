using Microsoft.Extensions.Options;

namespace Territory.Web.Hosting;

/// <summary>
/// Who may put the app's pages in a frame: the embed page the sites of <see cref="EmbedOptions.FrameAncestors"/>
/// (any by default), every other page the app itself only (CSP frame-ancestors 'self').
/// </summary>
public static class FramingPolicy
{
    /// <summary>The embed page's address.</summary>
    public const string EmbedPath = "/embed";

    public static WebApplication UseFramingPolicy(this WebApplication app)
    {
        var embedAncestors = "frame-ancestors " + app.Services.GetRequiredService<IOptions<EmbedOptions>>().Value.FrameAncestors.Trim();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (context.Request.Path.Equals(EmbedPath, StringComparison.OrdinalIgnoreCase))
                {
                    // Antiforgery sets X-Frame-Options: SAMEORIGIN on pages with forms; the embed page answers with its own policy.
                    headers.XFrameOptions = default;
                    headers.ContentSecurityPolicy = embedAncestors;
                }
                else if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = "frame-ancestors 'self'";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
