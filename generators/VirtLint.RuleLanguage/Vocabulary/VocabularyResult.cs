namespace VirtLint.RuleLanguage.Vocabulary;

/// <summary>
/// The outcome of <see cref="LibvirtVocabulary.CheckChild"/>: the name is known, or unknown with a message
/// ready for a diagnostic and, when a close name exists, the suggested name.
/// </summary>
/// <param name="IsKnown">Whether the schema allows the name there.</param>
/// <param name="Message">Null when known; otherwise e.g. "'buss' is not an attribute of &lt;target&gt; in libvirt's domain schema; did you mean 'bus'?".</param>
/// <param name="Suggestion">The suggested name, without '@'; null when nothing is close.</param>
/// <param name="SuggestionIsAttribute">Whether <paramref name="Suggestion"/> names an attribute (it may differ from what was checked: <c>target/bus</c> suggests the attribute <c>bus</c>).</param>
public sealed record VocabularyResult(bool IsKnown, string? Message, string? Suggestion, bool SuggestionIsAttribute)
{
    public static VocabularyResult Known { get; } = new(true, null, null, false);

    public static VocabularyResult Unknown(string message, string? suggestion, bool suggestionIsAttribute) =>
        new(false, message, suggestion, suggestionIsAttribute);
}
