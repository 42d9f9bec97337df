namespace Territory.Domain.Rendering;

/// <summary>A snapshot's own words in French and English (written here, not taken from the machine's culture, so the output never depends on it).</summary>
internal sealed record SnapshotText(string DefaultTitle, string Contested, string Sources, string NoSources, string More, string Data, string North, string Legend, string FromReports, string BoundariesWord, string PlacesWord, string Projection, string[] Months)
{
    public static SnapshotText Of(SnapshotLanguage language) => language == SnapshotLanguage.Fr ? French : English;

    public string Day(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";

    private static readonly SnapshotText English = new(
        "Territorial control", "Contested", "Sources", "no report behind the areas shown", "more", "Data", "N", "Legend", "from news reports", "boundaries", "places", "Web Mercator projection",
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

    private static readonly SnapshotText French = new(
        "Contrôle territorial", "Contesté", "Sources", "aucun article derrière les zones affichées", "autres", "Données", "N", "Légende", "d’après la presse", "limites", "lieux", "projection Web Mercator",
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]);
}
