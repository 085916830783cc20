using VirtLint.Cli.Formats;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests.Sarif;

/// <summary>The cap holds only the results it may keep, and hands them back in report order.</summary>
public sealed class SarifResultCapHeapTests
{
    private static readonly RuleDescriptor Rule = BuiltInRules.Catalog.Rules[0];

    private static Finding At(string path, int line, Severity severity) => new(Rule, severity, $"m{line}", path, SourceSpan.At(line, 1));

    [Fact]
    public void Keeps_the_most_severe_earliest_first_and_makes_a_result_only_for_what_it_may_keep()
    {
        var cap = new SarifResultCap(3);
        var made = new List<string>();
        void Offer(Finding f) => cap.Add(f, () =>
        {
            made.Add($"{f.Path}:{f.Span.StartLine}");
            return new SarifResult(f.RuleId, 0, f.Severity.ToName(), new SarifMessage(f.Message), [], null);
        });

        Offer(At("a.xml", 1, Severity.Note));
        Offer(At("a.xml", 2, Severity.Warning));
        Offer(At("b.xml", 1, Severity.Warning));
        Offer(At("c.xml", 1, Severity.Error));
        Offer(At("d.xml", 1, Severity.Note));     // full of more severe results: never made
        Offer(At("e.xml", 1, Severity.Warning));  // a later warning loses to the earlier ones: never made
        Offer(At("0-config.yaml", 3, Severity.Warning)); // arrives last but is first in report order: it stays

        Assert.Equal(["a.xml:1", "a.xml:2", "b.xml:1", "c.xml:1", "0-config.yaml:3"], made);
        Assert.Equal(["0-config.yaml", "a.xml", "c.xml"], cap.KeptFindings().Select(f => f.Path));
        Assert.Equal(["m3", "m2", "m1"], cap.Kept().Select(r => r.Message.Text));
        Assert.Equal(
            "Kept the 3 most severe of 7 results and dropped 4 (2 warnings, 2 notes): GitHub code scanning displays at most 5,000 results per run " +
            "and rejects more than 25,000. Raise --sarif-max-results or lint fewer files.",
            cap.Dropped(SarifFormatter.Number));
    }

    [Fact]
    public void No_cap_keeps_everything_in_report_order_and_drops_nothing()
    {
        var cap = new SarifResultCap(0);
        foreach (var f in new[] { At("b.xml", 1, Severity.Note), At("a.xml", 2, Severity.Error), At("a.xml", 1, Severity.Warning) })
            cap.Add(f, () => new SarifResult(f.RuleId, 0, f.Severity.ToName(), new SarifMessage(f.Message), [], null));

        Assert.Equal(["m1", "m2", "m1"], cap.Kept().Select(r => r.Message.Text));
        Assert.Equal(["a.xml", "a.xml", "b.xml"], cap.KeptFindings().Select(f => f.Path));
        Assert.Null(cap.Dropped(SarifFormatter.Number));
    }
}
