using System.Text;

namespace Territory.Ingestion.Gazetteer;

/// <summary>Comma-separated records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks), each with its first line number.</summary>
internal static class CsvRecords
{
    public static IEnumerable<(long Line, string[] Fields)> Read(TextReader text, string fileName)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = text.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (text.Peek() == '"')
                    {
                        text.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case '"':
                    throw SourcePosition.Line(fileName, line).Error("a quote inside an unquoted field (quote the whole field and double the quote)");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return (recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }

        if (quoted)
        {
            throw SourcePosition.Line(fileName, recordLine).Error("a quoted field is not closed before the end of the file");
        }

        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Length > 0)
        {
            yield return (recordLine, fields.ToArray());
        }
    }
}
