using System.Globalization;
using Territory.Domain.Places;

namespace Territory.Ingestion.Gazetteer;

/// <summary>
/// Reads GeoNames alternateNamesV2 (alternateNameId, geonameid, isolanguage, name, isPreferredName, isShortName,
/// isColloquial, isHistoric, from, to) and adds the language-tagged names to the records of a dump.
/// Pseudo-languages that hold codes or links rather than names (link, post, iata, icao, faac, wkdt, unlc...) are skipped.
/// </summary>
public static class GeoNamesAlternateNamesReader
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "uicn", "phon", "piny",
    };

    /// <summary>
    /// The records with the alternate names of their geonameid appended (an empty language becomes <c>und</c>).
    /// The records are read first (their keys say which alternate names to keep), so a malformed file of either kind fails before any record is returned.
    /// </summary>
    public static IReadOnlyList<PlaceRecord> AddNames(IEnumerable<PlaceRecord> records, TextReader alternateNames, string fileName)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        var wanted = list.Select(r => r.SourceKey).ToHashSet(StringComparer.Ordinal);
        var extra = Read(alternateNames, fileName, wanted);
        return [.. list.Select(r => extra.TryGetValue(r.SourceKey, out var names) ? r with { Names = Merge(r.Names, names) } : r)];
    }

    /// <summary>The names per geonameid, for the ids in <paramref name="geonameIds"/> (all when null).</summary>
    public static Dictionary<string, List<PlaceName>> Read(TextReader text, string fileName, IReadOnlySet<string>? geonameIds = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new Dictionary<string, List<PlaceName>>(StringComparer.Ordinal);
        foreach (var (at, columns) in TabSeparatedRows.Read(text, fileName, 4, 10, "GeoNames alternateNames format"))
        {
            if (!long.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                || !long.TryParse(columns[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw at.Error($"alternateNameId '{columns[0]}' and geonameid '{columns[1]}' must be numbers");
            }

            var language = columns[2].Trim();
            var spelling = columns[3].Trim();
            if (NotNames.Contains(language) || spelling.Length == 0 || (geonameIds is not null && !geonameIds.Contains(columns[1])))
            {
                continue;
            }

            if (!names.TryGetValue(columns[1], out var list))
            {
                names[columns[1]] = list = [];
            }

            list.Add(new PlaceName(spelling, language.Length == 0 ? "und" : language));
        }

        return names;
    }

    // A name already known with language 'und' (from the dump's alternatenames column) gains its language instead of repeating.
    private static List<PlaceName> Merge(IReadOnlyList<PlaceName> existing, List<PlaceName> added)
    {
        var merged = existing.ToList();
        foreach (var name in added)
        {
            if (merged.Contains(name))
            {
                continue;
            }

            var untagged = merged.FindIndex(n => n.Language == "und" && n.Text == name.Text);
            if (untagged > 0)
            {
                merged[untagged] = name; // index 0 is the display name and stays first
            }
            else
            {
                merged.Add(name);
            }
        }

        return merged;
    }
}
