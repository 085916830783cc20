using System.Xml;
using System.Xml.Linq;
using VirtLint.Core.Configuration;
using VirtLint.Core.Suppressions;
using VirtLint.Core.Tests.Configuration;
using static VirtLint.Core.Tests.Configuration.ConfigTestCatalog;

namespace VirtLint.Core.Tests.Suppressions;

public sealed class SuppressionMatcherTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static (XDocument Document, SuppressionMatcher Matcher) Prepare(string xml, IReadOnlyList<ConfigIgnore>? ignores = null, Func<RuleDescriptor, bool>? isEnabled = null)
    {
        var document = SuppressionTestCatalog.Load(xml);
        var inline = DocumentSuppressions.Collect(document, SuppressionTestCatalog.Lookup);
        return (document, new SuppressionMatcher(inline, ignores ?? [], Today, isEnabled));
    }

    /// <summary>"VL0022@12:9 message": the token's span inside a comment, else the node's own line info.</summary>
    private static List<string> Problems(SuppressionMatcher matcher) =>
        matcher.Problems().Select(p =>
        {
            var (line, column) = p.Span is { } s ? (s.StartLine, s.StartColumn) : (((IXmlLineInfo)p.Node).LineNumber, ((IXmlLineInfo)p.Node).LinePosition);
            return $"{p.RuleId}@{line}:{column} {p.Message}";
        }).Order(StringComparer.Ordinal).ToList();

    private static XElement Disk(XDocument document, string dev) => document.Descendants("disk").Single(d => d.Element("target")?.Attribute("dev")?.Value == dev);

    private const string Domain = """
        <domain type='kvm'>
          <name>web01</name>
          <devices>
            <!-- virtlint-disable-next-element VL1001, disk-cache-not-none reason="no virtio drivers in this image" until=2027-03-31 -->
            <disk type='file' device='disk'>
              <driver name='qemu' type='qcow2' cache='writeback'/>
              <target dev='hda' bus='ide'/>
            </disk>
            <disk type='file' device='disk'>
              <target dev='hdb' bus='ide'/>
            </disk>
          </devices>
        </domain>
        """;

    [Fact]
    public void A_comment_covers_the_next_element_and_its_subtree_only()
    {
        var (document, matcher) = Prepare(Domain);
        var hda = Disk(document, "hda");
        var match = matcher.Match(DiskBus, hda.Element("target")!.Attribute("bus"));
        Assert.Equal(new SuppressionMatch(SuppressionCarrier.Comment, "no virtio drivers in this image", new DateOnly(2027, 3, 31)), match);
        Assert.NotNull(matcher.Match(DiskCache, hda.Element("driver")!.Attribute("cache")));
        Assert.NotNull(matcher.Match(DiskBus, hda));
        Assert.Null(matcher.Match(DiskBus, Disk(document, "hdb").Element("target")!.Attribute("bus")));
        Assert.Null(matcher.Match(NicModel, hda));
        Assert.Null(matcher.Match(DiskBus, null));
        Assert.Empty(Problems(matcher));
    }

    [Fact]
    public void Unused_rules_are_reported_at_their_token_unless_the_rule_did_not_run()
    {
        var (document, matcher) = Prepare(Domain);
        matcher.Match(DiskBus, Disk(document, "hda").Element("target")!.Attribute("bus"));
        Assert.Equal(["VL0022@4:48 Suppression of 'VL1003' (disk-cache-not-none) matched no finding; remove it."], Problems(matcher));

        var (_, disabled) = Prepare(Domain, isEnabled: rule => rule.Id != "VL1003");
        Assert.Equal(["VL0022@4:40 Suppression of 'VL1001' (disk-bus-not-virtio) matched no finding; remove it."], Problems(disabled));
    }

    [Fact]
    public void Names_may_be_ids_kebab_case_or_pascal_case()
    {
        var (document, matcher) = Prepare("""
            <domain>
              <!-- virtlint-disable-next-element vl1001 DiskCacheNotNone nic-model-not-virtio reason='legacy guest' -->
              <devices><disk/><interface/></devices>
            </domain>
            """);
        var devices = document.Root!.Element("devices")!;
        Assert.NotNull(matcher.Match(DiskBus, devices.Element("disk")));
        Assert.NotNull(matcher.Match(DiskCache, devices.Element("disk")));
        Assert.NotNull(matcher.Match(NicModel, devices.Element("interface")));
        Assert.Empty(Problems(matcher));
    }

    [Fact]
    public void A_file_comment_before_the_root_covers_the_document()
    {
        var (document, matcher) = Prepare("""
            <?xml version='1.0'?>
            <!-- virtlint-disable-file VL1201 reason="lab VM, emulated NICs on purpose" -->
            <domain><devices><interface type='network'><model type='e1000'/></interface></devices></domain>
            <!-- virtlint-disable-file VL1003 reason="too late" -->
            """);
        Assert.Equal(SuppressionCarrier.Comment, matcher.Match(NicModel, document.Descendants("model").Single().Attribute("type"))!.By);
        Assert.NotNull(matcher.Match(NicModel, null));
        Assert.Equal(["VL0024@4:6 The 'virtlint-disable-file' comment must come before the root element; here it covers nothing."], Problems(matcher));
    }

    [Fact]
    public void A_next_element_comment_with_nothing_after_it_is_invalid()
    {
        var (_, matcher) = Prepare("<domain><devices><disk/>\n  <!-- virtlint-disable-next-element VL1001 reason=\"x\" -->\n</devices></domain>");
        Assert.Equal(["VL0024@2:8 The 'virtlint-disable-next-element' comment is followed by no element at its level; put it just above the element to suppress."], Problems(matcher));
    }

    private const string WithMetadata = """
        <domain type='kvm'>
          <name>web01</name>
          <metadata>
            <app:owner xmlns:app="urn:example:owner">ops</app:owner>
            <vl:suppressions xmlns:vl="urn:virtlint:suppress:1">
              <vl:suppress rule="VL1202" target="devices/graphics[@type='vnc']" reason="console reachable only through the bastion" until="2027-03-31"/>
              <vl:suppress rule="disk-cache-not-none" target="devices/disk[target/@dev='vdb']" reason="scratch disk"/>
            </vl:suppressions>
          </metadata>
          <devices>
            <disk device='disk'><driver cache='writeback'/><target dev='vda'/></disk>
            <disk device='disk'><driver cache='writeback'/><target dev='vdb'/></disk>
            <graphics type='vnc' listen='0.0.0.0'/>
            <graphics type='spice' listen='0.0.0.0'/>
          </devices>
        </domain>
        """;

    [Fact]
    public void Metadata_suppressions_cover_their_target()
    {
        var (document, matcher) = Prepare(WithMetadata);
        var graphics = document.Descendants("graphics").ToList();
        Assert.Equal(new SuppressionMatch(SuppressionCarrier.Metadata, "console reachable only through the bastion", new DateOnly(2027, 3, 31)), matcher.Match(Vnc, graphics[0].Attribute("listen")));
        Assert.Null(matcher.Match(Vnc, graphics[1].Attribute("listen")));
        Assert.Null(matcher.Match(DiskCache, Disk(document, "vda").Element("driver")!.Attribute("cache")));
        Assert.Equal("scratch disk", matcher.Match(DiskCache, Disk(document, "vdb").Element("driver")!.Attribute("cache"))!.Reason);
        Assert.Empty(Problems(matcher));
    }

    [Fact]
    public void A_metadata_suppression_without_target_covers_the_document()
    {
        var (document, matcher) = Prepare("""
            <network>
              <name>lab</name>
              <metadata><vl:suppress xmlns:vl="urn:virtlint:suppress:1" rule="VL1213" reason="never migrated"/></metadata>
              <ip address='10.0.0.1'/>
            </network>
            """);
        Assert.NotNull(matcher.Match(Passthrough, document.Descendants("ip").Single()));
        Assert.NotNull(matcher.Match(Passthrough, null));
    }

    [Fact]
    public void A_second_element_of_the_namespace_in_metadata_is_reported_because_libvirt_drops_it()
    {
        var (document, matcher) = Prepare("""
            <domain>
              <metadata xmlns:vl="urn:virtlint:suppress:1">
                <vl:suppress rule="VL1001" reason="a"/>
                <vl:suppress rule="VL1003" reason="b"/>
              </metadata>
              <devices><disk/></devices>
            </domain>
            """);
        var disk = document.Descendants("disk").Single();
        Assert.NotNull(matcher.Match(DiskBus, disk));
        Assert.NotNull(matcher.Match(DiskCache, disk));
        Assert.Equal(["VL0025@4:6 This 'suppress' is dropped when libvirt parses the definition, as libvirt keeps only the first 'urn:virtlint:suppress:1' element in <metadata>; group suppressions in one <vl:suppressions> element."], Problems(matcher));
    }

    [Fact]
    public void A_missing_reason_is_reported_but_the_suppression_applies()
    {
        var (document, matcher) = Prepare("""
            <domain>
              <metadata><vl:suppress xmlns:vl="urn:virtlint:suppress:1" rule="VL1001" reason=" "/></metadata>
              <!-- virtlint-disable-next-element VL1003 -->
              <devices><disk/></devices>
            </domain>
            """);
        var disk = document.Descendants("disk").Single();
        Assert.Equal(new SuppressionMatch(SuppressionCarrier.Metadata, null, null), matcher.Match(DiskBus, disk));
        Assert.NotNull(matcher.Match(DiskCache, disk));
        Assert.Equal(
            [
                "VL0020@2:14 Suppression of 'VL1001' gives no reason; add reason=\"…\" saying why the finding is accepted.",
                "VL0020@3:8 Suppression of 'VL1003' gives no reason; add reason=\"…\" saying why the finding is accepted.",
            ],
            Problems(matcher));
    }

    [Fact]
    public void An_unknown_rule_is_reported_and_the_others_still_apply()
    {
        var (document, matcher) = Prepare("<domain>\n  <!-- virtlint-disable-next-element VL1001 disk-bus-not-virtoi reason=\"legacy\" -->\n  <disk/>\n</domain>");
        Assert.NotNull(matcher.Match(DiskBus, document.Descendants("disk").Single()));
        Assert.Equal(["VL0021@2:45 Suppression names 'disk-bus-not-virtoi', which is not a rule; the closest is 'disk-bus-not-virtio'."], Problems(matcher));
    }

    [Fact]
    public void An_expired_suppression_stops_applying_and_is_reported_at_its_date()
    {
        var (document, matcher) = Prepare("""
            <domain>
              <metadata><vl:suppress xmlns:vl="urn:virtlint:suppress:1" rule="VL1001" reason="until the image is rebuilt" until="2026-06-14"/></metadata>
              <!-- virtlint-disable-next-element VL1003 reason="last day is today" until=2026-06-15 -->
              <devices><disk/></devices>
            </domain>
            """);
        var disk = document.Descendants("disk").Single();
        Assert.Null(matcher.Match(DiskBus, disk));
        Assert.NotNull(matcher.Match(DiskCache, disk));
        Assert.Equal(["VL0023@2:111 Suppression of 'VL1001' expired after '2026-06-14' and no longer applies; fix the finding or move 'until' forward with a reason."], Problems(matcher));
    }

    [Theory]
    [InlineData("virtlint-disable-line VL1001 reason=\"x\"", "VL0025@1:14 Unknown suppression directive 'virtlint-disable-line'; use 'virtlint-disable-next-element' or 'virtlint-disable-file'.")]
    [InlineData("virtlint-disable-next-elements VL1001 reason=\"x\"", "VL0025@1:14 Unknown suppression directive 'virtlint-disable-next-elements'; use 'virtlint-disable-next-element' or 'virtlint-disable-file'.")]
    [InlineData("virtlint-disable-next-element VL1001 reasn=\"x\"", "VL0025@1:51 Unknown key 'reasn' (did you mean 'reason'?); a suppression takes rules, reason=\"…\" and until=YYYY-MM-DD.")]
    [InlineData("virtlint-disable-next-element VL1001 reason=\"unclosed", "VL0025@1:51 The value opened with \" is not closed.")]
    [InlineData("virtlint-disable-next-element VL1001 reason=\"x\" until=2026-02-30", "VL0025@1:68 The 'until' value '2026-02-30' is not a date written YYYY-MM-DD.")]
    [InlineData("virtlint-disable-next-element reason=\"x\"", "VL0025@1:14 The 'virtlint-disable-next-element' comment names no rule; list the ids or names of the rules to suppress.")]
    [InlineData("virtlint-disable-next-element reason=\"x\" VL1001", "VL0025@1:55 Rule 'VL1001' comes after reason or until; list the rules first.")]
    [InlineData("virtlint-disable-next-element VL0022 reason=\"x\"", "VL0025@1:44 Rule 'VL0022' reports problems with suppressions and cannot itself be suppressed; turn it off in .virtlint.yaml instead.")]
    [InlineData("virtlint-disable-next-element VL1001 reason=\"a\" reason=\"b\"", "VL0025@1:62 The key 'reason' is given twice.")]
    public void Malformed_comments_are_reported_at_the_token_and_do_not_apply(string comment, string expected)
    {
        var (document, matcher) = Prepare($"<domain><!-- {comment} --><disk/></domain>");
        Assert.Null(matcher.Match(DiskBus, document.Descendants("disk").Single()));
        Assert.Equal([expected], Problems(matcher));
    }

    [Theory]
    [InlineData("rule=\"VL1202\" target=\"devices/graphics[@type=vnc]\" reason=\"x\"", "VL0024@1:81 Suppression target 'devices/graphics[@type=vnc]' is not a valid path: expected a quoted value at character 24, found 'v'.")]
    [InlineData("rule=\"VL1202\" target=\"devices/graphic\" reason=\"x\"", "VL0024@1:81 Suppression target 'devices/graphic' selects no element: no <devices> here has a child <graphic> (did you mean 'graphics'?).")]
    [InlineData("rule=\"VL1202\" reasn=\"x\"", "VL0025@1:81 Unknown attribute 'reasn' (did you mean 'reason'?); a suppression takes rule, target, reason and until.")]
    [InlineData("reason=\"x\"", "VL0025@1:20 The suppression names no rule; set rule=\"…\" to the ids or names of the rules to suppress.")]
    [InlineData("rule=\"VL1202\" reason=\"x\" until=\"soon\"", "VL0025@1:92 The 'until' value 'soon' is not a date written YYYY-MM-DD.")]
    public void Malformed_metadata_is_reported_and_does_not_apply(string attributes, string expected)
    {
        var (document, matcher) = Prepare($"<domain><metadata><vl:suppress xmlns:vl=\"urn:virtlint:suppress:1\" {attributes}/></metadata><devices><graphics type='vnc'/></devices></domain>");
        Assert.Null(matcher.Match(Vnc, document.Descendants("graphics").Single()));
        Assert.Equal([expected], Problems(matcher));
    }

    [Fact]
    public void A_problem_inside_a_multi_line_comment_points_at_its_line()
    {
        var (_, matcher) = Prepare("<domain>\n  <!-- virtlint-disable-next-element\n       VL1001\n       VL9999 reason=\"x\" -->\n  <disk/>\n</domain>");
        Assert.Contains("VL0021@4:8 Suppression names 'VL9999', which is not a rule.", Problems(matcher));
    }

    [Fact]
    public void Ordinary_comments_are_not_suppressions()
    {
        var (document, matcher) = Prepare("<domain><!-- expect: VL1001 --><!-- disabled by virtlint-disable-file? no --><disk/></domain>");
        Assert.Null(matcher.Match(DiskBus, document.Descendants("disk").Single()));
        Assert.Empty(Problems(matcher));
    }

    [Fact]
    public void Every_covering_suppression_is_used_and_the_innermost_is_reported()
    {
        var (document, matcher) = Prepare("""
            <!-- virtlint-disable-file VL1001 reason="whole file" -->
            <domain>
              <metadata><vl:suppress xmlns:vl="urn:virtlint:suppress:1" rule="VL1001" target="devices" reason="metadata"/></metadata>
              <devices>
                <!-- virtlint-disable-next-element VL1001 reason="this disk" -->
                <disk/>
              </devices>
            </domain>
            """);
        Assert.Equal("this disk", matcher.Match(DiskBus, document.Descendants("disk").Single())!.Reason);
        Assert.Empty(Problems(matcher));
    }

    [Fact]
    public void Config_ignores_apply_after_inline_ones_and_track_their_use()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", """
            ignores:
              - rule: VL1001
                files: ["vms/*.xml"]
                reason: vendor image
              - rule: VL1003
                files: ["vms/*.xml"]
                reason: old
                until: 2026-01-31
              - rule: VL1201
                files: ["vms/*.xml"]
                reason: never fires here
              - rule: VL1202
                files: ["other/*.xml"]
                reason: not linted in this run
            """);
        var resolver = new ConfigResolver(Lookup);
        var config = resolver.For(tree.Write("vms/web01.xml", ""));
        Assert.Equal(3, config.Ignores.Count);
        var (document, matcher) = Prepare("<domain><disk/></domain>", config.Ignores);
        var disk = document.Descendants("disk").Single();

        Assert.Equal(new SuppressionMatch(SuppressionCarrier.Config, "vendor image", null), matcher.Match(DiskBus, disk));
        Assert.Null(matcher.Match(DiskCache, disk));

        var problems = SuppressionMatcher.ConfigIgnoreProblems(resolver.LoadedIgnores(), Today)
            .Select(p => $"{p.RuleId}@{p.Ignore.Line}:{p.Ignore.Column} {p.Message}");
        Assert.Equal(
            [
                "VL0023@5:5 Ignore of 'VL1003' expired after '2026-01-31' and no longer applies; fix the findings or move 'until' forward with a reason.",
                "VL0022@9:5 Ignore of 'VL1201' (nic-model-not-virtio) matched no finding in the linted files it names; remove it.",
            ],
            problems);
    }

    [Fact]
    public void Many_suppressions_and_findings_take_linear_time()
    {
        const int n = 20_000;
        var comments = string.Concat(Enumerable.Repeat("<!-- virtlint-disable-next-element VL1001 reason=\"bulk\" -->", n));
        var disks = string.Concat(Enumerable.Repeat("<target bus='ide'/>", n));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (document, matcher) = Prepare($"<domain><devices>{comments}<disk>{disks}</disk></devices></domain>");
        foreach (var target in document.Descendants("target")) Assert.NotNull(matcher.Match(DiskBus, target.Attribute("bus")));
        Assert.Empty(Problems(matcher));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
