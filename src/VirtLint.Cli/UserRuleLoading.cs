using VirtLint.Cli.Output;
using VirtLint.Core;
using VirtLint.RuleRuntime;

namespace VirtLint.Cli;

/// <summary>
/// <c>--rules DIR</c>: an organisation's rule files, loaded beside the built-in rules. Any error in them is printed at
/// its place (<c>file:line:col: error VLGxxxx: message</c>) and nothing is linted.
/// </summary>
internal static class UserRuleLoading
{
    public static LoadedRules? Load(string directory, RuleCatalog builtIn, CliContext context, string consequence)
    {
        var resolved = context.ResolvePath(directory);
        if (!Directory.Exists(resolved))
        {
            context.Error($"--rules '{directory}': no such directory.");
            return null;
        }

        var files = UserRules.FilesIn(resolved).Select(path => (Path.Combine(directory, Path.GetFileName(path)), File.ReadAllText(path))).ToList();
        var loaded = UserRules.Load(files, builtIn);
        foreach (var error in loaded.Errors)
            context.Stderr.WriteLine(TerminalText.Escape(error.ToString()));
        if (!loaded.Ok)
        {
            context.Error($"{loaded.Errors.Count} error(s) in the rule files of '{directory}'; {consequence}.");
            return null;
        }

        return loaded;
    }
}
