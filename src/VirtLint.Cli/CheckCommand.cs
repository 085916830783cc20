using System.CommandLine;
using VirtLint.Cli.Formats;
using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary><c>virtlint check [PATH...]</c>: lints files and directories and reports findings in the chosen format.</summary>
internal sealed class CheckCommand
{
    private const string FailOnNone = "none";

    // A file is held in memory as bytes and as text; beyond this, .NET's array and string limits come near.
    private const long MaxFileSizeCeiling = 1L << 30;

    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;

    public CheckCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;
        Format.AcceptOnlyFromAmong(ReportFormats.Names);
        FailOn.AcceptOnlyFromAmong("error", "warning", "note", FailOnNone);
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
        Command = new Command("check", "Lint libvirt XML files. Directories are searched for *.xml; '-' reads one document from standard input.")
        {
            Paths, Format, Output, FailOn, SarifCategory, MaxFileSize,
        };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Files or directories to lint, or '-' for standard input. Defaults to the current directory.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Report format.",
        DefaultValueFactory = _ => ReportFormats.Text,
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
        HelpName = "FILE",
    };

    public Option<string> FailOn { get; } = new("--fail-on")
    {
        Description = "Exit with 1 when there is a finding at or above this severity; 'none' never fails on findings.",
        DefaultValueFactory = _ => "warning",
    };

    public Option<string?> SarifCategory { get; } = new("--sarif-category")
    {
        Description = "SARIF only: the code-scanning category (automationDetails.id), so several VirtLint jobs can upload side by side.",
        HelpName = "NAME",
    };

    public Option<string> MaxFileSize { get; } = new("--max-file-size")
    {
        Description = "Report files (and standard input) larger than this as errors without reading them: bytes, or a number with K, M or G (KiB, MiB, GiB).",
        HelpName = "SIZE",
        DefaultValueFactory = _ => "16MiB",
    };

    private int Run(ParseResult parseResult)
    {
        var paths = parseResult.GetValue(Paths) is { Length: > 0 } given ? given : ["."];
        var format = parseResult.GetValue(Format)!;
        var output = parseResult.GetValue(Output);
        var failOn = parseResult.GetValue(FailOn)!;

        ByteSize.TryParse(parseResult.GetValue(MaxFileSize)!, out var maxFileSize);

        var (inputs, inputErrors) = InputCollector.Collect(paths, _context, maxFileSize);
        var report = new Linter(_catalog, new LintOptions { MaxFileSize = maxFileSize }).Lint(inputs, inputErrors);
        foreach (var error in report.Errors)
            _context.Error($"{error.Path}: {error.Message}");

        var useColor = output is null && _context.StdoutIsTerminal && !_context.NoColor;
        IReportFormatter formatter = format switch
        {
            ReportFormats.Json => new JsonFormatter(),
            ReportFormats.Sarif => new SarifFormatter(_catalog, _context.CurrentDirectory, parseResult.GetValue(SarifCategory)),
            _ => new TextFormatter(useColor),
        };

        if (output is null)
        {
            formatter.Write(report, _context.Stdout);
        }
        else if (!TryWriteFile(_context.ResolvePath(output), report, formatter, out var message))
        {
            _context.Error($"{output}: {message}");
            return ExitCodes.UsageOrInputError;
        }

        if (report.Errors.Count > 0) return ExitCodes.UsageOrInputError;
        return FailsAt(report, failOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static bool FailsAt(LintReport report, string failOn) =>
        failOn != FailOnNone
        && SeverityNames.TryParse(failOn, out var threshold)
        && report.Findings.Any(f => f.Severity >= threshold);

    private static bool TryWriteFile(string path, LintReport report, IReportFormatter formatter, out string message)
    {
        try
        {
            AtomicFile.Write(path, writer => formatter.Write(report, writer));
            message = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            message = e.Message;
            return false;
        }
    }
}
