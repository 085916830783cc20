using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>Node-sets come out of every reverse axis and every union in document order, as XPath 1.0 defines them.</summary>
public sealed class DocumentOrderTests
{
    private static readonly XDocument Document = XDocument.Parse("""
        <domain type='kvm'>
          <name>web01</name>
          <devices>
            <disk device='disk'><target dev='vda' bus='virtio'/></disk>
            <interface type='network'><source network='default'/></interface>
          </devices>
          <os><type>hvm</type></os>
        </domain>
        """);

    private static XElement Root => Document.Root!;

    private static XElement Target => Root.Element("devices")!.Element("disk")!.Element("target")!;

    private static string[] Names(IEnumerable<XObject> nodes) =>
        nodes.Select(n => n switch { XElement e => e.Name.LocalName, XAttribute a => "@" + a.Name.LocalName, XDocument => "/", _ => "?" }).ToArray();

    [Fact]
    public void Ancestors_are_in_document_order_so_the_first_is_the_root()
    {
        Assert.Equal(["/", "domain", "devices", "disk"], Names(Xp.Ancestor(Target, includeSelf: false)));
        Assert.Equal(["/", "domain", "devices", "disk", "target"], Names(Xp.Ancestor(Target, includeSelf: true)));
        Assert.Equal("domain", Xp.Name(Xp.Elements(Xp.Ancestor(Target, includeSelf: false))));
    }

    [Fact]
    public void Ancestors_of_a_node_set_are_in_document_order_without_duplicates()
    {
        var source = Root.Element("devices")!.Element("interface")!.Element("source")!;
        Assert.Equal(["/", "domain", "devices", "disk", "interface"], Names(Xp.Ancestor([source, Target], includeSelf: false)));
    }

    [Fact]
    public void A_union_is_in_document_order_whichever_operand_comes_first()
    {
        Assert.Equal(["devices", "os"], Names(Xp.Union(Xp.Child(Root, "os"), Xp.Child(Root, "devices"))));
        Assert.Equal("devices", Xp.Name(Xp.Union(Xp.Child(Root, "os"), Xp.Child(Root, "devices"))));
        Assert.Equal(["name", "devices", "os"], Names(Xp.Union(Xp.Union(Xp.Child(Root, "os"), Xp.Child(Root, "devices")), Xp.Child(Root, "name"))));
    }

    [Fact]
    public void A_union_orders_attributes_after_their_element_and_before_its_children()
    {
        var disk = Root.Element("devices")!.Element("disk")!;
        Assert.Equal(["disk", "@device", "target", "@dev"], Names(Xp.Union(Xp.Union(Xp.Attribute(Target, "dev"), Xp.Child(disk, "target")), Xp.Union(Xp.Attribute(disk, "device"), Xp.Single(disk)))));
    }

    [Fact]
    public void Parents_of_a_node_set_are_in_document_order()
    {
        var type = Root.Element("os")!.Element("type")!;
        Assert.Equal(["domain", "disk", "os"], Names(Xp.Parent([type, Target, Root.Element("os")!])));
    }

    [Fact]
    public void Sibling_axes_of_a_node_set_are_in_document_order()
    {
        // Siblings of an element come after those of its descendants (following) or before them (preceding).
        var devices = Root.Element("devices")!;
        var disk = devices.Element("disk")!;
        var os = Root.Element("os")!;
        Assert.Equal(["interface", "os"], Names(Xp.FollowingSibling([devices, disk])));
        Assert.Equal(["name", "devices", "disk"], Names(Xp.PrecedingSibling([devices.Element("interface")!, os])));
        Assert.Equal("name", Xp.Name(Xp.PrecedingSibling([devices.Element("interface")!, os])));
    }

