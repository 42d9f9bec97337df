using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Territory.Data.Events;
using Territory.Data.Reports;
using Territory.Ingestion.Reading;
using Territory.Web.Accounts;

namespace Territory.Web.Api;

public static class ReportsApi
{
    /// <summary>Reports a list shows when not told otherwise.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Most reports one request returns.</summary>
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports", ListAsync);
        app.MapPost("/api/reports", UploadAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        app.MapPost("/api/reports/revisions/{id:long}/published", SetPublishedAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        return app;
    }

    /// <summary>The latest revision of each report, newest first; <c>limit</c> is 1 to 500 (default 50).</summary>
    private static async Task<Results<Ok<IReadOnlyList<ReportListItem>>, ValidationProblem>> ListAsync(ReportStore store, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLimit}."] });
        }

        return TypedResults.Ok(await store.ListReportsAsync(limit ?? DefaultLimit, cancellationToken));
    }

    /// <summary>
    /// Ingests reports: multipart/form-data (fields <c>files</c>, <c>text</c>, <c>name</c>, <c>published</c>, <c>source</c>,
    /// <c>outlet</c>, <c>lang</c>) or a JSON body <see cref="ReportUploadRequest"/>. Answers the outcome of each item (200);
    /// 400 naming the problem when the request is wrong or no item could be stored; 413 when the request, or its only
    /// report, is over the limits.
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpContext context, ReportIngestionSource source, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > ReportUpload.MaxRequestBytes)
        {
            return TooLarge($"The request is {request.ContentLength:N0} bytes, over the limit of {ReportUpload.MaxRequestBytes:N0} bytes per request.");
        }

        // A body sent without a length is cut at the same limit while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = ReportUpload.MaxRequestBytes;
        }

        ReportUploadRequest fields;
        List<UploadItem> items = [];
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                fields = new ReportUploadRequest(form["text"], form["published"], form["source"], form["outlet"], form["lang"], form["name"]);
                items.AddRange(form.Files.Select(f => new UploadItem(Path.GetFileName(f.FileName), f.Length, f.OpenReadStream, IsFile: true)));
            }
            else if (request.HasJsonContentType())
            {
                fields = await request.ReadFromJsonAsync<ReportUploadRequest>(cancellationToken)
                    ?? throw new JsonException("the body is null");
            }
            else
            {
                return Invalid("body", "Send multipart/form-data (files and/or text) or a JSON object {text, published, source, outlet, lang, name}.");
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge($"The request is over the limit of {ReportUpload.MaxRequestBytes:N0} bytes per request.");
        }
        catch (InvalidDataException e)
        {
            return Invalid("body", $"The multipart body cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            return Invalid("body", $"The body is not a JSON object {{text, published, source, outlet, lang, name}}: {e.Message}");
        }

        if (ReportUpload.Pasted(fields.Text, fields.Name) is { } pasted)
        {
            items.Add(pasted);
        }

        var errors = ReportUpload.Check(fields.Published, fields.Source, fields.Outlet, fields.Lang, items, out var metadata);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (items.Sum(i => i.Length) > ReportUpload.MaxRequestBytes)
        {
            return TooLarge($"The reports add up to {items.Sum(i => i.Length):N0} bytes, over the limit of {ReportUpload.MaxRequestBytes:N0} bytes per request.");
        }

        var outcomes = await ReportUpload.IngestAsync(source, items, metadata, user.AccountId(), cancellationToken);
        if (outcomes.All(o => o.Outcome == ReportUpload.Rejected))
        {
            var status = outcomes.Count == 1 && outcomes[0].Problem == "too_large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return TypedResults.Problem(
                string.Join("; ", outcomes.Select(o => $"{o.Name}: {o.Error}")),
                statusCode: status,
                title: "No report was stored",
                extensions: new Dictionary<string, object?> { ["items"] = outcomes });
        }

        return TypedResults.Ok(new ReportUploadResponse(outcomes));
    }

    /// <summary>The analyst sets a revision's publication day; pending events are dated again where their evidence allows.</summary>
    private static async Task<Results<Ok<PublishedDayChange>, ValidationProblem, NotFound<ProblemDetails>>> SetPublishedAsync(
        long id, PublishedDayRequest request, EventStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryParseDay(request.Published, out var day))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["published"] = [$"'{request.Published}' is not a day written YYYY-MM-DD."] });
        }

        try
        {
            return TypedResults.Ok(await store.SetPublishedAsync(id, day, user.AccountId()!.Value, cancellationToken));
        }
        catch (EventReviewException e) when (e.NotFound)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = e.Message, Status = StatusCodes.Status404NotFound });
        }
    }

    /// <summary>A day written YYYY-MM-DD (a real one: 2024-02-30 is refused).</summary>
    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>JSON body of <c>POST /api/reports</c>: one pasted report with its optional metadata.</summary>
public sealed record ReportUploadRequest(string? Text, string? Published, string? Source, string? Outlet, string? Lang, string? Name);

/// <summary>Answer of <c>POST /api/reports</c>: one outcome per file or pasted text, in the order sent.</summary>
public sealed record ReportUploadResponse(IReadOnlyList<UploadOutcome> Items);

/// <summary>Body of <c>POST /api/reports/revisions/{id}/published</c>.</summary>
public sealed record PublishedDayRequest(string? Published);

/// <summary>A file or pasted text to ingest.</summary>
public sealed record UploadItem(string Name, long Length, Func<Stream> Open, bool IsFile);

/// <summary>What the person uploading says about every report of the upload.</summary>
public sealed record UploadMetadata(DateOnly? Published, string? Source, string? Outlet, string? Language);

