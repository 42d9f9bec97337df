using Territory.Ingestion.Reading;

namespace Territory.Ingestion.Tests.Reading;

/// <summary>HTML: paragraphs kept, scripts, styles and site chrome dropped, metadata read from the page.</summary>
public class HtmlReportReaderTests
{
    private const string NewsPage = """
        <!DOCTYPE html>
        <html lang="fr-FR">
        <head>
          <meta charset="utf-8">
          <title>Alep : les rebelles prennent la citadelle | Le Quotidien</title>
          <meta property="og:title" content="Alep : les rebelles prennent la citadelle">
          <meta property="og:site_name" content="Le Quotidien">
          <meta property="og:url" content="https://quotidien.example/monde/alep-citadelle?utm_source=x">
          <meta property="article:published_time" content="2024-11-30T09:15:00+01:00">
          <meta name="description" content="Les insurgés contrôlent la majeure partie de la ville.">
          <meta name="viewport" content="width=device-width">
          <link rel="canonical" href="https://quotidien.example/monde/alep-citadelle">
          <style>.article { color: red; } body::before { content: "STYLE-LEAK"; }</style>
          <script>window.dataLayer = []; console.log("SCRIPT-LEAK");</script>
          <script type="application/ld+json">{"@type":"NewsArticle","headline":"Alep : les rebelles prennent la citadelle","datePublished":"2024-11-30T08:00:00Z"}</script>
        </head>
        <body>
          <header class="site"><a href="/">Le Quotidien</a><nav><a href="/monde">Monde</a> <a href="/sport">Sport</a></nav></header>
          <main>
            <article>
              <header>
                <h1>Alep : les rebelles prennent   la citadelle</h1>
                <p class="byline">Par notre correspondant, <time datetime="2024-11-30">30 novembre 2024</time></p>
              </header>
              <p>Les groupes armés sont entrés samedi dans le centre-ville d&#39;Alep et ont pris
                 le contrôle de <strong>nombreux</strong> quartiers.</p>
              <p>Selon l&rsquo;OSDH, les combattants ont atteint la place Saadallah&nbsp;al-Jabiri.<br>Les forces
                 gouvernementales se sont retirées vers le sud.</p>
              <figure><img src="alep.jpg" alt="IMAGE-ALT"><figcaption>Des combattants devant la citadelle.</figcaption></figure>
              <h2>Frappes aériennes</h2>
              <ul><li>Alep</li><li>Idleb</li></ul>
              <blockquote>« Nous ne reculerons pas », a déclaré un commandant.</blockquote>
              <noscript>NOSCRIPT-LEAK</noscript>
              <form><label>Votre e-mail</label><input name="mail"><button>FORM-LEAK</button></form>
              <footer>Partager cet article</footer>
            </article>
            <aside><h3>À lire aussi</h3><p>ASIDE-LEAK</p></aside>
          </main>
          <iframe src="https://ads.example">IFRAME-LEAK</iframe>
          <svg><text>SVG-LEAK</text></svg>
          <template><p>TEMPLATE-LEAK</p></template>
          <!-- COMMENT-LEAK -->
          <footer>© Le Quotidien — FOOTER-LEAK</footer>
          <script>document.write("SCRIPT-LEAK-2")</script>
        </body>
        </html>
        """;

