namespace VirtLint.Core;

/// <summary>A compiled rule: checks one kind of document. Implementations are generated from <c>rules/**/*.yaml</c>.</summary>
public abstract class RuleChecker
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract DocumentKind Kind { get; }

    public abstract void Check(CheckContext context);
}
