using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data.Places;
using Territory.Data.Reports;
using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;
using Territory.Testing;

namespace Territory.Web.Tests;

/// <summary>Reports ingested through the real pipeline into the app's database, over the team's curated gazetteer.</summary>
internal static class ReportSeed
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Ingests a text (made unique, so it is a new report) and returns its ids.</summary>
    public static async Task<ReportSaveResult> IngestAsync(TerritoryAppFactory app, string text, string? outlet = null, string? sourceUrl = null)
    {
        var gazetteer = app.Services.GetRequiredService<GazetteerStore>();
        await Gate.WaitAsync();
        try
        {
            if ((await gazetteer.LoadEntriesAsync()).Count == 0)
            {
                var path = RepoFolder.Path("geo", "theater", "places.geojson");
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path)));
                await using var stream = File.OpenRead(path);
                await gazetteer.ImportAsync(new GazetteerImport(GazetteerSources.Curated, "curated", "places.geojson", sha), new CuratedTheaterReader().Read(stream, "places.geojson"), null);
            }
        }
        finally
        {
            Gate.Release();
        }

        var ingestion = await ReportIngestion.CreateAsync(gazetteer, app.Services.GetRequiredService<ReportStore>(), TimeProvider.System);
        return await ingestion.IngestAsync(Encoding.UTF8.GetBytes($"{text}\n\nRéf. {Guid.NewGuid():N}"),
            new ReportInput("report.txt", new DateOnly(2024, 11, 28), sourceUrl, outlet), null);
    }

    /// <summary>Signs a client in through the sign-in form.</summary>
    public static async Task SignInAsync(HttpClient client, string name, string password)
    {
        using var response = await FormPost.SubmitAsync(client, "/account/signin", "form.stacked", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>
    /// Submits a form of a page as a browser would: hidden and text fields, the checked radio buttons and the selected
    /// options, antiforgery token included, with <paramref name="fields"/> changed.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pagePath, string formSelector, IReadOnlyDictionary<string, string> fields)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(pagePath, UriKind.Relative)));
        var form = document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form '{formSelector}' on {pagePath}");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>().Where(i => i.Type is not ("radio" or "submit") || i.IsChecked))
        {
            values[input.Name!] = input.Value;
        }

        foreach (var select in form.QuerySelectorAll("select[name]").Cast<IHtmlSelectElement>())
        {
            values[select.Name!] = select.Value ?? string.Empty;
        }

        var names = form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")!).ToHashSet();
        foreach (var (name, value) in fields)
        {
            Assert.True(names.Contains(name), $"the form {formSelector} on {pagePath} has no field '{name}'; it has {string.Join(", ", names)}");
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pagePath : form.GetAttribute("action")!;
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }
}
