using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Territory.Web.Tests;

/// <summary>Fills and submits a server-rendered form the way a browser would, antiforgery token included.</summary>
internal static class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pagePath, string formSelector, IReadOnlyDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative));
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"no form '{formSelector}' on {pagePath}");
        var values = form.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>()
            .Where(i => i.Type != "submit")
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            if (!values.ContainsKey(name))
            {
                throw new InvalidOperationException($"the form on {pagePath} has no field '{name}'; it has {string.Join(", ", values.Keys)}");
            }

            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pagePath : form.GetAttribute("action")!;
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }
}
