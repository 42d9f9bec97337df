using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Territory.Ingestion.Reading;

/// <summary>
/// An HTML page → plain text with its paragraphs, and what the page says about itself (title, publication date,
/// canonical address, site, language). Scripts, styles, forms, comments and site chrome (nav, page header and
/// footer, asides) are dropped. When the page has one &lt;article&gt; (or one &lt;main&gt;) holding most of its
/// text, only that is read, so "related news" lists around it stay out.
/// </summary>
public static class HtmlReportReader
{
    private const int MaxMetadataValue = 2000;

    /// <summary>The deepest element nesting read. HTML tree building costs time in proportion to depth for every element, so a page
    /// nested tens of thousands deep (never a news page) would take seconds: it is refused before parsing.</summary>
    public const int MaxNesting = 1000;

    // A lone <article> or <main> is the story only when it holds at least this share of the page's text.
    private const double MinRootShare = 0.4;

    private static readonly FrozenSet<string> Dropped = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object", "embed", "canvas", "audio", "video",
        "nav", "footer", "aside", "form", "button", "select", "textarea", "input", "dialog", "map", "head", "title", "meta", "link", "base");

    private static readonly FrozenSet<string> DroppedRoles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alert", "menu", "menubar", "toolbar");

    private static readonly FrozenSet<string> ParagraphBlocks = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "article", "section", "main", "header", "pre", "figure", "figcaption",
        "table", "caption", "ul", "ol", "dl", "hr", "address", "details", "summary", "fieldset", "legend", "center", "body", "html");

    private static readonly FrozenSet<string> LineBlocks = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "li", "tr", "dt", "dd");

    private static readonly FrozenSet<string> Cells = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "td", "th");

    // Meta names or properties giving the publication date, best first.
    private static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date", "sailthru.date",
        "parsely-pub-date",
    ];

    private static readonly string[] MetadataPrefixes = ["og:", "article:", "dc.", "dcterms."];

    private static readonly FrozenSet<string> MetadataNames = FrozenSet.Create(
        StringComparer.Ordinal, "description", "author", "keywords", "news_keywords", "date", "pubdate", "publishdate", "twitter:title", "twitter:description",
        "datepublished", "datemodified");

    [ThreadStatic]
    private static HtmlParser? _parser;

    // A parser holds only its options and a browsing context; each call builds its own document. One per thread.
    private static HtmlParser Parser => _parser ??= new HtmlParser(new HtmlParserOptions
    {
        IsScripting = true, // so that <noscript> content is one text node inside the element, dropped with it
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    });

    /// <summary>Reads an HTML page.</summary>
    /// <exception cref="ReportRejectedException">The page nests elements more than <see cref="MaxNesting"/> deep.</exception>
    public static ReportContent Read(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var nesting = NestingDepth(html);
        if (nesting > MaxNesting)
        {
            throw new ReportRejectedException(
                ReportRejection.Malformed,
                string.Create(CultureInfo.InvariantCulture, $"the page nests its elements {nesting:N0} deep (the limit is {MaxNesting:N0}): it is not a readable news page"));
        }

        using var document = Parser.ParseDocument(html);
        var page = PageFacts.Collect(document);

        var body = (IElement?)document.Body ?? document.DocumentElement;
        var text = TextOf(body);
        var root = page.ContentRoot;
        if (root is not null && root != body)
        {
            var rootText = TextOf(root);
            if (rootText.Length >= MinRootShare * text.Length)
            {
                // The headline often sits above the <article>: keep it as the first paragraph.
                text = page.Heading is not null && !root.Contains(page.Heading) && TextOf(page.Heading) is { Length: > 0 } headline
                    ? headline + "\n\n" + rootText
                    : rootText;
            }
        }

        var title = Clean(page.Heading?.TextContent) ?? page.Meta("og:title") ?? page.Meta("twitter:title") ?? Clean(document.Title) ?? page.JsonLd.Headline;
        return new ReportContent(
            text,
            title,
            page.Published(),
            ReportContent.AbsoluteHttpUrl(page.Canonical) ?? ReportContent.AbsoluteHttpUrl(page.Meta("og:url")) ?? ReportContent.AbsoluteHttpUrl(page.JsonLd.Url),
            page.Meta("og:site_name") ?? page.JsonLd.Publisher ?? page.Meta("application-name"),
            ReportContent.LanguageTag(document.DocumentElement?.GetAttribute("lang")) ?? ReportContent.LanguageTag(page.ContentLanguage)
                ?? ReportContent.LanguageTag(page.Meta("og:locale")),
            [],
            page.Metadata(document));
    }

    // Elements that hold raw text up to their end tag, void elements, and elements a following sibling closes implicitly:
    // none of them deepens the tree.
    private static readonly FrozenSet<string> RawText = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript");

    private static readonly FrozenSet<string> Flat = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rp", "rt", "html", "head", "body");

    /// <summary>An estimate of the page's deepest nesting from its start and end tags, in one pass without building anything.</summary>
    internal static int NestingDepth(string html)
    {
        var span = html.AsSpan();
        int depth = 0, deepest = 0;
        for (var lt = span.IndexOf('<'); lt >= 0 && lt + 1 < span.Length; lt = span.IndexOf('<'))
        {
            span = span[(lt + 1)..];
            if (span.StartsWith("!--"))
            {
                var end = span.IndexOf("-->");
                if (end < 0)
                {
                    break;
                }

                span = span[(end + 3)..];
                continue;
            }

            var closing = span[0] == '/';
            var name = closing ? span[1..] : span;
            var length = name.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
            if (length <= 0 || !char.IsAsciiLetter(name[0]))
            {
                continue;
            }

            var tag = name[..length].ToString();
            if (closing)
            {
                depth = Flat.Contains(tag) ? depth : Math.Max(0, depth - 1);
            }
            else if (RawText.Contains(tag))
            {
                // Skip to the end tag: what a script or a style holds is not markup.
                var end = span.IndexOf(("</" + tag).AsSpan(), StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    break;
                }

                span = span[end..];
            }
            else if (!Flat.Contains(tag))
            {
                deepest = Math.Max(deepest, ++depth);
            }
        }

        return deepest;
    }

    private static string TextOf(IElement element)
    {
        var writer = new ParagraphWriter();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((element, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                writer.Write(text.Data);
                continue;
            }

            if (node is not IElement e)
            {
                continue;
            }

            var name = e.LocalName;
            if (exit)
            {
                writer.Leave(name);
                continue;
            }

            if (e != element && IsDropped(e))
            {
                continue;
            }

            writer.Enter(name);
            stack.Push((e, true));
            for (var child = e.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, false));
            }
        }

        return writer.ToString();
    }

    private static bool IsDropped(IElement e)
    {
        var name = e.LocalName;
        if (Dropped.Contains(name) || e.HasAttribute("hidden")
            || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || (e.GetAttribute("role") is { } role && DroppedRoles.Contains(role)))
        {
            return true;
        }

        // A page header is site chrome; an article's own header holds its headline and byline.
        return name == "header" && !HasAncestor(e, "article", "main");
    }

    private static bool HasAncestor(IElement e, string name, string other)
    {
        for (var parent = e.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName == name || parent.LocalName == other)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInDroppedElement(IElement e)
    {
        for (var current = e; current is not null; current = current.ParentElement)
        {
            if (IsDropped(current))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.Length > MaxMetadataValue ? builder.ToString(0, MaxMetadataValue) : builder.ToString();
    }

    /// <summary>Writes text runs as paragraphs: whitespace collapses, blocks break lines, and a blank line separates paragraphs.</summary>
    private sealed class ParagraphWriter
    {
        private readonly StringBuilder _text = new();
        private int _pendingBreaks;
        private bool _pendingSpace;
        private int _pre;

        public void Enter(string name)
        {
            if (name == "br")
            {
                // Two <br> in a row are how many pages separate paragraphs.
                _pendingBreaks = Math.Min(2, _pendingBreaks + 1);
                return;
            }

            if (name == "pre")
            {
                _pre++;
            }

            Boundary(name);
        }

        public void Leave(string name)
        {
            if (name == "pre")
            {
                _pre--;
            }

            Boundary(name);
        }

        public void Write(string data)
        {
            foreach (var c in data)
            {
                if (c == '\n' && _pre > 0)
                {
                    Break(1);
                }
                else if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                }
                else
                {
                    if (_pendingBreaks > 0 && _text.Length > 0)
                    {
                        _text.Append('\n', _pendingBreaks);
                    }
                    else if (_pendingSpace && _text.Length > 0 && _text[^1] != '\n')
                    {
                        _text.Append(' ');
                    }

                    _pendingBreaks = 0;
                    _pendingSpace = false;
                    _text.Append(c);
                }
            }
        }

        public override string ToString() => _text.ToString();

        private void Boundary(string name)
        {
            if (ParagraphBlocks.Contains(name))
            {
                Break(2);
            }
            else if (LineBlocks.Contains(name))
            {
                Break(1);
            }
            else if (Cells.Contains(name))
            {
                _pendingSpace = true;
            }
        }

        private void Break(int lines)
        {
            if (_text.Length > 0)
            {
                _pendingBreaks = Math.Max(_pendingBreaks, lines);
            }
        }
    }

    /// <summary>What the page says about itself, gathered in one pass over its elements.</summary>
    private sealed class PageFacts
    {
        private readonly Dictionary<string, string> _meta = new(StringComparer.Ordinal);
        private string? _itemPropPublished;
        private string? _timePublished;
        private bool _timeIsPubdate;

        public string? Canonical { get; private set; }

        public string? ContentLanguage { get; private set; }

        public IElement? Heading { get; private set; }

        public IElement? ContentRoot { get; private set; }

        public JsonLdFacts JsonLd { get; private set; } = JsonLdFacts.None;

        public static PageFacts Collect(IHtmlDocument document)
        {
            var facts = new PageFacts();
            IElement? article = null, main = null;
            int articles = 0, mains = 0;
            foreach (var e in document.All)
            {
                switch (e.LocalName)
                {
                    case "meta":
                        facts.AddMeta(e);
                        break;
                    case "link" when facts.Canonical is null && HasToken(e.GetAttribute("rel"), "canonical"):
                        facts.Canonical = e.GetAttribute("href");
                        break;
                    case "script" when facts.JsonLd == JsonLdFacts.None && string.Equals(e.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                        facts.JsonLd = JsonLdFacts.Parse(e.TextContent);
                        break;
                    case "h1" when facts.Heading is null && !IsInDroppedElement(e):
                        facts.Heading = e;
                        break;
                    case "article" when !HasAncestor(e, "article", "article"):
                        articles++;
                        article = e;
                        break;
                    case "main":
                        mains++;
                        main = e;
                        break;
                    case "time":
                        facts.AddTime(e);
                        break;
                }

                if (facts._itemPropPublished is null && string.Equals(e.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase))
                {
                    facts._itemPropPublished = e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.TextContent;
                }
            }

            facts.ContentRoot = articles == 1 ? article : mains == 1 ? main : null;
            return facts;
        }

        public string? Meta(string key) => _meta.GetValueOrDefault(key);

        public PublishedHint? Published()
        {
            if (PublishedHint.Parse(Meta("article:published_time"), "meta article:published_time") is { } hint)
            {
                return hint;
            }

            if (PublishedHint.Parse(_itemPropPublished, "itemprop datePublished") is { } itemProp)
            {
                return itemProp;
            }

            if (PublishedHint.Parse(JsonLd.DatePublished, "json-ld datePublished") is { } jsonLd)
            {
                return jsonLd;
            }

            foreach (var key in PublishedMeta)
            {
                if (PublishedHint.Parse(Meta(key), "meta " + key) is { } meta)
                {
                    return meta;
                }
            }

            return PublishedHint.Parse(_timePublished, "time datetime");
        }

        public IReadOnlyDictionary<string, string> Metadata(IHtmlDocument document)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in _meta)
            {
                if (MetadataNames.Contains(key) || MetadataPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
                {
                    metadata[key] = value;
                }
            }

            Add(metadata, "title", Clean(document.Title));
            Add(metadata, "canonical", Canonical?.Trim());
            Add(metadata, "lang", document.DocumentElement?.GetAttribute("lang")?.Trim());
            Add(metadata, "json-ld:headline", JsonLd.Headline);
            Add(metadata, "json-ld:datePublished", JsonLd.DatePublished);
            Add(metadata, "json-ld:publisher", JsonLd.Publisher);
            return metadata.AsReadOnly();
        }

        private static void Add(Dictionary<string, string> metadata, string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                metadata.TryAdd(key, value);
            }
        }

        private static bool HasToken(string? list, string token) =>
            list is not null && list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(token, StringComparer.OrdinalIgnoreCase);

        private void AddMeta(IElement e)
        {
            var content = Clean(e.GetAttribute("content"));
            if (content is null)
            {
                return;
            }

            if (e.GetAttribute("http-equiv") is { } equiv && equiv.Equals("content-language", StringComparison.OrdinalIgnoreCase))
            {
                ContentLanguage ??= content;
            }

            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop"])
            {
                if (e.GetAttribute(attribute) is { Length: > 0 } key)
                {
                    _meta.TryAdd(key.Trim().ToLowerInvariant(), content);
                }
            }
        }

        private void AddTime(IElement e)
        {
            var pubdate = e.HasAttribute("pubdate");
            if ((_timePublished is not null && (_timeIsPubdate || !pubdate)) || e.GetAttribute("datetime") is not { Length: > 0 } value || IsInDroppedElement(e))
            {
                return;
            }

            _timePublished = value;
            _timeIsPubdate = pubdate;
        }
    }

    /// <summary>The few facts read from a page's first JSON-LD block.</summary>
    private sealed record JsonLdFacts(string? DatePublished, string? Headline, string? Publisher, string? Url)
    {
        public static JsonLdFacts None { get; } = new(null, null, null, null);

        private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

        public static JsonLdFacts Parse(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json, Options);
                string? date = null, headline = null, publisher = null, url = null;
                var queue = new Queue<JsonElement>();
                queue.Enqueue(document.RootElement);
                var visited = 0;
                while (queue.Count > 0 && visited++ < 200)
                {
                    var element = queue.Dequeue();
                    if (element.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in element.EnumerateArray())
                        {
                            queue.Enqueue(item);
                        }

                        continue;
                    }

                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    foreach (var property in element.EnumerateObject())
                    {
                        switch (property.Name)
                        {
                            case "datePublished" when property.Value.ValueKind == JsonValueKind.String:
                                date ??= property.Value.GetString();
                                break;
                            case "headline" when property.Value.ValueKind == JsonValueKind.String:
                                headline ??= Clean(property.Value.GetString());
                                break;
                            case "publisher" when property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String:
                                publisher ??= Clean(name.GetString());
                                break;
                            case "url" or "mainEntityOfPage" when property.Value.ValueKind == JsonValueKind.String:
                                url ??= property.Value.GetString();
                                break;
                            case "@graph":
                            case "mainEntity":
                                queue.Enqueue(property.Value);
                                break;
                        }
                    }
                }

                return new JsonLdFacts(date, headline, publisher, url);
            }
            catch (JsonException)
            {
                return None;
            }
        }
    }
}
