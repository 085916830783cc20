namespace VirtLint.DocGen.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The folder holding VirtLint.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The official SARIF 2.1.0 schema from the shared folder beside the repository.</summary>
    public static string SarifSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "sarif-schema-2.1.0.json"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VirtLint.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No VirtLint.sln above '{AppContext.BaseDirectory}'.");
    }
}
