namespace VirtLint.Generators.Model;

/// <summary>A rule file's path and text, read from an AdditionalText (which itself is never cached).</summary>
internal sealed record RuleFileText(string Path, string Text);
