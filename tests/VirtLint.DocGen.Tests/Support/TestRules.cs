using VirtLint.Core;

namespace VirtLint.DocGen.Tests.Support;

/// <summary>Small hand-built catalogues, so generator behaviour is tested independently of the shipped rules.</summary>
internal static class TestRules
{
    public static RuleDescriptor Describe(
        string id, string name, string target = "document", string category = "correctness", string? securitySeverity = null,
        RuleParameter[]? parameters = null, string whatItDoes = "Reports something.", RuleScope? scope = null, string[]? references = null) =>
        new(id, name, $"Title of {name}", Severity.Warning, category, ["tag-a", "tag-b"], target, "high", securitySeverity, "{message}",
            new RuleDocs(
                whatItDoes,
                "Because it is bad.",
                "<bad/>",
                "<good/>",
                references ?? ["https://libvirt.org/formatdomain.html"]),
            parameters ?? [],
            $"rules/{target}/{name}.yaml",
            scope);

    /// <summary>The two engine rules every catalogue needs, plus <paramref name="extra"/>.</summary>
    public static RuleCatalog Catalog(params RuleDescriptor[] extra) =>
        new([Describe("VL0001", "xml-not-well-formed"), Describe("VL0002", "not-a-libvirt-document"), .. extra], []);
}
