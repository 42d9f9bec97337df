using NetTopologySuite.Geometries;
using Territory.Domain.Places;

namespace Territory.Ingestion.Gazetteer;

/// <summary>
/// Reads OCHA populated places as CSV (header row, quoted fields) or GeoJSON (Point, MultiPoint, Polygon, MultiPolygon
/// features), with OCHA's property names (PCODE, NAME_EN, NAM_EN_REF, NAME_ARA, LATITUDE, LONGITUDE, ADMIN1_COD...,
/// CAPIT_LVL) or those of the Aleppo neighbourhood layers (pCode, nameEnglish, nameArabic, centerLatitude,
/// centerLongitude; and Columbia CSR's Id, NAME, NAME_A).
/// </summary>
/// <remarks>
/// Kind: <c>CAPIT_LVL</c> 0 (national) and 1 (governorate capital) give city, 2 and 3 (district and subdistrict
/// capitals) give town, no level gives village; polygons and neighbourhood layers give neighbourhood; <see cref="Kind"/>
/// overrides all of it.
/// </remarks>
public sealed class OchaPlacesReader
{
    // Property names are matched regardless of case, so PCODE also reads OCHA neighbourhoods' pCode.
    private static readonly string[] KeyFields = ["PCODE", "P_CODE"];
    private static readonly string[] EnglishNameFields = ["NAME_EN", "nameEnglish", "NAME"];
    private static readonly string[] ArabicNameFields = ["NAME_ARA", "NAME_AR", "nameArabic", "NAME_A"];
    private static readonly string[] LatitudeFields = ["LATITUDE", "centerLatitude", "lat", "latitude"];
    private static readonly string[] LongitudeFields = ["LONGITUDE", "centerLongitude", "lon", "lng", "longitude"];

    /// <summary>The kind of every record, instead of the one read from the file.</summary>
    public PlaceKind? Kind { get; init; }

    /// <summary>The source the records are stored under (CSR's neighbourhoods are not OCHA's: give them their own).</summary>
    public string Source { get; init; } = GazetteerSources.Ocha;

