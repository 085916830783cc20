using VirtLint.Core;

namespace VirtLint.Cli.Output;

/// <summary>A linted file's path relative to the repository root, or its absolute path when it lies outside it.</summary>
/// <param name="Relative">'/'-separated and never starting with '..'; null when the file is outside the root or is unnamed standard input.</param>
internal sealed record ArtifactPath(string? Relative, string? Full);

/// <summary>
/// Where the files of a run are relative to the repository, for the formats a code host reads (SARIF, GitHub
/// annotations, GitLab Code Quality): those must name files from the repository root whatever directory VirtLint
/// ran in. The root is, in order: <c>--sarif-root</c> when given; the git top level of the first linted file that
/// is in a git working tree; <c>GITHUB_WORKSPACE</c>; the current directory.
/// </summary>
internal sealed class ArtifactPaths
{
    private readonly IReadOnlyDictionary<string, string?> _fullPaths;
    private readonly IEnumerable<string?>? _rootCandidates;
    private readonly string _currentDirectory;
    private readonly Lazy<string> _root;

    /// <param name="fullPaths">
    /// Display path → absolute path of the inputs; null for unnamed standard input. An input left out is taken to be
    /// its display path resolved against <paramref name="currentDirectory"/> (see <see cref="ExceptionsOnly"/>).
    /// </param>
    /// <param name="rootCandidates">The absolute path of every input in display-path order, looked through for a git
    /// top level; the values of <paramref name="fullPaths"/> in key order when null.</param>
    public ArtifactPaths(
        IReadOnlyDictionary<string, string?> fullPaths, string currentDirectory, string? explicitRoot, string? githubWorkspace,
        IEnumerable<string?>? rootCandidates = null)
    {
        _fullPaths = fullPaths;
        _rootCandidates = rootCandidates;
        _currentDirectory = currentDirectory;
        _root = new Lazy<string>(() => FindRoot(explicitRoot, githubWorkspace));
    }

    /// <summary>
    /// The entries of <paramref name="fullPaths"/> an <see cref="ArtifactPaths"/> needs: those whose absolute path is
    /// not simply their display path resolved against <paramref name="currentDirectory"/>. A run of 100,000 files then
    /// keeps no second copy of every path.
    /// </summary>
    public static Dictionary<string, string?> ExceptionsOnly(IEnumerable<KeyValuePair<string, string?>> fullPaths, string currentDirectory)
    {
        var exceptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (display, full) in fullPaths)
        {
            var implied = display == LintInput.StdinName ? null : Path.GetFullPath(display, currentDirectory);
            if (full != implied) exceptions[display] = full;
            else exceptions.Remove(display);
        }

        return exceptions;
    }

    /// <summary>The repository root: an absolute path without a trailing separator (except for '/').</summary>
    public string Root => _root.Value;

    public string CurrentDirectory => _currentDirectory;

    /// <summary>Where the file shown as <paramref name="displayPath"/> is, relative to <see cref="Root"/> when it is inside it.</summary>
    public ArtifactPath Locate(string displayPath)
    {
        var full = FullPath(displayPath);
        if (full is null) return new ArtifactPath(null, null);
        var relative = Path.GetRelativePath(Root, full);
        var inside = !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return new ArtifactPath(inside ? relative.Replace(Path.DirectorySeparatorChar, '/') : null, full);
    }

    /// <summary>The path to show a code host: relative to the root when inside it, else absolute; the display path for unnamed standard input.</summary>
    public string RepositoryPath(string displayPath)
    {
        var located = Locate(displayPath);
        return located.Relative ?? located.Full ?? displayPath;
    }

    private string? FullPath(string displayPath)
    {
        if (_fullPaths.TryGetValue(displayPath, out var full)) return full;
        return displayPath == LintInput.StdinName ? null : Path.GetFullPath(displayPath, _currentDirectory);
    }

    private string FindRoot(string? explicitRoot, string? githubWorkspace)
    {
        if (!string.IsNullOrEmpty(explicitRoot)) return Trim(Path.GetFullPath(explicitRoot, _currentDirectory));

        var git = new GitTopLevel();
        foreach (var full in _rootCandidates ?? _fullPaths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value))
        {
            if (full is not null && git.Find(full) is { } topLevel) return Trim(topLevel);
        }

        return Trim(Path.GetFullPath(string.IsNullOrEmpty(githubWorkspace) ? _currentDirectory : githubWorkspace, _currentDirectory));
    }

    private static string Trim(string directory) => Path.TrimEndingDirectorySeparator(directory);
}
