using System.CommandLine;
using VirtLint.Cli.Catalog;
using VirtLint.Core;
using VirtLint.Core.Configuration;

namespace VirtLint.Cli;

/// <summary>
/// <c>virtlint rules</c>: the catalogue sorted by id, as an aligned table, JSON or Markdown, optionally narrowed to
/// some tags or categories.
/// </summary>
internal sealed class RulesCommand
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Markdown = "markdown";

    /// <summary>The categories of the rule-file format (rules/README.md): valid filters even when no rule has them yet.</summary>
    private static readonly string[] FormatCategories = VirtLint.RuleLanguage.RuleFileFields.Categories.Names;

    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;

    public RulesCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;
        Format.AcceptOnlyFromAmong(Table, Json, Markdown);

        // A misspelt category would otherwise print an empty list that looks like "no such rules".
        Category.AcceptOnlyFromAmong(
            FormatCategories.Concat(catalog.Rules.Select(r => r.Category)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

        Command = new Command(
            "rules",
            "List rules: id, name, default severity, category and title. Filters of one kind match any of their values; --tag and --category together must both match.")
        {
            Rule, Format, Tag, Category, Preset,
        };
        Preset.AcceptOnlyFromAmong(ConfigPresets.Names.ToArray());
        Command.SetAction(Run);
    }

    public Command Command { get; }

    public Argument<string[]> Rule { get; } = new("RULE")
    {
        Description = "Only these rules, by id (VL1001), name (disk-bus-not-virtio) or SARIF name (DiskBusNotVirtio).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Output format.",
        DefaultValueFactory = _ => Table,
    };

    public Option<string[]> Tag { get; } = new("--tag")
    {
        Description = "Only rules with this tag; repeat for several.",
        HelpName = "TAG",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> Category { get; } = new("--category")
    {
        Description = "Only rules in this category; repeat for several.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Preset { get; } = new("--preset")
    {
        Description = "Only the rules this configuration preset turns on, each at the severity the preset gives it (table format).",
        HelpName = "NAME",
    };

    private int Run(ParseResult parseResult)
    {
        var tags = parseResult.GetValue(Tag) ?? [];
        var categories = parseResult.GetValue(Category) ?? [];
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in parseResult.GetValue(Rule) ?? [])
        {
            if (_catalog.Find(query) is not { } found)
            {
                _context.Error($"unknown rule '{query}'");
                return ExitCodes.UsageOrInputError;
            }

            named.Add(found.Id);
        }

        var rules = _catalog.Rules
            .Where(r => named.Count == 0 || named.Contains(r.Id))
            .Where(r => tags.Length == 0 || r.Tags.Any(t => tags.Contains(t, StringComparer.Ordinal)))
            .Where(r => categories.Length == 0 || categories.Contains(r.Category, StringComparer.Ordinal))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();

        Func<RuleDescriptor, Severity>? severityOf = null;
        if (parseResult.GetValue(Preset) is { } presetName)
        {
            var levels = ConfigPresets.Find(presetName)!.Resolve(new RuleLookup(_catalog));
            rules = rules.Where(r => levels[_catalog.IndexOf(r)] is not null).ToArray();
            severityOf = r => levels[_catalog.IndexOf(r)]!.Value;
        }

        var text = parseResult.GetValue(Format) switch
        {
            Json => RuleJsonRenderer.Render(rules),
            Markdown => RuleMarkdownRenderer.Render(rules, RuleMarkdownRenderer.RootLinkPrefix),
            _ => RuleTableRenderer.Render(rules, severityOf),
        };
        _context.Stdout.Write(text);
        return ExitCodes.Clean;
    }
}
