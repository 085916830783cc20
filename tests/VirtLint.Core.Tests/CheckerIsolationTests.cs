using System.Text;
using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>One checker failing on one document is an internal-error finding for that rule and document; everything else is still checked.</summary>
public sealed class CheckerIsolationTests
{
    private static readonly RuleDescriptor Throwing = TestCatalog.Rule("VL1901", "throws-on-hostdev", Severity.Warning, "domain");
    private static readonly RuleDescriptor BrokenStatic = TestCatalog.Rule("VL1902", "broken-static-initialiser", Severity.Warning, "domain");
    private static readonly RuleDescriptor InternalError = TestCatalog.Rule("VL0003", "rule-internal-error", Severity.Error, "document");

    private static readonly RuleCatalog Catalog = new(
        [TestCatalog.NotWellFormed, TestCatalog.NotLibvirt, InternalError, TestCatalog.DiskRule, Throwing, BrokenStatic],
        [.. TestCatalog.Catalog.Checkers, new ThrowingChecker(), new BrokenStaticChecker()]);

    private static LintInput Input(string path, string text) => LintInput.FromBytes(path, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_throwing_checker_is_a_located_internal_error_and_other_rules_and_documents_go_on()
    {
        var report = new Linter(Catalog).Lint([
            Input("a.xml", "<domain>\n  <devices>\n    <hostdev/>\n    <disk><target dev='vda'/></disk>\n  </devices>\n</domain>"),
            Input("b.xml", "<domain>\n  <devices>\n    <disk><target dev='vdb'/></disk>\n  </devices>\n</domain>"),
        ]);

        Assert.Equal(
        [
            "a.xml:1:1 VL0003 Rule VL1901 (throws-on-hostdev) failed on this document and was skipped: InvalidOperationException: Hostdev support is not written yet.",
            "a.xml:1:1 VL0003 Rule VL1902 (broken-static-initialiser) failed on this document and was skipped: FormatException: The table is malformed.",
            "a.xml:4:5 VL1999 Disk 'vda' found.",
            "b.xml:1:1 VL0003 Rule VL1902 (broken-static-initialiser) failed on this document and was skipped: FormatException: The table is malformed.",
            "b.xml:3:5 VL1999 Disk 'vdb' found.",
        ], report.Findings.Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn} {f.RuleId} {f.Message}"));
        Assert.All(report.Findings.Where(f => f.RuleId == "VL0003"), f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void A_catalog_without_the_internal_error_rule_still_reports_one()
    {
        var catalog = new RuleCatalog([TestCatalog.NotWellFormed, TestCatalog.NotLibvirt, Throwing], [new ThrowingChecker()]);

        var finding = Assert.Single(new Linter(catalog).Lint("a.xml", "<domain><hostdev/></domain>"));

        Assert.Equal(("VL0003", "rule-internal-error", Severity.Error), (finding.RuleId, finding.Rule.Name, finding.Severity));
    }

    [Fact]
    public void A_pattern_the_regex_engine_refuses_fails_its_rule_when_used_not_the_type_initialiser()
    {
        // Lookbehind is refused by the non-backtracking engine.
        var pattern = Xp.Pattern("(?<=a)b");

        var error = Assert.Throws<InvalidOperationException>(() => Xp.Matches("ab", pattern));
        Assert.StartsWith("The pattern '(?<=a)b' cannot be used: ", error.Message, StringComparison.Ordinal);
        Assert.True(Xp.Matches("ab", Xp.Pattern("a.")));
    }

    private sealed class ThrowingChecker : RuleChecker
    {
        public override RuleDescriptor Descriptor => Throwing;
        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context)
        {
            if (context.Root.Descendants("hostdev").Any()) throw new InvalidOperationException("Hostdev support is not written yet.");
        }
    }

    private sealed class BrokenStaticChecker : RuleChecker
    {
        public override RuleDescriptor Descriptor => BrokenStatic;
        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context) => _ = Table.Names.Count;

        private static class Table
        {
            public static readonly IReadOnlyList<XName> Names = Parse();

            private static List<XName> Parse() => throw new FormatException("The table is malformed.");
        }
    }
}
