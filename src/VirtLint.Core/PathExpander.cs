using VirtLint.Core.Files;

namespace VirtLint.Core;

/// <summary>
/// Turns the paths a user typed into the files to lint: files as given, directories searched recursively for
/// <c>*.xml</c>. Only regular files become inputs: FIFOs, sockets and devices are reported and never opened; symbolic
/// links are followed to regular files and directories (each directory is walked once, so link loops end); a
/// directory that cannot be listed is reported and the rest of the walk goes on.
/// </summary>
public static class PathExpander
{
    /// <summary>
    /// Expands <paramref name="paths"/>, resolving relative ones against <paramref name="baseDirectory"/> (the process's
    /// current directory when null). Display paths keep the path as typed, followed by the file's place under it; a file
    /// reached through a symbolic link is shown under the link's path.
    /// </summary>
    /// <param name="filter">Decides which files and directories a directory walk skips (config include/exclude, <c>.gitignore</c>); paths named directly are never skipped.</param>
    public static (IReadOnlyList<LintInput> Inputs, IReadOnlyList<InputError> Errors) Expand(IEnumerable<string> paths, string? baseDirectory = null, IWalkFilter? filter = null)
    {
        var walk = new Walk(filter);
        foreach (var path in paths)
        {
            var located = baseDirectory is null || Path.IsPathRooted(path) ? path : Path.Join(baseDirectory, path);
            walk.Named(path, located);
        }

        walk.Inputs.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return (walk.Inputs, walk.Errors);
    }

    private sealed class Walk(IWalkFilter? filter)
    {
        private readonly HashSet<string> _files = new(StringComparer.Ordinal);
        private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
        private readonly HashSet<(string, string)> _reported = [];

        public List<LintInput> Inputs { get; } = [];
        public List<InputError> Errors { get; } = [];

        // A path named and also met in a walk is reported once.
        private void Report(string display, string message)
        {
            if (_reported.Add((display, message))) Errors.Add(new InputError(display, message));
        }

        public void Named(string typed, string located)
        {
            var display = Normalize(typed);
            var self = FileProbe.Link(located);
            if (self.Kind == FileKind.SymbolicLink)
            {
                var target = FileProbe.Target(located);
                if (target.Error is not null || target.Kind == FileKind.Missing)
                {
                    Report(display, $"symbolic link to a target that cannot be read: {target.Error ?? "no such file or directory"}");
                    return;
                }

                self = target;
            }
            else if (self.Error is not null || self.Kind == FileKind.Missing)
            {
                Report(display, self.Error ?? MissingMessage(typed));
                return;
            }

            switch (self.Kind)
            {
                case FileKind.Directory:
                    Directory(display, located, self.Identity);
                    break;
                case FileKind.Regular:
                    AddFile(display, located);
                    break;
                default:
                    Report(display, $"{self.Kind.Describe()}, not a regular file; it was not opened");
                    break;
            }
        }

        private void Directory(string display, string located, string identity)
        {
            // A directory reached a second time (a link back to an ancestor, or two links to one place) was already walked.
            if (!_directories.Add(identity)) return;

            List<string> entries;
            try
            {
                entries = System.IO.Directory.EnumerateFileSystemEntries(located).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(display, e is UnauthorizedAccessException ? "permission denied; the directory was skipped" : $"{e.Message}; the directory was skipped");
                return;
            }

            entries.Sort(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry.AsSpan());
                // Version-control and tool folders such as .git, and hidden files, are not part of the definitions.
                if (name.Length > 1 && name[0] == '.') continue;
                Entry(Child(display, name), entry, name);
            }
        }

        private void Entry(string display, string located, ReadOnlySpan<char> name)
        {
            var isXml = name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
            var self = FileProbe.Link(located);
            if (self.Error is not null || self.Kind == FileKind.Missing)
            {
                // Listed a moment ago but not found by its name: the name did not survive decoding.
                if (name.Contains('\uFFFD'))
                    Report(display, "the file name is not valid UTF-8 (shown with U+FFFD), so VirtLint cannot open it; rename it");
                else if (self.Error is not null)
                    Report(display, $"{self.Error}; it was skipped");
                return;
            }

            if (self.Kind == FileKind.SymbolicLink)
            {
                var target = FileProbe.Target(located);
                if (target.Kind == FileKind.Directory && target.Error is null)
                {
                    if (!SkipsDirectory(located)) Directory(display, located, target.Identity);
                }
                else if (isXml && target.Kind == FileKind.Regular && target.Error is null)
                {
                    if (!SkipsFile(located)) AddFile(display, located);
                }
                else if (isXml && target.Error is not null)
                {
                    Report(display, $"symbolic link that cannot be followed ({target.Error}); it was skipped");
                }
                else if (isXml)
                {
                    var what = target.Kind == FileKind.Missing ? "a missing target" : target.Kind.Describe();
                    Report(display, $"symbolic link to {what}, not a regular file; it was not followed");
                }

                return;
            }

            switch (self.Kind)
            {
                case FileKind.Directory:
                    if (!SkipsDirectory(located)) Directory(display, located, self.Identity);
                    break;
                case FileKind.Regular when isXml:
                    if (!SkipsFile(located)) AddFile(display, located);
                    break;
                case FileKind.Regular:
                    break;
                default:
                    if (isXml) Report(display, $"{self.Kind.Describe()}, not a regular file; it was not opened");
                    break;
            }
        }

        private bool SkipsDirectory(string located) => filter is not null && filter.SkipsDirectory(Path.GetFullPath(located));

        private bool SkipsFile(string located) => filter is not null && filter.SkipsFile(Path.GetFullPath(located));

        private void AddFile(string display, string located)
        {
            // A path typed absolute is shown as it is located: one string for both (100,000 files: 13 MB kept to the end).
            if (_files.Add(Path.GetFullPath(located))) Inputs.Add(LintInput.FromFile(display, display == located ? display : located));
        }

        private static string Child(string display, ReadOnlySpan<char> name) =>
            display is "" or "." ? name.ToString() : display.EndsWith('/') ? string.Concat(display, name) : string.Concat(display, "/", name);

        private static string MissingMessage(string typed) =>
            typed.Contains('\uFFFD')
                ? "no such file or directory (the path is not valid UTF-8 as given, so VirtLint cannot open it)"
                : "no such file or directory";
    }

    /// <summary>What a directory walk leaves out; asked with full paths, for entries met while walking only.</summary>
    public interface IWalkFilter
    {
        bool SkipsDirectory(string fullPath);

        bool SkipsFile(string fullPath);
    }

    /// <summary>
    /// Display paths use '/' and drop a leading "./", so output is the same on every platform. Only the platform's
    /// separator is replaced: on Linux a backslash is part of a file name and is kept.
    /// </summary>
    public static string Normalize(string path)
    {
        var p = Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p;
    }
}
