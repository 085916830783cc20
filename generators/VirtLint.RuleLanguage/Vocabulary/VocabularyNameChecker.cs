using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Vocabulary;

/// <summary>Adapts the committed libvirt vocabulary to the expression parser's name check. No vocabulary, no check.</summary>
public sealed class VocabularyNameChecker : INameChecker
{
    private readonly LibvirtVocabulary _vocabulary;

    private VocabularyNameChecker(LibvirtVocabulary vocabulary) => _vocabulary = vocabulary;

    public static INameChecker? For(string vocabularyText) =>
        string.IsNullOrWhiteSpace(vocabularyText) ? null : new VocabularyNameChecker(LibvirtVocabulary.Parse(vocabularyText));

    public string? Check(string kind, string? parentElement, string name, bool isAttribute)
    {
        var result = _vocabulary.CheckChild(kind, parentElement, name, isAttribute);
        return result.IsKnown ? null : result.Message;
    }
}
