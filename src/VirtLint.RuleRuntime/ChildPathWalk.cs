using System.Collections;
using System.Xml.Linq;
using VirtLint.Core.XPath;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleRuntime;

/// <summary>
/// A path of child steps (and at most a last attribute step) from one node, each step with its predicates: the shape of
/// nearly every context and most node-sets of a rule. Walked depth first as nested loops over the child loops, as the
/// emitted code walks it, so it yields in document order; one object per evaluation, where a step-by-step evaluation
/// made an iterator per step and per predicate and called through each on every node.
/// </summary>
internal sealed class ChildPathWalk : IEnumerable<XObject>, IEnumerator<XObject>
{
    private readonly PlanEvaluation _evaluation;
    private readonly ChildPath _path;
    private readonly XObject? _start;
    private readonly Xp.ChildLoop[] _loops;
    private int _depth = -1;
    private bool _started;
    private XObject? _current;

    public ChildPathWalk(PlanEvaluation evaluation, ChildPath path, XObject? start)
    {
        _evaluation = evaluation;
        _path = path;
        _start = start;
        _loops = new Xp.ChildLoop[path.ChildSteps];
    }

    public XObject Current => _current!;

    object IEnumerator.Current => Current;

    public bool MoveNext()
    {
        if (!_started)
        {
            _started = true;
            if (_start is null) return false;
            if (_path.ChildSteps == 0) return Yield(_start);
            _loops[0] = Xp.Children(_start, _path.Names[0]);
            _depth = 0;
        }

        while (_depth >= 0)
        {
            ref var loop = ref _loops[_depth];
            if (!loop.MoveNext())
            {
                _depth--;
                continue;
            }

            var node = loop.Current;
            if (!_evaluation.All(_path.Steps[_depth].Predicates, node)) continue;
            if (_depth + 1 < _path.ChildSteps)
            {
                _depth++;
                _loops[_depth] = Xp.Children(node, _path.Names[_depth]);
                continue;
            }

            if (Yield(node)) return true;
        }

        return false;
    }

    /// <summary>A node the child steps reached: itself, or its attribute when the path ends with one that passes its predicates.</summary>
    private bool Yield(XObject node)
    {
        if (_path.Attribute is not { } attribute)
        {
            _current = node;
            return true;
        }

        if (Xp.AttributeNode(node, _path.Names[^1]!) is not { } found || !_evaluation.All(attribute.Predicates, found)) return false;
        _current = found;
        return true;
    }

    // Enumerated a second time (a node-set read twice), the walk starts again in a new object, as a compiled iterator does.
    public IEnumerator<XObject> GetEnumerator() => _started ? new ChildPathWalk(_evaluation, _path, _start) : this;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Reset() => throw new NotSupportedException();

    public void Dispose()
    {
    }
}

/// <summary>
/// A path's steps when they have the shape <see cref="ChildPathWalk"/> walks (no-op <c>self::node()</c> steps left out),
/// with their names atomised (null for <c>*</c>); found once when the rule loads.
/// </summary>
internal sealed class ChildPath
{
    private ChildPath(Step[] steps, XName?[] names, int childSteps, Step? attribute)
    {
        Steps = steps;
        Names = names;
        ChildSteps = childSteps;
        Attribute = attribute;
    }

    public Step[] Steps { get; }

    public XName?[] Names { get; }

    public int ChildSteps { get; }

    public Step? Attribute { get; }

    /// <summary>The path's child steps, or null when it has another axis, another node test or an attribute step before the last.</summary>
    public static ChildPath? Of(EquatableArray<Step> all, Func<Step, XName> nameOf)
    {
        var steps = all.Where(s => !s.IsNoOp).ToArray();
        var names = new XName?[steps.Length];
        Step? attribute = null;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var last = i == steps.Length - 1;
            if (step.Axis == Axis.Attribute && step.Test == NodeTest.Name && last) attribute = step;
            else if (step.Axis != Axis.Child || step.Test is not (NodeTest.Name or NodeTest.AnyName)) return null;
            names[i] = step.Test == NodeTest.Name ? nameOf(step) : null;
        }

        return new ChildPath(steps, names, attribute is null ? steps.Length : steps.Length - 1, attribute);
    }
}
