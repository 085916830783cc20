using VirtLint.VocabularyBuilder;

namespace VirtLint.VocabularyBuilder.Tests;

/// <summary>Small RelaxNG grammars written to a temporary folder, and the model text the builder derives from them.</summary>
internal static class Grammars
{
    public const string Rng = "http://relaxng.org/ns/structure/1.0";

    /// <summary>The contexts of the grammar (XML syntax, without the grammar element) as the model file lists them.</summary>
    public static string Model(string grammarContent, params (string Name, string Content)[] includedFiles)
    {
        var folder = Directory.CreateTempSubdirectory("virtlint-rng-");
        try
        {
            foreach (var (name, content) in includedFiles)
                File.WriteAllText(Path.Combine(folder.FullName, name), Wrap(content));
            var path = Path.Combine(folder.FullName, "test.rng");
            File.WriteAllText(path, Wrap(grammarContent));
            var model = ContextModelBuilder.Build(RelaxNgGrammar.Load(path), "test");
            var text = ContextModelWriter.Write([model], []);
            // Drop the "[test]" header line: the tests compare contexts only.
            return text[(text.IndexOf(']') + 2)..];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Wrap(string content) =>
        $"<grammar xmlns='{Rng}' datatypeLibrary='http://www.w3.org/2001/XMLSchema-datatypes'>{content}</grammar>";

    /// <summary>Expected model text from lines, so tests read like the model file.</summary>
    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));
}
