namespace VirtLint.Benchmarks;

/// <summary>Locates the repository (the folder holding VirtLint.sln) and the shared corpus beside it.</summary>
internal static class BenchmarkPaths
{
    public const string CorpusVariable = "VIRTLINT_CORPUS";

    /// <summary>The domain that stands for "one typical file": a q35 guest with two disks, a bridge NIC and a few findings.</summary>
    public const string TypicalDomain = "examples/domains/db01.xml";

    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary><c>VIRTLINT_CORPUS</c> when set, else <c>../shared/corpus</c> beside the repository; null when neither exists.</summary>
    public static string? Corpus
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(CorpusVariable);
            if (!string.IsNullOrEmpty(fromEnvironment)) return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
            var sibling = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(sibling) ? sibling : null;
        }
    }

    public static string RequireCorpus() =>
        Corpus ?? throw new InvalidOperationException(
            $"The libvirt corpus is missing: set {CorpusVariable} or provide ../shared/corpus beside the repository ({Root}).");

    /// <summary>Every corpus file, read into memory (so a benchmark leaves out the disk), in path order.</summary>
    public static VirtLint.Core.LintInput[] CorpusInputs()
    {
        var corpus = RequireCorpus();
        var (inputs, errors) = VirtLint.Core.PathExpander.Expand([corpus]);
        if (errors.Count > 0)
            throw new InvalidOperationException($"Cannot read the corpus: {errors[0].Path}: {errors[0].Message}");
        if (inputs.Count == 0)
            throw new InvalidOperationException($"The corpus at '{corpus}' holds no *.xml files.");
        return inputs.Select(i => VirtLint.Core.LintInput.FromBytes(i.DisplayPath, File.ReadAllBytes(i.FilePath!))).ToArray();
    }

    // BenchmarkDotNet runs each benchmark from a generated folder under bin/, so start from both the
    // executable's folder and the working directory.
    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "VirtLint.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Cannot find the repository root (no VirtLint.sln above the benchmark folder).");
    }
}
