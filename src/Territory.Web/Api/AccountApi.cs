using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Territory.Web.Api;

public static class AccountApi
{
    /// <summary>Sign-out is a form POST (antiforgery-checked because it binds form data).</summary>
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signout", SignOutAsync);
        return app;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context, [FromForm] string? returnUrl)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>Only local paths are followed after sign-in or sign-out (no open redirects).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
