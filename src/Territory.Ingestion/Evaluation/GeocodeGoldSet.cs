using System.Globalization;
using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Evaluation;

/// <summary>One row of data/gold/geocode.tsv: a spelling, optional context, and where it should land.</summary>
public sealed record GeocodeGoldRow(string Id, string Language, string Spelling, string Context, string Expected, double? Lat, double? Lon, string Kind, double ToleranceKm)
{
    public bool ExpectsUnresolved => Expected == "UNRESOLVED";

    /// <summary>The text the geocoder reads: the spelling, then its context after a comma when there is one.</summary>
    public string Text => Context.Length == 0 ? Spelling : $"{Spelling}, {Context}";
}

/// <summary>How the geocoder did on one gold row.</summary>
public sealed record GeocodeGoldResult(GeocodeGoldRow Row, PlaceMention? Mention, bool Correct, double? ErrorKm);

/// <summary>Scores of a gold set: accuracy overall and per language, and error distances in km.</summary>
public sealed record GeocodeGoldScore(IReadOnlyList<GeocodeGoldResult> Results)
{
    public double Accuracy => Results.Count == 0 ? 0 : Results.Count(r => r.Correct) / (double)Results.Count;

    public double MedianErrorKm => Percentile(0.5);

    public double P95ErrorKm => Percentile(0.95);

    public IReadOnlyDictionary<string, double> AccuracyByLanguage =>
        Results.GroupBy(r => r.Row.Language).ToDictionary(g => g.Key, g => g.Count(r => r.Correct) / (double)g.Count());

    /// <summary>One line per figure, for the README.</summary>
    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"geocode gold set: {Results.Count} spellings, {Results.Select(r => r.Row.Expected).Distinct().Count()} places; accuracy {Accuracy:P1} ")
        + string.Join(", ", AccuracyByLanguage.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:P1}")))
        + string.Create(CultureInfo.InvariantCulture, $"; error median {MedianErrorKm:F2} km, 95th percentile {P95ErrorKm:F2} km");

    // Errors of rows with an expected point that the geocoder resolved (a miss with no answer has no distance).
    private double Percentile(double p)
    {
        var errors = Results.Where(r => r.ErrorKm.HasValue).Select(r => r.ErrorKm!.Value).Order().ToList();
        if (errors.Count == 0)
        {
            return double.NaN;
        }

        var rank = p * (errors.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return errors[low] + ((errors[high] - errors[low]) * (rank - low));
    }
}

/// <summary>Reads and scores the geocoding gold set (data/gold/geocode.tsv).</summary>
public static class GeocodeGoldSet
{
    public static IReadOnlyList<GeocodeGoldRow> Read(string path)
    {
        var rows = new List<GeocodeGoldRow>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            if (f.Length < 9)
            {
                throw new InvalidDataException($"{path}: a row has {f.Length} columns, 9 or 10 expected: {line}");
            }

            rows.Add(new GeocodeGoldRow(f[0], f[1], f[2], f[3], f[4], Number(f[5]), Number(f[6]), f[7], Number(f[8]) ?? 3));
        }

        return rows;
    }

    /// <summary>Geocodes every row's text and checks the mention over the spelling.</summary>
    public static GeocodeGoldScore Score(Geocoder geocoder, IReadOnlyList<GeocodeGoldRow> rows)
    {
        ArgumentNullException.ThrowIfNull(geocoder);
        ArgumentNullException.ThrowIfNull(rows);
        var results = new List<GeocodeGoldResult>(rows.Count);
        foreach (var row in rows)
        {
            var mention = geocoder.Geocode(row.Text, row.Language).FirstOrDefault(m => m.Span.Start < row.Spelling.Length);
            if (row.ExpectsUnresolved)
            {
                results.Add(new GeocodeGoldResult(row, mention, mention is not { IsResolved: true }, null));
                continue;
            }

            if (mention is not { IsResolved: true } || row.Lat is null || row.Lon is null)
            {
                results.Add(new GeocodeGoldResult(row, mention, false, null));
                continue;
            }

            var km = PlaceResolver.DistanceKm(mention.Place!.Lon, mention.Place.Lat, row.Lon.Value, row.Lat.Value);
            results.Add(new GeocodeGoldResult(row, mention, km <= row.ToleranceKm, km));
        }

        return new GeocodeGoldScore(results);
    }

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
