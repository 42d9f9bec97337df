using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using Territory.Domain.Places;

namespace Territory.Ingestion.Gazetteer;

/// <summary>
/// Reads administrative boundaries from GeoJSON or TopoJSON, with OCHA COD-AB properties (NAME_EN, NAM_EN_REF, NAME_AR,
/// PCODE, ADM1_PCODE...) or Natural Earth admin-1 properties (name, name_en, name_ar..., iso_3166_2).
/// </summary>
/// <remarks>
/// The level comes from the P-code's length (SY## governorate, SY#### district, SY###### subdistrict) unless
/// <see cref="Level"/> says; a Natural Earth governorate of Syria gets its OCHA P-code through ISO 3166-2, other
/// Natural Earth units without a P-code become regions. The area is a valid MultiPolygon (invalid rings repaired) and
/// the point its interior point.
/// </remarks>
public sealed partial class BoundaryReader
{
    /// <summary>The kind of every unit read (governorate, district, subdistrict...), instead of the one told by the P-code.</summary>
    public PlaceKind? Level { get; init; }

    /// <summary>The TopoJSON objects to read (e.g. <c>syr_admin1</c>); null or empty reads every object.</summary>
    public IReadOnlyCollection<string>? Objects { get; init; }

    /// <summary>Keep only units of this country (ISO alpha-2, e.g. <c>SY</c>); null keeps all.</summary>
    public string? Country { get; init; }

    /// <summary>The source the records are stored under.</summary>
    public string Source { get; init; } = GazetteerSources.Boundaries;

    /// <summary>The units of a GeoJSON FeatureCollection or a TopoJSON Topology.</summary>
    public IEnumerable<PlaceRecord> Read(Stream utf8Json, string fileName)
    {
        using var document = GazetteerJson.Parse(utf8Json, fileName);
        var root = document.RootElement;
        var isTopology = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.GetString() == "Topology";
        foreach (var (at, properties, geometry) in isTopology ? TopologyUnits(root, fileName) : FeatureUnits(root, fileName))
        {
            if (Record(properties, geometry, at) is { } record)
            {
                yield return record;
            }
        }
    }

    private static IEnumerable<(SourcePosition At, JsonProperties Properties, Geometry? Geometry)> FeatureUnits(JsonElement root, string fileName)
    {
        var features = GazetteerJson.Features(root, fileName);
        for (var i = 0; i < features.Count; i++)
        {
            var at = SourcePosition.Feature(fileName, i + 1);
            var properties = new JsonProperties(features[i].TryGetProperty("properties", out var p) ? p : default);
            var geometry = features[i].TryGetProperty("geometry", out var g) ? GeoJsonGeometry.Read(g, at) : null;
            yield return (at, properties, geometry);
        }
    }

    private IEnumerable<(SourcePosition At, JsonProperties Properties, Geometry? Geometry)> TopologyUnits(JsonElement root, string fileName)
    {
        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Object)
        {
            throw new SourcePosition(fileName, "top level").Error("the topology has no objects");
        }

        var names = objects.EnumerateObject().Select(o => o.Name).ToList();
        var wanted = Objects is { Count: > 0 } ? Objects : names;
        if (wanted.FirstOrDefault(w => !names.Contains(w)) is { } missing)
        {
            throw new SourcePosition(fileName, "objects").Error($"the topology has no object '{missing}' (it has: {string.Join(", ", names)})");
        }

