namespace VirtLint.Cli.Output;

/// <summary>
/// Finds the top level of the git working tree holding a file, as <c>git rev-parse --show-toplevel</c> would, without
/// running git: the nearest directory at or above the file with a <c>.git</c> directory, or a <c>.git</c> file
/// starting with <c>gitdir:</c> (linked worktrees and submodules).
/// </summary>
internal sealed class GitTopLevel
{
    private const int MaxGitFileBytes = 4096;

    private readonly Dictionary<string, string?> _byDirectory = new(StringComparer.Ordinal);

    /// <summary>The working tree's top level for the absolute path <paramref name="file"/> (which need not exist), or null.</summary>
    public string? Find(string file)
    {
        var visited = new List<string>();
        string? found = null;
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (_byDirectory.TryGetValue(directory, out found)) break;
            visited.Add(directory);
            if (HoldsGit(directory))
            {
                found = directory;
                break;
            }
        }

        foreach (var directory in visited) _byDirectory[directory] = found;
        return found;
    }

    private static bool HoldsGit(string directory)
    {
        var git = Path.Combine(directory, ".git");
        try
        {
            if (Directory.Exists(git)) return true;
            if (!File.Exists(git)) return false;

            // Read only the start: a '.git' file is one short line, and a huge or special file must not stall the run.
            using var stream = new FileStream(git, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[MaxGitFileBytes];
            var read = stream.Read(buffer, 0, buffer.Length);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read).StartsWith("gitdir:", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
