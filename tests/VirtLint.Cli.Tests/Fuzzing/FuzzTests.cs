using System.Diagnostics;
using System.Text;
using System.Text.Json;
using VirtLint.Core;
using VirtLint.Rules;
using Xunit.Abstractions;

namespace VirtLint.Cli.Tests.Fuzzing;

/// <summary>
/// Mutated corpus documents, in-process through the linter and a slice through the whole command: no unhandled
/// exception, no rule failing (VL0003), every input accounted for, and the same output on a second run. The seed and
/// count come from VIRTLINT_FUZZ_SEED (a number, or "random") and VIRTLINT_FUZZ_COUNT; both are printed, and a failing
/// input is saved to a file named in the failure.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 12;
    private const int DefaultCount = 20_000;
    private const int BatchSize = 500;
    private const int CliEvery = 40;

    [SkippableFact]
    public void Mutated_corpus_documents_never_crash_and_lint_deterministically()
    {
        var corpus = CorpusFiles();
        var seed = Seed();
        var count = int.TryParse(Environment.GetEnvironmentVariable("VIRTLINT_FUZZ_COUNT"), out var n) && n > 0 ? n : DefaultCount;
        output.WriteLine($"fuzz: seed {seed}, {count:N0} inputs from {corpus.Count} corpus files (replay: VIRTLINT_FUZZ_SEED={seed} VIRTLINT_FUZZ_COUNT={count})");

        var mutator = new CorpusMutator(corpus);
        var parallel = new Linter(BuiltInRules.Catalog);
        var serial = new Linter(BuiltInRules.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        var stopwatch = Stopwatch.StartNew();
        var (documents, rejected, cliRuns) = (0, 0, 0);
        for (var start = 0; start < count; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, count - start))
                .Select(i => (Index: i, Bytes: mutator.Create(seed, i, out var description), Description: description))
                .ToList();
            var inputs = batch.Select(b => LintInput.FromBytes($"fuzz/{b.Index:D6}.xml", b.Bytes)).ToList();

            var first = Run(() => parallel.Lint(inputs), seed, batch);
            var second = Run(() => serial.Lint(inputs), seed, batch);
            Assert.Empty(first.Errors);
            Assert.Equal(inputs.Count, first.FileCount);
            Require(Render(first) == Render(second), "a second run printed different findings", seed, batch);

            foreach (var (index, bytes, description) in batch)
            {
                var own = first.Findings.Where(f => f.Path == $"fuzz/{index:D6}.xml").ToList();
                Require(own.All(f => f.RuleId != RuleCatalog.RuleInternalErrorId), $"a rule failed: {own.FirstOrDefault(f => f.RuleId == RuleCatalog.RuleInternalErrorId)?.Message}", seed, [(index, bytes, description)]);
                var notParsed = own.Where(f => f.RuleId is RuleCatalog.NotWellFormedId or RuleCatalog.NotLibvirtDocumentId).ToList();
                Require(notParsed.Count == 0 || own.Count == 1, "a document that was not parsed also has rule findings", seed, [(index, bytes, description)]);
                if (own.Count == 0 || notParsed.Count == 0) documents++;
                else rejected++;

                if (index % CliEvery == 0)
                {
                    CheckThroughCli(bytes, seed, (index, bytes, description));
                    cliRuns++;
                }
            }
        }

        output.WriteLine($"fuzz: {documents:N0} linted, {rejected:N0} rejected as VL0001/VL0002, {cliRuns:N0} also through the CLI, in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    private void CheckThroughCli(byte[] bytes, int seed, (int, byte[], string) input)
    {
        string[] formats = ["text", "json", "sarif"];
        foreach (var format in formats)
        {
            var (exitCode, stdout) = RunCli(bytes, format, seed, input);
            Require(exitCode is ExitCodes.Clean or ExitCodes.Findings, $"exit code {exitCode} with --format {format}", seed, [input]);
            if (format != "text")
            {
                try
                {
                    using var _ = JsonDocument.Parse(stdout);
                }
                catch (JsonException e)
                {
                    Require(false, $"--format {format} wrote invalid JSON: {e.Message}", seed, [input]);
                }
            }

            Require(RunCli(bytes, format, seed, input).Stdout == stdout, $"a second CLI run with --format {format} printed something else", seed, [input]);
        }
    }

    private (int ExitCode, string Stdout) RunCli(byte[] bytes, string format, int seed, (int, byte[], string) input)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var context = new CliContext { Stdin = new MemoryStream(bytes), Stdout = stdout, Stderr = new StringWriter(), CurrentDirectory = Path.GetTempPath() };
        var exitCode = Run(() => VirtLintApp.Run(["check", "-", "--format", format, "--fail-on", "error"], context, BuiltInRules.Catalog), seed, [input]);
        return (exitCode, stdout.ToString());
    }

    private T Run<T>(Func<T> action, int seed, IReadOnlyList<(int Index, byte[] Bytes, string Description)> batch)
    {
        try
        {
            return action();
        }
        catch (Exception e)
        {
            Require(false, $"unhandled {e}", seed, batch);
            throw;
        }
    }

    private void Require(bool condition, string problem, int seed, IReadOnlyList<(int Index, byte[] Bytes, string Description)> inputs)
    {
        if (condition) return;
        var folder = Directory.CreateTempSubdirectory("virtlint-fuzz-failure-").FullName;
        foreach (var (index, bytes, description) in inputs)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{index:D6}.xml"), bytes);
            output.WriteLine($"input {index}: {description}");
        }

        Assert.Fail($"seed {seed}: {problem}. Inputs {inputs[0].Index}..{inputs[^1].Index} saved in {folder}; replay with VIRTLINT_FUZZ_SEED={seed} VIRTLINT_FUZZ_COUNT={inputs[^1].Index + 1}.");
    }

    private static string Render(LintReport report)
    {
        var text = new StringBuilder();
        foreach (var f in report.Findings) text.Append(f.Path).Append(':').Append(f.Span).Append(' ').Append(f.RuleId).Append(' ').Append(f.Message).Append('\n');
        return text.ToString();
    }

    private static int Seed()
    {
        var text = Environment.GetEnvironmentVariable("VIRTLINT_FUZZ_SEED");
        if (string.Equals(text, "random", StringComparison.OrdinalIgnoreCase)) return Random.Shared.Next();
        return int.TryParse(text, out var seed) ? seed : DefaultSeed;
    }

    private static List<string> CorpusFiles()
    {
        var corpus = RequiredCorpus.Folder();
        return Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
    }
}
