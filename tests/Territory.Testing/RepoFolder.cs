namespace Territory.Testing;

/// <summary>The checkout's root folder (the one holding Territory.sln), for tests that read files of the repo.</summary>
public static class RepoFolder
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Territory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find Territory.sln above " + AppContext.BaseDirectory);
    }
}
