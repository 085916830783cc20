using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.Core.Workspace;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleRuntime;

/// <summary>A cross-document rule run from its parsed form: the facts and the check of <see cref="InterpretedRule"/>, as a workspace checker.</summary>
public sealed class InterpretedWorkspaceRule : WorkspaceRuleChecker
{
    private readonly InterpretedRule _rule;

    public InterpretedWorkspaceRule(RuleSpec rule)
    {
        _rule = new InterpretedRule(rule);
        FactKinds = rule.Facts.Select(f => RuleDescriptors.KindOf(f.Kind)).Distinct().ToArray();
        Requires = rule.Requires.Select(RuleDescriptors.KindOf).ToArray();
    }

    public override RuleDescriptor Descriptor => _rule.Descriptor;

    public override IReadOnlyList<DocumentKind> FactKinds { get; }

    public override IReadOnlyList<DocumentKind> Requires { get; }

    /// <summary>The rule as parsed, for tools that show it.</summary>
    public RuleSpec Spec => _rule.Spec;

    public override void CollectFacts(FactContext context) => _rule.CollectFacts(context);

    public override void Check(CheckContext context) => _rule.Check(context);

    /// <summary>The checker for a rule with a check: a workspace checker for a workspace rule.</summary>
    public static RuleChecker For(RuleSpec rule) => rule.Target == RuleTarget.Workspace ? new InterpretedWorkspaceRule(rule) : new InterpretedRule(rule);
}
