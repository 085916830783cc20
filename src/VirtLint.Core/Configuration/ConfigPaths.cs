namespace VirtLint.Core.Configuration;

/// <summary>Path helpers shared by discovery and glob matching: '/'-separated paths relative to a config's directory.</summary>
public static class ConfigPaths
{
    public static readonly IReadOnlyList<string> FileNames = [".virtlint.yaml", ".virtlint.yml"];

    /// <summary>The path of <paramref name="fullPath"/> relative to <paramref name="directory"/>, with '/' separators.</summary>
    public static string Relative(string directory, string fullPath)
    {
        var relative = Path.GetRelativePath(directory, fullPath);
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Whether the directory is a repository root: it holds <c>.git</c> (a directory, or a file in a worktree).</summary>
    public static bool IsGitRoot(string directory)
    {
        var git = Path.Combine(directory, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }
}
