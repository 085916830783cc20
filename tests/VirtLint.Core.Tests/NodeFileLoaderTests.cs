using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VirtLint.Core.Tests;

/// <summary>
/// A libvirt test-driver node file is split into its domains, pools, volumes and networks, each its own document with
/// the node file's lines.
/// </summary>
public sealed class NodeFileLoaderTests
{
    // Line numbers matter: the tests assert them.
    private const string Node = """
        <node>
          <cpu>
            <nodes>1</nodes>
          </cpu>
          <memory>8388608</memory>
          <!-- the web tier -->
          <domain type='kvm'>
            <name>web</name>
          </domain>
          <pool type='dir'>
            <name>images</name>
            <!-- a volume comment -->
            <volume type='file'>
              <name>web.img</name>
            </volume>
            <target>
              <path>/var/lib/libvirt/images</path>
            </target>
            <volume type='file'><name>db.img</name></volume>
          </pool>
          <network>
            <name>default</name>
          </network>
          <interface type='ethernet' name='eth0'/>
          <device><name>computer</name></device>
          <volume><name>stray</name></volume>
          <domain type='kvm' file='elsewhere.xml'/>
        </node>
        """;

    private static LoadResult Load(string text) => DocumentLoader.Load("node.xml", Encoding.UTF8.GetBytes(text), TestCatalog.Catalog);

    private static int LineOf(XObject node) => ((IXmlLineInfo)node).LineNumber;

    [Fact]
    public void Each_domain_pool_volume_and_network_is_its_own_document_in_file_order()
    {
        var result = Load(Node);

        Assert.Null(result.Problem);
        Assert.Equal(
            [(DocumentKind.Domain, "web", 7), (DocumentKind.Pool, "images", 10), (DocumentKind.Volume, "web.img", 13), (DocumentKind.Volume, "db.img", 19), (DocumentKind.Network, "default", 21)],
            result.Documents.Select(d => (d.Kind, d.Root.Element("name")!.Value, LineOf(d.Root))).ToArray());
        Assert.All(result.Documents, d => Assert.Equal(("node.xml", "node.xml", Node), (d.Path, d.NodeFile, d.Text)));
        Assert.Equal(new SourceSpan(1, 1, 1, 6), result.RootSpan);
    }

    [Fact]
    public void Each_inner_element_is_the_root_of_its_own_tree()
    {
        var domain = Load(Node).Documents[0];

        Assert.Same(domain.Root, domain.Xml.Root);
        Assert.Null(domain.Root.Parent);
        Assert.Equal("web", domain.Xml.Element("domain")!.Element("name")!.Value);
    }

