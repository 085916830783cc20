namespace VirtLint.DocGen.Tests.Support;

/// <summary>A throw-away repository root: a README with the rule-table markers, plus whatever a test writes.</summary>
internal sealed class TempRepository : IDisposable
{
    public const string Readme = """
        # Project

        Intro.

        <!-- rules:start -->
        old table
        <!-- rules:end -->

        ## After

        """;

    public TempRepository(string readme = Readme)
    {
        Root = Directory.CreateTempSubdirectory("virtlint-docgen-").FullName;
        Write("README.md", readme);
    }

    public string Root { get; }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory must not fail the test that used it.
        }
    }
}
