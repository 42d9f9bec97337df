using System.Globalization;
using Territory.Ingestion.Dates;

namespace Territory.Ingestion.Tests.Dates;

public class PublicationDateFinderTests
{
    private static readonly PublicationDateFinder Finder = new();

    [Theory]
    // text, ingest day, expected publication day (empty: none), expected evidence
    [InlineData("Les jihadistes sont arrivés ce vendredi 29 novembre aux portes d'Alep.", "2025-03-10", "2024-11-29", "vendredi 29 novembre")]
    [InlineData("Rebels reached the city on Friday, November 29, a security source said.", "2025-01-02", "2024-11-29", "Friday, November 29")]
    [InlineData("Le samedi 30 novembre, après le jeudi 28 novembre, les rebelles tenaient la ville.", "2024-12-05", "2024-11-30", "samedi 30 novembre")]
    [InlineData("L'offensive lancée le 27 novembre dure depuis 3 jours.", "2024-12-10", "2024-11-30", "27 novembre + depuis 3 jours")]
    [InlineData("The assault began on November 27 and has raged for three days.", "2024-12-10", "2024-11-30", "November 27 + for three days")]
    [InlineData("L'offensive a commencé mercredi dernier, le 27 novembre ; les rebelles ont atteint la ville vendredi.", "2024-12-10", "2024-11-29", "mercredi dernier = 27 novembre, then vendredi")]
    [InlineData("The offensive began last Wednesday, November 27.", "2024-12-10", "2024-11-28", "last Wednesday = November 27 (at the earliest the day after)")]
    [InlineData("Mercredi 29 novembre 2023, la ville était calme.", "2024-12-10", "2023-11-29", "Mercredi 29 novembre 2023")]
    [InlineData("Les rebelles ont pris la ville hier.", "2024-12-10", "", "")]
    public void A_report_without_a_date_tells_its_day_in_its_own_words(string text, string ingest, string expected, string evidence)
    {
        var inferred = Finder.Infer(text, DateOnly.Parse(ingest, CultureInfo.InvariantCulture));
        Assert.Equal(expected, inferred?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
        Assert.Equal(evidence, inferred?.Evidence ?? string.Empty);
    }
}
