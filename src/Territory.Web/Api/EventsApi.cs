using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Territory.Data.Events;
using Territory.Web.Accounts;

namespace Territory.Web.Api;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events");
        events.MapGet("/", ListAsync);
        events.MapGet("/{id:long}", GetAsync);
        events.MapPost("/", AddAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        events.MapPost("/{id:long}/accept", AcceptAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        events.MapPost("/{id:long}/reject", RejectAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        events.MapPost("/{id:long}/edit", EditAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        events.MapPost("/{id:long}/merge", MergeAsync).RequireAuthorization(AccountSetup.AnalystPolicy);
        return app;
    }

    /// <summary>
    /// Events by the page's filters: <c>from</c>, <c>to</c> (YYYY-MM-DD, days overlapping), <c>place</c> (id or name),
    /// <c>actor</c> (key), <c>kind</c>, <c>status</c>, <c>report</c> (id), <c>page</c>, <c>size</c> (1 to 200).
    /// </summary>
    private static async Task<Results<Ok<EventPage>, ValidationProblem>> ListAsync([AsParameters] EventQuery query, EventStore store, CancellationToken cancellationToken)
    {
        var errors = query.Parse(out var filter);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await store.ListAsync(filter, cancellationToken));
    }

    private static async Task<Results<Ok<EventView>, NotFound<ProblemDetails>>> GetAsync(long id, EventStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : NotFound($"There is no event {id}.");

    private static Task<Results<Ok<EventView>, ValidationProblem, NotFound<ProblemDetails>>> AcceptAsync(long id, EventStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeAsync(id, store, () => store.AcceptAsync(id, user.AccountId()!.Value, cancellationToken), cancellationToken);

    private static Task<Results<Ok<EventView>, ValidationProblem, NotFound<ProblemDetails>>> RejectAsync(long id, EventStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeAsync(id, store, () => store.RejectAsync(id, user.AccountId()!.Value, cancellationToken), cancellationToken);

    private static Task<Results<Ok<EventView>, ValidationProblem, NotFound<ProblemDetails>>> EditAsync(long id, EventRequest request, EventStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = request.Parse(out var change);
        return errors.Count > 0
            ? Task.FromResult<Results<Ok<EventView>, ValidationProblem, NotFound<ProblemDetails>>>(TypedResults.ValidationProblem(errors))
            : ChangeAsync(id, store, () => store.EditAsync(id, change!, user.AccountId()!.Value, cancellationToken), cancellationToken);
    }

    /// <summary>Merges event <c>id</c> into event <c>into</c> (the one kept), which then carries both sets of sources.</summary>
    private static Task<Results<Ok<EventView>, ValidationProblem, NotFound<ProblemDetails>>> MergeAsync(long id, MergeRequest request, EventStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        request.Into is not { } into
            ? Task.FromResult<Results<Ok<EventView>, ValidationProblem, NotFound<ProblemDetails>>>(Invalid("into", "Give the id of the event to keep in 'into'."))
            : ChangeAsync(into, store, () => store.MergeAsync(id, into, user.AccountId()!.Value, request.Note, cancellationToken), cancellationToken);

    /// <summary>An event entered by hand: rule manual, accepted, created by the analyst; optionally quoting a report.</summary>
    private static async Task<Results<Created<EventView>, ValidationProblem, NotFound<ProblemDetails>>> AddAsync(EventRequest request, EventStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = request.Parse(out var change);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var id = await store.AddManualAsync(change!, request.Report, request.Quote, user.AccountId()!.Value, cancellationToken);
            return TypedResults.Created($"/api/events/{id}", await store.GetAsync(id, cancellationToken));
        }
        catch (EventReviewException e)
        {
            return Invalid(e.Field, e.Message);
        }
    }

    private static async Task<Results<Ok<EventView>, ValidationProblem, NotFound<ProblemDetails>>> ChangeAsync(long shownId, EventStore store, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
        }
        catch (EventReviewException e) when (e.NotFound)
        {
            return NotFound(e.Message);
        }
        catch (EventReviewException e)
        {
            return Invalid(e.Field, e.Message);
        }

        return TypedResults.Ok((await store.GetAsync(shownId, cancellationToken))!);
    }

    private static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = detail, Status = StatusCodes.Status404NotFound });

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The filters of the events list, as written in a query string (the page and the API read the same).</summary>
public sealed record EventQuery(string? From, string? To, string? Place, string? Actor, string? Kind, string? Status, string? Report, string? Page, string? Size)
{
    /// <summary>The filter, or the problems by parameter name.</summary>
    public Dictionary<string, string[]> Parse(out EventFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Day(From, "from", errors);
        var to = Day(To, "to", errors);
        if (from > to)
        {
            errors["to"] = [$"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd})."];
        }

        if (Place is { Length: > 100 })
        {
            errors["place"] = ["place is a place id or a name of at most 100 characters."];
        }

        var actor = Blank(Actor);
        if (actor is not null && (actor.Length > 40 || !actor.All(c => c is (>= 'a' and <= 'z') or '_' or '-' or (>= '0' and <= '9'))))
        {
            errors["actor"] = [$"'{actor}' is not an actor key (hts, opposition, government...)."];
        }

        var kind = Blank(Kind);
        if (kind is not null && !EventKeyLists.Kinds.Contains(kind))
        {
            errors["kind"] = [$"Unknown kind '{kind}'; use one of: {string.Join(", ", EventKeyLists.Kinds)}."];
        }

        var status = Blank(Status);
        if (status is not null && !EventStatuses.All.Contains(status))
        {
            errors["status"] = [$"Unknown status '{status}'; use one of: {string.Join(", ", EventStatuses.All)}."];
        }

        var report = Number(Report, "report", 1, long.MaxValue, errors);
        var page = Number(Page, "page", 1, 100_000, errors);
        var size = Number(Size, "size", 1, EventStore.MaxPageSize, errors);
        filter = new EventFilter(from, to, Blank(Place), actor, kind, status, report, (int)(page ?? 1), (int)(size ?? EventStore.DefaultPageSize));
        return errors;
    }

    /// <summary>This query with one value changed, as a query string (for paging links).</summary>
    public string With(string name, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["from"] = From,
            ["to"] = To,
            ["place"] = Place,
            ["actor"] = Actor,
            ["kind"] = Kind,
            ["status"] = Status,
            ["report"] = Report,
            ["page"] = Page,
            ["size"] = Size,
        };
        values[name] = value;
        return string.Join('&', values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (Blank(text) is null)
        {
            return null;
        }

        if (ReportsApi.TryParseDay(text, out var day))
        {
            return day;
        }

        errors[name] = [$"{name} '{text}' is not a day written YYYY-MM-DD."];
        return null;
    }

    private static long? Number(string? text, string name, long min, long max, Dictionary<string, string[]> errors)
    {
        if (Blank(text) is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors[name] = [$"{name} '{text}' is not a whole number from {min} to {max}."];
        return null;
    }
}

/// <summary>An event as an analyst writes it (edit or new): days YYYY-MM-DD, actors by key, the place by id.</summary>
public sealed record EventRequest(
    string? Kind,
    string? Tier,
    long? Place,
    string? Gainer,
    string? Loser,
    [property: JsonPropertyName("day_from")] string? DayFrom,
    [property: JsonPropertyName("day_to")] string? DayTo,
    string? Precision,
    string? Note,
    long? Report = null,
    string? Quote = null)
{
    /// <summary>The change, or the problems by field.</summary>
    public Dictionary<string, string[]> Parse(out EventChange? change)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ReportsApi.TryParseDay(DayFrom, out var from))
        {
            errors["day_from"] = [$"day_from '{DayFrom}' is not a day written YYYY-MM-DD."];
        }

        var to = from;
        if (!string.IsNullOrWhiteSpace(DayTo) && !ReportsApi.TryParseDay(DayTo, out to))
        {
            errors["day_to"] = [$"day_to '{DayTo}' is not a day written YYYY-MM-DD."];
        }

        change = new EventChange(
            Kind?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(Tier) ? null : Tier.Trim(), Place,
            string.IsNullOrWhiteSpace(Gainer) ? null : Gainer.Trim(), string.IsNullOrWhiteSpace(Loser) ? null : Loser.Trim(),
            from, to, string.IsNullOrWhiteSpace(Precision) ? (to == from ? "day" : "range") : Precision.Trim(), Note);
        if (errors.Count == 0)
        {
            foreach (var (field, messages) in change.Validate())
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            change = null;
        }

        return errors;
    }
}

/// <summary>Body of <c>POST /api/events/{id}/merge</c>: the event to keep, and why.</summary>
public sealed record MergeRequest(long? Into, string? Note);
