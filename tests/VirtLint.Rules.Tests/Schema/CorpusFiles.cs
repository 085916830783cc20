using VirtLint.Core;

namespace VirtLint.Rules.Tests.Schema;

/// <summary>The corpus files classified by document kind (as the engine classifies them), with their text.</summary>
internal sealed record CorpusFile(string Path, DocumentKind Kind, string Text)
{
    private static readonly Lazy<IReadOnlyList<CorpusFile>> Files = new(Load);

    public static IReadOnlyList<CorpusFile> All()
    {
        RequiredCorpus.Folder(); // skips (or fails under CI) when the corpus is missing
        return Files.Value;
    }

    private static IReadOnlyList<CorpusFile> Load() =>
        Directory.EnumerateFiles(RepositoryPaths.Corpus!, "*.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Select(f => (f.Path, f.Text, Kind: DocumentLoader.Load(f.Path, System.Text.Encoding.UTF8.GetBytes(f.Text), BuiltInRules.Catalog).Document?.Kind))
            .Where(f => f.Kind is not null)
            .Select(f => new CorpusFile(f.Path, f.Kind!.Value, f.Text))
            .ToList();
}
