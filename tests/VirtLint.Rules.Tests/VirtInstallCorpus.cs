using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// What virt-install prints for current Linux and Windows guests, committed under <c>VirtInstall/domains/</c> by
/// <c>VirtInstall/generate.sh</c>; linted once per test run, each file on its own: the files are variants of the same
/// guests (one name, one disk image), each a separate answer to "what does virt-install write", not one fleet.
/// </summary>
internal static class VirtInstallCorpus
{
    public const string RelativeFolder = "tests/VirtLint.Rules.Tests/VirtInstall/domains";

    public static string Folder => Path.Combine(RepositoryPaths.Root, RelativeFolder);

    public static readonly Lazy<(LintReport Report, IReadOnlyList<LintInput> Inputs)> Run = new(() =>
    {
        var (inputs, errors) = PathExpander.Expand([Folder]);
        Assert.Empty(errors);
        var linter = new Linter(BuiltInRules.Catalog);
        var reports = inputs.Select(input => linter.Lint([input])).ToList();
        var sources = reports.SelectMany(r => r.Sources).ToDictionary(p => p.Key, p => p.Value);
        var report = new LintReport(reports.SelectMany(r => r.Findings).ToList(), reports.Sum(r => r.FileCount), reports.SelectMany(r => r.Errors).ToList(), sources)
        {
            Hidden = reports.SelectMany(r => r.Hidden).ToList(),
            Files = reports.SelectMany(r => r.Files).ToList(),
        };
        return (report, inputs);
    });

    /// <summary>Windows guests are named <c>windows-*</c>; every other file is a Linux guest.</summary>
    public static bool IsWindows(string path) => Path.GetFileName(path).StartsWith("windows-", StringComparison.Ordinal);
}
