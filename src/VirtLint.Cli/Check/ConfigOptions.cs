using System.CommandLine;
using VirtLint.Core.Configuration;

namespace VirtLint.Cli.Check;

/// <summary>The options that choose and adjust the configuration: config file discovery, rule selection, severities, parameters.</summary>
internal sealed class ConfigOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Use this configuration file for every input instead of discovering .virtlint.yaml next to each file.",
        HelpName = "FILE",
    };

    public Option<bool> Isolated { get; } = new("--isolated")
    {
        Description = "Ignore every configuration file: built-in defaults and the command line only.",
    };

    public Option<string[]> Select { get; } = new("--select")
    {
        Description = "Run only these rules (id, name, tag:TAG or category:NAME; comma-separated or repeated).",
        HelpName = "RULE",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> Ignore { get; } = new("--ignore")
    {
        Description = "Turn these rules off (id, name, tag:TAG or category:NAME; comma-separated or repeated).",
        HelpName = "RULE",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> Severity { get; } = new("--severity")
    {
        Description = "Set a rule's severity: RULE=LEVEL with LEVEL one of off, note, warning, error. Repeat for several.",
        HelpName = "RULE=LEVEL",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> Param { get; } = new("--param")
    {
        Description = "Set a rule parameter: RULE.NAME=VALUE (a list is comma-separated). Repeat for several.",
        HelpName = "RULE.NAME=VALUE",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> NoGitIgnore { get; } = new("--no-gitignore")
    {
        Description = "Walk directories without respecting .gitignore files.",
    };

    public IEnumerable<Option> All => [Config, Isolated, Select, Ignore, Severity, Param, NoGitIgnore];

    /// <summary>
    /// The run's resolver, or null with the problems printed (exit 2): a bad option value, or a <c>--config</c> file
    /// that is missing or invalid. Discovered config files are validated when the inputs are resolved.
    /// </summary>
    public ConfigResolver? CreateResolver(ParseResult parseResult, RuleLookup lookup, string? failOn, CliContext context)
    {
        var errors = new List<ConfigError>();
        var overrides = CommandLineOverrides.Parse(lookup,
            parseResult.GetValue(Select), parseResult.GetValue(Ignore), parseResult.GetValue(Severity), parseResult.GetValue(Param), failOn, errors);
        var explicitConfig = parseResult.GetValue(Config);
        if (explicitConfig is not null && !File.Exists(context.ResolvePath(explicitConfig)))
            errors.Add(ConfigError.CommandLine($"--config '{explicitConfig}': no such file."));
        if (overrides is null || errors.Count > 0)
        {
            ConfigErrors.Print(errors, context);
            return null;
        }

        return new ConfigResolver(lookup, new ConfigResolverOptions
        {
            ExplicitConfig = explicitConfig is null ? null : Path.GetFullPath(context.ResolvePath(explicitConfig)),
            Isolated = parseResult.GetValue(Isolated),
            CommandLine = overrides,
        });
    }
}

/// <summary>Prints configuration errors, each located <c>file:line:col: message</c> (the file relative to the working directory when under it).</summary>
internal static class ConfigErrors
{
    public static void Print(IEnumerable<ConfigError> errors, CliContext context)
    {
        foreach (var error in errors)
            context.Error(error.Path is null ? error.Message : $"{DisplayPath(error.Path, context)}:{error.Line}:{error.Column}: {error.Message}");
    }

    public static string DisplayPath(string fullPath, CliContext context)
    {
        var relative = Path.GetRelativePath(context.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }
}
