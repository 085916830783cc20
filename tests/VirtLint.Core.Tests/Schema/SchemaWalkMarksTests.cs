using System.Text;
using VirtLint.Core.Schema;
using static VirtLint.Core.Tests.Schema.SchemaTestRules;

namespace VirtLint.Core.Tests.Schema;

/// <summary>
/// When a document's schema checks run, their walk also marks the nodes checks require: the marks must be those of
/// the plain walk, including inside what the schema does not look into, and the schema findings must not change.
/// </summary>
public sealed class SchemaWalkMarksTests
{
    private static readonly RuleChecker[] SchemaCheckers = SchemaTestRules.Checkers(UnknownElement, UnknownAttribute, BadValue);

    // Nodes below an open element (metadata), below an unknown element, in a namespaced element, on a known element,
    // an attribute value required anywhere, and a node of the model the document may lack.
    private static readonly RequiredNode[] Required =
    [
        RequiredNode.ElementNamed("note"),
        RequiredNode.ElementNamed("inner"),
        RequiredNode.ElementNamed("hidden"),
        RequiredNode.ElementNamed("target"),
        RequiredNode.AttributeNamed("bus", "virtio"),
        RequiredNode.AttributeNamed("name", element: "host"),
        RequiredNode.ElementNamed("on_crash"),
    ];

    private static readonly string[] Documents =
    [
        "<domain type='kvm'><metadata><app><note/></app></metadata></domain>",
        "<domain type='kvm'><devices><gadget><inner bus='virtio'/></gadget></devices></domain>",
        "<domain type='kvm' xmlns:q='urn:q'><q:commandline><hidden/></q:commandline></domain>",
        "<domain type='kvm'><devices><disk type='network'><source protocol='rbd'><host name='h'/></source><target dev='vda' bus='virtio'/></disk></devices></domain>",
        "<domain type='kvm'><devices><disk type='file'><target dev='sda' bus='sata'/></disk></devices><on_crash>destroy</on_crash></domain>",
        "<domain type='xen'><on_crash>oops</on_crash><backingStore any='1'><backingStore><note/></backingStore></backingStore></domain>",
        "<network><note/></network>",
    ];

    [Fact]
    public void The_schema_walk_marks_the_nodes_the_plain_walk_marks()
    {
        var sets = new RequiredNodeSets([.. SchemaCheckers, .. Required.Select(n => new NodeChecker([n]))]);
        var catalog = new RuleCatalog([TestCatalog.NotWellFormed, TestCatalog.NotLibvirt, UnknownElement, UnknownAttribute, BadValue], SchemaCheckers);
        var marked = 0;
        foreach (var xml in Documents)
        {
            foreach (var document in DocumentLoader.Load("test.xml", Encoding.UTF8.GetBytes(xml), catalog).Documents)
            {
                var plain = sets.Of(document.Root);
                Assert.Equal(plain, sets.Of(document, schemaChecked: true));
                Assert.Equal(plain, sets.Of(document, schemaChecked: false));
                marked += plain.Sum(System.Numerics.BitOperations.PopCount);
            }
        }

        // Every required node is in some document, some more than once.
        Assert.Equal(12, marked);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("rules:\n  VL0010: off\n  VL0011: off\n")]
    [InlineData("rules:\n  VL0010: off\n  VL0011: off\n  VL0012: off\n")]
    public void Checks_run_where_their_nodes_are_and_schema_findings_are_unchanged_whatever_schema_checks_run(string? config)
    {
        var checkers = Required.Select(n => new NodeChecker([n])).ToArray();
        var catalog = new RuleCatalog([TestCatalog.NotWellFormed, TestCatalog.NotLibvirt, UnknownElement, UnknownAttribute, BadValue, NodeChecker.Rule], [.. SchemaCheckers, .. checkers]);
        using var tree = new Configuration.TempTree();
        if (config is not null) tree.Write(".virtlint.yaml", config);
        var resolver = new Core.Configuration.ConfigResolver(new Core.Configuration.RuleLookup(catalog));
        var inputs = Documents.Select((d, i) => LintInput.FromBytes($"{i}.xml", Encoding.UTF8.GetBytes(d)) with { Config = resolver.For(tree.Write($"{i}.xml", d)) }).ToList();

        var report = new Linter(catalog).Lint(inputs);

        Assert.Equal(
            [["0.xml", "5.xml"], ["1.xml"], ["2.xml"], ["3.xml", "4.xml"], ["1.xml", "3.xml"], ["3.xml"], ["4.xml", "5.xml"]],
            checkers.Select(c => c.Paths.Order(StringComparer.Ordinal).ToArray()));
        string[] schemaFindings =
        [
            "1.xml:1:29 VL0010", // <gadget> under <devices>
            "5.xml:1:9 VL0012",  // type='xen' on <domain>
            "5.xml:1:30 VL0012", // text 'oops' of <on_crash>
            "5.xml:1:81 VL0010", // <note> under <backingStore>
        ];
        Assert.Equal(
            schemaFindings.Where(f => config is null || f.EndsWith("VL0012", StringComparison.Ordinal) && !config.Contains("VL0012", StringComparison.Ordinal)),
            report.Findings.Where(f => f.RuleId.StartsWith("VL001", StringComparison.Ordinal)).Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn} {f.RuleId}"));
    }

    [Fact]
    public void A_schema_walk_that_fails_is_the_schema_checks_internal_error_and_the_other_checks_still_run_where_their_nodes_are()
    {
        var internalError = TestCatalog.Rule("VL0003", "rule-internal-error", Severity.Error, "document");
        var broken = SchemaChecks.Create([UnknownElement], new Dictionary<DocumentKind, Func<SchemaModel>> { [DocumentKind.Domain] = () => throw new InvalidDataException("The model is damaged.") });
        var note = new NodeChecker([RequiredNode.ElementNamed("note")]);
        var catalog = new RuleCatalog([TestCatalog.NotWellFormed, TestCatalog.NotLibvirt, internalError, UnknownElement, NodeChecker.Rule], [.. broken, note]);

        var report = new Linter(catalog).Lint([LintInput.FromBytes("0.xml", Encoding.UTF8.GetBytes(Documents[0])), LintInput.FromBytes("1.xml", Encoding.UTF8.GetBytes(Documents[1]))]);

        Assert.Equal(["0.xml"], note.Paths);
        Assert.Equal(
            [
                "0.xml:1:1 VL0003 Rule VL0010 (unknown-element) failed on this document and was skipped: InvalidDataException: The model is damaged.",
                "1.xml:1:1 VL0003 Rule VL0010 (unknown-element) failed on this document and was skipped: InvalidDataException: The model is damaged.",
            ],
            report.Findings.Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn} {f.RuleId} {f.Message}"));
    }

    private sealed class NodeChecker(RequiredNode[] clause) : RuleChecker
    {
        public static readonly RuleDescriptor Rule = TestCatalog.Rule("VL1999", "node-probe", Severity.Note, "domain");

        private readonly System.Collections.Concurrent.ConcurrentBag<string> _paths = [];

        public IEnumerable<string> Paths => _paths;

        public override RuleDescriptor Descriptor => Rule;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override RequiredNode[][] RequiredNodes => [clause];

        public override void Check(CheckContext context) => _paths.Add(context.Document.Path);
    }
}
