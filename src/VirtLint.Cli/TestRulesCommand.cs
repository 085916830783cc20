using System.CommandLine;
using VirtLint.Cli.Output;
using VirtLint.Core;
using VirtLint.RuleRuntime.Testing;

namespace VirtLint.Cli;

/// <summary>
/// <c>virtlint test-rules DIR</c>: runs each organisation rule <c>DIR/&lt;name&gt;.yaml</c> against its samples in
/// <c>DIR/&lt;name&gt;/</c>, as <c>semgrep --test</c> does: one line per sample that fails, a summary, exit 0 when every
/// sample passes, 1 when one fails, 2 when a rule file is broken (nothing is run).
/// </summary>
internal sealed class TestRulesCommand
{
    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;

    public TestRulesCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;
        Command = new Command("test-rules", "Test organisation rules: run each DIR/<name>.yaml against DIR/<name>/flagged*.xml (with <!-- expect: ID --> comments) and clean*.xml.")
        {
            Directory,
        };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    public Argument<string> Directory { get; } = new("DIR")
    {
        Description = "The folder of rule files (<name>.yaml) and their sample folders (<name>/).",
    };

    private int Run(ParseResult parseResult)
    {
        var directory = parseResult.GetValue(Directory)!;
        var rules = UserRuleLoading.Load(directory, _catalog, _context, "no rule was tested");
        if (rules is null) return ExitCodes.UsageOrInputError;
        if (rules.Specs.Count == 0)
        {
            _context.Error($"'{directory}' holds no rule file (*.yaml).");
            return ExitCodes.UsageOrInputError;
        }

        var outcomes = RuleSampleRun.Run(directory, _context.ResolvePath, rules, rules.With(_catalog));
        var output = _context.Stdout;
        foreach (var rule in outcomes.GroupBy(o => (o.RuleId, o.RuleName)))
        {
            var failed = rule.Where(o => !o.Passed).ToList();
            output.WriteLine($"{(failed.Count == 0 ? "PASS" : "FAIL")} {rule.Key.RuleId} {rule.Key.RuleName} ({rule.Count() - failed.Count}/{rule.Count()} samples)");
            foreach (var outcome in failed)
                foreach (var problem in outcome.Problems)
                    output.WriteLine(TerminalText.Escape($"  {outcome.SamplePath}: {problem}"));
        }

        var rulesFailed = outcomes.Where(o => !o.Passed).Select(o => o.RuleId).Distinct().Count();
        var ruleCount = rules.Specs.Count;
        var samplesPassed = outcomes.Count(o => o.Passed);
        output.WriteLine(rulesFailed == 0
            ? $"{ruleCount}/{ruleCount}: all rules passed ({samplesPassed} samples)."
            : $"{ruleCount - rulesFailed}/{ruleCount}: {rulesFailed} rule(s) failed ({outcomes.Count - samplesPassed} of {outcomes.Count} samples).");
        return rulesFailed == 0 ? ExitCodes.Clean : ExitCodes.Findings;
    }
}
