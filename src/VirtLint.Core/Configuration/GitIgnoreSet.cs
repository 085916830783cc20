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

    public GitIgnoreSet(string rootDirectory) => _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));

    public string Root => _root;

    /// <summary>Whether a walk should skip the file or directory at <paramref name="fullPath"/> (which lies under the root).</summary>
    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath));
        if (!IsUnder(fullPath, _root)) return false;
        for (var directory = Path.GetDirectoryName(fullPath); directory is not null && IsUnder(directory, _root); directory = Path.GetDirectoryName(directory))
        {
            var ignore = _byDirectory.GetOrAdd(directory, Load);
            if (ignore.Count > 0 && ignore.Match(Relative(directory, fullPath), isDirectory) is { } decided) return decided;
            if (directory.Length == _root.Length) break;
        }

        return false;
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

    private static string Relative(string directory, string fullPath) => Path.GetRelativePath(directory, fullPath).Replace('\\', '/');

    private static bool IsUnder(string path, string root) =>
        path.Length == root.Length ? string.Equals(path, root, StringComparison.Ordinal)
        : path.Length > root.Length && path.StartsWith(root, StringComparison.Ordinal) && (path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar));
}
