using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// What virt-install prints for current Linux and Windows guests, committed under <c>VirtInstall/domains/</c> by
/// <c>VirtInstall/generate.sh</c>; linted once per test run.
/// </summary>
internal static class VirtInstallCorpus
{
    public const string RelativeFolder = "tests/VirtLint.Rules.Tests/VirtInstall/domains";

    public static string Folder => Path.Combine(RepositoryPaths.Root, RelativeFolder);

    public static readonly Lazy<(LintReport Report, IReadOnlyList<LintInput> Inputs)> Run = new(() =>
    {
        var (inputs, errors) = PathExpander.Expand([Folder]);
        Assert.Empty(errors);
        return (new Linter(BuiltInRules.Catalog).Lint(inputs), inputs);
    });

    /// <summary>Windows guests are named <c>windows-*</c>; every other file is a Linux guest.</summary>
    public static bool IsWindows(string path) => Path.GetFileName(path).StartsWith("windows-", StringComparison.Ordinal);
}
