using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.RuleRuntime;

/// <summary>
/// A walk of a <see cref="ChildPath"/> from one node: child steps (of a name, any name or a choice of names) and at most
/// a last attribute step, each with its predicates, the shape of nearly every context and most node-sets of a rule.
/// Depth first as nested loops over the child loops, as the emitted code walks it, so it yields in document order. A
/// struct, so that what reads a path once and at once (<c>exists()</c>, the first node's value, a comparison) walks it
/// on the stack, as the emitted loops do, where a node-set object per evaluation was most of what the evaluator allocated.
/// </summary>
internal struct ChildPathCursor
{
    private const int InlineDepth = 4;

    private readonly PlanEvaluation _evaluation;
    private readonly ChildPath _path;
    private readonly XObject? _start;
    private Loops _inline;
    private readonly Xp.ChildLoop[]? _deep;
    private int _depth;
    private bool _started;

    public ChildPathCursor(PlanEvaluation evaluation, ChildPath path, XObject? start)
    {
        _evaluation = evaluation;
        _path = path;
        _start = start;
        _depth = -1;
        if (path.ChildSteps > InlineDepth) _deep = new Xp.ChildLoop[path.ChildSteps];
    }

    public XObject? Current { get; private set; }

    /// <summary>Whether <see cref="MoveNext"/> was called.</summary>
    public readonly bool Started => _started;

    /// <summary>A cursor over the same path from the same node, not yet started.</summary>
    public readonly ChildPathCursor Restarted() => new(_evaluation, _path, _start);

    public bool MoveNext()
    {
        if (!_started)
        {
            _started = true;
            if (_start is null) return false;
            if (_path.ChildSteps == 0) return Yield(_start);
            Loop(0) = Xp.Children(_start, _path.Names[0]);
            _depth = 0;
        }

        while (_depth >= 0)
        {
            ref var loop = ref Loop(_depth);
            if (!loop.MoveNext())
            {
                _depth--;
                continue;
            }

            var node = loop.Current;
            if (!Passes(_depth, node)) continue;
            if (_depth + 1 < _path.ChildSteps)
            {
                _depth++;
                Loop(_depth) = Xp.Children(node, _path.Names[_depth]);
                continue;
            }

            if (Yield(node)) return true;
        }

        return false;
    }

    [UnscopedRef]
    private ref Xp.ChildLoop Loop(int depth) => ref _deep is null ? ref _inline[depth] : ref _deep[depth];

    /// <summary>Whether a child the step at <paramref name="depth"/> met passes it: its predicates, or for a choice of names, those of its name's choice.</summary>
    private readonly bool Passes(int depth, XElement node)
    {
        var step = _path.Steps[depth];
        if (_path.Choices[depth] is { } names)
        {
            // As a fused union's step: the first choice of the node's name decides (names are atomised: compared as references).
            var name = node.Name;
            var choice = 0;
            while (choice < names.Length && !ReferenceEquals(names[choice], name)) choice++;
            if (choice == names.Length || !_evaluation.All(step.Choices[choice].Predicates, node)) return false;
        }

        return _evaluation.All(step.Predicates, node);
    }

    /// <summary>A node the child steps reached: itself, or its attribute when the path ends with one that passes its predicates.</summary>
    private bool Yield(XObject node)
    {
        if (_path.Attribute is not { } attribute)
        {
            Current = node;
            return true;
        }

        if (Xp.AttributeNode(node, _path.Names[^1]!) is not { } found || !_evaluation.All(attribute.Predicates, found)) return false;
        Current = found;
        return true;
    }

    /// <summary>The loops of the first child steps, kept in the cursor itself.</summary>
    [InlineArray(InlineDepth)]
    private struct Loops
    {
        private Xp.ChildLoop _first;
    }
}
