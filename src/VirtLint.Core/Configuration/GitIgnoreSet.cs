using System.Collections.Concurrent;

namespace VirtLint.Core.Configuration;

/// <summary>
/// The <c>.gitignore</c> files of a directory tree, read lazily and once per directory, answering "does a walk skip
/// this path?". A deeper <c>.gitignore</c> overrides a shallower one, as in git.
/// </summary>
/// <remarks>
/// The directory walker creates one set per walk root (the git root when there is one, so that the repository's
/// top-level <c>.gitignore</c> applies to a walk of a subdirectory) and asks <see cref="IsIgnored"/> for each entry
/// before yielding a file or descending into a directory. Thread-safe. <c>.git/info/exclude</c> and the user's global
/// excludes file are not read: what is linted depends only on files in the repository.
/// </remarks>
public sealed class GitIgnoreSet
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, GitIgnore> _byDirectory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Directory, GitIgnore Ignore)[]> _chains = new(StringComparer.Ordinal);
    private readonly DirectoryNameCache _directories = new();

    public GitIgnoreSet(string rootDirectory) => _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));

    public string Root => _root;

    /// <summary>Whether a walk should skip the file or directory at <paramref name="fullPath"/> (which lies under the root).</summary>
    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath));
        if (!IsUnder(fullPath, _root)) return false;
        if (_directories.Of(fullPath) is not { } parent || !IsUnder(parent, _root)) return false;
        if (!_chains.TryGetValue(parent, out var chain)) chain = _chains.GetOrAdd(parent, ChainOf(parent));
        foreach (var (directory, ignore) in chain)
        {
            if (ignore.Match(Relative(directory, fullPath), isDirectory) is { } decided) return decided;
        }

        return false;
    }

    // The .gitignore files with patterns that apply in a directory, nearest first, up to the root: worked out once per
    // directory instead of once per file (every file asked for each of its ancestors, and a new string for each).
    private (string Directory, GitIgnore Ignore)[] ChainOf(string start)
    {
        var chain = new List<(string, GitIgnore)>();
        for (var directory = start; directory is not null && IsUnder(directory, _root); directory = Path.GetDirectoryName(directory))
        {
            var ignore = _byDirectory.GetOrAdd(directory, Load);
            if (ignore.Count > 0) chain.Add((directory, ignore));
            if (directory.Length == _root.Length) break;
        }

        return chain.ToArray();
    }

    private static GitIgnore Load(string directory)
    {
        var path = Path.Combine(directory, ".gitignore");
        try
        {
            return File.Exists(path) ? GitIgnore.Parse(File.ReadAllText(path)) : GitIgnore.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable .gitignore ignores nothing; the walk reports unreadable files itself.
            return GitIgnore.Empty;
        }
    }

    // The path below the directory: both are full paths, the one under the other.
    private static string Relative(string directory, string fullPath) =>
        (directory.EndsWith(Path.DirectorySeparatorChar) ? fullPath[directory.Length..] : fullPath[(directory.Length + 1)..]).Replace('\\', '/');

    private static bool IsUnder(string path, string root) =>
        path.Length == root.Length ? string.Equals(path, root, StringComparison.Ordinal)
        : path.Length > root.Length && path.StartsWith(root, StringComparison.Ordinal) && (path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar));
}
