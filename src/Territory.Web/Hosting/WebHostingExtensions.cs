using Microsoft.Extensions.Options;
using Territory.Data;
using Territory.Data.Accounts;

namespace Territory.Web.Hosting;

public static partial class WebHostingExtensions
{
    /// <summary>Razor components rendered on the server, antiforgery, problem details and the app's options.</summary>
    public static WebApplicationBuilder AddTerritoryWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection("Territory"));
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>The middleware, in order.</summary>
    public static WebApplication UseTerritoryPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        app.UseStatusCodePages();
        app.UseFramingPolicy();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// Migrates the database and, when asked, creates the first admin. Returns false after printing one
    /// clear error (naming the connection setting) when the database is missing or unusable.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Territory.Startup");
        try
        {
            var outcome = await app.Services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(app.Lifetime.ApplicationStopping);
            if (outcome is { Applied.Count: > 0 })
            {
                LogMigrated(logger, outcome.FromVersion, outcome.ToVersion);
            }
        }
        catch (DatabaseUnavailableException e)
        {
            LogDatabaseUnavailable(logger, e.Message);
            await Console.Error.WriteLineAsync($"Territory cannot start: {e.Message}");
            return false;
        }

        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.CreateFirstAdmin)
        {
            await CreateFirstAdminAsync(app.Services.GetRequiredService<AccountStore>());
        }

        return true;
    }

    private static async Task CreateFirstAdminAsync(AccountStore accounts)
    {
        if (await accounts.CountAsync() > 0)
        {
            return;
        }

        var password = AccountStore.GeneratePassword();
        try
        {
            await accounts.AddAsync("admin", password, AnalystAccount.AdminRole, mustChangePassword: true, createdBy: null);
        }
        catch (AccountException)
        {
            return; // another process created it first
        }

        // Printed once, on the console of the person who started the app; it must be changed at first sign-in.
        Console.WriteLine($"First start: sign in as 'admin' with the one-time password {password}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema migrated from version {From} to {To}")]
    private static partial void LogMigrated(ILogger logger, int from, int to);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database unavailable: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string reason);
}
