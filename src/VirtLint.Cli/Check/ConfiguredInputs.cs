using VirtLint.Core;
using VirtLint.Core.Configuration;

namespace VirtLint.Cli.Check;

/// <summary>
/// The inputs of a run, each with its configuration: directories are walked under the governing configs'
/// include/exclude globs and <c>.gitignore</c>, then every input's configuration is resolved before anything is linted,
/// so that one invalid config file stops the run (exit 2) with nothing linted or written.
/// </summary>
internal static class ConfiguredInputs
{
    /// <summary>Null when a configuration is invalid (the errors are printed).</summary>
    public static (List<LintInput> Inputs, List<InputError> Errors)? Collect(
        IReadOnlyList<string> paths, CliContext context, long maxBytes, string stdinName, string? stdinFilename, ConfigResolver resolver, bool respectGitIgnore)
    {
        try
        {
            var (inputs, errors) = InputCollector.Collect(paths, context, maxBytes, stdinName, new ConfigWalkFilter(resolver, respectGitIgnore));
            for (var i = 0; i < inputs.Count; i++)
                inputs[i] = inputs[i] with { Config = resolver.For(FullPath(inputs[i], stdinFilename, context)) };
            return (inputs, errors);
        }
        catch (ConfigException e)
        {
            ConfigErrors.Print(e.Errors, context);
            return null;
        }
    }

    /// <summary>Where an input is: its file, the file standard input stands for, else a file named '-' in the working directory.</summary>
    public static string FullPath(LintInput input, string? stdinFilename, CliContext context) =>
        input.FilePath is not null ? context.ResolvePath(input.FilePath)
        : context.ResolvePath(stdinFilename ?? InputCollector.StdinArgument);
}
