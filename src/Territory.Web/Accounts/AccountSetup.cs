using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Territory.Data.Accounts;

namespace Territory.Web.Accounts;

public static class AccountSetup
{
    /// <summary>Policy every write requires: a signed-in analyst (admins are analysts too).</summary>
    public const string AnalystPolicy = "Analyst";

    /// <summary>Claim set while an account still has to replace its one-time password.</summary>
    public const string MustChangePasswordClaim = "territory:must_change_password";

    /// <summary>Cookie sign-in for analysts; viewers need no account. API calls get 401/403 instead of a redirect.</summary>
    public static WebApplicationBuilder AddTerritoryAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/signin";
                options.LogoutPath = "/account/signout";
                options.AccessDeniedPath = "/account/denied";
                options.Cookie.Name = "territory.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AnalystPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(AnalystAccount.AnalystRole, AnalystAccount.AdminRole)
                .RequireAssertion(context => !context.User.HasClaim(MustChangePasswordClaim, "true")));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>The claims a signed-in account carries.</summary>
    public static ClaimsPrincipal ToPrincipal(AnalystAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.Name),
            new(ClaimTypes.Role, AnalystAccount.AnalystRole),
        ];
        if (account.Role == AnalystAccount.AdminRole)
        {
            claims.Add(new Claim(ClaimTypes.Role, AnalystAccount.AdminRole));
        }

        if (account.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The signed-in account's id, or null for a viewer.</summary>
    public static long? AccountId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
