using System.CommandLine;
using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary><c>virtlint explain RULE</c>: one rule's metadata and documentation, found by id or by name.</summary>
internal sealed class ExplainCommand
{
    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;

    public ExplainCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;
        Command = new Command("explain", "Show a rule's documentation.") { Rule };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    public Argument<string> Rule { get; } = new("RULE")
    {
        Description = "A rule id (VL1001) or name (disk-bus-not-virtio).",
    };

    private int Run(ParseResult parseResult)
    {
        var query = parseResult.GetValue(Rule)!;
        var rule = _catalog.Find(query);
        if (rule is null)
        {
            _context.Error($"unknown rule '{query}'");
            return ExitCodes.UsageOrInputError;
        }

        var output = _context.Stdout;
        output.WriteLine($"{rule.Id} {rule.Name}: {rule.Title}");
        output.WriteLine();
        WriteField(output, "Id", rule.Id);
        WriteField(output, "Name", rule.Name);
        WriteField(output, "Severity", rule.DefaultSeverity.ToName());
        WriteField(output, "Category", rule.Category);
        WriteField(output, "Tags", string.Join(", ", rule.Tags));
        WriteField(output, "Target", rule.Target);
        WriteField(output, "Precision", rule.Precision);
        if (SecuritySeverityBands.Score(rule, rule.DefaultSeverity) is { } score) WriteField(output, "Security severity", $"{score} ({GitHubRating(score)} on GitHub)");

        var help = RuleHelp.PlainText(rule);
        if (help.Length > 0)
        {
            output.WriteLine();
            output.WriteLine(help);
        }

        if (rule.Parameters.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Parameters");
            foreach (var parameter in rule.Parameters)
            {
                output.WriteLine($"  {parameter.Name} ({parameter.Type}, default: {parameter.DefaultValue})");
                if (parameter.Description.Length > 0) output.WriteLine($"      {parameter.Description.Trim()}");
            }
        }

        return ExitCodes.Clean;
    }

    private static string GitHubRating(string score) =>
        SecuritySeverityBands.GitHubRating(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture));

    private static void WriteField(TextWriter output, string label, string value) =>
        output.WriteLine($"{(label + ":").PadRight(19)}{value}".TrimEnd());
}
