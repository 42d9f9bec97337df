extern alias cli;
using cli::Territory.Cli;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data.Events;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>
/// The web host over the data a first <c>scripts/run</c> gives: the bundled gazetteer (<c>territory setup</c>), the
/// reports of <c>data/samples</c> ingested through the pipeline, their pending control changes accepted by an analyst
/// (audited, as on the events page), and the starting lines imported and the territories built by
/// <c>territory control rebuild</c>. Nothing is entered by hand.
/// </summary>
public sealed class MapSampleFixture : IAsyncLifetime
{
    public TerritoryAppFactory App { get; } = new();

    /// <summary>What the set-up commands printed, for the test output.</summary>
    public StringWriter Log { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        var connection = App.DataSource.ConnectionString;
        await RunAsync("setup", "--repo", RepoFolder.Root, "--connection", connection);
        await RunAsync("ingest", RepoFolder.Path("data", "samples"), "--if-empty", "--connection", connection);

        var events = App.Services.GetRequiredService<EventStore>();
        var analyst = await App.AddAccountAsync("sample-analyst-password");
        var pending = await events.ListAsync(new EventFilter(Kind: "control_change", Status: "pending", PageSize: EventStore.MaxPageSize));
        foreach (var e in pending.Events)
        {
            await events.AcceptAsync(e.Id, analyst.Id);
        }

        await Log.WriteLineAsync($"accepted {pending.Events.Count} pending control changes");
        await RunAsync("control", "rebuild", "--initial", RepoFolder.Path("data", "control", "lines-2024-11-26.geojson"), "--connection", connection);
    }

    private async Task RunAsync(params string[] args)
    {
        var errors = new StringWriter();
        var code = await TerritoryCommand.RunAsync(args, new CliConsole(TextReader.Null, Log, errors, false));
        Assert.True(code == 0, $"territory {string.Join(' ', args.TakeWhile(a => a != "--connection"))} exited with {code}: {errors}");
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
