namespace VirtLint.Core;

/// <summary>Turns the paths a user typed into the files to lint: files as given, directories searched recursively for <c>*.xml</c>.</summary>
public static class PathExpander
{
    public static (IReadOnlyList<LintInput> Inputs, IReadOnlyList<InputError> Errors) Expand(IEnumerable<string> paths)
    {
        var inputs = new List<LintInput>();
        var errors = new List<InputError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in EnumerateXml(path, errors))
                {
                    var display = Normalize(file);
                    if (seen.Add(Path.GetFullPath(file))) inputs.Add(LintInput.FromFile(display, file));
                }
            }
            else if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) inputs.Add(LintInput.FromFile(Normalize(path), path));
            }
            else
            {
                errors.Add(new InputError(path, "no such file or directory"));
            }
        }

        inputs.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return (inputs, errors);
    }

    private static IEnumerable<string> EnumerateXml(string directory, List<InputError> errors)
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
            errors.Add(new InputError(directory, e.Message));
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
