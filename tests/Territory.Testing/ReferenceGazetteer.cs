using System.Diagnostics;
using Territory.Data.Places;
using Territory.Domain.Places;
using Territory.Ingestion.Gazetteer;
using Xunit;

namespace Territory.Testing;

/// <summary>
/// A database holding every reference gazetteer of the shared folder and the team's curated file, imported once through
/// the readers and the store. Without the shared folder it stays empty and the tests that need it skip, saying why.
/// </summary>
public class ReferenceGazetteer : TestDatabase
{
    /// <summary>The files, as (relative path, source, reader); boundaries last, so the fill after places is exercised.</summary>
    public static IReadOnlyList<(string Path, string Source, Func<Stream, string, IEnumerable<PlaceRecord>> Read)> Files { get; } =
    [
        ("reference/places/ocha_syr_admin4_communities.csv", GazetteerSources.Ocha, new OchaPlacesReader().Read),
        ("reference/aleppo_city/ocha_aleppo_neighbourhoods.geojson", GazetteerSources.Ocha, new OchaPlacesReader().Read),
        ("reference/aleppo_city/csr_aleppo_neighbourhoods.geojson", "csr", new OchaPlacesReader { Source = "csr" }.Read),
        ("reference/geonames/cities500_SY.txt", GazetteerSources.GeoNames, (stream, name) => new GeoNamesReader { Country = "SY" }.Read(new StreamReader(stream), name)),
        ("reference/boundaries/ocha_syr_admin1-3_topo.json", GazetteerSources.Boundaries, new BoundaryReader().Read),
    ];

    public bool Loaded { get; private set; }

    public List<(string File, GazetteerImportSummary Summary, TimeSpan Elapsed)> Imports { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (SharedFolder.Root is null || !Files.All(f => File.Exists(Path.Combine(SharedFolder.Root, f.Path))))
        {
            return;
        }

        await ImportAllAsync(Imports);
        await AfterImportAsync();
        Loaded = true;
    }

    /// <summary>The gazetteer's entries as the geocoder loads them.</summary>
    public Task<IReadOnlyList<GazetteerEntry>> LoadEntriesAsync() => new GazetteerStore(DataSource, TimeProvider.System).LoadEntriesAsync();

    /// <summary>Runs once the files are imported; fixtures add their own rows here.</summary>
    protected virtual Task AfterImportAsync() => Task.CompletedTask;

    /// <summary>Imports every reference file and the team's curated file, in order.</summary>
    public async Task ImportAllAsync(List<(string File, GazetteerImportSummary Summary, TimeSpan Elapsed)> imports)
    {
        var store = new GazetteerStore(DataSource, TimeProvider.System);
        foreach (var (relative, source, read) in Files)
        {
            imports.Add(await ImportAsync(store, Path.Combine(SharedFolder.Root!, relative), source, read));
        }

        imports.Add(await ImportAsync(store, RepoFolder.Path("geo", "theater", "places.geojson"), GazetteerSources.Curated, new CuratedTheaterReader().Read));
    }

    public void Require()
    {
        foreach (var file in Files)
        {
            SharedFolder.Require(file.Path);
        }

        Assert.True(Loaded, "the reference gazetteer did not load");
    }

    private async Task<(string, GazetteerImportSummary, TimeSpan)> ImportAsync(GazetteerStore store, string path, string source, Func<Stream, string, IEnumerable<PlaceRecord>> read)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        var watch = Stopwatch.StartNew();
        await using var stream = File.OpenRead(path);
        var summary = await store.ImportAsync(new GazetteerImport(source, "test", Path.GetFileName(path), sha), read(stream, Path.GetFileName(path)), null);
        return (Path.GetFileName(path), summary, watch.Elapsed);
    }
}

