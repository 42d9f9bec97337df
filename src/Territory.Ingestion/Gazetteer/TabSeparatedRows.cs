namespace Territory.Ingestion.Gazetteer;

/// <summary>The rows of a GeoNames-style tab-separated file: no header, blank and # lines skipped, each row with its position.</summary>
internal static class TabSeparatedRows
{
    /// <summary>Yields each row's columns; a row whose column count is outside <paramref name="minColumns"/>..<paramref name="maxColumns"/> stops the reading.</summary>
    public static IEnumerable<(SourcePosition At, string[] Columns)> Read(TextReader text, string fileName, int minColumns, int maxColumns, string format)
    {
        ArgumentNullException.ThrowIfNull(text);
        long lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var at = SourcePosition.Line(fileName, lineNumber);
            var columns = line.Split('\t');
            if (columns.Length < minColumns || columns.Length > maxColumns)
            {
                var expected = minColumns == maxColumns ? $"{minColumns}" : $"{minColumns} to {maxColumns}";
                throw at.Error($"expected {expected} tab-separated columns ({format}), found {columns.Length}");
            }

            yield return (at, columns);
        }
    }
}
