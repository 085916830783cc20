using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleRuntime.Testing;

/// <summary>The outcome of one sample of one rule: passed when <see cref="Problems"/> is empty.</summary>
public sealed record SampleOutcome(string RuleId, string RuleName, string SamplePath, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// Runs organisation rules against their samples: the rule <c>DIR/&lt;name&gt;.yaml</c> against every
/// <c>DIR/&lt;name&gt;/flagged*.xml</c> and <c>clean*.xml</c>. A rule without samples, and a sample named neither way,
/// fail: a rule whose tests cannot fail is not tested.
/// </summary>
public static class RuleSampleRun
{
    /// <param name="directory">The rule folder, as the user typed it (sample paths are shown under it).</param>
    /// <param name="resolve">Turns a path as typed into one the file system opens.</param>
    public static IReadOnlyList<SampleOutcome> Run(string directory, Func<string, string> resolve, LoadedRules rules, RuleCatalog catalog)
    {
        var linter = new Linter(catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        var outcomes = new List<SampleOutcome>();
        foreach (var spec in rules.Specs.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var samples = Path.Combine(directory, spec.Name);
            var resolved = resolve(samples);
            var files = Directory.Exists(resolved)
                ? Directory.EnumerateFiles(resolved, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
                : [];
            // A cross-document rule's samples are folders of files linted together.
            var sets = spec.Target == RuleTarget.Workspace && Directory.Exists(resolved)
                ? Directory.EnumerateDirectories(resolved).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
                : [];
            files.AddRange(sets.Select(set => set + "/"));
            if (files.Count == 0)
            {
                outcomes.Add(new SampleOutcome(spec.Id, spec.Name, samples, [$"no samples: add {Path.Combine(samples, "flagged.xml")} and {Path.Combine(samples, "clean.xml")}"]));
                continue;
            }

            foreach (var file in files)
            {
                if (file!.EndsWith('/'))
                {
                    var set = Path.Combine(samples, file.TrimEnd('/'));
                    outcomes.Add(new SampleOutcome(spec.Id, spec.Name, set, RunSampleSet(spec.Id, set, resolve(set), linter)));
                    continue;
                }

                var display = Path.Combine(samples, file!);
                outcomes.Add(new SampleOutcome(spec.Id, spec.Name, display, RunSample(spec, display, File.ReadAllBytes(Path.Combine(resolved, file!)), linter)));
            }
        }

        return outcomes;
    }

    /// <summary>Lints every file of a sample folder as one run and judges each by its comments.</summary>
    public static IReadOnlyList<string> RunSampleSet(string ruleId, string display, string resolved, Linter linter)
    {
        if (!SampleVerdict.IsFlaggedSample(display) && !SampleVerdict.IsCleanSample(display))
            return ["a sample folder's name starts with 'flagged' (findings expected) or 'clean' (none expected)"];
        var files = Directory.EnumerateFiles(resolved, "*.xml").Order(StringComparer.Ordinal)
            .Select(path => (Display: Path.Combine(display, Path.GetFileName(path)), Bytes: File.ReadAllBytes(path))).ToList();
        if (files.Count == 0) return ["a sample folder holds no .xml file"];
        var findings = linter.Lint(files.Select(f => LintInput.FromBytes(f.Display, f.Bytes)).ToList()).Findings;
        var problems = new List<string>();
        foreach (var broken in findings.Where(f => f.RuleId is RuleCatalog.NotWellFormedId or RuleCatalog.NotLibvirtDocumentId or RuleCatalog.RuleInternalErrorId))
            problems.Add($"{Path.GetFileName(broken.Path)} line {broken.Span.StartLine}: {broken.RuleId}: {broken.Message}");
        problems.AddRange(SampleVerdict.CheckSet(ruleId, display, files.Select(f => (f.Display, System.Text.Encoding.UTF8.GetString(f.Bytes))).ToList(), findings));
        return problems;
    }

    private static IReadOnlyList<string> RunSample(RuleSpec spec, string display, byte[] bytes, Linter linter)
    {
        if (!SampleVerdict.IsFlaggedSample(display) && !SampleVerdict.IsCleanSample(display))
            return ["a sample's name starts with 'flagged' (findings expected) or 'clean' (none expected)"];
        var findings = linter.Lint([LintInput.FromBytes(display, bytes)]).Findings;
        var problems = new List<string>();
        // A sample that does not load (not XML, not a libvirt document) or that fails the rule cannot test it.
        foreach (var broken in findings.Where(f => f.RuleId is RuleCatalog.NotWellFormedId or RuleCatalog.NotLibvirtDocumentId or RuleCatalog.RuleInternalErrorId))
            problems.Add($"line {broken.Span.StartLine}: {broken.RuleId}: {broken.Message}");
        problems.AddRange(SampleVerdict.Check(spec.Id, display, System.Text.Encoding.UTF8.GetString(bytes), findings));
        return problems;
    }
}
