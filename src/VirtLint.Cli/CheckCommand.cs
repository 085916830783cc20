using System.CommandLine;
using VirtLint.Cli.Check;
using VirtLint.Cli.Formats;
using VirtLint.Cli.Output;
using VirtLint.Core;
using VirtLint.Core.Baselines;
using VirtLint.Core.Configuration;

namespace VirtLint.Cli;

/// <summary><c>virtlint check [PATH...]</c>: lints files and directories and writes the reports asked for.</summary>
internal sealed class CheckCommand
{
    // A file is held in memory as bytes and as text; beyond this, .NET's array and string limits come near.
    private const long MaxFileSizeCeiling = 1L << 30;

    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;

    public CheckCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;
        FailOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        MaxFileSize.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            var text = result.Tokens[0].Value;
            if (!ByteSize.TryParse(text, out var bytes) || bytes < 1 || bytes > MaxFileSizeCeiling)
                result.AddError($"Invalid --max-file-size '{text}': give a size from 1 byte to 1 GiB, such as '16MiB', '512K' or '1048576'.");
        });

        // An unknown option would otherwise be taken for a path and reported as a missing file.
        Paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"Unrecognized option '{token.Value}'. To lint a file whose name starts with '-', write './{token.Value}'.");
            }
        });
        MaxWarnings.Validators.Add(result => RequireNonNegative(result, MaxWarnings));
        SarifMaxResults.Validators.Add(result => RequireNonNegative(result, SarifMaxResults));

        Command = new Command("check", "Lint libvirt XML files. Directories are searched for *.xml; '-' reads one document from standard input.")
        {
            Paths, Format, Output, FailOn, ExitZero, MaxWarnings, Statistics, FailIfNoFiles, StdinFilename,
            SarifCategory, SarifRoot, SarifMaxResults, MaxFileSize, Rules, ShowFiles,
        };
        foreach (var option in ConfigOptions.All.Concat(SuppressionOptions.All)) Command.Options.Add(option);
        Command.SetAction(Run);
    }

    public Command Command { get; }

    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Files or directories to lint, or '-' for standard input. Defaults to the current directory.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Format { get; } = new("--format", "-f")
    {
        Description = $"Report format, optionally with a file: FORMAT[=PATH] ('-' is standard output). Repeat for several reports. " +
                      $"Formats: {string.Join(", ", ReportFormats.Names)}. 'auto' (the default) is 'github' plus the summary under GitHub Actions, else 'text'.",
        HelpName = "FORMAT[=PATH]",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report of the format given without a file here ('-' is standard output). The file is replaced atomically and keeps its permissions.",
        HelpName = "FILE",
    };

    public Option<string?> FailOn { get; } = new("--fail-on")
    {
        Description = "Exit with 1 when there is a finding at or above this severity; 'none' never fails on findings. Default: the configuration's fail-on, else warning.",
    };

    public Option<bool> ShowFiles { get; } = new("--show-files")
    {
        Description = "List the files that would be linted, one per line, and lint nothing.",
    };

    public ConfigOptions ConfigOptions { get; } = new();

    public SuppressionOptions SuppressionOptions { get; } = new();

    public Option<bool> ExitZero { get; } = new("--exit-zero")
    {
        Description = "Exit with 0 even when findings fail the run (2 still reports unreadable input).",
    };

    public Option<int?> MaxWarnings { get; } = new("--max-warnings")
    {
        Description = "Tolerate up to N warnings: they fail the run only when there are more.",
        HelpName = "N",
    };

    public Option<bool> Statistics { get; } = new("--statistics")
    {
        Description = "Also print how many findings each rule produced.",
    };

    public Option<bool> FailIfNoFiles { get; } = new("--fail-if-no-files")
    {
        Description = "Exit with 2 when the paths hold no XML file to lint.",
    };

    public Option<string?> StdinFilename { get; } = new("--stdin-filename")
    {
        Description = "The file name standard input stands for, shown in every report (virsh dumpxml vm | virtlint check - --stdin-filename vms/vm.xml).",
        HelpName = "PATH",
    };

    public Option<string?> SarifCategory { get; } = new("--sarif-category")
    {
        Description = "SARIF: the code-scanning category (automationDetails.id), so several VirtLint jobs can upload side by side.",
        HelpName = "NAME",
    };

    public Option<string> MaxFileSize { get; } = new("--max-file-size")
    {
        Description = "Report files (and standard input) larger than this as errors without reading them: bytes, or a number with K, M or G (KiB, MiB, GiB).",
        HelpName = "SIZE",
        DefaultValueFactory = _ => "16MiB",
    };

    public Option<string?> SarifRoot { get; } = new("--sarif-root")
    {
        Description = "SARIF, GitHub and GitLab: the repository root file paths are relative to. " +
                      "Default: the git top level of the linted files, else GITHUB_WORKSPACE, else the current directory.",
        HelpName = "DIR",
    };

    public Option<int> SarifMaxResults { get; } = new("--sarif-max-results")
    {
        Description = "SARIF: keep at most N results, the most severe first (GitHub shows 5,000 and rejects more than 25,000); 0 for no limit.",
        HelpName = "N",
        DefaultValueFactory = _ => SarifFormatter.DefaultMaxResults,
    };

    public Option<string?> Rules { get; } = new("--rules")
    {
        Description = "Also check the organisation rules in this folder (<name>.yaml files, ids such as ORG0001). Any error in them: exit 2, nothing linted.",
        HelpName = "DIR",
    };

    private int Run(ParseResult parseResult)
    {
        var catalog = _catalog;
        if (parseResult.GetValue(Rules) is { } rulesDirectory)
        {
            if (UserRuleLoading.Load(rulesDirectory, _catalog, _context, "nothing was linted") is not { } userRules) return ExitCodes.UsageOrInputError;
            catalog = userRules.With(_catalog);
        }

        var typed = parseResult.GetValue(Paths) ?? [];
        var stdinFilename = parseResult.GetValue(StdinFilename);
        if (stdinFilename is not null && typed.Length > 0 && !typed.Contains(InputCollector.StdinArgument))
        {
            _context.Error("--stdin-filename names standard input, but '-' is not among the paths.");
            return ExitCodes.UsageOrInputError;
        }

        if (stdinFilename is { Length: 0 })
        {
            _context.Error("--stdin-filename names no file.");
            return ExitCodes.UsageOrInputError;
        }

        // With only a name for standard input, standard input is what to lint (as Ruff and ESLint do).
        var paths = typed.Length > 0 ? typed : stdinFilename is not null ? [InputCollector.StdinArgument] : ["."];
        var githubActions = string.Equals(_context.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        if (!OutputPlan.TryCreate(parseResult.GetValue(Format) ?? [], parseResult.GetValue(Output), githubActions, out var requests, out var planError))
        {
            _context.Error(planError);
            return ExitCodes.UsageOrInputError;
        }

        var stdinName = stdinFilename is null ? LintInput.StdinName : StdinDisplayName(stdinFilename);
        ByteSize.TryParse(parseResult.GetValue(MaxFileSize)!, out var maxFileSize);
        var lookup = new RuleLookup(catalog);
        var failOn = parseResult.GetValue(FailOn);
        var resolver = ConfigOptions.CreateResolver(parseResult, lookup, failOn, _context);
        if (resolver is null) return ExitCodes.UsageOrInputError;
        var collected = ConfiguredInputs.Collect(paths, _context, maxFileSize, stdinName, stdinFilename, resolver, !parseResult.GetValue(ConfigOptions.NoGitIgnore));
        if (collected is not { } found) return ExitCodes.UsageOrInputError;
        var (inputs, inputErrors) = found;

        if (parseResult.GetValue(ShowFiles))
        {
            foreach (var input in inputs) _context.Stdout.WriteLine(TerminalText.Escape(input.DisplayPath));
            foreach (var error in inputErrors) _context.Error($"{error.Path}: {error.Message}");
            return inputErrors.Count > 0 ? ExitCodes.UsageOrInputError : ExitCodes.Clean;
        }

        // Refuse before linting, so a refused run writes nothing at all.
        if (requests.Any(r => !r.ToStdout))
        {
            var guard = new OutputGuard(paths.Where(p => p != InputCollector.StdinArgument), inputs, _context.CurrentDirectory);
            if (guard.Check(requests.Where(r => !r.ToStdout).Select(r => r.Path!).ToArray()).FirstOrDefault(r => r is not null) is { } refusal)
            {
                _context.Error(refusal);
                return ExitCodes.UsageOrInputError;
            }
        }

        BaselineMatcher? baseline = null;
        if (parseResult.GetValue(SuppressionOptions.Baseline) is { } baselinePath)
        {
            try
            {
                baseline = new BaselineMatcher(BaselineFile.Read(_context.ResolvePath(baselinePath)));
            }
            catch (BaselineException e)
            {
                _context.Error($"{ConfigErrors.DisplayPath(e.Path, _context)}:{e.Line}:{e.Column}: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }

        var fullPaths = ArtifactPaths.ExceptionsOnly(FullPaths(inputs, stdinFilename), _context.CurrentDirectory);
        var rootCandidates = FullPaths(inputs.OrderBy(i => i.DisplayPath, StringComparer.Ordinal), stdinFilename).Select(p => p.Value);
        var artifactPaths = new ArtifactPaths(fullPaths, _context.CurrentDirectory, parseResult.GetValue(SarifRoot), _context.GetEnvironmentVariable("GITHUB_WORKSPACE"), rootCandidates);

        // Baseline identities are relative to the repository as 'virtlint baseline' finds it, whatever --sarif-root says,
        // so a baseline and the SARIF fingerprints agree with the files 'baseline create' wrote.
        var identityPaths = new ArtifactPaths(fullPaths, _context.CurrentDirectory, null, _context.GetEnvironmentVariable("GITHUB_WORKSPACE"), rootCandidates);
        var options = new LintOptions
        {
            // Only SARIF prints identities (its virtlint/v1 fingerprint and logical locations; GitLab's fingerprint hashes
            // the flagged line instead); a baseline asks for them itself.
            FindingIdentities = requests.Any(r => r.Format is ReportFormats.Sarif),
            MaxFileSize = maxFileSize,
            InlineSuppressions = !parseResult.GetValue(SuppressionOptions.NoInlineSuppressions),
            ConfigIgnores = resolver.LoadedIgnores(),
            ConfigDisplayPath = path => ConfigErrors.DisplayPath(path, _context),
            Baseline = baseline,
            BaselinePath = identityPaths.RepositoryPath,
        };
        var representative = inputs.FirstOrDefault(i => i.Config is not null)?.Config;
        var policy = Policy(parseResult, failOn, inputs, representative);
        var warnings = new HashSet<string>(StringComparer.Ordinal);
        var context = new ReportContext
        {
            Catalog = catalog,
            Paths = artifactPaths,
            IdentityPath = identityPaths.RepositoryPath,
            SarifCategory = parseResult.GetValue(SarifCategory),
            SarifMaxResults = parseResult.GetValue(SarifMaxResults),
            SarifIncludeSuppressed = parseResult.GetValue(SuppressionOptions.SarifIncludeSuppressed),
            ConfiguredLevel = representative is null ? null : representative.SeverityOf,
            Warn = message =>
            {
                if (warnings.Add(message)) _context.Warning(message);
            },
        };

        // Every format is fed as files arrive, each file's lines shown or hashed while its text is at hand; GitHub
        // (errors first) and JUnit (failing depends on the whole run) keep findings on disk until the end.
        var statistics = parseResult.GetValue(Statistics);
        var sink = new StreamingReports(context, new RunTally(policy), tally => RunOutcome.Evaluate(tally, policy));
        // Standard output outermost: its failure then surfaces after every report file is closed, and is never taken for theirs.
        var streamed = requests.OrderBy(r => !r.ToStdout)
            .Select(r => (r, ReportFormats.Create(r, r.ToStdout && _context.StdoutIsTerminal && !_context.NoColor, statistics))).ToList();
        var exitCode = ExitCodes.Clean;
        StreamInto(streamed, 0, sink, () => new Linter(catalog, options).Lint(inputs, sink, inputErrors), ref exitCode);
        var tally = context.Tally;
        var outcome = context.Outcome;
        if (exitCode == ExitCodes.Clean) exitCode = outcome.ExitCode;

        foreach (var error in tally.Errors)
            _context.Error($"{error.Path}: {error.Message}");

        var toStdout = requests.FirstOrDefault(r => r.ToStdout);
        if (outcome.NoFiles)
        {
            var where = string.Join(", ", paths.Select(p => $"'{p}'"));
            if (policy.FailIfNoFiles) _context.Error($"no XML files to lint in {where}.");
            else _context.Warning($"no XML files to lint in {where}.");
        }

        // A report for machines (or none) on standard output: say on stderr what happened, so a red CI step shows why.
        if (toStdout is null || !ReportFormats.IsHuman(toStdout))
        {
            if (statistics)
            {
                foreach (var line in StatisticsTable.Lines(tally)) _context.Stderr.WriteLine(line);
            }

            _context.Stderr.WriteLine($"virtlint: {outcome.Summary}");
        }

        return exitCode;
    }

    /// <summary>
    /// The exit policy: each file fails at its own configuration's fail level (which already includes
    /// <c>--fail-on</c>); findings in no linted file (a config ignore's problem) at the command line's, else the first
    /// file's configuration's.
    /// </summary>
    private ExitPolicy Policy(ParseResult parseResult, string? failOn, IEnumerable<LintInput> inputs, EffectiveConfig? representative)
    {
        // A file's fail level by its path, kept only when the files' levels differ: with one level (most runs) it is the
        // threshold itself, since a file's level already includes --fail-on.
        var levels = inputs.Where(i => i.Config is not null).Select(i => i.Config!.FailOn).Distinct().ToArray();
        Dictionary<string, FailLevel>? byPath = levels.Length > 1
            ? inputs.Where(i => i.Config is not null).ToDictionary(i => i.DisplayPath, i => i.Config!.FailOn, StringComparer.Ordinal)
            : null;
        var threshold = failOn is not null && LevelNames.TryParseFailLevel(failOn, out var level) ? Threshold(level)
            : representative is not null ? Threshold(representative.FailOn)
            : Severity.Warning;
        return new ExitPolicy(threshold, parseResult.GetValue(MaxWarnings), parseResult.GetValue(ExitZero), parseResult.GetValue(FailIfNoFiles))
        {
            FailOnFor = byPath is null ? null : path => byPath.TryGetValue(path, out var own) ? (true, Threshold(own)) : (false, null),
            AlwaysFails = parseResult.GetValue(SuppressionOptions.StrictBaseline) ? f => f.RuleId == Linter.BaselineEntryUnusedId : null,
        };
    }

    private static Severity? Threshold(FailLevel level) => level switch
    {
        FailLevel.Error => Severity.Error,
        FailLevel.Warning => Severity.Warning,
        FailLevel.Note => Severity.Note,
        _ => null,
    };

    /// <summary>The name standard input is shown under: as typed, without a leading "./".</summary>
    private static string StdinDisplayName(string name)
    {
        while (name.StartsWith("./", StringComparison.Ordinal)) name = name[2..];
        return name;
    }

    /// <summary>Display path → absolute path of each input, computed as enumerated; unnamed standard input has none.</summary>
    private IEnumerable<KeyValuePair<string, string?>> FullPaths(IEnumerable<LintInput> inputs, string? stdinFilename)
    {
        foreach (var input in inputs)
        {
            yield return new(input.DisplayPath, input.FilePath is not null ? Path.GetFullPath(input.FilePath, _context.CurrentDirectory)
                : stdinFilename is not null ? Path.GetFullPath(stdinFilename, _context.CurrentDirectory)
                : null);
        }
    }

    /// <summary>
    /// Opens the output of each streamed format (<paramref name="requests"/> from <paramref name="index"/> on), runs
    /// <paramref name="lint"/> with all of them open, then closes each: a file is replaced only when its report was
    /// written whole. An output that cannot be opened or written is reported, and the others are still written.
    /// </summary>
    private void StreamInto(List<(OutputRequest Request, IStreamingFormatter Formatter)> requests, int index, StreamingReports sink, Action lint, ref int exitCode)
    {
        if (index == requests.Count)
        {
            lint();
            return;
        }

        var (request, formatter) = requests[index];
        if (request.ToStdout)
        {
            var slot = sink.Count;
            sink.Add(formatter, _context.Stdout);
            StreamInto(requests, index + 1, sink, lint, ref exitCode);

            // Standard output failing is the caller's to report, as for the formats written after the run.
            if (sink.FailureOf(slot) is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            return;
        }

        var code = exitCode;
        var entered = false;
        try
        {
            AtomicFile.Write(_context.ResolvePath(request.Path!), writer =>
            {
                entered = true;
                var slot = sink.Count;
                sink.Add(formatter, writer);
                StreamInto(requests, index + 1, sink, lint, ref code);
                if (sink.FailureOf(slot) is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _context.Error($"{request.Path}: {e.Message}");
            code = ExitCodes.UsageOrInputError;
            if (!entered) StreamInto(requests, index + 1, sink, lint, ref code);
        }

        exitCode = code;
    }

    private static void RequireNonNegative(System.CommandLine.Parsing.OptionResult result, Option option)
    {
        foreach (var token in result.Tokens)
        {
            if (!int.TryParse(token.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                result.AddError($"{option.Name} needs a whole number of 0 or more, not '{token.Value}'.");
        }
    }
}
