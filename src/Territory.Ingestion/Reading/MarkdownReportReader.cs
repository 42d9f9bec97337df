using System.Text;

namespace Territory.Ingestion.Reading;

/// <summary>
/// A Markdown report (the format of data/samples): the front matter between two "---" lines gives the metadata
/// (title, published, lang, outlet, restates, source); the body keeps its paragraphs and loses only the syntax that
/// is not text (heading marks, emphasis, link targets, images, quote and bullet marks, code fences, HTML tags and
/// comments). The lines of one paragraph are joined with a space, as Markdown renders them.
/// </summary>
public static class MarkdownReportReader
{
    /// <summary>Reads a Markdown report.</summary>
    public static ReportContent Read(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var (frontMatter, body) = FrontMatter.Split(markdown);
        var (text, heading) = new BodyWriter().Write(body);
        if (frontMatter is null)
        {
            return ReportContent.TextOnly(text, heading);
        }

        return new ReportContent(
            text,
            frontMatter.Value("title") ?? heading,
            PublishedHint.Parse(frontMatter.Value("published"), "front matter published") ?? PublishedHint.Parse(frontMatter.Value("date"), "front matter date"),
            ReportContent.AbsoluteHttpUrl(frontMatter.Value("source")) ?? ReportContent.AbsoluteHttpUrl(frontMatter.Value("url"))
                ?? ReportContent.AbsoluteHttpUrl(frontMatter.Value("source_url")) ?? ReportContent.AbsoluteHttpUrl(frontMatter.Value("canonical")),
            frontMatter.Value("outlet") ?? frontMatter.Value("publisher"),
            ReportContent.LanguageTag(frontMatter.Value("lang") ?? frontMatter.Value("language")),
            frontMatter.List("restates"),
            frontMatter.Raw);
    }

    /// <summary>The YAML-like header: "key: value" lines, inline lists "[a, b]" and block lists ("- a" lines).</summary>
    internal sealed class FrontMatter
    {
        private readonly Dictionary<string, string> _raw = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyDictionary<string, string> Raw => _raw.AsReadOnly();

        /// <summary>The front matter (null when there is none) and the body after it.</summary>
        public static (FrontMatter? FrontMatter, string Body) Split(string text)
        {
            if (!text.StartsWith("---", StringComparison.Ordinal))
            {
                return (null, text);
            }

            var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
            if (firstEnd < 0 || !text.AsSpan(3, firstEnd - 3).IsWhiteSpace())
            {
                return (null, text);
            }

            var lines = new List<string>();
            var position = firstEnd + 1;
            while (position <= text.Length)
            {
                var end = text.IndexOf('\n', position);
                var line = end < 0 ? text[position..] : text[position..end];
                var next = end < 0 ? text.Length + 1 : end + 1;
                if (line.TrimEnd() is "---" or "...")
                {
                    var frontMatter = Parse(lines);
                    return frontMatter is null ? (null, text) : (frontMatter, next > text.Length ? string.Empty : text[next..]);
                }

                lines.Add(line);
                position = next;
            }

            return (null, text); // no closing line: a thematic break, not a front matter
        }

        public string? Value(string key) => _values.TryGetValue(key, out var values) && values.Count > 0 && values[0].Length > 0 ? values[0] : null;

        public IReadOnlyList<string> List(string key) => _values.TryGetValue(key, out var values) ? [.. values.Where(v => v.Length > 0)] : [];

        private static FrontMatter? Parse(List<string> lines)
        {
            var result = new FrontMatter();
            string? listKey = null;
            foreach (var line in lines)
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                if (listKey is not null && trimmed.StartsWith('-') && (trimmed.Length == 1 || trimmed[1] == ' '))
                {
                    var item = Unquote(trimmed[1..].Trim());
                    result._values[listKey].Add(item);
                    result._raw[listKey] = "[" + string.Join(", ", result._values[listKey]) + "]";
                    continue;
                }

                var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || !IsKey(trimmed.AsSpan(0, colon)))
                {
                    return null; // not key: value lines: not a front matter
                }

