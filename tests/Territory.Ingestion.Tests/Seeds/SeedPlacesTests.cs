using System.Globalization;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;
using Territory.Testing;

namespace Territory.Ingestion.Tests.Seeds;

/// <summary>
/// Every place the five seed reports name resolves to the right place (Expected/seed-places.tsv, written by the team from
/// the texts), with the full reference gazetteer loaded in PostGIS and read back as the app reads it.
/// </summary>
public class SeedPlacesTests(ReferenceGazetteer gazetteer) : IClassFixture<ReferenceGazetteer>
{
    public static TheoryData<string, string, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Expected", "seed-places.tsv")).Where(l => !l.StartsWith('#')).Skip(1))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_place_named_in_a_seed_report_resolves_to_the_right_place(string seed, string surface, string expected, string lat, string lon, string toleranceKm, string admin1)
    {
        var path = SharedFolder.Require(Path.Combine("seeds", seed));
        gazetteer.Require();
        var geocoder = await GeocoderAsync();
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        var at = text.IndexOf(surface, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{surface}' is not in {seed}");

        var mentions = geocoder.Geocode(text);
        var mention = mentions.FirstOrDefault(m => m.Span.Start < at + surface.Length && at < m.Span.End);
        Assert.True(mention is not null, $"no mention over '{surface}' ({expected}); mentions near: {string.Join(", ", mentions.Where(m => Math.Abs(m.Span.Start - at) < 200).Select(m => m.Span.Surface))}");
        Assert.True(mention.IsResolved, $"'{mention.Span.Surface}' unresolved; candidates: {Describe(mention)}");
        var place = mention.Place!;
        if (admin1.Length > 0)
        {
            Assert.True(place.Admin1Code == admin1 || place.Pcode == admin1, $"'{mention.Span.Surface}' → {place.Name} ({place.Kind}, {place.Admin1Code}), expected in {admin1}; {Describe(mention)}");
        }
        else
        {
            var km = PlaceResolver.DistanceKm(place.Lon, place.Lat, Number(lon), Number(lat));
            Assert.True(km <= Number(toleranceKm), $"'{mention.Span.Surface}' → {place.Name} ({place.Kind}, {place.Source}) is {km:F1} km from {expected}; {Describe(mention)}");
        }
    }

    private static Geocoder? _geocoder;

    private async Task<Geocoder> GeocoderAsync() => _geocoder ??= new Geocoder(GazetteerIndex.Build(await gazetteer.LoadEntriesAsync()));

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static string Describe(PlaceMention mention) =>
        string.Join(" | ", mention.Candidates.Take(3).Select(c => $"{c.Entry.Name}/{c.Entry.Kind}/{c.Entry.Source} {c.Score:F2} [{string.Join("; ", c.Reasons)}]"));
}