    [Fact]
    public void A_news_page_gives_its_paragraphs_without_chrome_scripts_or_styles()
    {
        var report = HtmlReportReader.Read(NewsPage);
        Assert.Equal(
            """
            Alep : les rebelles prennent la citadelle

            Par notre correspondant, 30 novembre 2024

            Les groupes armés sont entrés samedi dans le centre-ville d'Alep et ont pris le contrôle de nombreux quartiers.

            Selon l’OSDH, les combattants ont atteint la place Saadallah al-Jabiri.
            Les forces gouvernementales se sont retirées vers le sud.

            Des combattants devant la citadelle.

            Frappes aériennes

            Alep
            Idleb

            « Nous ne reculerons pas », a déclaré un commandant.
            """,
            report.Text);
        Assert.DoesNotContain("LEAK", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_news_page_gives_its_metadata()
    {
        var report = HtmlReportReader.Read(NewsPage);
        Assert.Equal("Alep : les rebelles prennent la citadelle", report.Title);
        Assert.Equal(new DateOnly(2024, 11, 30), report.Published!.Date);
        Assert.Equal("meta article:published_time", report.Published.From);
        Assert.Equal(new DateTimeOffset(2024, 11, 30, 9, 15, 0, TimeSpan.FromHours(1)), report.Published.Instant);
        Assert.Equal("https://quotidien.example/monde/alep-citadelle", report.SourceUrl);
        Assert.Equal("Le Quotidien", report.Outlet);
        Assert.Equal("fr", report.Language);
        Assert.Equal("Les insurgés contrôlent la majeure partie de la ville.", report.Metadata["description"]);
        Assert.Equal("Alep : les rebelles prennent la citadelle | Le Quotidien", report.Metadata["title"]);
        Assert.False(report.Metadata.ContainsKey("viewport"));
    }

    [Theory]
    // html → text
    [InlineData("<p>Un</p><p>Deux</p>", "Un\n\nDeux")]
    [InlineData("<div>Un<div>Deux</div></div>Trois", "Un\n\nDeux\n\nTrois")]
    [InlineData("<p>Un<br>Deux<br><br>Trois</p>", "Un\nDeux\n\nTrois")]
    [InlineData("<h1>Titre</h1><h2>Sous-titre</h2><p>Corps</p>", "Titre\n\nSous-titre\n\nCorps")]
    [InlineData("<ol><li>Alep</li><li>Idleb</li></ol><p>Fin</p>", "Alep\nIdleb\n\nFin")]
    [InlineData("<table><tr><th>Lieu</th><th>Date</th></tr><tr><td>Alep</td><td>30 nov.</td></tr></table>", "Lieu Date\nAlep 30 nov.")]
    [InlineData("<section><p>A</p></section><blockquote>B</blockquote><article>C</article><article>D</article>", "A\n\nB\n\nC\n\nD")]
    [InlineData("<p>  Espaces\n\t multiples   et&nbsp;insécables  </p>", "Espaces multiples et insécables")]
    [InlineData("<p>Entités : &amp; &lt;b&gt; &eacute;t&eacute; &#233; &#x645; &quot;ok&quot;</p>", "Entités : & <b> été é م \"ok\"")]
    [InlineData("<p><span>Alep</span><span>Idleb</span> <em>Hama</em></p>", "AlepIdleb Hama")]
    [InlineData("<pre>ligne 1\nligne 2</pre>", "ligne 1\nligne 2")]
    [InlineData("<p>Visible</p><p hidden>Caché</p><div aria-hidden=\"true\">Caché</div><div role=\"navigation\">Menu</div>", "Visible")]
    [InlineData("Texte nu <b>sans</b> balises de bloc", "Texte nu sans balises de bloc")]
    [InlineData("<p dir=\"rtl\">سيطرت الفصائل على <b>حلب</b>.</p>", "سيطرت الفصائل على حلب.")]
    [InlineData("<p>Non fermé <div>bloc", "Non fermé\n\nbloc")]
    public void Blocks_become_lines_and_paragraphs(string html, string expected) =>
        Assert.Equal(expected, HtmlReportReader.Read(html).Text);

    [Theory]
    [InlineData("<script>var a = '<p>SCRIPT-LEAK</p>';</script><p>Texte</p>")]
    [InlineData("<style>p::after { content: 'STYLE-LEAK' }</style><p>Texte</p>")]
    [InlineData("<p>Texte</p><script type=\"text/template\"><div>SCRIPT-LEAK</div></script>")]
    [InlineData("<noscript><p>NOSCRIPT-LEAK</p></noscript><p>Texte</p>")]
    [InlineData("<p>Texte</p><!-- <p>COMMENT-LEAK</p> -->")]
    [InlineData("<nav><ul><li>NAV-LEAK</li></ul></nav><p>Texte</p><footer>FOOTER-LEAK</footer>")]
    [InlineData("<header><h1>HEADER-LEAK</h1></header><p>Texte</p>")]
    [InlineData("<form action=\"/s\"><input value=\"FORM-LEAK\"><label>FORM-LEAK</label></form><p>Texte</p>")]
    [InlineData("<p>Texte</p><svg><title>SVG-LEAK</title></svg><iframe>IFRAME-LEAK</iframe><template>TEMPLATE-LEAK</template>")]
    public void Scripts_styles_and_chrome_do_not_reach_the_text(string html) =>
        Assert.Equal("Texte", HtmlReportReader.Read(html).Text);

    [Theory]
    // head → published date, where from
    [InlineData("<meta property=\"article:published_time\" content=\"2024-11-29T10:00:00Z\">", "2024-11-29", "meta article:published_time")]
    [InlineData("<meta name=\"article:published_time\" content=\"2024-11-29\">", "2024-11-29", "meta article:published_time")]
    [InlineData("<meta property=\"og:published_time\" content=\"2024-11-28T23:30:00-05:00\">", "2024-11-28", "meta og:published_time")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2024-11-27\">", "2024-11-27", "itemprop datePublished")]
    [InlineData("<span itemprop=\"datePublished\" datetime=\"2024-11-27T07:00\">27 nov.</span>", "2024-11-27", "itemprop datePublished")]
    [InlineData("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-12-01T06:00:00+03:00\"}]}</script>", "2024-12-01", "json-ld datePublished")]
    [InlineData("<meta name=\"pubdate\" content=\"2024-11-30\">", "2024-11-30", "meta pubdate")]
    [InlineData("<meta name=\"date\" content=\"Sat, 30 Nov 2024 10:00:00 GMT\">", "2024-11-30", "meta date")]
    [InlineData("<p>Mis à jour <time datetime=\"2024-12-02\">lundi</time></p><p><time pubdate datetime=\"2024-11-30\">samedi</time></p>", "2024-11-30", "time datetime")]
    [InlineData("<p><time datetime=\"2024-11-29T18:00\">vendredi</time></p>", "2024-11-29", "time datetime")]
    public void The_publication_date_comes_from_common_tags(string html, string date, string from)
    {
        var published = HtmlReportReader.Read("<html><head>" + html + "</head><body><p>Texte</p>" + html + "</body></html>").Published;
        Assert.NotNull(published);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), published.Date);
        Assert.Equal(from, published.From);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"hier\">")]
    [InlineData("<meta property=\"article:published_time\" content=\"2024-13-45\">")]
    [InlineData("<script type=\"application/ld+json\">{ not json</script>")]
    public void An_unreadable_date_gives_no_hint(string head) =>
        Assert.Null(HtmlReportReader.Read("<html><head>" + head + "</head><body><p>Texte</p></body></html>").Published);

    [Theory]
    // page → title
    [InlineData("<title>Titre de page</title><h1>Titre de l'article</h1>", "Titre de l'article")]
    [InlineData("<title>  Titre\n de page </title><p>x</p>", "Titre de page")]
    [InlineData("<meta property=\"og:title\" content=\"Titre OG\"><title>Titre | Site</title>", "Titre OG")]
    [InlineData("<header><h1>Logo du site</h1></header><title>Titre | Site</title>", "Titre | Site")]
    public void The_title_comes_from_the_first_h1_then_og_title_then_title(string html, string title) =>
        Assert.Equal(title, HtmlReportReader.Read(html + "<p>Texte</p>").Title);

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"https://a.example/x\"><meta property=\"og:url\" content=\"https://b.example/y\">", "https://a.example/x")]
    [InlineData("<meta property=\"og:url\" content=\"https://b.example/y\">", "https://b.example/y")]
    [InlineData("<link rel=\"canonical\" href=\"/relative/path\">", null)]
    [InlineData("<link rel=\"canonical\" href=\"javascript:alert(1)\">", null)]
    public void The_source_address_is_the_canonical_link_or_og_url(string head, string? url) =>
        Assert.Equal(url, HtmlReportReader.Read("<html><head>" + head + "</head><body><p>Texte</p></body></html>").SourceUrl);

    [Theory]
    [InlineData("<html lang=\"ar\">", "ar")]
    [InlineData("<html lang=\"TR-tr\">", "tr")]
    [InlineData("<html><head><meta property=\"og:locale\" content=\"en_GB\"></head>", "en")]
    [InlineData("<html><head><meta http-equiv=\"content-language\" content=\"fr\"></head>", "fr")]
    [InlineData("<html>", null)]
    public void The_declared_language_is_a_hint(string start, string? language) =>
        Assert.Equal(language, HtmlReportReader.Read(start + "<body><p>Texte</p></body></html>").Language);

    [Fact]
    public void A_lone_article_is_read_without_the_related_news_around_it_and_keeps_the_headline_above_it()
    {
        const string html = """
            <body>
              <h1>Les rebelles aux portes d'Alep</h1>
              <div class="related"><a href="/1">Autre sujet</a><a href="/2">Encore un autre</a></div>
              <article><p>Les combattants ont atteint la périphérie ouest de la ville vendredi, selon l'OSDH et des témoins sur place.</p></article>
              <div class="more">Voir aussi sur le site</div>
            </body>
            """;
        Assert.Equal(
            "Les rebelles aux portes d'Alep\n\nLes combattants ont atteint la périphérie ouest de la ville vendredi, selon l'OSDH et des témoins sur place.",
            HtmlReportReader.Read(html).Text);
    }

    [Fact]
    public void A_small_article_teaser_does_not_hide_the_rest_of_the_page()
    {
        const string html = """
            <body>
              <div class="story"><p>Les combattants ont atteint la périphérie ouest de la ville vendredi, selon l'OSDH et des témoins sur place.</p>
              <p>L'armée affirme avoir repris certaines positions au sud de la ville.</p></div>
              <article>Teaser</article>
            </body>
            """;
        Assert.StartsWith("Les combattants", HtmlReportReader.Read(html).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_read_on_many_threads_at_once_give_the_same_text()
    {
        var pages = Enumerable.Range(0, 200).Select(i => $"<html><body><p>Rapport {i}</p><script>x()</script><p>Alep</p></body></html>").ToArray();
        var texts = new string[pages.Length];
        Parallel.For(0, pages.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => texts[i] = HtmlReportReader.Read(pages[i]).Text);
        Assert.All(Enumerable.Range(0, pages.Length), i => Assert.Equal($"Rapport {i}\n\nAlep", texts[i]));
    }

    [Fact]
    public void Markup_nested_to_the_limit_is_read()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", HtmlReportReader.MaxNesting / 2)) + "Alep"
            + string.Concat(Enumerable.Repeat("</span></div>", HtmlReportReader.MaxNesting / 2));
        Assert.Equal("Alep", HtmlReportReader.Read(html).Text);
    }

    [Fact]
    public void Markup_nested_tens_of_thousands_deep_is_refused_before_parsing()
    {
        // Tree building is quadratic in depth: 40,000 nested elements would take seconds.
        var html = "<p>Texte</p>" + string.Concat(Enumerable.Repeat("<div><span>", 20_000)) + "Alep";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<ReportRejectedException>(() => HtmlReportReader.Read(html));
        Assert.Equal(ReportRejection.Malformed, error.Reason);
        Assert.Equal("the page nests its elements 40,000 deep (the limit is 1,000): it is not a readable news page", error.Message);
        Assert.True(watch.ElapsedMilliseconds < 500, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Theory]
    // html → estimated nesting
    [InlineData("<div><div><span>x</span></div></div>", 3)]
    [InlineData("<p>a<p>b<p>c<li>d<li>e<br><br><img src=x>", 0)]
    [InlineData("<script>if (a<b) { '<div><div><div>' }</script><div></div>", 1)]
    [InlineData("<!-- <div><div> --><div>", 1)]
    [InlineData("a < b et c<d", 0)]
    public void The_nesting_estimate_ignores_void_and_implicitly_closed_elements_scripts_and_comments(string html, int depth) =>
        Assert.Equal(depth, HtmlReportReader.NestingDepth(html));
}
