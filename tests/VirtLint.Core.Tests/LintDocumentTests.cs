using System.Text;
using System.Xml.Linq;
using VirtLint.Core;

namespace VirtLint.Core.Tests;

/// <summary>Regions are exact: an element covers '&lt;name', an attribute covers name through its closing quote.</summary>
public sealed class LintDocumentTests
{
    private const string Text = "<domain type='kvm'>\n  <devices>\n    <disk type=\"file\"   device = 'disk'>\n      <target dev='vda'\n              bus='virtio'/>\n    </disk>\n  </devices>\n</domain>\n";

    private static LintDocument Document() => DocumentLoader.Load("vm.xml", Encoding.UTF8.GetBytes(Text), TestCatalog.Catalog).Document!;

    [Fact]
    public void Element_span_covers_the_tag_name()
    {
        var disk = Document().Root.Descendants("disk").Single();
        Assert.Equal(new SourceSpan(3, 5, 3, 10), Document().SpanOf(disk));
    }

    [Fact]
    public void Attribute_span_covers_name_through_closing_quote_with_spaces_around_equals()
    {
        var document = Document();
        var disk = document.Root.Descendants("disk").Single();
        Assert.Equal(new SourceSpan(3, 11, 3, 22), document.SpanOf(disk.Attribute("type")!));
        Assert.Equal(new SourceSpan(3, 25, 3, 40), document.SpanOf(disk.Attribute("device")!));
    }

    [Fact]
    public void Attribute_on_a_continuation_line_is_located_there()
    {
        var document = Document();
        var bus = document.Root.Descendants("target").Single().Attribute("bus")!;
        Assert.Equal(new SourceSpan(5, 15, 5, 27), document.SpanOf(bus));
    }

    [Fact]
    public void Text_nodes_fall_back_to_a_located_node()
    {
        var document = DocumentLoader.Load("vm.xml", Encoding.UTF8.GetBytes("<domain>\n  <memory unit='KiB'>1024</memory>\n</domain>"), TestCatalog.Catalog).Document!;
        var text = document.Root.Element("memory")!.Nodes().OfType<XText>().Single();
        Assert.Equal(2, document.SpanOf(text).StartLine);
    }

    [Fact]
    public void Line_text_strips_terminators_of_any_kind()
    {
        var document = DocumentLoader.Load("vm.xml", Encoding.UTF8.GetBytes("<domain>\r\n  <name>a</name>\r\n</domain>"), TestCatalog.Catalog).Document!;
        Assert.Equal("  <name>a</name>", document.LineText(2));
        Assert.Equal("", document.LineText(99));
    }
}
