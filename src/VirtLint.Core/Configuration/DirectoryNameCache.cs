namespace VirtLint.Core.Configuration;

/// <summary>
/// <see cref="Path.GetDirectoryName(string)"/> remembering its last answer: the walk, and then the configuration of its
/// files, asks for the directory of one folder's files after another, and each answer was a new string (100,000
/// files: three per file).
/// </summary>
public sealed class DirectoryNameCache
{
    // One reference, read and written whole: threads may share the cache, at worst asking Path again.
    private string? _last;

    /// <summary>The directory of a full path, as <see cref="Path.GetDirectoryName(string)"/> gives it.</summary>
    public string? Of(string fullPath)
    {
        var last = _last;
        // Only the plain case is answered from memory: a name directly under the remembered directory.
        if (last is not null && last.Length > 1 && fullPath.Length > last.Length + 1
            && fullPath[last.Length] == Path.DirectorySeparatorChar && fullPath.StartsWith(last, StringComparison.Ordinal)
            && fullPath.IndexOf(Path.DirectorySeparatorChar, last.Length + 1) < 0)
            return last;

        var directory = Path.GetDirectoryName(fullPath);
        _last = directory;
        return directory;
    }
}
