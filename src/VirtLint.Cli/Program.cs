using VirtLint.Cli;
using VirtLint.Core;

RuleCatalog catalog;
try
{
    catalog = VirtLint.Rules.BuiltInRules.Catalog;
}
catch (TypeInitializationException e)
{
    // A rule whose static initialiser fails must not end the process with an unhandled exception and exit code 134.
    Console.Error.WriteLine($"virtlint: error: the built-in rules could not be loaded: {(e.InnerException ?? e).Message}");
    return ExitCodes.UsageOrInputError;
}

return VirtLintApp.Run(args, CliContext.FromProcess(), catalog);
