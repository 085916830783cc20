using System.Text;
using VirtLint.Core;
using VirtLint.Core.Schema;
using Xunit.Abstractions;

namespace VirtLint.Rules.Tests.Schema;

/// <summary>
/// The schema checks against the reference: no VL0010–VL0012 finding on any corpus file that <c>xmllint --relaxng</c>
/// accepts with libvirt's own schemas. Also records, for review, how many files xmllint rejects and what the checks
/// report on those, in the test output (<c>dotnet test --logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class SchemaGateCorpusTests(ITestOutputHelper output)
{
    internal static readonly string[] SchemaRuleIds = [SchemaChecks.UnknownElementId, SchemaChecks.UnknownAttributeId, SchemaChecks.ValueNotInEnumerationId];

    [SkippableFact]
    public void No_schema_finding_on_any_corpus_file_xmllint_accepts()
    {
        Xmllint.Require();
        var files = CorpusFile.All();
        var accepted = files.GroupBy(f => f.Kind)
            .SelectMany(group => Xmllint.Accepted(group.Key, group.Select(f => f.Path).ToList()))
            .ToHashSet(StringComparer.Ordinal);
        var report = new Linter(BuiltInRules.Catalog).Lint(files.Select(f => LintInput.FromBytes(f.Path, Encoding.UTF8.GetBytes(f.Text))).ToList());
        var findings = report.Findings.Where(f => SchemaRuleIds.Contains(f.RuleId)).ToList();

        var rejected = files.Where(f => !accepted.Contains(f.Path)).ToList();
        var summary = Summary(files.Count, accepted.Count, rejected, findings);
        output.WriteLine(summary);

        Assert.True(files.Count > 700, $"expected the whole corpus, found {files.Count} libvirt documents");
        Assert.True(accepted.Count > 700, $"xmllint accepted only {accepted.Count} of {files.Count} corpus files; are the schemas libvirt 9.0.0's?");
        var falsePositives = findings.Where(f => accepted.Contains(f.Path)).Select(Describe).ToList();
        Assert.True(falsePositives.Count == 0, $"{falsePositives.Count} schema findings on files xmllint accepts:\n{string.Join("\n", falsePositives)}");
    }

    private static string Summary(int total, int accepted, IReadOnlyList<CorpusFile> rejected, IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder()
            .AppendLine("# Schema gate on the corpus")
            .AppendLine()
            .AppendLine($"{total} libvirt documents: xmllint accepts {accepted}, rejects {rejected.Count}; VL0010-VL0012 findings: {findings.Count}.")
            .AppendLine()
            .AppendLine("| rejected by xmllint | VL0010-VL0012 findings |")
            .AppendLine("| --- | --- |");
        foreach (var file in rejected)
        {
            var own = findings.Where(f => f.Path == file.Path).Select(f => $"{f.RuleId} {f.Span.StartLine}:{f.Span.StartColumn} {f.Message}").ToList();
            text.AppendLine($"| {RepositoryPaths.Relative(file.Path)} | {(own.Count == 0 ? "none" : string.Join("<br>", own))} |");
        }

        return text.ToString();
    }

    private static string Describe(Finding f) => $"{RepositoryPaths.Relative(f.Path)}:{f.Span.StartLine}:{f.Span.StartColumn}: {f.RuleId} {f.Message}";
}
