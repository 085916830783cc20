using VirtLint.Core.Files;
using VirtLint.Core;

namespace VirtLint.Cli.Output;

/// <summary>
/// Refuses report paths that would destroy what is being linted: one of the input files (<c>check vm.xml --output
/// vm.xml</c>), or an <c>*.xml</c> file inside a directory being walked, which the next run would lint as input (and
/// which may be an input of this one). Paths are compared after resolving symbolic links and <c>..</c>.
/// </summary>
internal sealed class OutputGuard
{
    private readonly HashSet<string> _inputs = new(StringComparer.Ordinal);
    private readonly List<(string Typed, string Real)> _walked = [];
    private readonly string _currentDirectory;

    /// <param name="typedPaths">The PATH arguments as given ('-' excluded).</param>
    /// <param name="inputs">The files they expanded to.</param>
    public OutputGuard(IEnumerable<string> typedPaths, IEnumerable<LintInput> inputs, string currentDirectory)
    {
        _currentDirectory = currentDirectory;
        foreach (var input in inputs)
        {
            if (input.FilePath is null) continue;
            var full = Path.GetFullPath(input.FilePath, currentDirectory);
            _inputs.Add(full);
            if (UnixFileStatus.RealPath(full) is { } real) _inputs.Add(real);
        }

        foreach (var typed in typedPaths)
        {
            var full = Path.GetFullPath(typed, currentDirectory);
            if (Directory.Exists(full)) _walked.Add((typed, Path.TrimEndingDirectorySeparator(UnixFileStatus.RealPath(full) ?? full)));
        }
    }

    /// <summary>Why <paramref name="path"/> must not be written, or null when it is safe.</summary>
    public string? Check(string path)
    {
        var full = Path.GetFullPath(path, _currentDirectory);
        var real = UnixFileStatus.RealPath(full) ?? RealParent(full);
        if (_inputs.Contains(full) || _inputs.Contains(real))
            return $"'{path}' is one of the files being linted; refusing to overwrite it with the report.";

        if (!real.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var (typed, directory) in _walked)
        {
            var relative = Path.GetRelativePath(directory, real);
            if (relative is "." or ".." || Path.IsPathRooted(relative) || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            if (IsHidden(relative)) continue;
            return $"'{path}' is inside '{typed}', a directory being linted, where the report would be read as input; write it elsewhere or give it a name not ending in '.xml'.";
        }

        return null;
    }

    private static string RealParent(string full)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null) return full;
        return Path.Combine(UnixFileStatus.RealPath(parent) ?? parent, Path.GetFileName(full));
    }

    // The walk skips hidden folders and files (a part starting with '.'), as PathExpander does.
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.Length > 1 && part[0] == '.' && part != "..");
}
