using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests;

/// <summary>
/// A small gazetteer written for these tests (coordinates are real, names as the sources spell them), so the text
/// stages are tested on their rules and not on the project's curated file.
/// </summary>
internal static class TestGazetteer
{
    private static long _id;

    public static GazetteerEntry Place(PlaceKind kind, string name, double lon, double lat, string? admin1 = null, int? population = null, string source = GazetteerSources.Ocha, params string[] names) =>
        new(Interlocked.Increment(ref _id), kind, name, Domain.Spatial.Geo.Point(lon, lat), [.. names.Select(n => new PlaceName(n, "und"))], source, name)
        {
            Admin1Code = admin1,
            Population = population,
            Pcode = kind == PlaceKind.Governorate ? admin1 : null,
        };

    public static readonly GazetteerEntry Aleppo = Place(PlaceKind.City, "Aleppo", 37.1343, 36.2021, "SY02", 2_000_000, GazetteerSources.Ocha, "Halab", "حلب");
    public static readonly GazetteerEntry AleppoGovernorate = Place(PlaceKind.Governorate, "Aleppo", 37.6, 36.3, "SY02", null, GazetteerSources.Boundaries, "محافظة حلب");
    public static readonly GazetteerEntry Idlib = Place(PlaceKind.City, "Idleb", 36.6317, 35.9306, "SY07", 165_000, GazetteerSources.Ocha, "إدلب");
    public static readonly GazetteerEntry IdlibGovernorate = Place(PlaceKind.Governorate, "Idleb", 36.6, 35.75, "SY07", null, GazetteerSources.Boundaries, "Idlib");
    public static readonly GazetteerEntry HamaGovernorate = Place(PlaceKind.Governorate, "Hama", 36.9, 35.2, "SY05", null, GazetteerSources.Boundaries);
    public static readonly GazetteerEntry Hama = Place(PlaceKind.City, "Hama", 36.7500, 35.1318, "SY05", 850_000, GazetteerSources.Ocha, "حماة");
    public static readonly GazetteerEntry SafiraAleppo = Place(PlaceKind.Town, "As-Safira", 37.3705, 36.0771, "SY02", 60_000, GazetteerSources.Ocha, "Safira", "السفيرة");
    public static readonly GazetteerEntry SafiraHama = Place(PlaceKind.Village, "Safira", 36.52, 35.33, "SY05", 900, GazetteerSources.Ocha);
    public static readonly GazetteerEntry Saraqib = Place(PlaceKind.Town, "Saraqab", 36.8006, 35.8623, "SY07", 35_000, GazetteerSources.Ocha, "Saraqib", "سراقب");
    public static readonly GazetteerEntry Atarib = Place(PlaceKind.Town, "Atareb", 36.8313, 36.1378, "SY02", 25_000, GazetteerSources.Ocha, "الأتارب");
    public static readonly GazetteerEntry AbuDuhurTown = Place(PlaceKind.Town, "Abu Ed Duhur", 37.0569, 35.7377, "SY07", 6_000, GazetteerSources.Ocha, "أبو الظهور");
    public static readonly GazetteerEntry AbuDuhurAirbase = Place(PlaceKind.Airbase, "Abu al-Duhur Military Airbase", 37.1040, 35.7320, "SY07", null, GazetteerSources.Curated, "Abu al-Duhur", "Abu Zuhur");
    public static readonly GazetteerEntry NayrabAirbase = Place(PlaceKind.Airbase, "Nayrab Airbase", 37.2177, 36.1838, "SY02", null, GazetteerSources.Curated, "Nayrab", "al-Nayrab");
    public static readonly GazetteerEntry NayrabQuarter = Place(PlaceKind.Neighbourhood, "an-Nayrab", 37.1850, 36.1840, "SY02", null, GazetteerSources.Ocha);
    public static readonly GazetteerEntry Mare = Place(PlaceKind.Town, "Mare'", 37.1948, 36.4830, "SY02", 16_000, GazetteerSources.Ocha, "Marea");
    public static readonly GazetteerEntry Dana = Place(PlaceKind.Town, "Dana", 36.7750, 36.2140, "SY07", 25_000, GazetteerSources.Ocha);
    public static readonly GazetteerEntry Hamdaniyeh = Place(PlaceKind.Neighbourhood, "Hamadaniyeh", 37.1170, 36.1880, "SY02", null, GazetteerSources.Ocha, "Al-Hamdaniya");
    public static readonly GazetteerEntry NewAleppo = Place(PlaceKind.Neighbourhood, "New Aleppo", 37.0960, 36.2040, "SY02", null, GazetteerSources.Ocha,
        "Nouvel Alep", "Nouvelle Alep", "Nouvelle-Alep", "Halab al-Jadida", "حلب الجديدة");
    public static readonly GazetteerEntry DaratIzza = Place(PlaceKind.Town, "Daret Azza", 36.8590, 36.2800, "SY02", 16_000, GazetteerSources.Ocha, "Darat Izza");
    public static readonly GazetteerEntry TalRifaat = Place(PlaceKind.Town, "Tall Refaat", 37.0970, 36.4730, "SY02", 20_000, GazetteerSources.Ocha, "تل رفعت");
    public static readonly GazetteerEntry Assad = Place(PlaceKind.Village, "Asad", 38.1, 36.6, "SY02", 300, GazetteerSources.Ocha);

    // Landmarks some event tests add to the index (not in All: other tests' answers do not depend on them).
    public static readonly GazetteerEntry AleppoAirport = Place(PlaceKind.Airport, "Aleppo International Airport", 37.2244, 36.1807, "SY02", null, GazetteerSources.Curated,
        "Aleppo airport", "aéroport d'Alep", "aéroport international d'Alep", "مطار حلب", "مطار حلب الدولي", "Halep Havalimanı", "Halep Uluslararası Havalimanı");

    public static readonly GazetteerEntry AleppoCitadel = Place(PlaceKind.Landmark, "Aleppo Citadel", 37.16278, 36.19944, "SY02", null, GazetteerSources.Curated,
        "citadelle d'Alep", "قلعة حلب", "Halep Kalesi");

    public static readonly GazetteerEntry[] All =
    [
        Aleppo, AleppoGovernorate, Idlib, IdlibGovernorate, HamaGovernorate, Hama, SafiraAleppo, SafiraHama, Saraqib, Atarib,
        AbuDuhurTown, AbuDuhurAirbase, NayrabAirbase, NayrabQuarter, Mare, Dana, Hamdaniyeh, NewAleppo, DaratIzza, TalRifaat, Assad,
    ];

    public static readonly GazetteerIndex Index = GazetteerIndex.Build(All);

    public static readonly Geocoder Geocoder = new(Index);
}
