namespace VirtLint.Core;

/// <summary>Turns the paths a user typed into the files to lint: files as given, directories searched recursively for <c>*.xml</c>.</summary>
public static class PathExpander
{
    /// <summary>
    /// Expands <paramref name="paths"/>, resolving relative ones against <paramref name="baseDirectory"/> (the process's
    /// current directory when null). Display paths keep the path as typed, followed by the file's place under it.
    /// </summary>
    public static (IReadOnlyList<LintInput> Inputs, IReadOnlyList<InputError> Errors) Expand(IEnumerable<string> paths, string? baseDirectory = null)
    {
        var inputs = new List<LintInput>();
        var errors = new List<InputError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var located = baseDirectory is null || Path.IsPathRooted(path) ? path : Path.Join(baseDirectory, path);
            if (Directory.Exists(located))
            {
                foreach (var file in EnumerateXml(path, located, errors))
                {
                    if (seen.Add(Path.GetFullPath(file))) inputs.Add(LintInput.FromFile(Display(path, located, file), file));
                }
            }
            else if (File.Exists(located))
            {
                if (seen.Add(Path.GetFullPath(located))) inputs.Add(LintInput.FromFile(Normalize(path), located));
            }
            else
            {
                errors.Add(new InputError(path, "no such file or directory"));
            }
        }

        inputs.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return (inputs, errors);
    }

    // Files found under a directory are shown under the directory as the user typed it.
    private static string Display(string typed, string located, string found) =>
        Normalize(found.StartsWith(located, StringComparison.Ordinal) ? typed + found[located.Length..] : found);

    private static IEnumerable<string> EnumerateXml(string typed, string directory, List<InputError> errors)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = false,
            MatchCasing = MatchCasing.CaseInsensitive,
            AttributesToSkip = FileAttributes.ReparsePoint,
        };
        try
        {
            return Directory.EnumerateFiles(directory, "*.xml", options)
                .Where(f => !IsHidden(Path.GetRelativePath(directory, f)))
                .ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            errors.Add(new InputError(typed, e.Message));
            return [];
        }
    }

    // Skips version-control and tool folders such as .git, whatever their depth.
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.Length > 1 && part[0] == '.' && part != "..");

    /// <summary>Display paths use '/' and drop a leading "./", so output is the same on every platform.</summary>
    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p;
    }
}