    [Fact]
    public void A_gathered_union_is_sorted_in_place_without_duplicates()
    {
        var disk = Root.Element("devices")!.Element("disk")!;
        List<XObject> nodes = [Root.Element("os")!, Target, disk, Target, Root.Element("name")!];
        var sorted = DocumentOrder.SortInPlace(nodes);
        Assert.Equal(["name", "disk", "target", "os"], Names(sorted));
        Assert.Same(nodes, sorted);
        Assert.Empty(DocumentOrder.SortInPlace(null));
        List<XObject> ordered = [Root.Element("name")!, disk];
        Assert.Same(ordered, DocumentOrder.SortInPlace(ordered));
    }

    [Fact]
    public void Small_and_large_sorts_agree_with_the_document_numbering_on_every_shuffle()
    {
        // 40 wide siblings: small sorts compare through ancestors, until a comparison walks too far and they number;
        // larger ones number, unless they are ordered already.
        var wide = XDocument.Parse("<domain><devices a='1' b='2'>" + string.Concat(Enumerable.Range(0, 40).Select(i => $"<disk n='{i}'><target dev='vd{i}'/></disk>")) + "</devices></domain>");
        var everything = wide.Descendants().SelectMany(e => new XObject[] { e }.Concat(e.Attributes())).ToList();
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var count = random.Next(2, 40);
            var picked = Enumerable.Range(0, count).Select(_ => everything[random.Next(everything.Count)]).ToList();
            var expected = everything.Where(picked.Contains).ToList();
            Assert.Equal(expected, DocumentOrder.SortInPlace([.. picked]));
        }
    }

    [Fact]
    public void A_long_union_already_in_order_is_confirmed_without_numbering_the_document()
    {
        var wide = XDocument.Parse("<domain><devices>" + string.Concat(Enumerable.Range(0, 40).Select(i => $"<disk><address slot='{i}'/></disk>")) + "</devices></domain>");
        var addresses = wide.Descendants("address").ToList<XObject>();

        var ordered = DocumentOrder.SortInPlace([.. addresses]);
        Assert.Equal(addresses, ordered);
        Assert.Empty(wide.Annotations<object>());

        List<XObject> reversed = [.. addresses.AsEnumerable().Reverse()];
        Assert.Equal(addresses, DocumentOrder.SortInPlace(reversed));
        Assert.NotEmpty(wide.Annotations<object>());
    }

    [Fact]
    public void Two_ordered_runs_under_an_indexed_element_are_merged_without_numbering_the_document()
    {
        // devices/*/address | devices/hostdev/source/address: the hostdev's address comes last in the union and sits
        // among the devices in the document.
        var wide = XDocument.Parse("<domain><devices>"
            + string.Concat(Enumerable.Range(0, 40).Select(i => i == 20 ? "<hostdev><source><address bus='1'/></source></hostdev>" : $"<disk><address slot='{i}'/></disk>"))
            + "</devices></domain>");
        var devices = wide.Root!.Element("devices")!;
        foreach (var _ in Xp.Children(devices)) { } // a walk of a wide element indexes it, as a checker's walk does
        var inDocument = wide.Descendants("address").ToList<XObject>();
        List<XObject> union = [.. inDocument.Where(a => a.Parent!.Name != "source"), .. inDocument.Where(a => a.Parent!.Name == "source")];

        Assert.Equal(inDocument, DocumentOrder.SortInPlace(union));
        Assert.Empty(wide.Annotations<object>());
    }

    [Fact]
    public void Sorts_through_an_element_index_agree_with_the_document_numbering_on_every_shuffle()
    {
        var wide = XDocument.Parse("<domain><devices a='1'>" + string.Concat(Enumerable.Range(0, 40).Select(i => $"<disk n='{i}'><target dev='vd{i}'/></disk>")) + "</devices></domain>");
        foreach (var _ in Xp.Children(wide.Root!.Element("devices")!)) { }
        var everything = wide.Descendants().SelectMany(e => new XObject[] { e }.Concat(e.Attributes())).ToList();
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var picked = Enumerable.Range(0, random.Next(2, 60)).Select(_ => everything[random.Next(everything.Count)]).ToList();
            Assert.Equal(everything.Where(picked.Contains).ToList(), DocumentOrder.SortInPlace([.. picked]));
        }
    }
}
