namespace VirtLint.Core.Workspace;

/// <summary>
/// A cross-document rule. While each document's tree is alive, <see cref="CollectFacts"/> copies the few values the rule
/// needs as facts (kept flat, a few words each); after every file, <see cref="RuleChecker.Check"/> runs once over the run's
/// <c>&lt;workspace&gt;</c> of facts, made a tree for the time it runs, where look-ups are hash indexes built once.
/// </summary>
public abstract class WorkspaceRuleChecker : RuleChecker
{
    public sealed override DocumentKind Kind => DocumentKind.Workspace;

    /// <summary>The kinds of document the rule takes facts from.</summary>
    public abstract IReadOnlyList<DocumentKind> FactKinds { get; }

    /// <summary>Kinds without which the rule cannot judge (an undefined network needs the networks): absent, it stays silent and says so once.</summary>
    public abstract IReadOnlyList<DocumentKind> Requires { get; }

    /// <summary>Adds the facts of one document (of a kind in <see cref="FactKinds"/>).</summary>
    public abstract void CollectFacts(FactContext context);
}
