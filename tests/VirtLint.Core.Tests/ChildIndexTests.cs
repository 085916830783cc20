using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>Named-children loops over wide elements come from an index: the same nodes, in the same order, as a walk.</summary>
public sealed class ChildIndexTests
{
    private static XElement Devices(int disks) => XElement.Parse(
        "<devices>" + string.Concat(Enumerable.Range(0, disks).Select(i => $"<disk n='{i}'/><interface n='{i}'/><!-- c --> text ")) + "<disk n='last'/></devices>");

    private static string[] Loop(XElement parent, XName name)
    {
        var found = new List<string>();
        foreach (var element in Xp.Children(parent, name)) found.Add((string)element.Attribute("n")!);
        return [.. found];
    }

    private static string[] Walk(XElement parent, XName name) => parent.Elements(name).Select(e => (string)e.Attribute("n")!).ToArray();

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public void Loops_yield_what_the_walk_yields_first_time_and_after(int disks)
    {
        var devices = Devices(disks);
        foreach (var name in new XName[] { "disk", "interface", "video" })
        {
            Assert.Equal(Walk(devices, name), Loop(devices, name));
            Assert.Equal(Walk(devices, name), Loop(devices, name));
            Assert.Equal(Walk(devices, name), Xp.Child(devices, name).Select(e => (string)((XElement)e).Attribute("n")!).ToArray());
            Assert.Equal(devices.Element(name), Xp.FirstChild(devices, name));
        }
    }

    private static string[] LoopAll(XElement parent)
    {
        var found = new List<string>();
        foreach (var element in Xp.Children(parent)) found.Add(element.Name.LocalName + (string)element.Attribute("n")!);
        return [.. found];
    }

    private static string[] WalkAll(XElement parent) => parent.Elements().Select(e => e.Name.LocalName + (string)e.Attribute("n")!).ToArray();

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public void All_children_come_in_document_order_walked_or_indexed(int disks)
    {
        var devices = Devices(disks);
        Assert.Equal(WalkAll(devices), LoopAll(devices)); // the walk that indexes a wide element
        Assert.Equal(WalkAll(devices), LoopAll(devices)); // the index
        Assert.Equal(Walk(devices, "disk"), Loop(devices, "disk"));
        devices.Add(new XElement("video", new XAttribute("n", "added")));
        Assert.Equal(WalkAll(devices), LoopAll(devices));
    }

    [Fact]
    public void An_index_is_not_used_once_its_element_gained_a_child()
    {
        var devices = Devices(20);
        Assert.Equal(21, Loop(devices, "disk").Length);
        devices.Add(new XElement("disk", new XAttribute("n", "added")));
        Assert.Equal(Walk(devices, "disk"), Loop(devices, "disk"));
        devices.FirstNode!.Remove();
        Assert.Equal(Walk(devices, "disk"), Loop(devices, "disk"));
        Assert.Equal(devices.Element("disk"), Xp.FirstChild(devices, "disk"));
    }

    [Fact]
    public void A_loop_left_early_still_yields_in_order()
    {
        var devices = Devices(20);
        foreach (var _ in Xp.Children(devices, "disk")) break;
        Assert.Equal(Walk(devices, "interface"), Loop(devices, "interface"));
    }

    [Theory]
    [InlineData(16)] // names compared one by one
    [InlineData(17)] // a dictionary from the seventeenth
    [InlineData(40)]
    [InlineData(300)]
    public void An_element_with_many_distinct_child_names_is_indexed_as_walked(int names)
    {
        var wide = XElement.Parse("<devices>" + string.Concat(Enumerable.Range(0, 2 * names).Select(i => $"<d{i % names} n='{i}'/>")) + "</devices>");
        foreach (var i in new[] { 0, 15, 16, names - 1 })
        {
            Assert.Equal(Walk(wide, $"d{i}"), Loop(wide, $"d{i}"));
            Assert.Equal(Walk(wide, $"d{i}"), Loop(wide, $"d{i}"));
        }

        // The next element indexed on the thread is indexed on its own, whatever the wide one left behind.
        var devices = Devices(20);
        Assert.Equal(Walk(devices, "disk"), Loop(devices, "disk"));
        Assert.Equal(Walk(devices, "disk"), Loop(devices, "disk"));
        Assert.Empty(Loop(devices, "d0"));
    }

    [Fact]
    public void Text_cdata_comments_and_instructions_between_elements_are_skipped()
    {
        var devices = XElement.Parse("<devices> <disk n='1'><target n='t'/></disk><![CDATA[x]]><!-- c --><?pi x?>\n<disk n='2'/>text</devices>");
        Assert.Equal(["1", "2"], Loop(devices, "disk"));
        var children = new List<string>();
        foreach (var element in Xp.Children(devices)) children.Add((string)element.Attribute("n")!);
        Assert.Equal(["1", "2"], children);
        var descendants = new List<string>();
        foreach (var element in Xp.Descendants(devices)) descendants.Add((string)element.Attribute("n")!);
        Assert.Equal(["1", "t", "2"], descendants);
        var following = new List<string>();
        foreach (var element in Xp.FollowingSiblings(devices.Element("disk")!)) following.Add((string)element.Attribute("n")!);
        Assert.Equal(["2"], following);
    }
}
