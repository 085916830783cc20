using System.Xml.Linq;

namespace VirtLint.Core.Tests;

/// <summary>The name map every element and attribute is looked up in: it must answer as a dictionary would.</summary>
public sealed class XNameMapTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(5000)]
    public void Finds_exactly_the_names_it_holds_with_their_last_value(int count)
    {
        var map = new XNameMap<int>();
        var expected = new Dictionary<XName, int>();
        for (var i = 0; i < count; i++)
        {
            XName name = $"name{i}";
            map[name] = i;
            expected[name] = i;
        }

        // Setting a name again replaces its value and does not count it twice.
        for (var i = 0; i < count; i += 2)
        {
            XName name = $"name{i}";
            map[name] = -i;
            expected[name] = -i;
        }

        Assert.Equal(expected.Count, map.Count);
        foreach (var (name, value) in expected)
        {
            Assert.True(map.TryGetValue(name, out var found));
            Assert.Equal(value, found);
        }

        for (var i = count; i < count + 50; i++) Assert.False(map.TryGetValue($"name{i}", out _));
    }

    [Fact]
    public void A_namespace_makes_another_name()
    {
        var map = new XNameMap<string> { ["bus"] = "plain" };
        XNamespace other = "urn:other";
        Assert.False(map.TryGetValue(other + "bus", out _));
        Assert.True(map.TryGetValue("bus", out var plain));
        Assert.Equal("plain", plain);
    }
}
