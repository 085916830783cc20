using System;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Vocabulary;

namespace VirtLint.Generators.Model;

/// <summary>
/// The committed libvirt vocabulary (empty when the project supplies none). Compared by its text only, so the
/// pipeline caches it like any value; the parsed name checker is built once per instance, on first use, and shared
/// by every rule file parsed against it.
/// </summary>
internal sealed class VocabularyText : IEquatable<VocabularyText>
{
    private readonly Lazy<INameChecker?> _checker;

    public VocabularyText(string text)
    {
        Text = text;
        _checker = new Lazy<INameChecker?>(() => VocabularyNameChecker.For(text));
    }

    public string Text { get; }

    public INameChecker? Checker => _checker.Value;

    public bool Equals(VocabularyText? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as VocabularyText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
