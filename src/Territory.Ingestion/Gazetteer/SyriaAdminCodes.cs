namespace Territory.Ingestion.Gazetteer;

/// <summary>
/// Crosswalks from other code systems to the OCHA P-codes of Syria's 14 governorates, so every source stores admin codes
/// in one system. Taken from Natural Earth's admin-1 attributes (<c>iso_3166_2</c>, <c>gn_a1_code</c>) matched to OCHA COD-AB.
/// </summary>
internal static class SyriaAdminCodes
{
    private static readonly Dictionary<string, string> ByIso = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SY-DI"] = "SY01",
        ["SY-HL"] = "SY02",
        ["SY-RD"] = "SY03",
        ["SY-HI"] = "SY04",
        ["SY-HM"] = "SY05",
        ["SY-LA"] = "SY06",
        ["SY-ID"] = "SY07",
        ["SY-HA"] = "SY08",
        ["SY-DY"] = "SY09",
        ["SY-TA"] = "SY10",
        ["SY-RA"] = "SY11",
        ["SY-DR"] = "SY12",
        ["SY-SU"] = "SY13",
        ["SY-QU"] = "SY14",
    };

    private static readonly Dictionary<string, string> ByGeoNamesAdmin1 = new(StringComparer.Ordinal)
    {
        ["13"] = "SY01",
        ["09"] = "SY02",
        ["08"] = "SY03",
        ["11"] = "SY04",
        ["10"] = "SY05",
        ["02"] = "SY06",
        ["12"] = "SY07",
        ["01"] = "SY08",
        ["07"] = "SY09",
        ["14"] = "SY10",
        ["04"] = "SY11",
        ["06"] = "SY12",
        ["05"] = "SY13",
        ["03"] = "SY14",
    };

    /// <summary>The OCHA governorate P-code of an ISO 3166-2 code (SY-HL → SY02), or null.</summary>
    public static string? FromIso(string? iso) => iso is not null && ByIso.TryGetValue(iso, out var pcode) ? pcode : null;

    /// <summary>The OCHA governorate P-code of a GeoNames admin1 code of Syria (09 → SY02), or null.</summary>
    public static string? FromGeoNamesAdmin1(string? admin1) => admin1 is not null && ByGeoNamesAdmin1.TryGetValue(admin1, out var pcode) ? pcode : null;
}