/// <summary>
/// What became of one uploaded report: <c>new</c>, <c>revision</c> (of an existing report, found by its address),
/// <c>duplicate</c> (the same text is stored: nothing changed) or <c>rejected</c> with the problem (too_large, empty,
/// binary, undecodable, malformed, unsupported_type) and an error in words.
/// </summary>
public sealed record UploadOutcome(string Name, string Outcome, long? ReportId, long? RevisionId, int? Revision, int Mentions, int Events, int AutoAccepted, string? Problem, string? Error);

/// <summary>
/// Uploads from the page and the API run the ingestion the CLI runs, one report at a time: each is stored whole or not
/// at all, and a refused one does not stop the others.
/// </summary>
public static class ReportUpload
{
    /// <summary>Largest report accepted, as for <c>territory ingest</c>.</summary>
    public const long MaxFileBytes = ReportDecoder.DefaultMaxBytes;

    /// <summary>Largest request (all files and text together).</summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    /// <summary>Most reports one request may carry.</summary>
    public const int MaxItems = 50;

    public const string Rejected = "rejected";

    /// <summary>The file types read (as <c>territory ingest</c> reads a folder).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".html", ".htm"];

    /// <summary>The languages that may be given.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fr", "en", "ar", "tr"];

    /// <summary>Pasted text as an item; its name tells the format (.md, .html), plain text otherwise.</summary>
    public static UploadItem? Pasted(string? text, string? name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var fileName = string.IsNullOrWhiteSpace(name) ? "pasted.txt" : Path.GetFileName(name.Trim());
        if (!Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase))
        {
            fileName += ".txt";
        }

        return new UploadItem(fileName, bytes.Length, () => new MemoryStream(bytes, writable: false), IsFile: false);
    }

    /// <summary>The problems of the request as a whole, by field; none means every item may be tried.</summary>
    public static Dictionary<string, string[]> Check(string? published, string? source, string? outlet, string? lang, IReadOnlyList<UploadItem> items, out UploadMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = new Dictionary<string, string[]>();
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            if (ReportsApi.TryParseDay(published, out var parsed))
            {
                day = parsed;
            }
            else
            {
                errors["published"] = [$"'{published.Trim()}' is not a day written YYYY-MM-DD."];
            }
        }

        source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (source is not null && (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors["source"] = [$"'{source}' is not an absolute http(s) address."];
        }
        else if (source is not null && items.Count > 1)
        {
            errors["source"] = [$"A source address names one report, but {items.Count} were sent: upload them one at a time."];
        }

        outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim();
        if (outlet is { Length: > 200 })
        {
            errors["outlet"] = ["The outlet's name is longer than 200 characters."];
        }

        lang = string.IsNullOrWhiteSpace(lang) ? null : lang.Trim().ToLowerInvariant();
        if (lang is not null && !Languages.Contains(lang))
        {
            errors["lang"] = [$"Unknown language '{lang}'; give one of {string.Join(", ", Languages)}, or none to detect it."];
        }

        if (items.Count == 0)
        {
            errors["files"] = ["Nothing to ingest: send .txt, .md or .html files, or paste a text."];
        }
        else if (items.Count > MaxItems)
        {
            errors["files"] = [$"{items.Count} reports were sent; at most {MaxItems} are taken at once."];
        }

        metadata = new UploadMetadata(day, source, outlet, lang);
        return errors;
    }

    /// <summary>Ingests each item in turn; a refused item is reported with its problem and stores nothing.</summary>
    public static async Task<IReadOnlyList<UploadOutcome>> IngestAsync(ReportIngestionSource source, IReadOnlyList<UploadItem> items, UploadMetadata metadata, long? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(metadata);
        var ingestion = await source.GetAsync(cancellationToken);
        var outcomes = new List<UploadOutcome>(items.Count);
        foreach (var item in items)
        {
            if (item.IsFile && !Extensions.Contains(Path.GetExtension(item.Name), StringComparer.OrdinalIgnoreCase))
            {
                outcomes.Add(Refused(item, "unsupported_type", $"'{Path.GetExtension(item.Name)}' files are not read: upload .txt, .md or .html."));
                continue;
            }

            // Checked before reading, so a huge file is never held in memory.
            if (item.Length > MaxFileBytes)
            {
                outcomes.Add(Refused(item, "too_large", $"the report is {item.Length:N0} bytes, over the limit of {MaxFileBytes:N0} bytes (2 MB) per report"));
                continue;
            }

            try
            {
                await using var stream = item.Open();
                var input = new ReportInput(item.Name, metadata.Published, metadata.Source, metadata.Outlet, metadata.Language, MaxFileBytes);
                var result = await ingestion.IngestAsync(stream, input, userId, cancellationToken);
                outcomes.Add(new UploadOutcome(item.Name, result.OutcomeKey, result.ReportId, result.RevisionId, result.Revision,
                    result.Mentions, result.Events, result.AutoAccepted, null, null));
            }
            catch (ReportRejectedException e)
            {
                outcomes.Add(Refused(item, ProblemKey(e.Reason), e.Message));
            }
        }

        return outcomes;
    }

    private static UploadOutcome Refused(UploadItem item, string problem, string error) =>
        new(item.Name, Rejected, null, null, null, 0, 0, 0, problem, error);

    private static string ProblemKey(ReportRejection reason) => reason switch
    {
        ReportRejection.TooLarge => "too_large",
        ReportRejection.Empty => "empty",
        ReportRejection.Binary => "binary",
        ReportRejection.Undecodable => "undecodable",
        _ => "malformed",
    };
}
