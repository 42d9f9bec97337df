using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Territory.Data;
using Territory.Data.Export;
using Territory.Data.Measure;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory area --from 2024-11-27 --to 2024-11-30 --region "Alep" [--place X --radius-km N] [--polygon FILE.geojson]
/// [--date D] --format table|csv|json</c>: km² per actor inside a region, as the web app's /api/measure.
/// </summary>
internal static class AreaCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var region = new Option<string?>("--region") { Description = "a governorate, district or subdistrict: P-code (SY02) or name (Alep)" };
        var place = new Option<string?>("--place") { Description = "the place at the centre of a circle (id or name), with --radius-km" };
        var radius = new Option<string?>("--radius-km") { Description = "the circle's radius in km" };
        var polygon = new Option<FileInfo?>("--polygon") { Description = "a GeoJSON file holding a Polygon or MultiPolygon (lon/lat)" };
        var date = new Option<string?>("--date") { Description = "one day, YYYY-MM-DD (default: the latest day with territories)" };
        var from = new Option<string?>("--from") { Description = "the first day to compare, YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "the second day, YYYY-MM-DD (default: the latest day with territories)" };
        var format = new Option<string>("--format") { Description = "table (default), csv (one row per actor) or json (everything, as /api/measure)", DefaultValueFactory = _ => "table" };

        var command = new Command("area", "km² per actor inside a region (lower and upper bound), the change between two days, and the places that changed hands");
        foreach (var option in new Option[] { region, place, radius, polygon, date, from, to, format })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            var chosen = parse.GetValue(format)?.Trim().ToLowerInvariant();
            if (chosen is not ("table" or "csv" or "json"))
            {
                await console.Error.WriteLineAsync($"territory: --format: use table, csv or json, not '{chosen}'");
                return 2;
            }

            string? geoJson = null;
            if (parse.GetValue(polygon) is { } file)
            {
                if (!file.Exists)
                {
                    await console.Error.WriteLineAsync($"territory: --polygon: {file.FullName} does not exist");
                    return 2;
                }

                geoJson = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }

            var errors = new Dictionary<string, string>();
            var request = MeasureRequest.Parse(parse.GetValue(region), parse.GetValue(place), parse.GetValue(radius), geoJson, parse.GetValue(date), parse.GetValue(from), parse.GetValue(to), errors);
            if (request is null)
            {
                foreach (var (name, message) in errors)
                {
                    await console.Error.WriteLineAsync($"territory: --{Option(name)}: {message}");
                }

                return 2;
            }

            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            MeasureResult result;
            try
            {
                result = await new MeasureStore(services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System).MeasureAsync(request.Region, request.From, request.To, cancellationToken);
            }
            catch (MeasureRegionNotFoundException e)
            {
                await console.Error.WriteLineAsync($"territory: --{Option(e.Parameter)}: {e.Message}");
                return 1;
            }

            await console.Out.WriteAsync(chosen switch
            {
                "json" => JsonSerializer.Serialize(result, Json) + Environment.NewLine,
                "csv" => Csv(result),
                _ => Table(result),
            });
            return 0;
        }));
        return command;
    }

    private static string Option(string parameter) => parameter switch
    {
        "radiusKm" => "radius-km",
        var other => other,
    };

    private static string Csv(MeasureResult result)
    {
        var table = new CsvTable("region", "from", "to", "actor", "actor_name", "held_from_km2", "upper_from_km2", "held_to_km2", "upper_to_km2",
            "change_held_km2", "change_upper_km2", "method");
        foreach (var a in result.Actors)
        {
            table.Row(result.Region.Name, result.From, result.To, a.Actor, a.Name, Round(a.From?.HeldKm2), Round(a.From?.UpperKm2), Round(a.To.HeldKm2),
                Round(a.To.UpperKm2), Round(a.Change?.HeldKm2), Round(a.Change?.UpperKm2), result.Method);
        }

        return table.ToString();
    }

    private static string Table(MeasureResult result)
    {
        var r = result.Region;
        var lines = new List<string>
        {
            Invariant($"{r.Name} ({r.Kind}{(r.Pcode is null ? string.Empty : " " + r.Pcode)}{(r.RadiusKm is { } km ? Invariant($", {km} km around place {r.PlaceId}") : string.Empty)}): {r.AreaKm2:N1} km²"),
            result.From is { } f ? Invariant($"{f:yyyy-MM-dd} → {result.To:yyyy-MM-dd}") : Invariant($"{result.To:yyyy-MM-dd}"),
            string.Empty,
        };
        var rows = new List<string[]> { result.From is null ? ["actor", "held km²", "upper km²"] : ["actor", "held before", "upper before", "held after", "upper after", "Δ held", "Δ upper"] };
        foreach (var a in result.Actors)
        {
            rows.Add(result.From is null
                ? [a.Actor, Km(a.To.HeldKm2), Km(a.To.UpperKm2)]
                : [a.Actor, Km(a.From!.HeldKm2), Km(a.From.UpperKm2), Km(a.To.HeldKm2), Km(a.To.UpperKm2), Signed(a.Change!.HeldKm2), Signed(a.Change.UpperKm2)]);
        }

        rows.Add(result.From is null ? ["contested", Km(result.ContestedToKm2), string.Empty] : ["contested", Km(result.ContestedFromKm2!.Value), string.Empty, Km(result.ContestedToKm2), string.Empty, Signed(result.ContestedToKm2 - result.ContestedFromKm2.Value), string.Empty]);
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        lines.AddRange(rows.Select(row => string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd()));
        if (result.From is not null)
        {
            lines.Add(string.Empty);
            lines.Add(result.ChangedPlaces.Count == 0 ? "No place changed hands." : $"Places that changed hands ({result.ChangedPlaces.Count}{(result.ChangedPlacesTruncated ? "+" : string.Empty)}):");
            foreach (var p in result.ChangedPlaces)
            {
                lines.Add($"  {p.Name} ({p.Kind}, id {p.PlaceId}): {p.Before} → {p.After}");
                foreach (var e in p.Events)
                {
                    lines.Add(Invariant($"    event {e.Id} ({e.Kind}{(e.Tier is null ? string.Empty : ", " + e.Tier)}, {e.DayFrom:yyyy-MM-dd}, {e.Status})"));
                    lines.AddRange(e.Sources.Select(s => $"      report {s.ReportId} {s.Outlet}: “{s.Quote.ReplaceLineEndings(" ")}”"));
                }
            }
        }

        lines.Add(string.Empty);
        lines.Add("Method: " + result.Method);
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static double? Round(double? km2) => km2 is { } v ? Math.Round(v, 3) : null;

    private static string Km(double km2) => km2.ToString("N1", CultureInfo.InvariantCulture);

    private static string Signed(double km2) => km2.ToString("+#,##0.0;-#,##0.0;0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
