using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Places;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Cli.Commands;

/// <summary><c>territory geocode "texte…" [--lang fr|en|ar|tr] [--format table|json]</c>: the place mentions of a text.</summary>
internal static class GeocodeCommand
{
    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var text = new Argument<string?>("text") { Description = "the text to read (default: standard input)", Arity = ArgumentArity.ZeroOrOne };
        var language = new Option<string?>("--lang") { Description = "the text's language (fr, en, ar, tr), when known" };
        var format = new Option<string>("--format") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("geocode", "find the places a text names, with place, kind, coordinates, score and precision");
        command.Arguments.Add(text);
        command.Options.Add(language);
        command.Options.Add(format);
        command.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            var input = parse.GetValue(text) ?? await console.In.ReadToEndAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(input))
            {
                await console.Error.WriteLineAsync("territory: no text to geocode: pass it as an argument or on standard input.");
                return 2;
            }

            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var entries = await services.GetRequiredService<GazetteerStore>().LoadEntriesAsync(cancellationToken);
            if (entries.Count == 0)
            {
                await console.Error.WriteLineAsync("territory: the gazetteer is empty: run `territory setup` or `territory gazetteer import` first.");
                return 1;
            }

            var mentions = new Geocoder(GazetteerIndex.Build(entries)).Geocode(input, parse.GetValue(language));
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(mentions.Select(ToJson), JsonOptions));
            }
            else
            {
                await WriteTableAsync(console.Out, mentions);
            }

            return 0;
        }));
        return command;
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<PlaceMention> mentions)
    {
        if (mentions.Count == 0)
        {
            await output.WriteLineAsync("no place mentions");
            return;
        }

        foreach (var m in mentions)
        {
            var place = m.Place is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Name} ({p.Kind.Key()}, {p.Source}) lon {p.Lon:F5} lat {p.Lat:F5} score {m.Score:F2} precision {m.Geoprecision}")
                  + (m.RunnerUp is { } r ? string.Create(CultureInfo.InvariantCulture, $"; runner-up {r.Name} ({r.Kind.Key()}) margin {m.Margin:F2}") : string.Empty)
                : "UNRESOLVED; candidates: " + string.Join(", ", m.Candidates.Take(3).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Entry.Name} ({c.Entry.Kind.Key()}, {c.Score:F2})")));
            await output.WriteLineAsync($"{m.Span.Start}-{m.Span.End}\t{m.Span.Surface}\t{place}");
        }
    }

    private static object ToJson(PlaceMention m) => new
    {
        start = m.Span.Start,
        end = m.Span.End,
        surface = m.Span.Surface,
        cue = m.Span.Cue.Text,
        resolved = m.IsResolved,
        place = m.Place is { } p ? new { id = p.Id, name = p.Name, kind = p.Kind.Key(), source = p.Source, lon = p.Lon, lat = p.Lat, admin1 = p.Admin1Code } : null,
        score = Math.Round(m.Score, 3),
        geoprecision = m.Geoprecision,
        runnerUp = m.RunnerUp is { } r ? new { id = r.Id, name = r.Name, kind = r.Kind.Key() } : null,
        margin = Math.Round(m.Margin, 3),
        candidates = m.Candidates.Take(5).Select(c => new { id = c.Entry.Id, name = c.Entry.Name, kind = c.Entry.Kind.Key(), score = Math.Round(c.Score, 3), reasons = c.Reasons }),
    };

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
