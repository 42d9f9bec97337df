using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Territory.Data.Export;

/// <summary>The export files: events as CSV (one row per source sentence) and GeoJSON, territories as GeoJSON, areas as CSV.</summary>
public static class ExportDocuments
{
    private static readonly string[] EventColumns =
    [
        "event_id", "kind", "tier", "status", "day_from", "day_to", "date_precision", "confidence", "rule", "place_id", "place", "lon", "lat",
        "gainer", "loser", "report_id", "outlet", "url", "report_title", "published_on", "quote",
    ];

    /// <summary>One row per event and source sentence; an event without sources has one row with empty source fields.</summary>
    public static string EventsCsv(IEnumerable<ExportedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var table = new CsvTable(EventColumns);
        foreach (var e in events)
        {
            foreach (var s in e.Sources.Count == 0 ? [null] : e.Sources.Cast<SourceQuote?>())
            {
                table.Row(e.Id, e.Kind, e.Tier, e.Status, e.DayFrom, e.DayTo, e.DatePrecision, e.Confidence, e.Rule, e.PlaceId, e.PlaceName, e.Lon, e.Lat,
                    e.Gainer, e.Loser, s?.ReportId, s?.Outlet, s?.Url, s?.Title, s?.PublishedOn, s?.Quote);
            }
        }

        return table.ToString();
    }

    /// <summary>A FeatureCollection of events at their place's point (null geometry when the event has no place), with sources.</summary>
    public static byte[] EventsGeoJson(IEnumerable<ExportedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Write(writer =>
        {
            foreach (var e in events)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteNumber("id", e.Id);
                writer.WritePropertyName("geometry");
                if (e.Lon is { } lon && e.Lat is { } lat)
                {
                    writer.WriteRawValue(string.Create(CultureInfo.InvariantCulture, $$"""{"type":"Point","coordinates":[{{lon:R}},{{lat:R}}]}"""));
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteStartObject("properties");
                writer.WriteNumber("event_id", e.Id);
                writer.WriteString("kind", e.Kind);
                writer.WriteString("tier", e.Tier);
                writer.WriteString("status", e.Status);
                writer.WriteString("day_from", Iso(e.DayFrom));
                writer.WriteString("day_to", Iso(e.DayTo));
                writer.WriteString("date_precision", e.DatePrecision);
                writer.WriteNumber("confidence", Math.Round(e.Confidence, 4));
                writer.WriteString("rule", e.Rule);
                if (e.PlaceId is { } place)
                {
                    writer.WriteNumber("place_id", place);
                }
                else
                {
                    writer.WriteNull("place_id");
                }

                writer.WriteString("place", e.PlaceName);
                writer.WriteString("gainer", e.Gainer);
                writer.WriteString("loser", e.Loser);
                WriteSources(writer, e.Sources);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        });
    }

    /// <summary>
    /// A FeatureCollection of the day's territories with exact geometry, area, event ids and sources. <paramref name="flat"/>
    /// writes the lists as text (event ids comma-separated, sources as JSON), for formats without list fields (GeoPackage).
    /// </summary>
    public static byte[] TerritoriesGeoJson(DateOnly day, IEnumerable<ExportedTerritory> territories, bool flat = false)
    {
        ArgumentNullException.ThrowIfNull(territories);
        return Write(writer =>
        {
            foreach (var t in territories)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WritePropertyName("geometry");
                writer.WriteRawValue(t.GeometryJson);
                writer.WriteStartObject("properties");
                writer.WriteString("day", Iso(day));
                writer.WriteString("actor", t.Actor);
                writer.WriteString("actor_name", t.ActorName);
                writer.WriteString("color", t.Color);
                writer.WriteString("state", t.State);
                writer.WriteNumber("area_km2", Math.Round(t.AreaKm2, 6));
                if (flat)
                {
                    writer.WriteString("event_ids", string.Join(',', t.EventIds));
                    var sources = Write(w => WriteSources(w, t.Sources), bare: true);
                    writer.WriteString("sources", Encoding.UTF8.GetString(sources));
                }
                else
                {
                    writer.WriteStartArray("event_ids");
                    foreach (var id in t.EventIds)
                    {
                        writer.WriteNumberValue(id);
                    }

                    writer.WriteEndArray();
                    WriteSources(writer, t.Sources);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }, ("day", Iso(day)), ("method", ExportStore.AreaMethod));
    }

    /// <summary>One row per day and actor: held (lower bound), contested, upper bound km², and the method.</summary>
    public static string AreasCsv(IEnumerable<DayArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var table = new CsvTable("day", "actor", "actor_name", "held_km2", "contested_km2", "upper_km2", "method");
        foreach (var a in areas)
        {
            table.Row(a.Day, a.Actor, a.Name, Math.Round(a.HeldKm2, 3), Math.Round(a.ContestedKm2, 3), Math.Round(a.UpperKm2, 3), ExportStore.AreaMethod);
        }

        return table.ToString();
    }

    private static void WriteSources(Utf8JsonWriter writer, IReadOnlyList<SourceQuote> sources)
    {
        if (writer.CurrentDepth > 0)
        {
            writer.WritePropertyName("sources");
        }

        writer.WriteStartArray();
        foreach (var s in sources)
        {
            writer.WriteStartObject();
            writer.WriteNumber("event_id", s.EventId);
            writer.WriteNumber("report_id", s.ReportId);
            writer.WriteString("outlet", s.Outlet);
            writer.WriteString("url", s.Url);
            writer.WriteString("title", s.Title);
            writer.WriteString("published_on", s.PublishedOn is { } p ? Iso(p) : null);
            writer.WriteString("quote", s.Quote);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> features, params (string Name, string Value)[] members) => Write(features, false, members);

    private static byte[] Write(Action<Utf8JsonWriter> body, bool bare, params (string Name, string Value)[] members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (bare)
            {
                body(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("type", "FeatureCollection");
                foreach (var (name, value) in members)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteStartArray("features");
                body(writer);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        return stream.ToArray();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
