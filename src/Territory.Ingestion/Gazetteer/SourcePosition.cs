using System.Globalization;
using Territory.Domain.Places;

namespace Territory.Ingestion.Gazetteer;

/// <summary>Where a reader is in a file (line, feature...), to say so in its errors.</summary>
internal readonly record struct SourcePosition(string FileName, string Location)
{
    public static SourcePosition Line(string fileName, long line) => new(fileName, $"line {line}");

    public static SourcePosition Feature(string fileName, int feature) => new(fileName, $"feature {feature}");

    public GazetteerFormatException Error(string problem) => new(FileName, Location, problem);

    public GazetteerFormatException Error(string problem, Exception inner) => new(FileName, Location, problem, inner);

    /// <summary>A decimal number written with a dot, or an error naming the field.</summary>
    public double Number(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error($"{field} is empty");
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error($"{field} '{text}' is not a number");
        }

        return value;
    }

    /// <summary>A whole non-negative number, null when empty, or an error naming the field.</summary>
    public int? Count(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0 || value > int.MaxValue)
        {
            throw Error($"{field} '{text}' is not a whole number from 0 to {int.MaxValue}");
        }

        return (int)value;
    }
}
