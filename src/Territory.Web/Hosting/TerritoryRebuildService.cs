using Microsoft.Extensions.Options;
using Territory.Data.Territory;

namespace Territory.Web.Hosting;

/// <summary>How often the app looks for queued territory rebuilds.</summary>
public sealed class TerritoryRebuildOptions
{
    /// <summary>Seconds between looks at the rebuild queue; 0 turns the background rebuild off.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public double PollSeconds { get; set; } = 2;
}

/// <summary>
/// Rebuilds the territories of the days that changed events queued (a trigger on <c>events</c> fills the queue), so
/// whoever edits events needs not call the engine; readers of a queued day rebuild it themselves if they come first.
/// </summary>
public sealed partial class TerritoryRebuildService(TerritoryStore store, IOptions<TerritoryRebuildOptions> options, ILogger<TerritoryRebuildService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollSeconds;
        if (poll <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(poll));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await store.RebuildPendingAsync(stoppingToken);
                if (result.From is { } from)
                {
                    Rebuilt(logger, from, result.DaysWritten.Count, result.Elapsed.TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                Failed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Territories rebuilt from {From}: {Days} days written in {Milliseconds:F0} ms")]
    private static partial void Rebuilt(ILogger logger, DateOnly from, int days, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Territory rebuild failed; it stays queued")]
    private static partial void Failed(ILogger logger, Exception e);
}

/// <summary>Registration of the background rebuild.</summary>
public static class TerritoryRebuildExtensions
{
    public static IHostApplicationBuilder AddTerritoryRebuild(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TerritoryRebuildOptions>().Bind(builder.Configuration.GetSection("Territory:Rebuild")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<TerritoryRebuildService>();
        return builder;
    }
}
