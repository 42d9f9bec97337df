using System.Globalization;
using System.Text.Json;

namespace Territory.Ingestion.Gazetteer;

/// <summary>A feature's properties, looked up by any of several names regardless of case; numbers read as text too.</summary>
internal sealed class JsonProperties
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.OrdinalIgnoreCase);

    public JsonProperties(JsonElement properties)
    {
        if (properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                _values.TryAdd(property.Name, property.Value);
            }
        }
    }

    public IEnumerable<KeyValuePair<string, JsonElement>> All => _values;

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The first of <paramref name="names"/> that holds a non-blank string or a number, trimmed.</summary>
    public string? Text(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_values.TryGetValue(name, out var value))
            {
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> that holds a number (or a numeric string).</summary>
    public double? Number(params ReadOnlySpan<string> names)
    {
        var text = Text(names);
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
