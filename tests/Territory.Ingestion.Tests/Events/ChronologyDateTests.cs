namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// A chronology's day headings (« **Samedi 30 novembre.** », "## 29 November") date the undated sentences under them; a
/// sentence's own date still wins, and a single dateline does not make a chronology.
/// </summary>
public class ChronologyDateTests
{
    private static readonly ReportAnalyzer Analyzer = new(TestGazetteer.Index);

    [Theory]
    // Each heading dates the sentences after it, up to the next heading.
    [InlineData("fr", "2024-12-01",
        "Jeudi 28 novembre. Les insurgés prennent Atareb. L'armée se retire de Dana.\n\nVendredi 29 novembre. Les rebelles entrent dans Hamdaniyé.",
        "claimed Atareb opposition 2024-11-28..2024-11-28|withdrawn Dana unknown 2024-11-28..2024-11-28|entered Hamadaniyeh opposition 2024-11-29..2024-11-29")]
    [InlineData("en", "2024-12-01",
        "29 November\n\nRebels stormed into New Aleppo.\n\n30 November\n\nInsurgents seized Saraqib.",
        "entered New Aleppo opposition 2024-11-29..2024-11-29|claimed Saraqab opposition 2024-11-30..2024-11-30")]
    // A sentence's own day word wins over its heading's.
    [InlineData("fr", "2024-12-01",
        "Jeudi 28 novembre. Les insurgés prennent Atareb.\n\nSamedi 30 novembre. La veille, les rebelles étaient entrés dans Hamdaniyé. Ils s'emparent de Saraqeb.",
        "claimed Atareb opposition 2024-11-28..2024-11-28|entered Hamadaniyeh opposition 2024-11-29..2024-11-29|claimed Saraqab opposition 2024-11-30..2024-11-30")]
    // Before the first heading, and in a report with only one dateline, an undated event is any day up to publication.
    [InlineData("en", "2024-12-01",
        "Insurgents have seized Dana.\n\n29 November\n\nRebels stormed into New Aleppo.\n\n30 November\n\nInsurgents seized Saraqib.",
        "claimed Dana opposition 2024-11-27..2024-12-01|entered New Aleppo opposition 2024-11-29..2024-11-29|claimed Saraqab opposition 2024-11-30..2024-11-30")]
    [InlineData("en", "2024-12-01", "29 November\n\nRebels have stormed into New Aleppo.", "entered New Aleppo opposition 2024-11-27..2024-12-01")]
    public void A_day_heading_dates_the_sentences_under_it(string language, string published, string text, string expected) =>
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
}
