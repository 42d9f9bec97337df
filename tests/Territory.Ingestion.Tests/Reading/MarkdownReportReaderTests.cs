using Territory.Ingestion.Reading;

namespace Territory.Ingestion.Tests.Reading;

/// <summary>Markdown: front matter to metadata, body to text without the syntax.</summary>
public class MarkdownReportReaderTests
{
    [Theory]
    // markdown → text
    [InlineData("# Alep tombe\n\nLes rebelles avancent.", "Alep tombe\n\nLes rebelles avancent.")]
    [InlineData("## Contexte ##\nTexte.", "Contexte\nTexte.")]
    [InlineData("Les *rebelles* ont pris **Alep** et __Idleb__, _selon l'OSDH_.", "Les rebelles ont pris Alep et Idleb, selon l'OSDH.")]
    [InlineData("***Urgent*** : l'armée recule.", "Urgent : l'armée recule.")]
    [InlineData("Selon [l'OSDH](https://www.syriahr.com/fr/) et [Reuters][1], Alep est tombée.\n\n[1]: https://www.reuters.com/", "Selon l'OSDH et Reuters, Alep est tombée.")]
    [InlineData("Voir [la carte (PDF)](https://example.org/carte_(v2).pdf) ci-dessous.", "Voir la carte (PDF) ci-dessous.")]
    [InlineData("![Des combattants à Alep](photos/alep.jpg)\n\nLes combattants sont entrés.", "Les combattants sont entrés.")]
    [InlineData("Avant ![photo](a.jpg) après.", "Avant  après.")]
    [InlineData("Le fichier snake_case_name et 2 * 3 restent, comme *ceci.", "Le fichier snake_case_name et 2 * 3 restent, comme *ceci.")]
    [InlineData("Un astérisque* en note et un tiret_bas.", "Un astérisque* en note et un tiret_bas.")]
    [InlineData("Environ ~30 km et ~~barré~~.", "Environ ~30 km et barré.")]
    [InlineData("> « Nous ne reculerons pas »,\n> a dit le chef.", "« Nous ne reculerons pas », a dit le chef.")]
    [InlineData("- Alep\n- Idleb\n* Hama\n+ Homs", "Alep\nIdleb\nHama\nHoms")]
    [InlineData("1. Alep\n2. Idleb", "1. Alep\n2. Idleb")]
    [InlineData("Une ligne\ncoupée en deux.", "Une ligne coupée en deux.")]
    [InlineData("Une ligne  \navec un saut.", "Une ligne\navec un saut.")]
    [InlineData("Le code `HTS` et ``a`b``.", "Le code HTS et a`b.")]
    [InlineData("Échappés : \\*pas d'emphase\\* et \\[crochets\\].", "Échappés : *pas d'emphase* et [crochets].")]
    [InlineData("Lien brut <https://example.org/alep> et <b>gras</b><br>suite.", "Lien brut https://example.org/alep et gras\nsuite.")]
    [InlineData("Texte <!-- note de la rédaction --> visible.", "Texte  visible.")]
    [InlineData("Avant\n<!--\ncommentaire\nsur plusieurs lignes\n-->\nAprès", "Avant\n\nAprès")]
    [InlineData("Titre\n=====\n\nCorps.", "Titre\n\nCorps.")]
    [InlineData("Un\n\n---\n\nDeux\n\n* * *\n\nTrois", "Un\n\nDeux\n\nTrois")]
    [InlineData("```\ncode brut *ici*\n```\nfin", "code brut *ici*\nfin")]
    [InlineData("| lieu | date |\n|------|------|\n| Alep | 30 nov |", "| lieu | date | | Alep | 30 nov |")]
    [InlineData("[sic] et [crochets] restent", "[sic] et [crochets] restent")]
    [InlineData("Alep\n\n\n\nIdleb", "Alep\n\nIdleb")]
    [InlineData("قال **المرصد** إن [الفصائل](https://example.org) دخلت حلب.", "قال المرصد إن الفصائل دخلت حلب.")]
    public void Markdown_syntax_is_removed_and_the_text_kept(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownReportReader.Read(markdown).Text);

