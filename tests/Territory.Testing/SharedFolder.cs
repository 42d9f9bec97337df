using Xunit;

namespace Territory.Testing;

/// <summary>
/// The project's shared test material (seed reports, reference geodata), read from ../shared next to the checkout
/// or from the folder named by TERRITORY_SHARED. A fresh clone has no such folder: tests that need it skip, saying why.
/// </summary>
public static class SharedFolder
{
    public const string Variable = "TERRITORY_SHARED";

    /// <summary>The folder, or null when neither the variable nor ../shared gives one.</summary>
    public static string? Root { get; } = Locate();

    /// <summary>A path inside the shared folder; skips the calling test when that path is not there.</summary>
    public static string Require(string relativePath)
    {
        var path = Root is null ? null : Path.Combine(Root, relativePath);
        if (path is null || !(File.Exists(path) || Directory.Exists(path)))
        {
            Assert.Skip($"needs the shared test material '{relativePath}', which is not here: set {Variable} to the shared folder, or place it at ../shared beside the checkout.");
        }

        return path!;
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        // Walk up from the test binaries to the checkout (the folder with Territory.sln), then look beside it.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
