using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

public sealed class GitIgnoreTests
{
    private static readonly GitIgnore Ignore = GitIgnore.Parse("""
        # build output
        /build
        out/
        *.log
        !keep.log
        docs/*.md
        \#notes.xml
        trailing.xml   
        escaped-space\ 
        """.Replace("\n", "\r\n"));

    [Theory]
    [InlineData("build", true, true)]
    [InlineData("build", false, true)]
    [InlineData("vms/build", true, null)]
    [InlineData("out", true, true)]
    [InlineData("vms/out", true, true)]
    [InlineData("out", false, null)]
    [InlineData("debug.log", false, true)]
    [InlineData("vms/deep/debug.log", false, true)]
    [InlineData("vms/keep.log", false, false)]
    [InlineData("docs/readme.md", false, true)]
    [InlineData("docs/sub/readme.md", false, null)]
    [InlineData("vms/docs/readme.md", false, null)]
    [InlineData("#notes.xml", false, true)]
    [InlineData("trailing.xml", false, true)]
    [InlineData("escaped-space ", false, true)]
    [InlineData("web01.xml", false, null)]
    public void Follows_gitignore_semantics(string path, bool isDirectory, bool? expected) =>
        Assert.Equal(expected, Ignore.Match(path, isDirectory));

    [Fact]
    public void Comments_blank_lines_and_invalid_patterns_add_nothing() =>
        Assert.Equal(0, GitIgnore.Parse("# only a comment\n\n   \n[unclosed\n!\n/\n").Count);

    [Fact]
    public void A_deeper_gitignore_overrides_a_shallower_one()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "*.xml\nscratch/\n");
        tree.Write("vms/.gitignore", "!keep*.xml\n");
        var set = new GitIgnoreSet(tree.Root);

        Assert.True(set.IsIgnored(tree.Path("top.xml"), isDirectory: false));
        Assert.True(set.IsIgnored(tree.Path("vms/web01.xml"), isDirectory: false));
        Assert.False(set.IsIgnored(tree.Path("vms/keep-web01.xml"), isDirectory: false));
        Assert.False(set.IsIgnored(tree.Path("vms/sub/keep-db.xml"), isDirectory: false));
        Assert.True(set.IsIgnored(tree.Path("vms/scratch"), isDirectory: true));
        Assert.False(set.IsIgnored(tree.Path("vms/scratch"), isDirectory: false));
        Assert.False(set.IsIgnored(tree.Path("notes.txt"), isDirectory: false));
    }

    [Fact]
    public void Paths_outside_the_root_are_never_ignored()
    {
        using var tree = new TempTree();
        tree.Write("repo/.gitignore", "*\n");
        var set = new GitIgnoreSet(tree.Path("repo"));
        Assert.True(set.IsIgnored(tree.Path("repo/a.xml"), isDirectory: false));
        Assert.False(set.IsIgnored(tree.Path("other/a.xml"), isDirectory: false));
        Assert.False(set.IsIgnored(tree.Path("repository/a.xml"), isDirectory: false));
    }
}
