using System.Text;
using VirtLint.Core.Schema;
using static VirtLint.Core.Tests.Schema.SchemaTestRules;

namespace VirtLint.Core.Tests.Schema;

/// <summary>The schema checks over the small hand-written model: what is reported, where, and what is left alone.</summary>
public sealed class SchemaCheckerTests
{
    private static readonly RuleCatalog Catalog = new(
        [TestCatalog.NotWellFormed, TestCatalog.NotLibvirt, UnknownElement, UnknownAttribute, BadValue],
        SchemaTestRules.Checkers(UnknownElement, UnknownAttribute, BadValue));

    private static List<string> Lint(string xml) =>
        new Linter(Catalog).Lint("test.xml", xml)
            .Select(f => $"{f.Span.StartLine}:{f.Span.StartColumn}-{f.Span.EndLine}:{f.Span.EndColumn} {f.RuleId} {f.Message}")
            .ToList();

    [Fact]
    public void One_checker_per_rule_and_modelled_kind()
    {
        var checkers = Catalog.Checkers.Cast<SchemaChecker>().ToList();
        Assert.Equal(3, checkers.Count);
        Assert.All(checkers, c => Assert.Equal(DocumentKind.Domain, c.Kind));
        Assert.Equal([SchemaAspect.UnknownElement, SchemaAspect.UnknownAttribute, SchemaAspect.ValueNotInEnumeration], checkers.Select(c => c.Aspect));
    }

    [Fact]
    public void Reports_unknown_names_and_values_at_their_exact_place_with_a_suggestion()
    {
        var findings = Lint("""
            <domain type='kvm'>
              <devices>
                <disk type='network' device='disk'>
                  <drvier/>
                  <target dev='vda' buss='virtio' bus='virtoi'/>
                </disk>
              </devices>
              <on_crash>restrat</on_crash>
            </domain>
            """);

        Assert.Equal(
        [
            "4:7-4:14 VL0010 Element 'drvier' is not allowed in <disk>.",
            "5:25-5:38 VL0011 Attribute 'buss' is not allowed on <target>; the closest allowed name is 'bus'.",
            "5:39-5:51 VL0012 Value 'virtoi' is not allowed for attribute 'bus' of <target>; the closest allowed value is 'virtio'.",
            "8:13-8:20 VL0012 Value 'restrat' is not allowed as the text of <on_crash>; the closest allowed value is 'restart'.",
        ], findings);
    }

    [Fact]
    public void A_discriminating_attribute_narrows_the_element_and_its_descendants_and_messages_name_it_when_it_matters()
    {
        var findings = Lint("""
            <domain type='kvm'>
              <devices>
                <disk type='file' device='lun'>
                  <source file='/a.img' protocol='nbd'><host name='x'/></source>
                </disk>
                <disk device='disk'>
                  <source file='/b.img'><host name='y'/></source>
                  <target dev='vdb' bus='sata'/>
                </disk>
                <disk type='network' device='lun'>
                  <source protocol='nbd'><host name='z'/></source>
                </disk>
              </devices>
            </domain>
            """);

        Assert.Equal(
        [
            "3:23-3:35 VL0012 Value 'lun' is not allowed for attribute 'device' of <disk type='file'>; the allowed values are 'cdrom' and 'disk'.",
            "4:29-4:43 VL0011 Attribute 'protocol' is not allowed on <source> under <disk type='file'>.",
            "4:44-4:49 VL0010 Element 'host' is not allowed in <source> under <disk type='file'>.",
            "7:29-7:34 VL0010 Element 'host' is not allowed in <source> under <disk> without 'type'.",
        ], findings);
    }

    [Fact]
    public void A_name_on_the_wrong_axis_is_pointed_out()
    {
        var findings = Lint("""
            <domain type='kvm'>
              <devices>
                <disk type='network' source='x'>
                  <target><dev/></target>
                </disk>
              </devices>
            </domain>
            """);

        Assert.Equal(
        [
            "3:26-3:36 VL0011 Attribute 'source' is not allowed on <disk>; 'source' is allowed there as a child element, not as an attribute.",
            "4:15-4:19 VL0010 Element 'dev' is not allowed in <target>; 'dev' is allowed there as an attribute, not as an element.",
        ], findings);
    }

    [Fact]
    public void Namespaced_names_open_elements_and_the_inside_of_unknown_elements_are_not_checked()
    {
        var findings = Lint("""
            <domain type='kvm' xmlns:q='urn:q' q:flag='1'>
              <q:commandline><q:arg value='-x'/><devices bogus='1'/></q:commandline>
              <metadata><anything at='all'><devices/></anything></metadata>
              <backingStore whatever='1'><backingStore format='x'><backingStore/></backingStore></backingStore>
              <unknown bus='virtoi'><disk/></unknown>
            </domain>
            """);

        Assert.Equal(["5:3-5:11 VL0010 Element 'unknown' is not allowed in <domain>."], findings);
    }

    [Fact]
    public void Values_compare_as_tokens_and_text_is_checked_only_when_it_is_the_whole_content()
    {
        var findings = Lint("""
            <domain type=' kvm '>
              <devices>
                <disk type=' file '><source file='/a.img' protocol='nbd'/></disk>
              </devices>
              <on_crash>
                destroy
              </on_crash>
              <on_crash><!-- empty --></on_crash>
              <on_crash>
                Destroy  </on_crash>
            </domain>
            """);

        Assert.Equal(
        [
            "3:47-3:61 VL0011 Attribute 'protocol' is not allowed on <source> under <disk type='file'>.",
            "10:5-10:12 VL0012 Value 'Destroy' is not allowed as the text of <on_crash>; the closest allowed value is 'destroy'.",
        ], findings);
    }

    [Fact]
    public void Long_values_are_shortened_and_an_empty_value_is_named_as_such()
    {
        var longValue = new string('x', 200);
        var findings = Lint($"<domain type='{longValue}'><devices><disk><target bus=''/></disk></devices></domain>");

        Assert.Equal(2, findings.Count);
        Assert.EndsWith($"VL0012 Value '{new string('x', 64)}…' is not allowed for attribute 'type' of <domain>; the allowed values are 'kvm' and 'qemu'.", findings[0]);
        Assert.EndsWith("VL0012 An empty value is not allowed for attribute 'bus' of <target>; the allowed values are 'ide', 'sata', 'scsi' and 'virtio'.", findings[1]);
    }

    [Fact]
    public void Deeply_nested_documents_are_walked_without_recursion()
    {
        // The loader refuses documents deeper than libxml2's limit, so the checker is given the tree directly: deep
        // enough for a recursive walk to risk the stack.
        const int depth = 20_000;
        var xml = new StringBuilder("<domain>");
        for (var i = 0; i < depth; i++) xml.Append("<backingStore>");
        xml.Append("<oops/>");
        for (var i = 0; i < depth; i++) xml.Append("</backingStore>");
        xml.Append("</domain>");

        var text = xml.ToString();
        var document = new LintDocument("test.xml", text, System.Xml.Linq.XDocument.Parse(text, System.Xml.Linq.LoadOptions.SetLineInfo), DocumentKind.Domain);
        var reported = new ReportedFindings();
        foreach (var checker in Catalog.Checkers)
            checker.Check(new CheckContext(document, checker.Descriptor, checker.Descriptor.DefaultSeverity, VirtLint.Core.Configuration.RuleParameters.Defaults, reported));
        var findings = reported.Items.Select(i => $"{i.Finding.RuleId} {i.Finding.Message}").ToList();

        Assert.Single(findings);
        Assert.Contains("VL0010 Element 'oops' is not allowed in <backingStore>.", findings[0]);
    }
}
