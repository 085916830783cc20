using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Vocabulary;

namespace VirtLint.Generators;

/// <summary>Adapts the committed libvirt vocabulary to the expression parser's name check. No vocabulary, no check.</summary>
internal sealed class VocabularyNameChecker : INameChecker
{
    private static readonly object Gate = new();
    private static string? s_lastText;
    private static VocabularyNameChecker? s_last;

    private readonly LibvirtVocabulary _vocabulary;

    private VocabularyNameChecker(LibvirtVocabulary vocabulary) => _vocabulary = vocabulary;

    /// <summary>The checker for a vocabulary text; parsed once per distinct text, since every rule file asks for it.</summary>
    public static INameChecker? For(string vocabularyText)
    {
        if (string.IsNullOrWhiteSpace(vocabularyText)) return null;
        lock (Gate)
        {
            if (s_last is null || !string.Equals(s_lastText, vocabularyText, System.StringComparison.Ordinal))
            {
                s_last = new VocabularyNameChecker(LibvirtVocabulary.Parse(vocabularyText));
                s_lastText = vocabularyText;
            }

            return s_last;
        }
    }

    public string? Check(string kind, string? parentElement, string name, bool isAttribute)
    {
        var result = _vocabulary.CheckChild(kind, parentElement, name, isAttribute);
        return result.IsKnown ? null : result.Message;
    }
}
