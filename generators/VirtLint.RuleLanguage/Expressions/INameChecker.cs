namespace VirtLint.RuleLanguage.Expressions;

/// <summary>Checks element and attribute names in paths against a document vocabulary (libvirt's schemas).</summary>
public interface INameChecker
{
    /// <summary>
    /// Null when <paramref name="name"/> may appear under <paramref name="parentElement"/> (null: parent not known statically)
    /// in a <paramref name="kind"/> document; otherwise an error message, with a suggestion when one is close.
    /// </summary>
    string? Check(string kind, string? parentElement, string name, bool isAttribute);
}
