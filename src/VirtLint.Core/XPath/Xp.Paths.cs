namespace VirtLint.Core.XPath;

public static partial class Xp
{
    /// <summary>
    /// A host file path in one text per file, as libvirt sanitises paths (<c>virFileSanitizePath</c>): repeated slashes
    /// collapsed and a trailing slash dropped (a leading <c>//</c> kept, as POSIX allows); URIs left as they are.
    /// </summary>
    public static string CleanPath(string path)
    {
        var uri = path.IndexOf("://", StringComparison.Ordinal);
        if (uri >= 0 && path.IndexOf('/') > uri) return path;
        var text = new System.Text.StringBuilder(path.Length);
        var i = 0;
        if (path.Length > 2 && path[0] == '/' && path[1] == '/' && path[2] != '/') { text.Append("//"); i = 2; }
        while (i < path.Length)
        {
            if (path[i] != '/') { text.Append(path[i++]); continue; }
            while (i < path.Length && path[i] == '/') i++;
            if (text.Length != 0 && i == path.Length) break;
            text.Append('/');
        }

        return text.ToString();
    }

    /// <summary>The directory holding a file path (after <see cref="CleanPath"/>): <c>/</c> for a file at the root, empty when there is none.</summary>
    public static string DirectoryOf(string path)
    {
        var clean = CleanPath(path);
        var slash = clean.LastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? (clean.Length > 1 ? "/" : "") : clean[..slash];
    }
}
