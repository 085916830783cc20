using System.CommandLine;
using VirtLint.Cli.Check;
using VirtLint.Cli.Output;
using VirtLint.Core;
using VirtLint.Core.Baselines;
using VirtLint.Core.Configuration;

namespace VirtLint.Cli;

/// <summary>
/// <c>virtlint baseline create|update|prune [PATH…] [-o FILE]</c>: accept today's findings so that <c>check --baseline</c>
/// gates only new ones. <c>create</c> writes every reported finding; <c>update</c> adds new findings and drops fixed
/// ones (keeping entries of files it did not lint); <c>prune</c> only drops entries that match nothing. Files are
/// linted exactly as <c>check</c> lints them (configuration and suppressions applied). The file is written atomically
/// and keeps its mode; a malformed or newer-version baseline is a located error (exit 2) and nothing is written.
/// </summary>
internal sealed class BaselineCommand
{
    public const string DefaultFile = ".virtlint-baseline.json";

    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;

    public BaselineCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;
        Command = new Command("baseline", "Record today's findings so that 'check --baseline FILE' reports only new ones.")
        {
            Sub("create", "Write a baseline of every finding the paths have now (replacing FILE).", Mode.Create),
            Sub("update", "Add new findings to FILE and drop the fixed ones; entries of files not linted are kept.", Mode.Update),
            Sub("prune", "Drop the entries of FILE that no finding matches any more; add nothing.", Mode.Prune),
        };
    }

    public Command Command { get; }

    private enum Mode
    {
        Create,
        Update,
        Prune,
    }

    private Command Sub(string name, string description, Mode mode)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or directories to lint. Defaults to the current directory.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = $"The baseline file. Default: {DefaultFile}.", HelpName = "FILE", DefaultValueFactory = _ => DefaultFile };
        var noInline = new Option<bool>("--no-inline-suppressions") { Description = "As for 'check': findings suppressed in the documents are recorded too." };
        var config = new ConfigOptions();
        var command = new Command(name, description) { paths, output, noInline };
        foreach (var option in config.All) command.Options.Add(option);
        command.SetAction(parseResult => Run(parseResult, mode, parseResult.GetValue(paths) ?? [], parseResult.GetValue(output)!, parseResult.GetValue(noInline), config));
        return command;
    }

    private int Run(ParseResult parseResult, Mode mode, string[] typed, string output, bool noInline, ConfigOptions configOptions)
    {
        var paths = typed.Length > 0 ? typed : ["."];
        if (paths.Contains(InputCollector.StdinArgument))
        {
            _context.Error("a baseline records files by their repository path; standard input ('-') has none.");
            return ExitCodes.UsageOrInputError;
        }

        var target = _context.ResolvePath(output);
        Baseline? existing = null;
        if (mode != Mode.Create)
        {
            try
            {
                existing = BaselineFile.Read(target);
            }
            catch (BaselineException e)
            {
                _context.Error($"{ConfigErrors.DisplayPath(e.Path, _context)}:{e.Line}:{e.Column}: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }

        var resolver = configOptions.CreateResolver(parseResult, new RuleLookup(_catalog), null, _context);
        if (resolver is null) return ExitCodes.UsageOrInputError;
        var collected = ConfiguredInputs.Collect(paths, _context, LintOptions.DefaultMaxFileSize, LintInput.StdinName, null, resolver, !parseResult.GetValue(configOptions.NoGitIgnore));
        if (collected is not { } found) return ExitCodes.UsageOrInputError;
        var (inputs, inputErrors) = found;

        var guard = new OutputGuard(paths, inputs, _context.CurrentDirectory);
        var refusal = guard.Check(output) ?? (IsConfigFile(target, inputs) ? $"'{output}' is a configuration file of this run; refusing to overwrite it with the baseline." : null);
        if (refusal is not null)
        {
            _context.Error(refusal);
            return ExitCodes.UsageOrInputError;
        }

        var artifactPaths = new ArtifactPaths(
            inputs.ToDictionary(i => i.DisplayPath, i => (string?)_context.ResolvePath(i.FilePath!), StringComparer.Ordinal),
            _context.CurrentDirectory, null, _context.GetEnvironmentVariable("GITHUB_WORKSPACE"));
        var matcher = mode == Mode.Prune ? new BaselineMatcher(existing!) : null;
        var report = new Linter(_catalog, new LintOptions
        {
            InlineSuppressions = !noInline,
            Baseline = matcher,
            BaselinePath = artifactPaths.RepositoryPath,
        }).Lint(inputs, inputErrors);

        foreach (var error in report.Errors) _context.Error($"{error.Path}: {error.Message}");
        if (report.Errors.Count > 0)
        {
            // A file that could not be read would lose its entries (update, prune) or be left out (create).
            _context.Error($"nothing was written to '{output}'.");
            return ExitCodes.UsageOrInputError;
        }

        var files = new HashSet<string>(report.Files, StringComparer.Ordinal);
        var configs = new Dictionary<string, EffectiveConfig?>(StringComparer.Ordinal);
        foreach (var input in inputs.Where(i => files.Contains(i.DisplayPath)))
            configs[BaselineIdentity.NormalizePath(artifactPaths.RepositoryPath(input.DisplayPath))] = input.Config;

        // An entry says something about this run only when its file was linted and its rule ran there: entries of rules
        // left out (--select, --ignore, a config turning them off) are kept as they are.
        bool RanOn(BaselineIdentity entry) =>
            configs.TryGetValue(entry.File, out var config) && (config is null || _catalog.Find(entry.RuleId) is not { } rule || config.IsEnabled(rule));

        var identities = report.Findings
            .Where(f => files.Contains(f.Path) && f.RuleId != Linter.BaselineEntryUnusedId)
            .Select(f => f.Identity(artifactPaths.RepositoryPath(f.Path)));
        var baseline = mode switch
        {
            Mode.Create => Baseline.Create(identities),
            Mode.Update => Baseline.Create(existing!.Entries.Where(e => !RanOn(e)).Concat(identities)),
            _ => Prune(existing!, matcher!, RanOn),
        };

        try
        {
            BaselineFile.Write(target, baseline);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _context.Error($"{output}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        var before = existing?.Entries.Count;
        var count = RunOutcome.Plural(baseline.Entries.Count, "entry").Replace("entrys", "entries", StringComparison.Ordinal);
        _context.Stderr.WriteLine(before is { } old
            ? $"virtlint: wrote {output}: {count} (was {old.ToString(System.Globalization.CultureInfo.InvariantCulture)}) for {RunOutcome.Plural(report.FileCount, "file")}."
            : $"virtlint: wrote {output}: {count} for {RunOutcome.Plural(report.FileCount, "file")}.");
        return ExitCodes.Clean;
    }

    // Drops the entries no finding matched, among those whose rule ran on their file.
    private static Baseline Prune(Baseline existing, BaselineMatcher matcher, Func<BaselineIdentity, bool> ranOn)
    {
        var unused = new Dictionary<BaselineIdentity, int>();
        foreach (var entry in matcher.Unused(file => true).Where(ranOn)) unused[entry] = unused.GetValueOrDefault(entry) + 1;
        var kept = new List<BaselineIdentity>(existing.Entries.Count);
        foreach (var entry in existing.Entries)
        {
            if (unused.TryGetValue(entry, out var count) && count > 0) unused[entry] = count - 1;
            else kept.Add(entry);
        }

        return Baseline.Create(kept);
    }

    private static bool IsConfigFile(string target, IEnumerable<LintInput> inputs) =>
        inputs.Any(i => i.Config?.Sources.Contains(target, StringComparer.Ordinal) == true);
}