                var key = trimmed[..colon];
                var value = trimmed[(colon + 1)..].Trim();
                result._raw[key] = value;
                listKey = value.Length == 0 ? key : null;
                result._values[key] = value.StartsWith('[') && value.EndsWith(']') ? SplitList(value[1..^1]) : value.Length == 0 ? [] : [Unquote(value)];
            }

            return result;
        }

        private static bool IsKey(ReadOnlySpan<char> key)
        {
            foreach (var c in key)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
                {
                    return false;
                }
            }

            return char.IsAsciiLetter(key[0]) || key[0] == '_';
        }

        // "AFP, \"Reuters, London\", 'SOHR'" → AFP | Reuters, London | SOHR.
        private static List<string> SplitList(string inner)
        {
            var items = new List<string>();
            var current = new StringBuilder();
            char quote = '\0';
            foreach (var c in inner)
            {
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }

                    current.Append(c);
                }
                else if (c is '"' or '\'' && current.ToString().Trim().Length == 0)
                {
                    quote = c;
                    current.Append(c);
                }
                else if (c == ',')
                {
                    items.Add(Unquote(current.ToString().Trim()));
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            if (current.ToString().Trim() is { Length: > 0 } last)
            {
                items.Add(Unquote(last));
            }

            return items;
        }

        private static string Unquote(string value)
        {
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }

            return value;
        }
    }

    /// <summary>Writes the body's blocks: paragraphs, headings, list items, quotes, code.</summary>
    private sealed class BodyWriter
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _paragraph = new();
        private int _pendingBreaks;
        private string? _heading;
        private bool _hardBreak;

        public (string Text, string? Heading) Write(string body)
        {
            string? fence = null;
            var inComment = false;
            foreach (var rawLine in body.Split('\n'))
            {
                var line = rawLine;
                if (fence is not null)
                {
                    if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
                    {
                        fence = null;
                        Break(1);
                    }
                    else
                    {
                        Emit(line, 1);
                    }

                    continue;
                }

                if (inComment)
                {
                    var close = line.IndexOf("-->", StringComparison.Ordinal);
                    if (close < 0)
                    {
                        continue;
                    }

                    inComment = false;
                    line = line[(close + 3)..];
                }

                var content = line.TrimStart();
                if (content.StartsWith("<!--", StringComparison.Ordinal) && !content.Contains("-->", StringComparison.Ordinal))
                {
                    FlushParagraph();
                    inComment = true;
                    continue;
                }

                // Quote marks go; what they quote is read like any other line.
                var quoted = false;
                while (content.StartsWith('>'))
                {
                    content = content[1..].TrimStart();
                    quoted = true;
                }

                if (content.Length == 0)
                {
                    FlushParagraph();
                    Break(quoted ? 1 : 2);
                    continue;
                }

                if ((content.StartsWith("```", StringComparison.Ordinal) || content.StartsWith("~~~", StringComparison.Ordinal)) && Indent(line) < 4)
                {
                    FlushParagraph();
                    Break(1);
                    fence = content[..(content.Length - content.TrimStart(content[0]).Length)];
                    continue;
                }

                if (IsSetextUnderline(content) && _paragraph.Length > 0)
                {
                    var heading = FlushParagraph();
                    if (content[0] == '=' && _heading is null)
                    {
                        _heading = heading;
                    }

                    Break(1);
                    continue;
                }

                if (IsThematicBreak(content))
                {
                    FlushParagraph();
                    Break(2);
                    continue;
                }

                if (IsReferenceDefinition(content))
                {
                    continue;
                }

                if (AtxHeading(content) is { } atx)
                {
                    FlushParagraph();
                    Break(1);
                    var text = Inline.Strip(atx.Text);
                    if (atx.Level == 1 && _heading is null && text.Trim().Length > 0)
                    {
                        _heading = text.Trim();
                    }

                    Emit(text, 1);
                    Break(1);
                    continue;
                }

                if (IsTableDelimiterRow(content))
                {
                    continue;
                }

                if (BulletItem(content) is { } item)
                {
                    FlushParagraph();
                    Break(1);
                    content = item;
                }
                else if (char.IsAsciiDigit(content[0]) && IsOrderedItem(content))
                {
                    FlushParagraph();
                    Break(1);
                }

                AddToParagraph(line, content);
            }

            FlushParagraph();
            return (_text.ToString().Trim(), _heading);
        }

        private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

        private void AddToParagraph(string line, string content)
        {
            if (_paragraph.Length > 0)
            {
                _paragraph.Append(_hardBreak ? '\n' : ' ');
            }

            // A hard line break: two trailing spaces or a backslash.
            _hardBreak = line.EndsWith("  ", StringComparison.Ordinal) || (content.EndsWith('\\') && !content.EndsWith("\\\\", StringComparison.Ordinal));
            content = content.TrimEnd();
            if (_hardBreak && content.EndsWith('\\'))
            {
                content = content[..^1];
            }

            _paragraph.Append(content);
        }

        private string? FlushParagraph()
        {
            _hardBreak = false;
            if (_paragraph.Length == 0)
            {
                return null;
            }

            var text = Inline.Strip(_paragraph.ToString());
            _paragraph.Clear();
            Emit(text, 0);
            return text.Trim();
        }

        private void Emit(string text, int breaksAfter)
        {
            if (text.Trim().Length == 0)
            {
                return;
            }

            if (_text.Length > 0)
            {
                _text.Append('\n', Math.Max(1, _pendingBreaks));
            }

            _text.Append(text.TrimEnd());
            _pendingBreaks = breaksAfter;
        }

        private void Break(int lines) => _pendingBreaks = Math.Max(_pendingBreaks, lines);

        private static bool IsSetextUnderline(string content)
        {
            var trimmed = content.TrimEnd();
            return trimmed.Length >= 1 && (trimmed[0] == '=' || (trimmed[0] == '-' && trimmed.Length >= 2)) && trimmed.AsSpan().IndexOfAnyExcept(trimmed[0]) < 0;
        }

        private static bool IsThematicBreak(string content)
        {
            var c = content[0];
            if (c is not ('-' or '*' or '_'))
            {
                return false;
            }

            var count = 0;
            foreach (var x in content)
            {
                if (x == c)
                {
                    count++;
                }
                else if (x is not (' ' or '\t'))
                {
                    return false;
                }
            }

            return count >= 3;
        }

        // "[1]: https://example.org/a": a link target, not text.
        private static bool IsReferenceDefinition(string content)
        {
            if (content[0] != '[')
            {
                return false;
            }

            var close = content.IndexOf("]:", StringComparison.Ordinal);
            return close > 1 && content.IndexOf(']', 1) == close && content.AsSpan(close + 2).Trim().Length > 0 && !content.AsSpan(close + 2).Trim().Contains(' ');
        }

        private static (int Level, string Text)? AtxHeading(string content)
        {
            var level = 0;
            while (level < content.Length && content[level] == '#')
            {
                level++;
            }

            if (level is 0 or > 6 || (level < content.Length && content[level] is not (' ' or '\t')))
            {
                return null;
            }

            var text = content[level..].Trim();
            var closing = text.TrimEnd('#');
            if (closing.Length == 0 || closing[^1] is ' ' or '\t')
            {
                text = closing.TrimEnd();
            }

            return (level, text);
        }

        private static bool IsTableDelimiterRow(string content)
        {
            if (!content.Contains('-') || !content.Contains('|'))
            {
                return false;
            }

            foreach (var c in content)
            {
                if (c is not ('|' or '-' or ':' or ' ' or '\t'))
                {
                    return false;
                }
            }

            return true;
        }

        private static string? BulletItem(string content) =>
            content.Length >= 2 && content[0] is '-' or '*' or '+' && content[1] is ' ' or '\t' ? content[2..].TrimStart() : null;

        private static bool IsOrderedItem(string content)
        {
            var i = 0;
            while (i < content.Length && i < 9 && char.IsAsciiDigit(content[i]))
            {
                i++;
            }

            return i > 0 && i + 1 < content.Length && content[i] is '.' or ')' && content[i + 1] == ' ';
        }
    }

    /// <summary>Inline syntax: escapes, code spans, images, links, autolinks, HTML tags and comments, emphasis and strikethrough.</summary>
    internal static class Inline
    {
        private const int MaxLinkDepth = 4;

        public static string Strip(string text) => Strip(text, 0);

        private static string Strip(string text, int depth)
        {
            if (text.AsSpan().IndexOfAny("\\`![<*_~") < 0)
            {
                return text;
            }

            var output = new StringBuilder(text.Length);
            var runs = new List<DelimiterRun>();
            var brackets = depth < MaxLinkDepth && text.Contains('[') ? Match(text, '[', ']') : null;
            var parens = brackets is not null && text.Contains("](", StringComparison.Ordinal) ? Match(text, '(', ')') : null;
            var noClosingTicks = new HashSet<int>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                switch (c)
                {
                    case '\\' when i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] is > ' ' and < '\u007F':
                        output.Append(text[i + 1]);
                        i += 2;
                        continue;
                    case '`':
                        i = CodeSpan(text, i, output, noClosingTicks);
                        continue;
                    case '!' when i + 1 < text.Length && text[i + 1] == '[' && Link(text, i + 1, brackets, parens) is { } image:
                        i = image.End; // an image is not text, nor is its description
                        continue;
                    case '[' when Link(text, i, brackets, parens) is { } link:
                        output.Append(Strip(text[(i + 1)..link.TextEnd], depth + 1));
                        i = link.End;
                        continue;
                    case '<' when Angle(text, i, output) is var end && end > i:
                        i = end;
                        continue;
                    case '*' or '_' or '~':
                        i = Run(text, i, output, runs);
                        continue;
                    default:
                        output.Append(c);
                        i++;
                        continue;
                }
            }

            return runs.Count == 0 ? output.ToString() : RemoveMatchedRuns(output, runs);
        }

        // For each opening character, the index of its match (or -1), found with one stack pass.
        private static int[] Match(string text, char open, char close)
        {
            var match = new int[text.Length];
            Array.Fill(match, -1);
            var stack = new Stack<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == open)
                {
                    stack.Push(i);
                }
                else if (text[i] == close && stack.Count > 0)
                {
                    match[stack.Pop()] = i;
                }
            }

            return match;
        }

        // [text](target), [text][ref], [text][]: the text stays, the target goes.
        private static (int TextEnd, int End)? Link(string text, int open, int[]? brackets, int[]? parens)
        {
            if (brackets is null || brackets[open] < 0)
            {
                return null;
            }

            var close = brackets[open];
            var next = close + 1;
            if (next < text.Length && text[next] == '(' && parens is not null && parens[next] > next)
            {
                return (close, parens[next] + 1);
            }

            if (next < text.Length && text[next] == '[' && brackets[next] > next)
            {
                return (close, brackets[next] + 1);
            }

            return null;
        }

        private static int CodeSpan(string text, int start, StringBuilder output, HashSet<int> noClosing)
        {
            var length = 1;
            while (start + length < text.Length && text[start + length] == '`')
            {
                length++;
            }

            var from = start + length;
            if (!noClosing.Contains(length))
            {
                for (var j = text.IndexOf('`', from); j >= 0; j = text.IndexOf('`', j))
                {
                    var run = 1;
                    while (j + run < text.Length && text[j + run] == '`')
                    {
                        run++;
                    }

                    if (run == length)
                    {
                        var inner = text.AsSpan(from, j - from);
                        if (inner.Length >= 2 && inner[0] == ' ' && inner[^1] == ' ' && !inner.IsWhiteSpace())
                        {
                            inner = inner[1..^1];
                        }

                        output.Append(inner);
                        return j + run;
                    }

                    j += run;
                }

                noClosing.Add(length); // none later either: each search scans the rest once
            }

            output.Append('`', length);
            return from;
        }

        // <https://…> keeps the address; <!-- … --> and HTML tags go; <br> is a line break. Anything else is a literal '<'.
        private static int Angle(string text, int start, StringBuilder output)
        {
            if (text.AsSpan(start).StartsWith("<!--"))
            {
                var end = text.IndexOf("-->", start + 4, StringComparison.Ordinal);
                return end < 0 ? start : end + 3;
            }

            var close = text.IndexOf('>', start + 1);
            if (close < 0 || close - start > 300)
            {
                return start;
            }

            var inner = text.AsSpan(start + 1, close - start - 1);
            if (inner.IsEmpty || inner.Contains('<') || inner.Contains('\n'))
            {
                return start;
            }

            var colon = inner.IndexOf(':');
            if (colon > 1 && !inner.Contains(' ') && inner[..colon].IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") < 0)
            {
                output.Append(inner);
                return close + 1;
            }

            var name = inner[0] == '/' ? inner[1..] : inner;
            var nameEnd = name.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
            var tag = nameEnd < 0 ? name : name[..nameEnd];
            if (tag.IsEmpty || !char.IsAsciiLetter(tag[0]) || (nameEnd >= 0 && name[nameEnd] is not (' ' or '/' or '\t')))
            {
                return start;
            }

            if (tag.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                output.Append('\n');
            }

            return close + 1;
        }

        private static int Run(string text, int start, StringBuilder output, List<DelimiterRun> runs)
        {
            var c = text[start];
            var length = 1;
            while (start + length < text.Length && text[start + length] == c)
            {
                length++;
            }

            var before = start > 0 ? text[start - 1] : ' ';
            var after = start + length < text.Length ? text[start + length] : ' ';
            var left = !char.IsWhiteSpace(after) && (!IsPunctuation(after) || char.IsWhiteSpace(before) || IsPunctuation(before));
            var right = !char.IsWhiteSpace(before) && (!IsPunctuation(before) || char.IsWhiteSpace(after) || IsPunctuation(after));
            var (canOpen, canClose) = c switch
            {
                '_' => (left && (!right || IsPunctuation(before)), right && (!left || IsPunctuation(after))),
                '~' when length != 2 => (false, false), // a single tilde is "about": "~30 km"
                _ => (left, right),
            };

            if (canOpen || canClose)
            {
                runs.Add(new DelimiterRun(c, output.Length, length, canOpen, canClose));
            }

            output.Append(c, length);
            return start + length;
        }

        private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

        // Pairs each closing run with the nearest open run of the same character; matched characters are dropped.
        private static string RemoveMatchedRuns(StringBuilder output, List<DelimiterRun> runs)
        {
            var open = new Dictionary<char, Stack<DelimiterRun>>();
            foreach (var run in runs)
            {
                if (run.CanClose && open.TryGetValue(run.Char, out var stack))
                {
                    while (run.Left > 0 && stack.Count > 0)
                    {
                        var opener = stack.Peek();
                        var k = Math.Min(opener.Left, run.Left);
                        opener.Left -= k;
                        run.Left -= k;
                        if (opener.Left == 0)
                        {
                            stack.Pop();
                        }
                    }
                }

                if (run.CanOpen && run.Left > 0)
                {
                    if (!open.TryGetValue(run.Char, out stack))
                    {
                        open[run.Char] = stack = new Stack<DelimiterRun>();
                    }

                    stack.Push(run);
                }
            }

            // Runs never matched keep their characters (Left == Length).
            var result = new StringBuilder(output.Length);
            var position = 0;
            foreach (var run in runs)
            {
                result.Append(output, position, run.Position - position);
                result.Append(run.Char, run.Left);
                position = run.Position + run.Length;
            }

            result.Append(output, position, output.Length - position);
            return result.ToString();
        }

        private sealed class DelimiterRun(char c, int position, int length, bool canOpen, bool canClose)
        {
            public char Char { get; } = c;

            public int Position { get; } = position;

            public int Length { get; } = length;

            public bool CanOpen { get; } = canOpen;

            public bool CanClose { get; } = canClose;

            /// <summary>Characters not matched yet (and so kept).</summary>
            public int Left { get; set; } = length;
        }
    }
}
