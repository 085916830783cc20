namespace VirtLint.Generators.Model;

/// <summary>The text of the committed libvirt vocabulary file; empty when the project does not supply one.</summary>
internal sealed record VocabularyText(string Text);
