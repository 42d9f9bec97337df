using System.Text.Json;

namespace Territory.Ingestion.Gazetteer;

/// <summary>Parses a JSON gazetteer file, turning a syntax error into a format error that names the line.</summary>
internal static class GazetteerJson
{
    public static JsonDocument Parse(Stream utf8Json, string fileName)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw SourcePosition.Line(fileName, line).Error($"not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The features of a FeatureCollection (or the one Feature of a file holding a single Feature).</summary>
    public static IReadOnlyList<JsonElement> Features(JsonElement root, string fileName)
    {
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "FeatureCollection" when root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array => [.. features.EnumerateArray()],
            "Feature" => [root],
            _ => throw new SourcePosition(fileName, "top level").Error($"expected a GeoJSON FeatureCollection, found {(type is null ? "no type" : $"type '{type}'")}"),
        };
    }
}
