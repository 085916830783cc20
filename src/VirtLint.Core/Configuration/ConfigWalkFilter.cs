using System.Collections.Concurrent;

namespace VirtLint.Core.Configuration;

/// <summary>
/// What a directory walk leaves out: files outside the governing config's <c>include</c> globs or inside its
/// <c>exclude</c> globs, and (unless turned off) what the repository's <c>.gitignore</c> files ignore. Outside a git
/// repository no <c>.gitignore</c> applies, as in git.
/// </summary>
public sealed class ConfigWalkFilter(ConfigResolver resolver, bool respectGitIgnore = true) : PathExpander.IWalkFilter
{
    private readonly ConcurrentDictionary<string, GitIgnoreSet?> _byDirectory = new(StringComparer.Ordinal);
    private readonly DirectoryNameCache _directories = new();

    public bool SkipsDirectory(string fullPath) =>
        resolver.IsExcludedDirectory(fullPath) || (respectGitIgnore && GitIgnores(Path.GetDirectoryName(fullPath))?.IsIgnored(fullPath, isDirectory: true) == true);

    public bool SkipsFile(string fullPath) =>
        !resolver.IsIncluded(fullPath) || (respectGitIgnore && GitIgnores(_directories.Of(fullPath))?.IsIgnored(fullPath, isDirectory: false) == true);

    // One set per repository: found by walking up to the directory holding .git, once per directory.
    private GitIgnoreSet? GitIgnores(string? directory)
    {
        if (directory is null) return null;
        if (_byDirectory.TryGetValue(directory, out var known)) return known;
        var found = ConfigPaths.IsGitRoot(directory) ? new GitIgnoreSet(directory) : GitIgnores(Path.GetDirectoryName(directory));
        return _byDirectory.GetOrAdd(directory, found);
    }
}
