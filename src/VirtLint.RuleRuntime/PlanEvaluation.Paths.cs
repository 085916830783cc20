using System.Xml.Linq;
using VirtLint.Core.XPath;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Plan;

namespace VirtLint.RuleRuntime;

internal sealed partial class PlanEvaluation
{
    /// <summary>
    /// A location path, step by step through the axis helpers. Until the first step the input is one node, and the
    /// helpers' single-node overloads are used, as in emitted code.
    /// </summary>
    private IEnumerable<XObject> Path(PathExpr path, XObject context)
    {
        if (ChildPathOf(path) is { } childPath)
            return new ChildPathWalk(new ChildPathCursor(this, childPath, StartOf(path, context)));
        XObject? single = null;
        IEnumerable<XObject> current;
        switch (path.Origin)
        {
            case PathOrigin.Document:
                current = Xp.Document(context);
                break;
            case PathOrigin.Expression:
                current = Nodes(path.Source!, context);
                break;
            default:
                single = context;
                current = [];
                break;
        }

        foreach (var step in path.Steps)
        {
            if (step.IsNoOp)
                continue;
            current = Predicates(single is null ? Step(step, current) : Step(step, single), step.Predicates);
            single = null;
        }

        return single is null ? current : Xp.Single(single);
    }

    /// <summary>The path's steps when <see cref="ChildPathCursor"/> can walk them from the context or the document, else null.</summary>
    private ChildPath? ChildPathOf(PathExpr path) => path.Origin == PathOrigin.Expression ? null : _rule.ChildPathOf(path);

    private static XObject? StartOf(PathExpr path, XObject context) => path.Origin == PathOrigin.Document ? Xp.DocumentNode(context) : context;

    private IEnumerable<XObject> Step(Step step, XObject input)
    {
        if (step.Test == NodeTest.NameChoice) return Choice(step, step.Axis == Axis.Child ? Xp.ChildAny(input) : Xp.AttributeAny(input));
        var name = step.Test == NodeTest.Name ? _rule.NameOf(step) : null;
        return step.Axis switch
        {
            Axis.Child => step.Test switch
            {
                NodeTest.Name => Xp.Child(input, name!),
                NodeTest.AnyName => Xp.ChildAny(input),
                NodeTest.Text => Xp.ChildText(input),
                _ => Xp.ChildNodes(input),
            },
            Axis.Attribute => step.Test switch
            {
                NodeTest.Name => Xp.Attribute(input, name!),
                NodeTest.Text => [],
                _ => Xp.AttributeAny(input),
            },
            Axis.Descendant => step.Test switch
            {
                NodeTest.Name => Xp.Descendant(input, name!),
                NodeTest.Text => Xp.ChildText(Xp.DescendantOrSelf(input)),
                _ => Xp.DescendantAny(input),
            },
            Axis.DescendantOrSelf => Filter(Xp.DescendantOrSelf(input), step.Test, name),
            Axis.Self => step.Test switch
            {
                NodeTest.Name => Xp.SelfNamed(input, name!),
                NodeTest.AnyName => Xp.Elements(Xp.Single(input)),
                _ => Xp.Single(input),
            },
            Axis.Parent => Filter(Xp.Parent(input), step.Test, name),
            Axis.Ancestor => Filter(Xp.Ancestor(input, false), step.Test, name),
            Axis.AncestorOrSelf => Filter(Xp.Ancestor(input, true), step.Test, name),
            Axis.FollowingSibling => Filter(Xp.FollowingSibling(input), step.Test, name),
            _ => Filter(Xp.PrecedingSibling(input), step.Test, name),
        };
    }

    private IEnumerable<XObject> Step(Step step, IEnumerable<XObject> input)
    {
        if (step.Test == NodeTest.NameChoice) return Choice(step, step.Axis == Axis.Child ? Xp.ChildAny(input) : Xp.AttributeAny(input));
        var name = step.Test == NodeTest.Name ? _rule.NameOf(step) : null;
        return step.Axis switch
        {
            Axis.Child => step.Test switch
            {
                NodeTest.Name => Xp.Child(input, name!),
                NodeTest.AnyName => Xp.ChildAny(input),
                NodeTest.Text => Xp.ChildText(input),
                _ => Xp.ChildNodes(input),
            },
            Axis.Attribute => step.Test switch
            {
                NodeTest.Name => Xp.Attribute(input, name!),
                NodeTest.Text => [],
                _ => Xp.AttributeAny(input),
            },
            Axis.Descendant => step.Test switch
            {
                NodeTest.Name => Xp.Descendant(input, name!),
                NodeTest.Text => Xp.ChildText(Xp.DescendantOrSelf(input)),
                _ => Xp.DescendantAny(input),
            },
            Axis.DescendantOrSelf => Filter(Xp.DescendantOrSelf(input), step.Test, name),
            Axis.Self => step.Test switch
            {
                NodeTest.Name => Xp.SelfNamed(input, name!),
                NodeTest.AnyName => Xp.Elements(input),
                _ => input,
            },
            Axis.Parent => Filter(Xp.Parent(input), step.Test, name),
            Axis.Ancestor => Filter(Xp.Ancestor(input, false), step.Test, name),
            Axis.AncestorOrSelf => Filter(Xp.Ancestor(input, true), step.Test, name),
            Axis.FollowingSibling => Filter(Xp.FollowingSibling(input), step.Test, name),
            _ => Filter(Xp.PrecedingSibling(input), step.Test, name),
        };
    }

    /// <summary>
    /// A fused union's step over the candidates (every child element or attribute, in document order): those with one
    /// of the names whose predicates hold.
    /// </summary>
    private IEnumerable<XObject> Choice(Step step, IEnumerable<XObject> candidates)
    {
        foreach (var node in candidates)
        {
            foreach (var choice in step.Choices)
            {
                if (!Xp.IsNamed(node, _rule.NameOf(choice.Name))) continue;
                if (All(choice.Predicates, node)) yield return node;
                break;
            }
        }
    }

    internal bool All(EquatableArray<Expr> predicates, XObject node)
    {
        foreach (var predicate in predicates)
            if (!Boolean(predicate, node)) return false;
        return true;
    }

    private static IEnumerable<XObject> Filter(IEnumerable<XObject> nodes, NodeTest test, XName? name) => test switch
    {
        NodeTest.Name => Xp.Named(nodes, name!),
        NodeTest.AnyName => Xp.Elements(nodes),
        NodeTest.Text => nodes.Where(n => n is XText),
        _ => nodes,
    };

    private IEnumerable<XObject> Predicates(IEnumerable<XObject> nodes, EquatableArray<Expr> predicates)
    {
        foreach (var predicate in predicates)
            nodes = Where(nodes, predicate);
        return nodes;
    }

    // One iterator per predicate, where Enumerable.Where took a closure, a delegate and an iterator.
    private IEnumerable<XObject> Where(IEnumerable<XObject> nodes, Expr predicate)
    {
        foreach (var node in nodes)
            if (Boolean(predicate, node)) yield return node;
    }
}
