using System.Globalization;
using Territory.Domain.Places;

namespace Territory.Ingestion.Gazetteer;

/// <summary>
/// Reads the GeoNames dump format (country files such as SY.txt, allCountries, cities500/1000/15000): tab-separated,
/// 19 columns, no header. Feature codes map to place kinds; rows of other codes are skipped.
/// </summary>
public sealed class GeoNamesReader
{
    /// <summary>Columns of a dump row.</summary>
    public const int ColumnCount = 19;

    /// <summary>Below this population a plain populated place (PPL...) is a village, at or above it a town.</summary>
    public const int TownPopulation = 10_000;

    private static readonly Dictionary<string, PlaceKind> FixedKinds = new(StringComparer.Ordinal)
    {
        ["PPLC"] = PlaceKind.City,
        ["PPLA"] = PlaceKind.City,
        ["PPLG"] = PlaceKind.City,
        ["PPLA2"] = PlaceKind.Town,
        ["PPLA3"] = PlaceKind.Town,
        ["PPLA4"] = PlaceKind.Town,
        ["PPLA5"] = PlaceKind.Town,
        ["PPLX"] = PlaceKind.Neighbourhood,
        ["PCLI"] = PlaceKind.Country,
        ["ADM1"] = PlaceKind.Governorate,
        ["ADM2"] = PlaceKind.District,
        ["ADM3"] = PlaceKind.Subdistrict,
        ["AIRP"] = PlaceKind.Airport,
        ["AIRF"] = PlaceKind.Airport,
        ["AIRB"] = PlaceKind.Airbase,
        ["MILB"] = PlaceKind.MilitaryBase,
        ["INSM"] = PlaceKind.MilitaryBase,
        ["SQR"] = PlaceKind.Square,
        ["RD"] = PlaceKind.Road,
        ["RDA"] = PlaceKind.Road,
        ["RDJCT"] = PlaceKind.Junction,
        ["RGN"] = PlaceKind.Region,
    };

    // Named sites that reports use as landmarks.
    private static readonly HashSet<string> LandmarkCodes = new(StringComparer.Ordinal)
    {
        "CSTL", "MNMT", "HSTS", "RUIN", "ANS", "FT", "PAL", "TOWR", "GATE", "MUS", "MSQE", "CH", "SHRN", "TMPL", "CTRR",
        "STDM", "UNIV", "HSP", "PRN", "MKT", "BDG", "DAM", "CMTY", "PSTB", "RSTN", "BUSTN", "HTL", "BLDG", "PRK",
    };

    /// <summary>Keep only rows of this ISO country code (column 9), e.g. <c>SY</c>; null keeps every row.</summary>
    public string? Country { get; init; }

    /// <summary>The source the records are stored under.</summary>
    public string Source { get; init; } = GazetteerSources.GeoNames;

    /// <summary>The kind a feature code maps to, or null for codes the gazetteer does not hold.</summary>
    public static PlaceKind? KindOf(string featureCode, int? population)
    {
        if (FixedKinds.TryGetValue(featureCode, out var kind))
        {
            return kind;
        }

        if (featureCode.StartsWith("PPL", StringComparison.Ordinal))
        {
            return population >= TownPopulation ? PlaceKind.Town : PlaceKind.Village;
        }

        return LandmarkCodes.Contains(featureCode) ? PlaceKind.Landmark : null;
    }

    /// <summary>The places of a dump, in file order; a malformed row stops the reading with a <see cref="GazetteerFormatException"/>.</summary>
    public IEnumerable<PlaceRecord> Read(TextReader text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (at, columns) in TabSeparatedRows.Read(text, fileName, ColumnCount, ColumnCount, "GeoNames dump format"))
        {
            if (Country is not null && !string.Equals(columns[8], Country, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!long.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var geonameId))
            {
                throw at.Error($"geonameid '{columns[0]}' is not a number");
            }

            var name = columns[1].Trim();
            if (name.Length == 0)
            {
                throw at.Error($"geonameid {geonameId} has no name");
            }

            var population = at.Count(columns[14], "population");
            if (population == 0)
            {
                population = null; // GeoNames writes 0 when it does not know
            }

            if (KindOf(columns[7], population) is not { } kind)
            {
                continue;
            }

            var point = LonLat.Point(at.Number(columns[5], "longitude"), at.Number(columns[4], "latitude"), at);
            var names = new List<PlaceName>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var spelling in columns[2..4].SelectMany(c => c.Split(',')).Prepend(name))
            {
                var trimmed = spelling.Trim();
                if (trimmed.Length > 0 && seen.Add(trimmed))
                {
                    names.Add(new PlaceName(trimmed, "und"));
                }
            }

            yield return new PlaceRecord(Source, geonameId.ToString(CultureInfo.InvariantCulture), kind, name, point, names)
            {
                Population = population,
                Admin1Code = string.Equals(columns[8], "SY", StringComparison.OrdinalIgnoreCase) ? SyriaAdminCodes.FromGeoNamesAdmin1(columns[10]) : null,
            };
        }
    }
}
