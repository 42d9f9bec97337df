namespace Territory.Domain.Places;

/// <summary>
/// A gazetteer file that cannot be read: the message names the file, where in it (line or feature number) and the problem,
/// for example <c>SY.txt: line 12: expected 19 tab-separated columns, found 7</c>.
/// </summary>
public sealed class GazetteerFormatException : Exception
{
    public GazetteerFormatException(string fileName, string location, string problem)
        : base($"{fileName}: {location}: {problem}")
    {
        FileName = fileName;
        Location = location;
        Problem = problem;
    }

    public GazetteerFormatException(string fileName, string location, string problem, Exception innerException)
        : base($"{fileName}: {location}: {problem}", innerException)
    {
        FileName = fileName;
        Location = location;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that was read.</summary>
    public string FileName { get; }

    /// <summary>Where: <c>line 12</c>, <c>feature 3</c>, <c>object syr_admin1, geometry 4</c>...</summary>
    public string Location { get; }

    /// <summary>What is wrong there.</summary>
    public string Problem { get; }

    public static GazetteerFormatException AtLine(string fileName, long line, string problem) =>
        new(fileName, $"line {line}", problem);

    public static GazetteerFormatException AtFeature(string fileName, int feature, string problem) =>
        new(fileName, $"feature {feature}", problem);
}
