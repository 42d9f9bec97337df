using System.Text;

namespace Territory.Ingestion.Tests;

/// <summary>Inline sample files for the readers.</summary>
internal static class Samples
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A GeoNames dump row: the 19 columns, tab-separated.</summary>
    public static string GeoNamesRow(string id, string name, string code, double lat, double lon, int population = 0, string alternates = "", string country = "SY", string admin1 = "") =>
        string.Join('\t', id, name, name, alternates, FormattableString.Invariant($"{lat}"), FormattableString.Invariant($"{lon}"),
            code.StartsWith("PPL", StringComparison.Ordinal) ? "P" : "S", code, country, "", admin1, "", "", "",
            population.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "400", "Asia/Damascus", "2020-01-01");
}
