namespace VirtLint.Rules.Tests;

/// <summary>Locates the repository and the shared corpus from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Fixtures => Path.Combine(Root, "tests", "VirtLint.Rules.Tests", "Fixtures");

    /// <summary><c>VIRTLINT_CORPUS</c> when set, else <c>../shared/corpus</c> beside the repository; null when neither exists.</summary>
    public static string? Corpus
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("VIRTLINT_CORPUS");
            if (!string.IsNullOrEmpty(fromEnvironment)) return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
            var sibling = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(sibling) ? sibling : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VirtLint.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (no VirtLint.sln above the test folder).");
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
