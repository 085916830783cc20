using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>A compiled rule: checks one kind of document. Implementations are generated from <c>rules/**/*.yaml</c>.</summary>
public abstract class RuleChecker
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract DocumentKind Kind { get; }

    public abstract void Check(CheckContext context);

    /// <summary>
    /// Element names the check selects nothing without: the engine does not run it on a document that has none of
    /// one of them. Empty (the default) for a check that may report on any document.
    /// </summary>
    public virtual XName[] RequiredElements => [];
}
