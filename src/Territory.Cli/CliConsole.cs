namespace Territory.Cli;

/// <summary>Where the command reads and writes; tests pass their own.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool IsInteractive)
{
    public static CliConsole System { get; } = new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
}
