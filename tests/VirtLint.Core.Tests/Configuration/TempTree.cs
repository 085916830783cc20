namespace VirtLint.Core.Tests.Configuration;

/// <summary>A throw-away directory tree for discovery tests; deleted on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree(bool gitRoot = true)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "virtlint-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (gitRoot) Directory.CreateDirectory(System.IO.Path.Combine(Root, ".git"));
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Writes a file (creating its directories) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Dir(string relative)
    {
        var path = Path(relative);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
