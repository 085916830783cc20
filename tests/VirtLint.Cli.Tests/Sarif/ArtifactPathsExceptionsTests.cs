using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Tests.Sarif;

/// <summary>A run keeps only the absolute paths its display paths do not already imply, and locates every file the same.</summary>
public sealed class ArtifactPathsExceptionsTests
{
    private const string Cwd = "/repo/tools";

    [Fact]
    public void Only_paths_the_display_path_does_not_imply_are_kept_and_the_last_of_a_repeated_name_wins()
    {
        var exceptions = ArtifactPaths.ExceptionsOnly(
        [
            new("../vms/a.xml", "/repo/vms/a.xml"),               // implied: dropped
            new("vms/web.xml", "/elsewhere/web.xml"),             // standard input named after another file: kept
            new(LintInput.StdinName, null),                       // unnamed standard input: implied
            new("b.xml", "/other/b.xml"),
            new("b.xml", "/repo/tools/b.xml"),                    // the later entry for a name wins, and it is implied
        ], Cwd);

        Assert.Equal(new Dictionary<string, string?> { ["vms/web.xml"] = "/elsewhere/web.xml" }, exceptions);

        var paths = new ArtifactPaths(exceptions, Cwd, "/repo", null);
        Assert.Equal("vms/a.xml", paths.RepositoryPath("../vms/a.xml"));
        Assert.Equal("/elsewhere/web.xml", paths.RepositoryPath("vms/web.xml"));
        Assert.Equal("tools/b.xml", paths.RepositoryPath("b.xml"));
        Assert.Equal(new ArtifactPath(null, null), paths.Locate(LintInput.StdinName));
    }
}
