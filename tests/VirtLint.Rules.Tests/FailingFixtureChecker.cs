using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// A checker that fails on purpose on one fixture domain, so the engine's internal-error rule (VL0003) has a flagged
/// fixture like every other rule. It is added to the fixture test's catalogue only; VL0999 is never shipped.
/// </summary>
internal sealed class FailingFixtureChecker : RuleChecker
{
    private static readonly RuleDescriptor Rule = new(
        "VL0999", "fixture-checker-that-fails", "Fails on purpose", Severity.Error, "correctness", ["test"], "domain", "high", null, "",
        new RuleDocs("", "", "", "", []), [], "tests/VirtLint.Rules.Tests/FailingFixtureChecker.cs");

    /// <summary>The built-in rules plus this checker.</summary>
    public static RuleCatalog Catalog { get; } = new(
        [.. BuiltInRules.Catalog.Rules, Rule], [.. BuiltInRules.Catalog.Checkers, new FailingFixtureChecker()]);

    public override RuleDescriptor Descriptor => Rule;

    public override DocumentKind Kind => DocumentKind.Domain;

    public override void Check(CheckContext context)
    {
        if ((string?)context.Root.Element("name") == "fixture-checker-fails-here")
            throw new InvalidOperationException("The fixture checker fails on purpose.");
    }
}
