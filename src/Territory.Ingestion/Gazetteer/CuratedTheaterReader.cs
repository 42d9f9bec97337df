using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Domain.Places;

namespace Territory.Ingestion.Gazetteer;

/// <summary>
/// Reads the team's curated theater gazetteer (geo/theater/places.geojson; fields in geo/theater/README.md): one Point
/// feature per place, keyed by its slug <c>id</c>, with its parent's slug and its governorate's P-code.
/// </summary>
public sealed class CuratedTheaterReader
{
    /// <summary>The source the records are stored under.</summary>
    public string Source { get; init; } = GazetteerSources.Curated;

    public IEnumerable<PlaceRecord> Read(Stream utf8Json, string fileName)
    {
        using var document = GazetteerJson.Parse(utf8Json, fileName);
        var features = GazetteerJson.Features(document.RootElement, fileName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            var at = SourcePosition.Feature(fileName, i + 1);
            var feature = features[i];
            var id = feature.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(id))
            {
                throw at.Error("the feature has no string id");
            }

            at = new SourcePosition(fileName, $"feature {i + 1} ({id})");
            if (!seen.Add(id))
            {
                throw at.Error($"id '{id}' is used twice");
            }

            var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : throw at.Error("the feature has no properties");
            var bag = new JsonProperties(properties);
            var kindKey = bag.Text("kind");
            if (!PlaceKinds.TryParse(kindKey, out var kind))
            {
                throw at.Error($"kind '{kindKey}' is not one of: {string.Join(", ", PlaceKinds.Keys)}");
            }

            var name = bag.Text("name") ?? throw at.Error("the feature has no name");
            if ((feature.TryGetProperty("geometry", out var g) ? GeoJsonGeometry.Read(g, at) : null) is not Point point)
            {
                throw at.Error("the geometry must be a Point");
            }

            var names = new List<PlaceName> { new(name, "und") };
            if (properties.TryGetProperty("names", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    var spelling = new JsonProperties(entry);
                    var text = spelling.Text("text") ?? throw at.Error("a names entry has no text");
                    var language = spelling.Text("lang") ?? "und";
                    var placeName = new PlaceName(text, language);
                    if (text == name && names[0].Language == "und")
                    {
                        names[0] = placeName; // the display name, tagged with its language
                    }
                    else if (!names.Contains(placeName))
                    {
                        names.Add(placeName);
                    }
                }
            }

            yield return new PlaceRecord(Source, id, kind, name, point, names)
            {
                ParentKey = bag.Text("parent"),
                Admin1Code = bag.Text("governorate"),
                Pcode = bag.Text("pcode"),
                Population = at.Count(bag.Text("population"), "population"),
            };
        }
    }
}
