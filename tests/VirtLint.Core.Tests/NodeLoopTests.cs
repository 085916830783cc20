using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>
/// The struct loops generated checkers step through yield exactly the nodes of the axis helpers they replace, in the
/// same order, and allocate nothing while doing so.
/// </summary>
public sealed class NodeLoopTests
{
    private static readonly XDocument Document = XDocument.Parse("""
        <domain xmlns:q='urn:q' type='kvm' id='1'>
          <name>web01</name>
          <devices>
            <disk device='disk'><driver cache='none'/><target dev='vda'/><disk device='nested'><target dev='vdz'/></disk></disk>
            <!-- a comment between siblings -->
            <disk device='cdrom'><target dev='sda'/></disk>
            text between
            <interface type='network'/>
          </devices>
          <os/>
        </domain>
        """);

    private static XElement Root => Document.Root!;

    private static XElement Devices => Root.Element("devices")!;

    private static string[] Names(IEnumerable<XObject> nodes) =>
        nodes.Select(n => n switch { XElement e => e.Name.LocalName + (e.Attribute("dev") is { } dev ? ":" + dev.Value : ""), XAttribute a => "@" + a.Name.LocalName, _ => "?" }).ToArray();

    private static List<XObject> Of(Xp.ChildLoop loop)
    {
        var list = new List<XObject>();
        foreach (var e in loop) list.Add(e);
        return list;
    }

    private static List<XObject> Of(Xp.DescendantLoop loop)
    {
        var list = new List<XObject>();
        foreach (var e in loop) list.Add(e);
        return list;
    }

    [Fact]
    public void Children_and_descendants_match_the_axis_helpers_in_document_order()
    {
        Assert.Equal(Names(Xp.Child(Devices, "disk")), Names(Of(Xp.Children(Devices, "disk"))));
        Assert.Equal(["disk", "disk", "interface"], Names(Of(Xp.Children(Devices))).Select(n => n.Split(':')[0]));
        Assert.Equal(Names(Xp.Descendant(Root, "target")), Names(Of(Xp.Descendants(Root, "target"))));
        Assert.Equal(["target:vda", "target:vdz", "target:sda"], Names(Of(Xp.Descendants(Root, "target"))));
        Assert.Equal(Names(Xp.DescendantAny(Document)), Names(Of(Xp.Descendants(Document))));
        // Descendants of an inner element stop at its end.
        Assert.Equal(["driver", "target:vda", "disk", "target:vdz"], Names(Of(Xp.Descendants(Devices.Element("disk")!))));
        Assert.Empty(Of(Xp.Children(Root.Attribute("type")!)));
    }

    [Fact]
    public void Attributes_skip_namespace_declarations()
    {
        var attributes = new List<XObject>();
        foreach (var a in Xp.Attributes(Root)) attributes.Add(a);
        Assert.Equal(["@type", "@id"], Names(attributes));
        Assert.Equal(Names(Xp.AttributeAny(Root)), Names(attributes));
    }

    [Fact]
    public void Siblings_match_the_axis_helpers_and_skip_text_and_comments()
    {
        var cdrom = Devices.Elements("disk").Last();
        var following = new List<XObject>();
        foreach (var e in Xp.FollowingSiblings(cdrom)) following.Add(e);
        var preceding = new List<XObject>();
        foreach (var e in Xp.PrecedingSiblings(cdrom)) preceding.Add(e);
        Assert.Equal(["interface"], Names(following));
        Assert.Equal(["disk"], Names(preceding));
        Assert.Equal(Names(Xp.FollowingSibling(cdrom)), Names(following));
        Assert.Equal(Names(Xp.PrecedingSibling(cdrom)), Names(preceding));
        var rootSiblings = 0;
        foreach (var _ in Xp.PrecedingSiblings(Root)) rootSiblings++;
        Assert.Equal(0, rootSiblings);
    }

    [Fact]
    public void Single_node_steps_match_the_axis_helpers()
    {
        var target = Devices.Element("disk")!.Element("target")!;
        Assert.Same(Devices.Element("disk"), Xp.ParentNode(target));
        Assert.Same(Document, Xp.ParentNode(Root));
        Assert.Null(Xp.ParentNode(Document));
        Assert.Equal("vda", Xp.AttributeValue(target, "dev"));
        Assert.Null(Xp.AttributeValue(target, "bus"));
        Assert.Null(Xp.AttributeValue(target.Attribute("dev"), "dev"));
        Assert.Same(target, Xp.FirstChild(Devices.Element("disk"), "target"));
        Assert.Same(Root, Xp.FirstChild(Document, "domain"));
        Assert.Null(Xp.SelfElement(target, "disk"));
        Assert.Equal("", Xp.String((XObject?)null));
        Assert.Equal("vda", Xp.String(target.Attribute("dev")));
    }

    [Fact]
    public void Comparisons_of_at_most_one_value_treat_no_node_as_the_empty_node_set()
    {
        Assert.False(Xp.NotEqual(null, "ide"));
        Assert.True(Xp.NotEqual("sata", "ide"));
        Assert.False(Xp.Compare(CompareOp.Less, (string?)null, 3));
        Assert.True(Xp.Compare(CompareOp.Less, "2", 3));
        var set = Xp.StringSet(["ide", "sata"]);
        Assert.True(Xp.In("ide", set));
        Assert.False(Xp.In(null, set));
    }

    [Fact]
    public void A_list_parameter_is_turned_into_a_set_once_per_list()
    {
        string[] buses = ["ide", "sata", "usb"];
        Assert.Same(Xp.StringSet(buses), Xp.StringSet(buses));
        Assert.NotSame(Xp.StringSet(buses), Xp.StringSet(["ide", "sata", "usb"]));
    }

    [Fact]
    public void Loops_allocate_nothing()
    {
        var count = 0;
        void Walk()
        {
            foreach (var disk in Xp.Children(Devices, "disk"))
            {
                foreach (var target in Xp.Descendants(disk, "target"))
                    if (Xp.AttributeValue(target, "dev") is not null) count++;
                foreach (var _ in Xp.Attributes(disk)) count++;
                foreach (var _ in Xp.FollowingSiblings(disk)) count++;
                foreach (var _ in Xp.PrecedingSiblings(disk)) count++;
            }
        }

        Walk(); // compiles the loops first
        var before = GC.GetAllocatedBytesForCurrentThread();
        Walk();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(count > 0);
    }
}
