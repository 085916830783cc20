using System.Collections;
using System.Xml.Linq;
using VirtLint.Core.XPath;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleRuntime;

/// <summary>
/// A <see cref="ChildPathCursor"/> as a node-set, for what keeps or passes one on (a let, a function's argument): one
/// object per evaluation, where a step-by-step evaluation made an iterator per step and per predicate and called through
/// each on every node.
/// </summary>
internal sealed class ChildPathWalk(ChildPathCursor cursor) : IEnumerable<XObject>, IEnumerator<XObject>
{
    private ChildPathCursor _cursor = cursor;

    public XObject Current => _cursor.Current!;

    object IEnumerator.Current => Current;

    public bool MoveNext() => _cursor.MoveNext();

    // Enumerated a second time (a node-set read twice), the walk starts again in a new object, as a compiled iterator does.
    public IEnumerator<XObject> GetEnumerator() => _cursor.Started ? new ChildPathWalk(_cursor.Restarted()) : this;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Reset() => throw new NotSupportedException();

    public void Dispose()
    {
    }
}

/// <summary>
/// A path's steps when they have the shape <see cref="ChildPathCursor"/> walks (no-op <c>self::node()</c> steps left out),
/// with their names atomised (null for <c>*</c>); found once when the rule loads.
/// </summary>
internal sealed class ChildPath
{
    private ChildPath(Step[] steps, XName?[] names, XName[]?[] choices, int childSteps, Step? attribute)
    {
        Steps = steps;
        Names = names;
        Choices = choices;
        ChildSteps = childSteps;
        Attribute = attribute;
    }

    public Step[] Steps { get; }

    public XName?[] Names { get; }

    /// <summary>For a step that is a choice of names (a fused union, <c>devices/(disk | interface)</c>), each choice's name; else null.</summary>
    public XName[]?[] Choices { get; }

    public int ChildSteps { get; }

    public Step? Attribute { get; }

    /// <summary>The path's child steps, or null when it has another axis, another node test or an attribute step before the last.</summary>
    public static ChildPath? Of(EquatableArray<Step> all, Func<string, XName> nameOf)
    {
        var steps = all.Where(s => !s.IsNoOp).ToArray();
        var names = new XName?[steps.Length];
        var choices = new XName[]?[steps.Length];
        Step? attribute = null;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var last = i == steps.Length - 1;
            if (step.Axis == Axis.Attribute && step.Test == NodeTest.Name && last) attribute = step;
            else if (step.Axis != Axis.Child || step.Test is not (NodeTest.Name or NodeTest.AnyName or NodeTest.NameChoice)) return null;
            names[i] = step.Test == NodeTest.Name ? nameOf(step.Name) : null;
            if (step.Test == NodeTest.NameChoice) choices[i] = [.. step.Choices.Select(c => nameOf(c.Name))];
        }

        return new ChildPath(steps, names, choices, attribute is null ? steps.Length : steps.Length - 1, attribute);
    }
}
