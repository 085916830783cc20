using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>XPath 1.0 conversions and comparisons as the generated checkers rely on them.</summary>
public sealed class XpSemanticsTests
{
    private static readonly XElement Devices = XElement.Parse("""
        <devices>
          <disk device='disk'><target dev='vda' bus='virtio'/></disk>
          <disk device='cdrom'><target dev='sda' bus='sata'/></disk>
          <disk><target dev='hda' bus='ide'/></disk>
        </devices>
        """);

    private static IEnumerable<XObject> Buses => Xp.Attribute(Xp.Child(Xp.Child(Devices, "disk"), "target"), "bus");

    [Theory]
    [InlineData("42", 42)]
    [InlineData("  -3.5 ", -3.5)]
    [InlineData(".5", 0.5)]
    [InlineData("007", 7)]
    [InlineData("-12", -12)]
    [InlineData("999999999999999", 999999999999999)]
    [InlineData("12345678901234567890", 12345678901234567890d)]
    [InlineData("4.", 4)]
    public void Number_parses_xpath_numbers(string text, double expected) => Assert.Equal(expected, Xp.Number(text));

    [Fact]
    public void Number_keeps_the_sign_of_a_negative_zero()
    {
        Assert.True(double.IsNegative(Xp.Number("-0")));
        Assert.False(double.IsNegative(Xp.Number("0")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1e3")]
    [InlineData("+1")]
    [InlineData("0x10")]
    [InlineData("12abc")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("\u0663")]
    public void Number_is_NaN_for_anything_else(string text) => Assert.True(double.IsNaN(Xp.Number(text)));

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(0.25, "0.25")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(-1e6, "-1000000")]
    public void String_of_a_number_has_no_exponent_or_trailing_zeros(double value, string expected) => Assert.Equal(expected, Xp.String(value));

    [Fact]
    public void Node_set_equality_is_existential()
    {
        Assert.True(Xp.Compare(CompareOp.Equal, Xp.Values(Buses), "ide"));
        Assert.False(Xp.Compare(CompareOp.Equal, Xp.Values(Buses), "usb"));
        // != is also existential: true when any value differs, so "not(@bus = 'x')" is how rules say "is not x".
        Assert.True(Xp.Compare(CompareOp.NotEqual, Xp.Values(Buses), "ide"));
        Assert.False(Xp.Compare(CompareOp.Equal, Xp.Values([]), ""));
        Assert.False(Xp.Compare(CompareOp.NotEqual, Xp.Values([]), ""));
    }

    [Fact]
    public void Node_set_compared_with_a_list_matches_any_pair()
    {
        Assert.True(Xp.Compare(CompareOp.Equal, Xp.Values(Buses), new[] { "usb", "sata" }));
        Assert.False(Xp.Compare(CompareOp.Equal, Xp.Values(Buses), new[] { "usb", "fdc" }));
    }

    [Fact]
    public void Relational_comparisons_use_numbers_and_NaN_is_never_true()
    {
        var values = new[] { "10", "abc" };
        Assert.True(Xp.Compare(CompareOp.Greater, values, 5d));
        Assert.False(Xp.Compare(CompareOp.Less, new[] { "abc" }, 5d));
        Assert.False(Xp.Compare(CompareOp.GreaterOrEqual, new[] { "abc" }, 5d));
        Assert.True(Xp.Compare(CompareOp.Less, new[] { "2" }, "10"));
    }

    [Fact]
    public void Parent_steps_remove_duplicates()
    {
        var targets = Xp.Child(Xp.Child(Devices, "disk"), "target");
        Assert.Equal(1, Xp.Count(Xp.Parent(Xp.Parent(targets))));
        Assert.Equal(3, Xp.Count(Xp.Parent(targets)));
    }

    [Fact]
    public void Sibling_and_ancestor_axes()
    {
        var disks = Devices.Elements("disk").ToArray();
        var third = disks[2];
        Assert.Equal([disks[0], disks[1]], Xp.PrecedingSibling(third));
        Assert.Equal([disks[1], disks[2]], Xp.FollowingSibling(disks[0]));
        Assert.Empty(Xp.FollowingSibling(third));
        Assert.Equal([Devices, third], Xp.Ancestor(third.Element("target")!, includeSelf: false));
    }

    [Fact]
    public void String_functions_follow_xpath()
    {
        Assert.Equal("a b c", Xp.NormalizeSpace("  a \t b\n c "));
        Assert.Equal("ABr", Xp.Translate("bar", "ab", "BA"));
        Assert.Equal("234", Xp.Substring("12345", 1.5, 2.6));
        Assert.Equal("qemu", Xp.SubstringBefore("qemu:///system", ":"));
        Assert.Equal("///system", Xp.SubstringAfter("qemu:///system", ":"));
        Assert.Equal(3, Xp.Round(2.5));
        Assert.Equal(-2, Xp.Round(-2.5));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" \t\r\n ", "")]
    [InlineData("virtio", "virtio")]
    [InlineData("two words", "two words")]
    [InlineData(" lead", "lead")]
    [InlineData("trail ", "trail")]
    [InlineData("a  b", "a b")]
    [InlineData("a\tb", "a b")]
    [InlineData("\n  4194304\n", "4194304")]
    [InlineData("a \u00a0 b", "a \u00a0 b")]
    public void Normalize_space_strips_and_collapses_only_xml_white_space(string value, string normal)
    {
        Assert.Equal(normal, Xp.NormalizeSpace(value));
        Assert.Equal(string.Join(' ', value.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)), Xp.NormalizeSpace(value));
    }

    [Fact]
    public void Matches_uses_the_non_backtracking_engine()
    {
        var pattern = Xp.Pattern("^52:54:00:");
        Assert.True(Xp.Matches("52:54:00:12:34:56", pattern));
        Assert.False(Xp.Matches("00:16:3e:12:34:56", pattern));
        Assert.True((pattern.Options & System.Text.RegularExpressions.RegexOptions.NonBacktracking) != 0);
    }
}
