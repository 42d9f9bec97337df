using System.Diagnostics;

namespace Territory.Web.Tests;

/// <summary>The app started as a real process: a missing or unreachable database gives one clear line, not a stack trace.</summary>
public class StartupErrorTests
{
    [Theory]
    [InlineData("", "No database is configured: set ConnectionStrings:Territory")]
    [InlineData("Host=127.0.0.1;Port=1;Database=territory;Username=nobody;Timeout=3", "Cannot reach the database named by ConnectionStrings:Territory")]
    [InlineData("Host=127.0.0.1;Port=not-a-port", "ConnectionStrings:Territory is not a valid connection string")]
    public async Task A_bad_database_setting_stops_the_app_with_a_message_naming_the_setting(string connectionString, string expected)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Territory.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Territory"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        var errors = await stderr;
        var all = errors + await stdout;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }
}
