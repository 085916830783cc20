using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.Core.Workspace;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;

namespace VirtLint.RuleRuntime;

/// <summary>A cross-document rule run from its plan: the facts and the check of <see cref="InterpretedRule"/>, as a workspace checker.</summary>
public sealed class InterpretedWorkspaceRule : WorkspaceRuleChecker
{
    private readonly InterpretedRule _rule;

    public InterpretedWorkspaceRule(RulePlan plan)
    {
        _rule = new InterpretedRule(plan);
        FactKinds = plan.Facts.Select(f => RuleDescriptors.KindOf(f.Kind)).Distinct().ToArray();
        Requires = plan.Rule.Requires.Select(RuleDescriptors.KindOf).ToArray();
    }

    public override RuleDescriptor Descriptor => _rule.Descriptor;

    public override IReadOnlyList<DocumentKind> FactKinds { get; }

    public override IReadOnlyList<DocumentKind> Requires { get; }

    /// <summary>The rule's descriptor data, for tools that show it.</summary>
    public RuleSpec Spec => _rule.Spec;

    /// <summary>The rule's plan, which this checker executes.</summary>
    public RulePlan Plan => _rule.Plan;

    public override void CollectFacts(FactContext context) => _rule.CollectFacts(context);

    public override void Check(CheckContext context) => _rule.Check(context);

    /// <summary>The checker for a rule with a check: a workspace checker for a workspace rule.</summary>
    public static RuleChecker For(RulePlan plan) => plan.Rule.Target == RuleTarget.Workspace ? new InterpretedWorkspaceRule(plan) : new InterpretedRule(plan);
}
