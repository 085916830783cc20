using VirtLint.Cli;

return VirtLintApp.Run(args, CliContext.FromProcess(), VirtLint.Rules.BuiltInRules.Catalog);