    [Fact]
    public void The_front_matter_gives_the_metadata()
    {
        const string markdown = """
            ---
            title: Les jihadistes et leurs alliés aux portes d'Alep
            published: 2024-11-29
            lang: fr
            outlet: Territory sample (restating AFP, SOHR, SANA)
            restates: [AFP, SOHR, "SANA, Damas"]
            source: https://example.org/alep-29-novembre
            region: nord-ouest
            ---

            Deux jours après le début de leur offensive, ils sont aux portes d'Alep.

            Le bilan s'alourdit.
            """;
        var report = MarkdownReportReader.Read(markdown);
        Assert.Equal("Deux jours après le début de leur offensive, ils sont aux portes d'Alep.\n\nLe bilan s'alourdit.", report.Text);
        Assert.Equal("Les jihadistes et leurs alliés aux portes d'Alep", report.Title);
        Assert.Equal(new DateOnly(2024, 11, 29), report.Published!.Date);
        Assert.Equal("front matter published", report.Published.From);
        Assert.Equal("fr", report.Language);
        Assert.Equal("Territory sample (restating AFP, SOHR, SANA)", report.Outlet);
        Assert.Equal(["AFP", "SOHR", "SANA, Damas"], report.Restates);
        Assert.Equal("https://example.org/alep-29-novembre", report.SourceUrl);
        Assert.Equal("nord-ouest", report.Metadata["region"]);
        Assert.Equal("[AFP, SOHR, \"SANA, Damas\"]", report.Metadata["restates"]);
    }

    [Fact]
    public void A_block_list_and_quoted_values_are_read()
    {
        const string markdown = "---\ntitle: \"Alep : « la ville est tombée »\"\ndate: 2024-11-30T18:00:00+03:00\nrestates:\n  - Reuters\n  - 'BBC'\nsource: AFP\n---\nCorps.";
        var report = MarkdownReportReader.Read(markdown);
        Assert.Equal("Alep : « la ville est tombée »", report.Title);
        Assert.Equal(new DateOnly(2024, 11, 30), report.Published!.Date);
        Assert.Equal(new DateTimeOffset(2024, 11, 30, 18, 0, 0, TimeSpan.FromHours(3)), report.Published.Instant);
        Assert.Equal(["Reuters", "BBC"], report.Restates);
        Assert.Null(report.SourceUrl); // "AFP" is not an address
        Assert.Equal("AFP", report.Metadata["source"]);
        Assert.Equal("Corps.", report.Text);
    }

    [Theory]
    [InlineData("---\nUn texte qui commence par un trait\n---\nSuite.")] // not key: value lines
    [InlineData("---\ntitle: sans fin\n\nCorps.")]                          // no closing line
    public void Something_that_only_looks_like_a_front_matter_stays_in_the_text(string markdown)
    {
        var report = MarkdownReportReader.Read(markdown);
        Assert.Null(report.Published);
        Assert.Contains("Suite.", report.Text + " Suite.", StringComparison.Ordinal);
        Assert.DoesNotContain("---", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_front_matter_the_first_heading_is_the_title()
    {
        var report = MarkdownReportReader.Read("Intro libre.\n\n# Alep aux mains des rebelles\n\n## Détails\n\nTexte.");
        Assert.Equal("Alep aux mains des rebelles", report.Title);
        Assert.Equal("Intro libre.\n\nAlep aux mains des rebelles\n\nDétails\n\nTexte.", report.Text);
    }

    [Fact]
    public void Pathological_brackets_and_delimiters_are_read_in_linear_time()
    {
        var text = new string('[', 200_000) + string.Concat(Enumerable.Repeat("*a `b ", 50_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = MarkdownReportReader.Read(text);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.StartsWith("[[[", report.Text, StringComparison.Ordinal);
    }
}
