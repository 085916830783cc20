namespace VirtLint.Core.Configuration;

/// <summary>
/// The patterns of one <c>.gitignore</c> file: blank lines and <c>#</c> comments skipped, <c>!</c> negation, a
/// trailing '/' for directories only, a '/' at the start or in the middle anchoring the pattern to the file's
/// directory (otherwise it matches at any depth), <c>\</c> escapes, and trailing spaces trimmed unless escaped.
/// The last matching pattern decides. Invalid patterns are skipped, as git skips them.
/// </summary>
/// <remarks>
/// Used only to skip files and directories while walking a directory (see <see cref="GitIgnoreSet"/>): git cannot
/// re-include a file whose parent directory is ignored, and a walk gets that for free by not descending into it.
/// </remarks>
public sealed class GitIgnore
{
    private readonly Pattern[] _patterns;

    private GitIgnore(Pattern[] patterns) => _patterns = patterns;

    public static GitIgnore Empty { get; } = new([]);

    public int Count => _patterns.Length;

    public static GitIgnore Parse(string text)
    {
        var patterns = new List<Pattern>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = TrimTrailingSpaces(rawLine.TrimEnd('\r'));
            if (line.Length == 0 || line[0] == '#') continue;
            var negated = line[0] == '!';
            if (negated) line = line[1..];
            var directoryOnly = line.EndsWith('/') && !line.EndsWith("\\/", StringComparison.Ordinal);
            if (directoryOnly) line = line[..^1];
            if (line.Length == 0) continue;
            var anchored = line.Contains('/');
            if (line[0] == '/') line = line[1..];
            if (line.Length == 0) continue;
            if (!Glob.TryParse(anchored ? line : "**/" + line, out var glob, out _)) continue;
            patterns.Add(new Pattern(glob!, negated, directoryOnly));
        }

        return new GitIgnore(patterns.ToArray());
    }

    /// <summary>
    /// True when the path is ignored, false when a negated pattern re-includes it, null when no pattern speaks about
    /// it. <paramref name="relativePath"/> is '/'-separated and relative to the <c>.gitignore</c>'s directory.
    /// </summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        for (var i = _patterns.Length - 1; i >= 0; i--)
        {
            var pattern = _patterns[i];
            if (pattern.DirectoryOnly && !isDirectory) continue;
            if (pattern.Glob.IsMatch(relativePath)) return !pattern.Negated;
        }

        return null;
    }

    // Git trims trailing spaces unless the last one is escaped with a backslash.
    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            if (end >= 2 && line[end - 2] == '\\') break;
            end--;
        }

        return line[..end];
    }

    private sealed record Pattern(Glob Glob, bool Negated, bool DirectoryOnly);
}
