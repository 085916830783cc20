namespace VirtLint.Tests;

/// <summary>
/// Locates the repository and the shared material beside it from a test's output folder. Compiled into every test
/// project (linked), so each finds the same root the same way.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding VirtLint.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Fixtures => Path.Combine(Root, "tests", "VirtLint.Rules.Tests", "Fixtures");

    /// <summary>The official SARIF 2.1.0 schema from the shared folder beside the repository.</summary>
    public static string SarifSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "sarif-schema-2.1.0.json"));

    /// <summary>The shared libvirt test-driver node file (virt-manager's test driver data) beside the repository.</summary>
    public static string TestNode => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "libvirt-test-node.xml"));

    /// <summary><c>VIRTLINT_CORPUS</c> when set, else <c>../shared/corpus</c> beside the repository.</summary>
    public static string CorpusCandidate
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("VIRTLINT_CORPUS");
            return !string.IsNullOrEmpty(fromEnvironment) ? fromEnvironment : Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
        }
    }

    /// <summary>The corpus folder, or null when it does not exist.</summary>
    public static string? Corpus => Directory.Exists(CorpusCandidate) ? CorpusCandidate : null;

    /// <summary>Corpus tests skip loudly without the corpus, and fail in CI (<c>CI=true</c>), where it must be present.</summary>
    public static string? MissingCorpusMessage(out bool fail)
    {
        fail = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return Corpus is null ? $"The libvirt corpus is missing at '{CorpusCandidate}': set VIRTLINT_CORPUS or provide ../shared/corpus beside the repository." : null;
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "VirtLint.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No VirtLint.sln above '{AppContext.BaseDirectory}'.");
    }
}
