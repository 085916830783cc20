using System.CommandLine;
using System.CommandLine.Invocation;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary>The <c>virtlint</c> command line, callable in-process: <c>Program</c> passes the real console, tests pass buffers.</summary>
public static class VirtLintApp
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command against <paramref name="catalog"/>, and returns the exit code.</summary>
    public static int Run(string[] args, CliContext context, RuleCatalog catalog)
    {
        context = context with { Stdout = new StandardOutputWriter(context.Stdout), Stderr = new ForgivingWriter(context.Stderr) };
        try
        {
            var exitCode = Invoke(args, context, catalog);
            context.Stdout.Flush();
            return exitCode;
        }
        catch (StandardOutputException e)
        {
            // A closed pipe (`virtlint check | head`) or a full disk: stop, and say so where it can still be read.
            context.Error($"cannot write to standard output: {e.Message.TrimEnd('.')}; the report is incomplete.");
            return ExitCodes.UsageOrInputError;
        }
        finally
        {
            context.Stderr.Flush();
        }
    }

    private static int Invoke(string[] args, CliContext context, RuleCatalog catalog)
    {
        var root = new RootCommand("A linter for libvirt XML: domain, storage pool, volume and network definitions.")
        {
            new CheckCommand(catalog, context).Command,
            new RulesCommand(catalog, context).Command,
            new ExplainCommand(catalog, context).Command,
            new TestRulesCommand(catalog, context).Command,
            new ConfigCommand(catalog, context).Command,
            new BaselineCommand(catalog, context).Command,
        };

        // The stock --version action reads assembly attributes through reflection; ours prints a compiled-in constant.
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
                version.Action = new PrintVersionAction();
        }

        var parseResult = root.Parse(args);

        // System.CommandLine exits with 1 on a parse error, which CI would read as "findings"; usage errors are 2 here.
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
                context.Error(error.Message);
            context.Stderr.WriteLine("Run 'virtlint --help' for usage.");
            return ExitCodes.UsageOrInputError;
        }

        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = context.Stdout,
            Error = context.Stderr,
            // Let a bug surface as a crash with its stack trace, not as an exit code that looks like "findings".
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>The version users and SARIF consumers see: the informational version without a "+commit" suffix.</summary>
    public static string Version
    {
        get
        {
            var version = BuildInfo.InformationalVersion;
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Clean;
        }
    }
}
