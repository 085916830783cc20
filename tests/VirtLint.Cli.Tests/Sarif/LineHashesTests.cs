using VirtLint.Cli.Formats.Sarif;

namespace VirtLint.Cli.Tests.Sarif;

/// <summary>The test vectors of github/codeql-action's fingerprint tests: any difference would reopen every alert.</summary>
public sealed class LineHashesTests
{
    [Fact]
    public void Empty_file_has_one_line()
    {
        Assert.Equal(["c129715d7a2bc9a3:1"], LineHashes.Compute(""));
    }

    [Fact]
    public void Spaces_and_tabs_are_ignored_and_the_last_line_needs_no_newline()
    {
        Assert.Equal(
            ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"],
            LineHashes.Compute(" a\nb\n  \t\tc\n d"));
    }

    [Fact]
    public void Repeated_lines_are_numbered_by_occurrence()
    {
        var text = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 10));

        Assert.Equal(
            [
                "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
                "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1",
                "c129715d7a2bc9a3:1",
            ],
            LineHashes.Compute(text));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void CRLF_and_CR_hash_like_LF(string newline)
    {
        var withLf = " a\nb\n  \t\tc\n d";

        Assert.Equal(LineHashes.Compute(withLf), LineHashes.Compute(withLf.Replace("\n", newline)));
    }
}
