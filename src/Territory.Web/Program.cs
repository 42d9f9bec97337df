using Territory.Data;
using Territory.Web.Accounts;
using Territory.Web.Api;
using Territory.Web.Components;
using Territory.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddTerritoryData();
builder.AddTerritoryAccounts();
builder.AddTerritoryWeb();
builder.AddTerritoryRebuild();
builder.AddSnapshots();
builder.AddTerritoryApiDocument();
builder.AddMeasure();
builder.AddExport();

var app = builder.Build();

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

app.UseTerritoryPipeline();

app.MapHealthApi();
app.MapAccountApi();
app.MapPlacesApi();
app.MapReportsApi();
app.MapEventsApi();
app.MapMentionsApi();
app.MapTimelineApi();
app.MapSnapshotsApi();
app.MapTerritoryApi();
app.MapApiDocument();
app.MapMeasureApi();
app.MapExportApi();

app.MapStaticAssets();
app.MapRazorComponents<App>();

await app.RunAsync();
return 0;

/// <summary>The web app's entry point, visible to the functional tests.</summary>
public partial class Program;
