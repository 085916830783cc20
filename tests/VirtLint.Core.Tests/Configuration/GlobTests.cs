using System.Diagnostics;
using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

public sealed class GlobTests
{
    [Theory]
    [InlineData("**/*.xml", "web01.xml", true)]
    [InlineData("**/*.xml", "vms/prod/web01.xml", true)]
    [InlineData("**/*.xml", "vms/web01.xmlx", false)]
    [InlineData("**/*.xml", "vms/web01.txt", false)]
    [InlineData("*.xml", "web01.xml", true)]
    [InlineData("*.xml", "vms/web01.xml", false)]
    [InlineData("vms/**", "vms/web01.xml", true)]
    [InlineData("vms/**", "vms/a/b/c.xml", true)]
    [InlineData("vms/**", "vms", false)]
    [InlineData("vms/**", "vmsx/a.xml", false)]
    [InlineData("vms/**/web*.xml", "vms/web1.xml", true)]
    [InlineData("vms/**/web*.xml", "vms/a/b/web.xml", true)]
    [InlineData("vms/**/web*.xml", "vms/a/xweb.xml", false)]
    [InlineData("vms/*/web.xml", "vms/a/web.xml", true)]
    [InlineData("vms/*/web.xml", "vms/a/b/web.xml", false)]
    [InlineData("web0?.xml", "web01.xml", true)]
    [InlineData("web0?.xml", "web0/.xml", false)]
    [InlineData("web0[1-3].xml", "web02.xml", true)]
    [InlineData("web0[1-3].xml", "web04.xml", false)]
    [InlineData("web0[!1-3].xml", "web04.xml", true)]
    [InlineData("web0[^1-3].xml", "web01.xml", false)]
    [InlineData("a[]]b", "a]b", true)]
    [InlineData("\\*.xml", "*.xml", true)]
    [InlineData("\\*.xml", "a.xml", false)]
    [InlineData("/storage/pools/isos.xml", "storage/pools/isos.xml", true)]
    [InlineData("storage/pools/isos.xml", "storage/pools/isos.xml", true)]
    [InlineData("storage/pools/isos.xml", "other/storage/pools/isos.xml", false)]
    [InlineData("**", "any/thing/at/all.xml", true)]
    [InlineData("a**b", "axxb", true)]
    [InlineData("a**b", "ax/xb", false)]
    [InlineData("legacy/windows/**", "legacy/windows/w2k8.xml", true)]
    public void Matches_whole_relative_paths(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));

    [Theory]
    [InlineData("", "the pattern is empty")]
    [InlineData("vms/[ab", "the character class opened at column 5 is not closed with ']'")]
    [InlineData("vms\\", "the pattern ends with an escape '\\'")]
    [InlineData("[z-a].xml", "the range 'z-a' is reversed")]
    [InlineData("/", "the pattern is only '/'")]
    public void Invalid_patterns_are_explained(string pattern, string error)
    {
        Assert.False(Glob.TryParse(pattern, out var glob, out var message));
        Assert.Null(glob);
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData("vms/archive/**", "vms/archive", true)]
    [InlineData("vms/archive/**", "vms/archive/2019", true)]
    [InlineData("vms/archive/**", "vms", false)]
    [InlineData("vms/archive/**", "vms/archived", false)]
    [InlineData("**/old/**", "a/b/old", true)]
    [InlineData("**/*.xml", "vms", false)]
    [InlineData("**", "", true)]
    public void A_trailing_double_star_covers_whole_directories(string pattern, string directory, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern).MatchesEverythingUnder(directory));

    [Fact]
    public void Pathological_patterns_run_in_linear_time()
    {
        // A backtracking matcher needs exponential time for this pair; the automaton needs one pass.
        var glob = Glob.Parse("*a*a*a*a*a*a*a*a*a*a*a*a*b");
        var path = new string('a', 20_000);
        var watch = Stopwatch.StartNew();
        Assert.False(glob.IsMatch(path));
        Assert.True(Glob.Parse("**/**/**/**/**/**/x").IsMatch(string.Join('/', Enumerable.Repeat("d", 5_000)) + "/x"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
