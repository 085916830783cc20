using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary><c>devices/*/address</c> as gathered pairs: the same nodes, in the same order, as the nested walk.</summary>
public sealed class GrandChildIndexTests
{
    private static XElement Devices(int devices) => XElement.Parse(
        "<devices>" + string.Concat(Enumerable.Range(0, devices).Select(i =>
            $"<disk n='{i}'><target/><address n='d{i}'/></disk> text <interface n='{i}'><address n='i{i}a'/><!-- c --><address n='i{i}b'/></interface><video n='{i}'/>"))
        + "</devices>");

    private static string[] Gathered(XElement devices, XName name)
    {
        var found = new List<string>();
        foreach (var (parent, child) in Xp.GrandChildren(devices, name)) found.Add((string)parent.Attribute("n")! + "/" + (string)child.Attribute("n")!);
        return [.. found];
    }

    private static string[] Walked(XElement devices, XName name) =>
        devices.Elements().SelectMany(parent => parent.Elements(name).Select(child => (string)parent.Attribute("n")! + "/" + (string)child.Attribute("n")!)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    public void Pairs_come_in_document_order_gathered_and_read_again(int devices)
    {
        var element = Devices(devices);
        Assert.Equal(Walked(element, "address"), Gathered(element, "address"));
        Assert.Equal(Walked(element, "address"), Gathered(element, "address"));
        Assert.Equal(Walked(element, "target"), Gathered(element, "target"));
        Assert.Empty(Gathered(element, "source"));
    }

    [Fact]
    public void A_gathering_is_not_used_once_its_element_gained_a_child()
    {
        var element = Devices(3);
        Assert.Equal(Walked(element, "address"), Gathered(element, "address"));
        element.Add(new XElement("hostdev", new XAttribute("n", "added"), new XElement("address", new XAttribute("n", "h"))));
        Assert.Equal(Walked(element, "address"), Gathered(element, "address"));
        Assert.Equal("added/h", Gathered(element, "address")[^1]);
    }

    [Fact]
    public void A_node_without_children_gives_no_pairs()
    {
        Assert.Empty(Gathered(new XElement("devices"), "address"));
        var none = 0;
        foreach (var _ in Xp.GrandChildren(new XAttribute("n", "1"), "address")) none++;
        Assert.Equal(0, none);
    }
}