    [Fact]
    public void A_pools_volumes_leave_its_tree_and_point_back_at_it()
    {
        var documents = Load(Node).Documents;
        var pool = documents[1];

        Assert.Empty(pool.Root.Elements("volume"));
        Assert.Equal(["name", "target"], pool.Root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(17, LineOf(pool.Root.Element("target")!.Element("path")!));
        Assert.All(documents.Where(d => d.Kind == DocumentKind.Volume), v => Assert.Same(pool, v.Pool));
        Assert.All(documents.Where(d => d.Kind != DocumentKind.Volume), d => Assert.Null(d.Pool));
    }

    [Fact]
    public void The_comments_just_before_an_inner_element_go_with_it()
    {
        var documents = Load(Node).Documents;

        var domainComment = Assert.Single(documents[0].Xml.Nodes().OfType<XComment>());
        Assert.Equal((" the web tier ", 6), (domainComment.Value, LineOf(domainComment)));
        var volumeComment = Assert.Single(documents[2].Xml.Nodes().OfType<XComment>());
        Assert.Equal((" a volume comment ", 12), (volumeComment.Value, LineOf(volumeComment)));
        Assert.Empty(documents[1].Xml.DescendantNodes().OfType<XComment>());
    }

    [Fact]
    public void What_is_not_linted_stays_in_the_node_with_its_comments()
    {
        var result = Load("<!-- a -->\n<node>\n  <!-- b -->\n  <cpu/>\n  <!-- c -->\n  <domain><name>x</name></domain>\n  <interface/>\n  <!-- d -->\n</node>");

        var shell = result.NodeShell!;
        Assert.Equal(["a", "node"], shell.Xml.Nodes().Where(n => n is not XText).Select(n => n is XComment c ? c.Value.Trim() : ((XElement)n).Name.LocalName));
        Assert.Equal(["b", "cpu", "interface", "d"], shell.Root.Nodes().Select(n => n is XComment c ? c.Value.Trim() : ((XElement)n).Name.LocalName));
        Assert.Equal([3, 4, 7, 8], shell.Root.Nodes().Select(LineOf));
        Assert.Equal("c", Assert.Single(result.Documents[0].Xml.Nodes().OfType<XComment>()).Value.Trim());
    }

    [Fact]
    public void Spans_and_offsets_are_the_node_files()
    {
        var volume = Load(Node).Documents[3];
        var name = volume.Root.Element("name")!;

        Assert.Equal(new SourceSpan(19, 25, 19, 30), volume.SpanOf(name));
        var finding = volume.FindingOn(TestCatalog.DiskRule, Severity.Warning, "m", name);
        Assert.Equal("<name", Node[finding.StartOffset..finding.EndOffset]);
    }

    [Fact]
    public void Node_information_interfaces_devices_stray_volumes_and_file_references_are_not_documents()
    {
        var kinds = Load(Node).Documents.Select(d => d.Kind).ToArray();

        Assert.Equal([DocumentKind.Domain, DocumentKind.Pool, DocumentKind.Volume, DocumentKind.Volume, DocumentKind.Network], kinds);
    }

    [Fact]
    public void A_pool_or_volume_naming_another_file_is_skipped_with_its_volumes()
    {
        var result = Load("<node>\n<pool type='dir' file='p.xml'><volume><name>a</name></volume></pool>\n<pool type='dir'><name>p</name><volume file='v.xml'/><volume><name>b</name></volume></pool>\n</node>");

        Assert.Equal([(DocumentKind.Pool, "p"), (DocumentKind.Volume, "b")], result.Documents.Select(d => (d.Kind, d.Root.Element("name")!.Value)).ToArray());
        Assert.Empty(result.Documents[0].Root.Elements("volume"));
    }

    [Theory]
    [InlineData("<node/>")]
    [InlineData("<node>\n  <cpu><nodes>1</nodes></cpu>\n  <!-- nothing else -->\n</node>")]
    public void A_node_without_libvirt_documents_is_fine(string text)
    {
        var result = Load(text);

        Assert.Null(result.Problem);
        Assert.Empty(result.Documents);
        Assert.Null(result.Document);
    }

    [Fact]
    public void A_namespaced_node_is_not_a_node_file()
    {
        var result = Load("<t:node xmlns:t='urn:other'><domain/></t:node>");

        Assert.Empty(result.Documents);
        Assert.Equal("Root element 'node' is not a libvirt domain, pool, volume, network or test-driver node; the file was skipped.", result.Problem!.Message);
    }

    [Fact]
    public void A_malformed_node_file_is_a_located_error()
    {
        var result = Load("<node>\n  <domain type='kvm'>\n    <name>web</name>\n  </domian>\n</node>");

        Assert.Empty(result.Documents);
        Assert.Equal(("VL0001", 4, 5), (result.Problem!.RuleId, result.Problem.Span.StartLine, result.Problem.Span.StartColumn));
    }

    [Fact]
    public void Volumes_are_located_under_their_pool()
    {
        var result = Load("<node>\n<pool><name>a</name><volume><name>x</name></volume></pool>\n<pool><name>b</name><volume><name>x</name></volume></pool>\n</node>");
        var volumes = result.Documents.Where(d => d.Kind == DocumentKind.Volume).ToArray();

        Assert.Equal(
            ["pool[a]/volume[x]/name", "pool[b]/volume[x]/name"],
            volumes.Select(v => v.FindingOn(TestCatalog.DiskRule, Severity.Warning, "m", v.Root.Element("name")).LogicalLocation));
        Assert.Equal("pool[b]/volume[x]", volumes[1].FindingOn(TestCatalog.DiskRule, Severity.Warning, "m", null).LogicalLocation);
    }
}