    /// <summary>CSV or GeoJSON, told apart by the first character (<c>{</c> is GeoJSON).</summary>
    public IEnumerable<PlaceRecord> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffered = stream.CanSeek ? stream : Buffer(stream);
        var first = FirstCharacter(buffered);
        buffered.Position = 0;
        return first == '{' ? ReadGeoJson(buffered, fileName) : ReadCsv(new StreamReader(buffered, leaveOpen: true), fileName);
    }

    /// <summary>Records from CSV with a header row.</summary>
    public IEnumerable<PlaceRecord> ReadCsv(TextReader text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[]? header = null;
        var keys = new KeyCounter();
        foreach (var (line, fields) in CsvRecords.Read(text, fileName))
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim().TrimStart('\uFEFF'))];
                continue;
            }

            var at = SourcePosition.Line(fileName, line);
            if (fields.Length != header.Length)
            {
                throw at.Error($"expected {header.Length} fields as in the header, found {fields.Length}");
            }

            var row = new Fields(header, fields);
            var lon = at.Number(row.Text(LongitudeFields), "longitude (LONGITUDE)");
            var lat = at.Number(row.Text(LatitudeFields), "latitude (LATITUDE)");
            yield return Record(row, LonLat.Point(lon, lat, at), null, keys, at);
        }

        if (header is null)
        {
            throw SourcePosition.Line(fileName, 1).Error("the file is empty: expected a header row");
        }
    }

    /// <summary>Records from a GeoJSON FeatureCollection.</summary>
    public IEnumerable<PlaceRecord> ReadGeoJson(Stream utf8Json, string fileName)
    {
        using var document = GazetteerJson.Parse(utf8Json, fileName);
        var root = document.RootElement;
        // OCHA's neighbourhood layer names the community it divides (Aleppo city, C1007) in its header.
        var parent = root.TryGetProperty("source_meta", out var meta) ? new JsonProperties(meta).Text("communityExternalPCode") : null;
        var keys = new KeyCounter();
        var features = GazetteerJson.Features(root, fileName);
        for (var i = 0; i < features.Count; i++)
        {
            var at = SourcePosition.Feature(fileName, i + 1);
            var feature = features[i];
            var properties = new JsonProperties(feature.TryGetProperty("properties", out var p) ? p : default);
            var row = new Fields(properties);
            var geometry = feature.TryGetProperty("geometry", out var g) ? GeoJsonGeometry.Read(g, at) : null;
            Point point;
            MultiPolygon? area = null;
            switch (geometry)
            {
                case Point single:
                    point = single;
                    break;
                case MultiPoint { IsEmpty: false } multi:
                    point = (Point)multi.GetGeometryN(0);
                    break;
                case Polygon or MultiPolygon:
                    area = PlaceArea.ValidMultiPolygon(geometry, at);
                    var lat = properties.Number(LatitudeFields);
                    var lon = properties.Number(LongitudeFields);
                    point = lat.HasValue && lon.HasValue ? LonLat.Point(lon.Value, lat.Value, at) : PlaceArea.Inside(area);
                    break;
                default:
                    point = LonLat.Point(at.Number(row.Text(LongitudeFields), "longitude (LONGITUDE)"), at.Number(row.Text(LatitudeFields), "latitude (LATITUDE)"), at);
                    break;
            }

            var record = Record(row, point, area, keys, at);
            yield return parent is not null && record.Kind == PlaceKind.Neighbourhood && record.ParentKey is null ? record with { ParentKey = parent } : record;
        }
    }

    private PlaceRecord Record(Fields row, Point point, MultiPolygon? area, KeyCounter keys, SourcePosition at)
    {
        var pcode = row.Text(KeyFields);
        var csrId = pcode is null ? row.Text("Id") : null;
        var key = pcode ?? (csrId is not null ? keys.Unique("csr-" + csrId) : throw at.Error("no PCODE (or pCode, or Id) to identify the place"));
        var english = row.Text(EnglishNameFields) ?? row.Text("NAM_EN_REF") ?? throw at.Error($"{key} has no NAME_EN (or nameEnglish, or NAME)");
        var names = new List<PlaceName> { new(english, "en") };
        foreach (var (text, language) in new[] { (row.Text("NAM_EN_REF"), "en"), (row.Text(ArabicNameFields), "ar"), (row.Text("NAM_AR_REF"), "ar") })
        {
            if (text is not null && !names.Contains(new PlaceName(text, language)))
            {
                names.Add(new PlaceName(text, language));
            }
        }

        var neighbourhoodLayer = area is not null || row.Has("nameEnglish") || csrId is not null || pcode?.StartsWith('N') == true;
        var kind = Kind ?? (neighbourhoodLayer ? PlaceKind.Neighbourhood : KindOfCapitalLevel(row.Text("CAPIT_LVL"), at));
        return new PlaceRecord(Source, key, kind, english, point, names)
        {
            Area = area,
            Pcode = pcode,
            Admin1Code = row.Text("ADMIN1_COD", "ADM1_PCODE", "admin1Pcode"),
            Admin2Code = row.Text("ADMIN2_COD", "ADM2_PCODE", "admin2Pcode"),
            Admin3Code = row.Text("ADMIN3_COD", "ADM3_PCODE", "admin3Pcode"),
        };
    }

    private static PlaceKind KindOfCapitalLevel(string? level, SourcePosition at) => level switch
    {
        null => PlaceKind.Village,
        "0" or "1" => PlaceKind.City,
        "2" or "3" => PlaceKind.Town,
        _ => throw at.Error($"CAPIT_LVL '{level}' is not 0 (national capital), 1, 2, 3 or empty"),
    };

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static int FirstCharacter(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        int c;
        while ((c = reader.Read()) != -1 && char.IsWhiteSpace((char)c))
        {
        }

        return c;
    }

    /// <summary>One CSV row or one feature's properties, read by field name.</summary>
    private sealed class Fields
    {
        private readonly JsonProperties? _properties;
        private readonly Dictionary<string, string>? _columns;

        public Fields(JsonProperties properties) => _properties = properties;

        public Fields(string[] header, string[] values)
        {
            _columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                _columns.TryAdd(header[i], values[i]);
            }
        }

        public bool Has(string name) => _properties?.Has(name) ?? _columns!.ContainsKey(name);

        public string? Text(params ReadOnlySpan<string> names)
        {
            if (_properties is not null)
            {
                return _properties.Text(names);
            }

            foreach (var name in names)
            {
                if (_columns!.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }

            return null;
        }
    }

    // CSR numbers some neighbourhoods twice (a district in two pieces): the second one becomes csr-93-2.
    private sealed class KeyCounter
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public string Unique(string key)
        {
            var count = _seen[key] = _seen.GetValueOrDefault(key) + 1;
            return count == 1 ? key : $"{key}-{count}";
        }
    }
}
