using System.Text;
using VirtLint.Core;

namespace VirtLint.Core.Tests;

/// <summary>Bad input never crashes: each case is one located finding, and other files are still linted.</summary>
public sealed class DocumentLoaderTests
{
    private static LoadResult Load(string text) => DocumentLoader.Load("vm.xml", Encoding.UTF8.GetBytes(text), TestCatalog.Catalog);

    [Theory]
    [InlineData("", 1, 1, "The file is empty; expected a libvirt XML document.")]
    [InlineData("   \n  ", 1, 1, "The file is empty; expected a libvirt XML document.")]
    [InlineData("<domain>\n  <name>x</name>\n</domian>", 3, 3, "The 'domain' start tag on line 1 position 2 does not match the end tag of 'domian'.")]
    [InlineData("<domain>\n<name>x\0</name></domain>", 2, 8, "The file contains a NUL byte; it is binary, not XML.")]
    [InlineData("not xml at all", 1, 1, "Data at the root level is invalid.")]
    public void Malformed_input_is_a_located_error(string text, int line, int column, string message)
    {
        var result = Load(text);

        Assert.Null(result.Document);
        var problem = Assert.IsType<Finding>(result.Problem);
        Assert.Equal("VL0001", problem.RuleId);
        Assert.Equal(Severity.Error, problem.Severity);
        Assert.Equal((line, column), (problem.Span.StartLine, problem.Span.StartColumn));
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_dtd_is_refused_without_resolving_entities()
    {
        var result = Load("<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<domain><name>&x;</name></domain>");

        Assert.Null(result.Document);
        Assert.Equal((2, 1), (result.Problem!.Span.StartLine, result.Problem.Span.StartColumn));
        Assert.Equal("The document declares a DTD for 'domain', which VirtLint refuses to process for safety.", result.Problem.Message);
    }

    [Theory]
    [InlineData("<domain type='kvm'/>", DocumentKind.Domain)]
    [InlineData("<pool type='dir'/>", DocumentKind.Pool)]
    [InlineData("<volume/>", DocumentKind.Volume)]
    [InlineData("<?xml version='1.0'?>\n<!-- comment -->\n<network/>", DocumentKind.Network)]
    public void Documents_are_classified_by_their_root_element(string text, DocumentKind kind)
    {
        var result = Load(text);

        Assert.Null(result.Problem);
        Assert.Equal(kind, result.Document!.Kind);
    }

    [Fact]
    public void An_unknown_root_is_a_note_at_the_root_element()
    {
        var result = Load("<?xml version='1.0'?>\n<capabilities>\n</capabilities>");

        Assert.Null(result.Document);
        Assert.Equal("VL0002", result.Problem!.RuleId);
        Assert.Equal(Severity.Note, result.Problem.Severity);
        Assert.Equal(new SourceSpan(2, 1, 2, 14), result.Problem.Span);
        Assert.Equal("Root element 'capabilities' is not a libvirt domain, pool, volume, network or test-driver node; the file was skipped.", result.Problem.Message);
    }

    [Fact]
    public void A_namespaced_root_is_not_a_libvirt_document()
    {
        Assert.Equal("VL0002", Load("<x:domain xmlns:x='urn:other'/>").Problem!.RuleId);
    }

    [Fact]
    public void Byte_order_marks_are_honoured()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<domain type='kvm'/>")).ToArray();
        Assert.Equal(DocumentKind.Domain, DocumentLoader.Load("vm.xml", utf16, TestCatalog.Catalog).Document!.Kind);
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<pool/>")).ToArray();
        Assert.Equal(DocumentKind.Pool, DocumentLoader.Load("p.xml", utf8, TestCatalog.Catalog).Document!.Kind);
    }
}
