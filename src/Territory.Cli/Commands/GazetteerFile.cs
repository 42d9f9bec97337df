using System.Globalization;
using System.Security.Cryptography;
using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;

namespace Territory.Cli.Commands;

/// <summary>How to read one gazetteer file: its format and the reader's options.</summary>
internal sealed record GazetteerFileOptions(string Format)
{
    public const string GeoNames = "geonames";
    public const string OchaPlaces = "ocha-places";
    public const string Boundaries = "boundaries";
    public const string Curated = "curated";

    public static readonly string[] Formats = [GeoNames, OchaPlaces, Boundaries, Curated];

    public PlaceKind? Kind { get; init; }

    public string? Country { get; init; }

    public string? AlternateNames { get; init; }

    public IReadOnlyList<string> Objects { get; init; } = [];

    public string? Source { get; init; }

    /// <summary>The source the rows are stored under: the one given, else the format's own.</summary>
    public string StoredSource => Source ?? Format switch
    {
        GeoNames => GazetteerSources.GeoNames,
        OchaPlaces => GazetteerSources.Ocha,
        Boundaries => GazetteerSources.Boundaries,
        _ => GazetteerSources.Curated,
    };

    /// <summary>The options as recorded with the import.</summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (Kind is { } kind)
        {
            parts.Add($"kind={kind.Key()}");
        }

        if (Country is not null)
        {
            parts.Add($"country={Country}");
        }

        if (AlternateNames is not null)
        {
            parts.Add($"alternate-names={Path.GetFileName(AlternateNames)}");
        }

        if (Objects.Count > 0)
        {
            parts.Add($"objects={string.Join(',', Objects)}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}

/// <summary>Opens a gazetteer file with the reader of its format; the records are read lazily, inside the import.</summary>
internal static class GazetteerFile
{
    public static IEnumerable<PlaceRecord> Read(string path, GazetteerFileOptions options)
    {
        var name = Path.GetFileName(path);
        return options.Format switch
        {
            GazetteerFileOptions.GeoNames => ReadGeoNames(path, name, options),
            GazetteerFileOptions.OchaPlaces => ReadStream(path, stream => new OchaPlacesReader { Kind = options.Kind, Source = options.StoredSource }.Read(stream, name)),
            GazetteerFileOptions.Boundaries => ReadStream(path, stream => new BoundaryReader { Level = options.Kind, Country = options.Country, Objects = options.Objects, Source = options.StoredSource }.Read(stream, name)),
            GazetteerFileOptions.Curated => ReadStream(path, stream => new CuratedTheaterReader { Source = options.StoredSource }.Read(stream, name)),
            _ => throw new ArgumentException($"Unknown format '{options.Format}'; use one of: {string.Join(", ", GazetteerFileOptions.Formats)}."),
        };
    }

    /// <summary>SHA-256 of the file, lowercase hex.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static IEnumerable<PlaceRecord> ReadGeoNames(string path, string name, GazetteerFileOptions options)
    {
        using var text = new StreamReader(path);
        var records = new GeoNamesReader { Country = options.Country, Source = options.StoredSource }.Read(text, name);
        if (options.AlternateNames is { } alternates)
        {
            using var alternateText = new StreamReader(alternates);
            records = GeoNamesAlternateNamesReader.AddNames(records, alternateText, Path.GetFileName(alternates));
        }

        foreach (var record in records)
        {
            yield return record;
        }
    }

    private static IEnumerable<PlaceRecord> ReadStream(string path, Func<Stream, IEnumerable<PlaceRecord>> read)
    {
        using var stream = File.OpenRead(path);
        foreach (var record in read(stream))
        {
            yield return record;
        }
    }

    /// <summary>One line telling what an import did.</summary>
    public static string Describe(string file, Data.Places.GazetteerImportSummary summary, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{file}: {summary.Records} records, {summary.Inserted} inserted, {summary.Updated} updated, {summary.Unchanged} unchanged; names +{summary.NamesAdded} -{summary.NamesRemoved}; admin codes filled for {summary.AdminCodesFilled} places ({elapsed.TotalSeconds:0.0} s)");
}
