using System.Diagnostics;
using System.Text.Json;
using NJsonSchema;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Sarif;

/// <summary>SARIF URIs are relative to the repository root whatever directory VirtLint runs in, never '../'.</summary>
public sealed class SarifRepositoryUriTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Root_subdirectory_and_outside_runs_give_identical_repository_relative_uris()
    {
        var repository = GitInit("repo");
        _workspace.Write("repo/vms/web server.xml", Fixtures.IdeDisk);
        _workspace.Write("repo/vms/prod/desk.xml", Fixtures.VncAnyInterface);

        var fromRoot = Sarif(["check", "vms", "--format", "sarif"], repository);
        var fromSubdirectory = Sarif(["check", "..", "--format", "sarif"], Path.Combine(repository, "vms", "prod"));
        var fromOutside = Sarif(["check", "repo/vms", "--format", "sarif"], _workspace.Root);
        var absolute = Sarif(["check", Path.Combine(repository, "vms"), "--format", "sarif"], Path.GetTempPath());

        string[] expected = ["vms/prod/desk.xml", "vms/web%20server.xml"];
        Assert.Equal(expected, Uris(fromRoot));
        Assert.Equal(expected, Uris(fromSubdirectory));
        Assert.Equal(expected, Uris(fromOutside));
        Assert.Equal(expected, Uris(absolute));
        foreach (var sarif in new[] { fromRoot, fromSubdirectory, fromOutside, absolute })
        {
            Assert.Equal(new Uri(repository + "/").AbsoluteUri, Run(sarif).GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            Assert.Empty((await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema)).Validate(sarif));
        }

        // Fingerprints hash the file's text, so they do not depend on where VirtLint ran either.
        Assert.Equal(Fingerprints(fromRoot), Fingerprints(fromOutside));
    }

    [Fact]
    public void A_git_file_of_a_linked_worktree_or_submodule_marks_the_top_level()
    {
        _workspace.Write("outer/.git/HEAD", "ref: refs/heads/main\n");
        _workspace.Write("outer/modules/inner/.git", "gitdir: ../../.git/modules/inner\n");
        _workspace.Write("outer/modules/inner/vms/web.xml", Fixtures.IdeDisk);

        var sarif = Sarif(["check", "outer/modules/inner/vms", "--format", "sarif"], _workspace.Root);

        Assert.Equal(["vms/web.xml"], Uris(sarif));
    }

    [Fact]
    public void A_dot_git_file_that_is_not_a_gitdir_pointer_is_not_a_working_tree()
    {
        _workspace.InitGitRepository("outer");
        _workspace.Write("outer/sub/.git", "not a pointer\n");
        _workspace.Write("outer/sub/web.xml", Fixtures.IdeDisk);

        Assert.Equal(["sub/web.xml"], Uris(Sarif(["check", "outer/sub", "--format", "sarif"], _workspace.Root)));
    }

    [Fact]
    public void Without_git_the_root_is_GITHUB_WORKSPACE_and_files_outside_it_get_absolute_file_uris()
    {
        var checkout = Path.Combine(_workspace.Root, "checkout");
        _workspace.Write("checkout/vms/web.xml", Fixtures.IdeDisk);
        _workspace.Write("elsewhere/desk.xml", Fixtures.VncAnyInterface);
        var environment = new Dictionary<string, string> { ["GITHUB_WORKSPACE"] = checkout };

        var result = _workspace.Run(["check", "vms", "../elsewhere", "--format", "sarif"], "", environment: environment, currentDirectory: checkout);

        Assert.Equal(
            [new Uri(Path.Combine(_workspace.Root, "elsewhere", "desk.xml")).AbsoluteUri, "vms/web.xml"],
            Uris(result.Stdout));
        var run = Run(result.Stdout);
        var outside = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
            .Single(a => a.GetProperty("uri").GetString()!.StartsWith("file:///", StringComparison.Ordinal));
        Assert.False(outside.TryGetProperty("uriBaseId", out _));
        var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray());
        Assert.Equal(new Uri(checkout + "/").AbsoluteUri, invocation.GetProperty("workingDirectory").GetProperty("uri").GetString());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Sarif_root_option_sets_the_root_and_nothing_is_ever_dot_dot()
    {
        GitInit("repo");
        _workspace.Write("repo/infra/vms/web.xml", Fixtures.IdeDisk);
        _workspace.Write("repo/other/desk.xml", Fixtures.VncAnyInterface);

        var result = _workspace.Run(["check", "repo", "--format", "sarif", "--sarif-root", "repo/infra"], "");

        var uris = Uris(result.Stdout);
        Assert.Equal([new Uri(Path.Combine(_workspace.Root, "repo", "other", "desk.xml")).AbsoluteUri, "vms/web.xml"], uris);
        Assert.DoesNotContain(uris, u => u.Contains("..", StringComparison.Ordinal));
    }

    [Fact]
    public void Stdin_filename_names_standard_input_relative_to_the_repository()
    {
        var repository = GitInit("repo");
        Directory.CreateDirectory(Path.Combine(repository, "tools"));

        var result = _workspace.Run(["check", "-", "--stdin-filename", "../vms/web.xml", "--format", "sarif"], Fixtures.IdeDisk,
            currentDirectory: Path.Combine(repository, "tools"));

        Assert.Equal(["vms/web.xml"], Uris(result.Stdout));
        Assert.DoesNotContain("virtlint: warning:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnamed_standard_input_is_reported_as_stdin_with_a_warning_to_name_it()
    {
        var result = _workspace.Run(["check", "-", "--format", "sarif"], Fixtures.IdeDisk);

        Assert.Equal(["stdin"], Uris(result.Stdout));
        Assert.StartsWith(
            "virtlint: warning: SARIF: standard input has no file name, so its results point at 'stdin'; name it with --stdin-filename PATH.\n",
            result.Stderr);
    }

    [Theory]
    [InlineData("a b.xml", "a%20b.xml")]
    [InlineData("100%.xml", "100%25.xml")]
    [InlineData("x#1?.xml", "x%231%3F.xml")]
    [InlineData("back\\slash.xml", "back%5Cslash.xml")]
    [InlineData("réseau.xml", "r%C3%A9seau.xml")]
    public void Odd_file_names_are_percent_encoded_and_decode_back_exactly(string name, string expected)
    {
        _workspace.InitGitRepository(".");
        _workspace.Write(Path.Combine("vms", name), Fixtures.IdeDisk);

        var uri = Assert.Single(Uris(_workspace.Run("check", "vms", "--format", "sarif").Stdout));

        Assert.Equal("vms/" + expected, uri);
        Assert.Equal("vms/" + name, string.Join('/', uri.Split('/').Select(Uri.UnescapeDataString)));
    }

    private string GitInit(string relativePath)
    {
        var top = Path.Combine(_workspace.Root, relativePath);
        Directory.CreateDirectory(top);
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["init", "--quiet", top]) { RedirectStandardError = true })!;
            git.WaitForExit();
            if (git.ExitCode == 0) return top;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: a .git directory is all VirtLint looks for.
        }

        return _workspace.InitGitRepository(relativePath);
    }

    private string Sarif(string[] args, string currentDirectory)
    {
        var result = _workspace.Run(args, "", currentDirectory: currentDirectory);
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        return result.Stdout;
    }

    private static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    private static string[] Uris(string sarif) => Run(sarif).GetProperty("results").EnumerateArray()
        .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
        .Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string[] Fingerprints(string sarif) => Run(sarif).GetProperty("results").EnumerateArray()
        .Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToArray();
}
