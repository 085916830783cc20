using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>libvirt cpusets parsed as virBitmapParse does, into sorted ranges.</summary>
public sealed class CpuSetTests
{
    [Theory]
    [InlineData("0-3,^2,8", "0-1,3,8")]
    [InlineData("8,0-3", "0-3,8")]
    [InlineData("0-3,4-7", "0-7")]
    [InlineData("0-5,2-9", "0-9")]
    [InlineData("0-3,^2,^2", "0-1,3")]
    [InlineData("^2,0-3", "0-3")]                 // parts apply in order: a later range adds the CPU back
    [InlineData("0-3,^2,1-2", "0-3")]
    [InlineData("0-3,^2,2,^2", "0-1,3")]
    [InlineData("1,^1", "")]
    [InlineData(" 1 - 3 , 5 ", "1-3,5")]           // spaces around numbers, as virSkipSpaces allows
    [InlineData("1,", "1")]                       // a trailing comma ends the list
    [InlineData("007", "7")]                      // decimal, leading zeros and all
    [InlineData("0-16383,^0", "1-16383")]
    public void Parses_into_ranges(string text, string expected)
    {
        Assert.True(CpuSet.TryParse(text, out var set));
        Assert.Equal(expected, string.Join(",", set.Ranges.Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First}-{r.Last}")));
        Assert.Equal(set.Ranges.Sum(r => r.Last - r.First + 1), set.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(",1")]
    [InlineData("1,,2")]
    [InlineData("3-1")]
    [InlineData("^1-3")]
    [InlineData("1-3-5")]
    [InlineData("16384")]                         // beyond VIR_DOMAIN_CPUMASK_LEN
    [InlineData("0-99999999999")]
    [InlineData("-1")]
    [InlineData("0x3")]
    [InlineData("a")]
    public void Rejects_what_libvirt_rejects(string text) => Assert.False(CpuSet.TryParse(text, out _));

    [Fact]
    public void Overlap_and_count_cost_the_ranges_not_the_cpus()
    {
        Assert.True(CpuSet.TryParse("0-16383", out var all));
        Assert.Equal(16384, all.Count);
        Assert.True(CpuSet.TryParse("16383", out var last));
        Assert.True(all.Overlaps(last));
        Assert.True(CpuSet.TryParse("0-3,8-11", out var a));
        Assert.True(CpuSet.TryParse("4-7,12", out var b));
        Assert.False(a.Overlaps(b));
        Assert.True(CpuSet.TryParse("7-8", out var c));
        Assert.True(a.Overlaps(c));
    }
}
