using System.Xml.Linq;
using VirtLint.Core.Configuration;
using VirtLint.Core.Tests.Configuration;

namespace VirtLint.Core.Tests.Suppressions;

/// <summary>The configuration test catalogue plus the suppression engine rules.</summary>
internal static class SuppressionTestCatalog
{
    private static RuleDescriptor Engine(string id, string name) =>
        new(id, name, name, Severity.Warning, "correctness", ["suppression"], "document", "very-high", null, "", new RuleDocs("", "", "", "", []), [], $"rules/document/{name}.yaml");

    public static RuleLookup Lookup { get; } = new(new RuleCatalog(
        ConfigTestCatalog.Catalog.Rules.Concat(
        [
            Engine("VL0020", "suppression-without-reason"),
            Engine("VL0021", "suppression-unknown-rule"),
            Engine("VL0022", "suppression-unused"),
            Engine("VL0023", "suppression-expired"),
            Engine("VL0024", "suppression-target-invalid"),
            Engine("VL0025", "suppression-malformed"),
        ]),
        []));

    public static XDocument Load(string xml) => XDocument.Parse(xml, LoadOptions.SetLineInfo);
}
