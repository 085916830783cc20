namespace VirtLint.Core;

/// <summary>A compiled rule: checks one kind of document. Implementations are generated from <c>rules/**/*.yaml</c>.</summary>
public abstract class RuleChecker
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract DocumentKind Kind { get; }

    public abstract void Check(CheckContext context);

    /// <summary>
    /// What a document must hold for the check to report anything: for each clause, at least one of its nodes. The
    /// engine does not run the check on a document that fails a clause. Empty (the default) for a check that may
    /// report on any document.
    /// </summary>
    public virtual RequiredNode[][] RequiredNodes => [];
}
