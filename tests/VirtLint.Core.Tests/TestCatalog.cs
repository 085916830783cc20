using System.Xml.Linq;
using VirtLint.Core;

namespace VirtLint.Core.Tests;

/// <summary>A minimal catalog: the two engine rules and one checker that flags every domain &lt;disk&gt;.</summary>
internal static class TestCatalog
{
    public static RuleDescriptor Rule(string id, string name, Severity severity, string target) =>
        new(id, name, name, severity, "correctness", ["test"], target, "high", null, "", new RuleDocs("", "", "", "", []), [], $"rules/{target}/{name}.yaml");

    public static readonly RuleDescriptor NotWellFormed = Rule("VL0001", "xml-not-well-formed", Severity.Error, "document");
    public static readonly RuleDescriptor NotLibvirt = Rule("VL0002", "not-a-libvirt-document", Severity.Note, "document");
    public static readonly RuleDescriptor DiskRule = Rule("VL1999", "every-disk", Severity.Warning, "domain");

    public static RuleCatalog Catalog { get; } = new([NotWellFormed, NotLibvirt, DiskRule], [new DiskChecker()]);

    private sealed class DiskChecker : RuleChecker
    {
        public override RuleDescriptor Descriptor => DiskRule;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context)
        {
            foreach (var disk in context.Root.Descendants("disk"))
                context.Report(disk, $"Disk '{disk.Element("target")?.Attribute("dev")?.Value}' found.");
        }
    }
}
