using System.Globalization;
using System.Text;

namespace Territory.Data.Export;

/// <summary>
/// RFC 4180 CSV: a header row, CRLF line ends, and a field quoted (with its quotes doubled) when it holds a comma, a
/// quote, a CR or an LF. Numbers are written in the invariant culture; null is an empty field.
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;

    public CsvTable(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _columns = header.Length;
        Row(header);
    }

    /// <summary>Appends one record; it must have as many fields as the header.</summary>
    public CsvTable Row(params object?[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length != _columns)
        {
            throw new ArgumentException($"a row has {fields.Length} fields; the header has {_columns}", nameof(fields));
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            var text = fields[i] switch
            {
                null => string.Empty,
                double d => d.ToString("0.######", CultureInfo.InvariantCulture),
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? string.Empty,
            };
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                _text.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _text.Append(text);
            }
        }

        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();
}
