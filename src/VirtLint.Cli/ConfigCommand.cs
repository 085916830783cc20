using System.CommandLine;
using VirtLint.Cli.Check;
using VirtLint.Core;
using VirtLint.Core.Configuration;

namespace VirtLint.Cli;

/// <summary>
/// <c>virtlint config schema</c>: the JSON Schema of <c>.virtlint.yaml</c>, generated from the rule catalogue (also
/// committed as docs/virtlint-config.schema.json). <c>virtlint config show FILE</c>: the configuration one file gets,
/// found as <c>check</c> finds it (and with the same options).
/// </summary>
internal sealed class ConfigCommand
{
    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;
    private readonly ConfigOptions _options = new();

    public ConfigCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;

        var schema = new Command("schema", "Print the JSON Schema of .virtlint.yaml, with every rule's parameters typed.");
        schema.SetAction(_ =>
        {
            _context.Stdout.Write(ConfigSchema.Generate(new RuleLookup(_catalog)));
            return ExitCodes.Clean;
        });

        var show = new Command("show", "Print the effective configuration of one file as JSON: its config files, fail level, each rule's severity and parameters, and the ignores naming it.")
        {
            File,
        };
        foreach (var option in _options.All.Where(o => o != _options.NoGitIgnore)) show.Options.Add(option);
        show.Options.Add(FailOn);
        FailOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        show.SetAction(Show);

        Command = new Command("config", "Inspect the configuration: its schema, or what one file gets.") { schema, show };
    }

    public Command Command { get; }

    public Argument<string> File { get; } = new("FILE") { Description = "The file whose configuration to show (it need not exist)." };

    public Option<string?> FailOn { get; } = new("--fail-on") { Description = "As for 'check'." };

    private int Show(ParseResult parseResult)
    {
        var lookup = new RuleLookup(_catalog);
        var resolver = _options.CreateResolver(parseResult, lookup, parseResult.GetValue(FailOn), _context);
        if (resolver is null) return ExitCodes.UsageOrInputError;
        var file = parseResult.GetValue(File)!;
        try
        {
            var config = resolver.For(_context.ResolvePath(file));
            _context.Stdout.Write(EffectiveConfigJson.Write(config, PathExpander.Normalize(file)));
            return ExitCodes.Clean;
        }
        catch (ConfigException e)
        {
            ConfigErrors.Print(e.Errors, _context);
            return ExitCodes.UsageOrInputError;
        }
    }
}