        var topology = TopoJsonTopology.Decode(root, fileName);
        foreach (var name in wanted)
        {
            var item = objects.GetProperty(name);
            var geometries = item.TryGetProperty("type", out var t) && t.GetString() == "GeometryCollection" && item.TryGetProperty("geometries", out var g)
                ? [.. g.EnumerateArray()]
                : new[] { item };
            for (var i = 0; i < geometries.Length; i++)
            {
                var at = new SourcePosition(fileName, $"object {name}, geometry {i + 1}");
                var properties = new JsonProperties(geometries[i].TryGetProperty("properties", out var p) ? p : default);
                yield return (at, properties, topology.Geometry(geometries[i], at));
            }
        }
    }

    private PlaceRecord? Record(JsonProperties properties, Geometry? geometry, SourcePosition at)
    {
        var iso = properties.Text("iso_3166_2");
        var pcode = properties.Text("PCODE", "ADM3_PCODE", "ADM2_PCODE", "ADM1_PCODE") ?? SyriaAdminCodes.FromIso(iso);
        var country = properties.Text("ADM0_PCODE", "iso_a2") ?? (pcode is { Length: >= 2 } ? pcode[..2] : null);
        if (Country is not null && !string.Equals(country, Country, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = pcode ?? iso ?? throw at.Error("no PCODE (OCHA) or iso_3166_2 (Natural Earth) to identify the unit");
        if (geometry is null)
        {
            throw at.Error($"{key} has no geometry");
        }

        var kind = Level ?? LevelOf(pcode) ?? (iso is not null ? PlaceKind.Region : throw at.Error($"cannot tell the level of '{key}' from its code: give the level (--kind governorate|district|subdistrict)"));
        var names = Names(properties);
        if (names.Count == 0)
        {
            throw at.Error($"{key} has no name (NAME_EN, name_en or name)");
        }

        var area = PlaceArea.ValidMultiPolygon(geometry, at);
        var codes = pcode is not null && PcodeShape().IsMatch(pcode) ? pcode : null;
        return new PlaceRecord(Source, key, kind, names[0].Text, PlaceArea.Inside(area), names)
        {
            Area = area,
            Pcode = pcode,
            Admin1Code = codes is { Length: >= 4 } ? codes[..4] : null,
            Admin2Code = codes is { Length: >= 6 } ? codes[..6] : null,
            Admin3Code = codes is { Length: >= 8 } ? codes[..8] : null,
            ParentKey = codes is { Length: >= 6 } ? codes[..(codes.Length - 2)] : null,
        };
    }

    private static PlaceKind? LevelOf(string? pcode) => pcode is not null && PcodeShape().IsMatch(pcode)
        ? pcode.Length switch { 4 => PlaceKind.Governorate, 6 => PlaceKind.District, _ => PlaceKind.Subdistrict }
        : null;

    private static List<PlaceName> Names(JsonProperties properties)
    {
        var names = new List<PlaceName>();
        void Add(string? text, string language)
        {
            var name = text is null ? null : new PlaceName(text, language);
            if (name is not null && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        // OCHA first, then Natural Earth: the English display name leads.
        Add(properties.Text("NAME_EN", "ADM3_EN", "ADM2_EN", "ADM1_EN", "name_en"), "en");
        Add(properties.Text("NAM_EN_REF"), "en");
        Add(properties.Text("NAME_AR", "ADM3_AR", "ADM2_AR", "ADM1_AR"), "ar");
        Add(properties.Text("NAM_AR_REF"), "ar");
        Add(properties.Text("name"), "und");
        foreach (var (property, value) in properties.All)
        {
            var language = NaturalEarthLanguage().Match(property);
            if (language.Success && value.ValueKind == JsonValueKind.String && property != "name_len" && property != "name_alt")
            {
                Add(value.GetString()?.Trim() is { Length: > 0 } text ? text : null, language.Groups[1].Value == "zht" ? "zh-Hant" : language.Groups[1].Value);
            }
        }

        // name_alt lists other spellings separated by '|'.
        foreach (var alternate in (properties.Text("name_alt") ?? string.Empty).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Add(alternate, "und");
        }

        return names;
    }

    [GeneratedRegex("^[A-Z]{2}(?:[0-9]{2}){1,3}$")]
    private static partial Regex PcodeShape();

    [GeneratedRegex("^name_([a-z]{2,3})$")]
    private static partial Regex NaturalEarthLanguage();
}
