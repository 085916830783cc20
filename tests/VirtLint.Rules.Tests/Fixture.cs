namespace VirtLint.Rules.Tests;

/// <summary>One fixture file: <c>Fixtures/&lt;target&gt;/&lt;rule-name&gt;/(flagged|clean)[-what].xml</c>.</summary>
public sealed record Fixture(string RuleName, string Kind, string FullPath)
{
    public string RelativePath => RepositoryPaths.Relative(FullPath);

    public bool IsFlagged => Path.GetFileName(FullPath).StartsWith("flagged", StringComparison.Ordinal);

    public override string ToString() => $"{RuleName}/{Path.GetFileName(FullPath)}";

    public static IEnumerable<Fixture> All() =>
        Directory.EnumerateFiles(RepositoryPaths.Fixtures, "*.xml", SearchOption.AllDirectories)
            // Cross-document rules' samples are folders of files: see WorkspaceFixture.
            .Where(path => !path.StartsWith(WorkspaceFixture.Root, StringComparison.Ordinal))
            .Select(path => new Fixture(Path.GetFileName(Path.GetDirectoryName(path)!), Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))!), path))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in All()) data.Add(fixture.RelativePath);
        return data;
    }
}

/// <summary>
/// One cross-document rule's sample: <c>Fixtures/workspace/&lt;rule-name&gt;/(flagged|clean)[-what]/</c>, a folder of
/// files linted together in one run.
/// </summary>
public sealed record WorkspaceFixture(string RuleName, string FullPath)
{
    public static string Root => Path.Combine(RepositoryPaths.Fixtures, "workspace") + Path.DirectorySeparatorChar;

    public string RelativePath => RepositoryPaths.Relative(FullPath);

    public override string ToString() => $"{RuleName}/{Path.GetFileName(FullPath)}";

    public static IEnumerable<WorkspaceFixture> All() =>
        !Directory.Exists(Root) ? [] :
        Directory.EnumerateDirectories(Root)
            .SelectMany(rule => Directory.EnumerateDirectories(rule).Select(sample => new WorkspaceFixture(Path.GetFileName(rule), sample)))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in All()) data.Add(fixture.RelativePath);
        return data;
    }
}
