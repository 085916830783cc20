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
    private readonly IReadOnlyList<LintInput> _inputs;
    private readonly List<(string Typed, string Real)> _walked = [];
    private readonly string _currentDirectory;

    /// <param name="typedPaths">The PATH arguments as given ('-' excluded).</param>
    /// <param name="inputs">The files they expanded to: kept as given, never copied (a run can have 100,000 of them).</param>
    public OutputGuard(IEnumerable<string> typedPaths, IReadOnlyList<LintInput> inputs, string currentDirectory)
    {
        _currentDirectory = currentDirectory;
        _inputs = inputs;
        foreach (var typed in typedPaths)
        {
            var full = Path.GetFullPath(typed, currentDirectory);
            if (Directory.Exists(full)) _walked.Add((typed, Path.TrimEndingDirectorySeparator(UnixFileStatus.RealPath(full) ?? full)));
        }
    }

    /// <summary>Why <paramref name="path"/> must not be written, or null when it is safe.</summary>
    public string? Check(string path) => Check([path])[0];

    /// <summary>
    /// For each of <paramref name="paths"/>, why it must not be written, or null when it is safe. Only a report path
    /// that is an existing regular file can be an input; the inputs are then compared with it by file identity
    /// (device and inode, which also catches hard links), one <c>statx</c> each, without resolving their paths.
    /// </summary>
    public string?[] Check(IReadOnlyList<string> paths)
    {
        var refusals = new string?[paths.Count];
        var reports = paths.Select(path =>
        {
            var full = Path.GetFullPath(path, _currentDirectory);
            var status = FileProbe.Target(full);
            var identity = status.Kind == FileKind.Regular && status.Error is null && status.Identity.Length > 0 ? status.Identity : null;
            return (Real: UnixFileStatus.RealPath(full) ?? RealParent(full), Identity: identity);
        }).ToArray();

        if (reports.Any(r => r.Identity is not null))
        {
            foreach (var input in _inputs)
            {
                if (input.FilePath is null) continue;
                var identity = FileProbe.Target(Path.GetFullPath(input.FilePath, _currentDirectory)).Identity;
                if (identity.Length == 0) continue;
                for (var i = 0; i < reports.Length; i++)
                {
                    if (refusals[i] is null && reports[i].Identity == identity)
                        refusals[i] = $"'{paths[i]}' is one of the files being linted; refusing to overwrite it with the report.";
                }
            }
        }

        for (var i = 0; i < reports.Length; i++) refusals[i] ??= InsideWalkedDirectory(paths[i], reports[i].Real);
        return refusals;
    }

    private string? InsideWalkedDirectory(string path, string real)
    {
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
