using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Plan;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.Generators;

/// <summary>
/// Node-sets as nested loops: a path becomes one <c>foreach</c> (over the allocation-free <c>Xp</c> axis loops) or one
/// <c>if</c> per step, with a named local for each step's node, so a debugger steps through the path node by node. A
/// node-set read for a single answer (exists, first node, count, a comparison) becomes a local function of the checker
/// that loops and returns early; one that holds at most one node (<c>@bus</c>, <c>../@type</c>) an expression of type
/// <c>XObject?</c>. The loops visit exactly the nodes, in exactly the order, of the node-set helpers they replace: a
/// step whose helper removes duplicates or sorts (a descendant, parent or sibling step after a step that yields
/// several nodes, unless a descendant step follows nodes that cannot contain one another) is not looped but evaluated
/// by the helpers. Reading a node-set for one answer: <c>ExpressionEmitter.NodeReads.cs</c>.
/// </summary>
internal sealed partial class ExpressionEmitter
{
    private readonly List<LocalFunction> _functions = new();
    private readonly Dictionary<(string Kind, Expr Nodes, string Extra), string> _functionNames = new();
    private readonly SortedDictionary<string, string> _sets = new(StringComparer.Ordinal);
    private int _variableCounter;
    private int _functionCounter;

    /// <summary>The rule file's line the expression being emitted comes from (0: none), for <c>#line</c> in local functions.</summary>
    public int CurrentLine { get; set; }

    /// <summary>The rule file's path as <c>#line</c> names it; null writes no directives.</summary>
    public string? LinePath { get; set; }

    /// <summary>The directive mapping the next statement to <paramref name="line"/> of the rule file, or null when it is unknown.</summary>
    public string? LineDirective(int line) => line > 0 && LinePath is not null ? $"#line {line.ToString(CultureInfo.InvariantCulture)} \"{LinePath}\"" : null;

    /// <summary>Local functions of the checker's <c>Check</c> method, in creation order (a function's helpers before it).</summary>
    public IReadOnlyList<LocalFunction> Functions => _functions;

    /// <summary>List parameters looked up as sets: local name → parameter local, bound once per <c>Check</c>.</summary>
    public IReadOnlyDictionary<string, string> Sets => _sets;

    internal sealed record LocalFunction(int Line, IReadOnlyList<string> Lines);

    /// <summary>Writes loops that run <paramref name="body"/> with each node of <paramref name="nodes"/> (a C# local of type <c>XObject</c>).</summary>
    public void EmitLoops(Expr nodes, string context, CodeBlock block, Action<string> body)
    {
        if (IsLoopable(nodes, out _)) EmitLoopsHere(nodes, context, block, body);
        else ForEach(Emit(nodes, context), "node", block, body);
    }

    private void ForEach(string enumerable, string hint, CodeBlock block, Action<string> body)
    {
        var variable = Variable(hint);
        block.Open($"foreach (var {variable} in {enumerable})");
        body(variable);
        block.Close();
    }

    /// <summary>
    /// Whether <paramref name="nodes"/> can be looped step by step; <paramref name="single"/> tells whether it yields at
    /// most one node for each node it starts from, so that any axis may follow it.
    /// </summary>
    private static bool IsLoopable(Expr nodes, out bool single) => IsLoopable(nodes, out single, out _);

    /// <param name="flat">
    /// Whether no node of the result contains another (all at one depth, as after child steps): the descendants of
    /// such nodes, taken one node after the other, are already in document order without duplicates, so a descendant
    /// step loops instead of sorting.
    /// </param>
    private static bool IsLoopable(Expr nodes, out bool single, out bool flat)
    {
        single = false;
        flat = false;
        switch (nodes)
        {
            case SlotRef:
            case UnionExpr:
                return true;
            case FilterExpr filter:
                // A source that cannot be looped is enumerated by a foreach; the predicates still become ifs.
                if (!IsLoopable(filter.Source, out single, out flat)) single = flat = false;
                return true;
            case PathExpr path:
                switch (path.Origin)
                {
                    case PathOrigin.Context:
                    case PathOrigin.Document:
                        single = true;
                        break;
                    default:
                        if (!IsLoopable(path.Source!, out single, out flat)) single = flat = false;
                        break;
                }

                foreach (var step in path.Steps)
                {
                    if (step.IsNoOp) continue;
                    var allowed = single
                        || step.Axis is Axis.Child or Axis.Attribute or Axis.Self
                        || (flat && step.Axis is Axis.Descendant or Axis.DescendantOrSelf);
                    if (!allowed) return false;
                    if (step.Test == NodeTest.Text && step.Axis is Axis.Attribute or Axis.Descendant) return false;
                    var wasFlat = single || flat;
                    single = single && (step.Axis is Axis.Parent or Axis.Self || (step.Axis == Axis.Attribute && step.Test == NodeTest.Name));
                    flat = single || (wasFlat && step.Axis is Axis.Child or Axis.Attribute or Axis.Self or Axis.FollowingSibling or Axis.PrecedingSibling);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The index of the first step from <paramref name="index"/> on that is not a no-op (the count when none is).</summary>
    private static int NextStep(RuleLanguage.EquatableArray<Step> steps, int index)
    {
        while (index < steps.Count && steps[index].IsNoOp) index++;
        return index;
    }

    private void EmitLoopsHere(Expr nodes, string context, CodeBlock block, Action<string> body)
    {
        switch (nodes)
        {
            case SlotRef slot:
                {
                    var list = SlotLocal(slot.Slot);
                    var index = Variable("i");
                    // Indexed, not foreach: the list is an interface, whose enumerator would be allocated.
                    block.Open($"for (var {index} = 0; {index} < {list}.Count;)");
                    var node = Variable("node");
                    block.Line($"var {node} = {list}[{index}++];");
                    body(node);
                    block.Close();
                    return;
                }

            case UnionExpr union:
                {
                    var list = Variable("union");
                    block.Line($"var {list} = {Union(union, context)};");
                    var index = Variable("i");
                    block.Open($"for (var {index} = 0; {index} < {list}.Count;)");
                    var node = Variable("node");
                    block.Line($"var {node} = {list}[{index}++];");
                    body(node);
                    block.Close();
                    return;
                }

            case FilterExpr filter:
                EmitLoops(filter.Source, context, block, node => Predicates(filter.Predicates, node, block, body));
                return;
            case PathExpr path:
                switch (path.Origin)
                {
                    case PathOrigin.Document:
                        {
                            var document = Variable("document");
                            block.Open($"if (Xp.DocumentNode({context}) is {{ }} {document})");
                            Steps(path.Steps, 0, document, block, body);
                            block.Close();
                            return;
                        }

                    case PathOrigin.Expression:
                        EmitLoops(path.Source!, context, block, node => Steps(path.Steps, 0, node, block, body));
                        return;
                    default:
                        Steps(path.Steps, 0, context, block, body);
                        return;
                }
        }
    }

    private void Steps(RuleLanguage.EquatableArray<Step> steps, int index, string input, CodeBlock block, Action<string> body)
    {
        index = NextStep(steps, index);
        if (index == steps.Count)
        {
            body(input);
            return;
        }

        var step = steps[index];
        Action<string> next = node => Predicates(step.Predicates, node, block, n => Steps(steps, index + 1, n, block, body));
        var name = step.Test == NodeTest.Name ? NameField(step.Name) : null;
        var hint = step.Test == NodeTest.Name ? step.Name : step.Axis == Axis.Attribute ? "attribute" : "node";
        switch (step.Axis)
        {
            case Axis.Child or Axis.Attribute when step.Test == NodeTest.NameChoice:
                ForEach(step.Axis == Axis.Child ? $"Xp.Children({input})" : $"Xp.Attributes({input})", step.Axis == Axis.Child ? "node" : "attribute", block,
                    node => Choice(step, node, block, next));
                break;
            case Axis.Child when step.Test == NodeTest.AnyName && NextStep(steps, index + 1) is var following && following < steps.Count
                && steps[following] is { Axis: Axis.Child, Test: NodeTest.Name } named:
                {
                    // devices/*/address: the (device, address) pairs, gathered once per document for every rule taking
                    // the same path, instead of a walk of every device's children per rule. Each step keeps its predicates.
                    var parent = Variable(hint);
                    var child = Variable(named.Name);
                    block.Open($"foreach (var ({parent}, {child}) in Xp.GrandChildren({input}, {NameField(named.Name)}))");
                    Predicates(step.Predicates, parent, block, _ => Predicates(named.Predicates, child, block, n => Steps(steps, following + 1, n, block, body)));
                    block.Close();
                    break;
                }

            case Axis.Child:
                switch (step.Test)
                {
                    case NodeTest.Name: ForEach($"Xp.Children({input}, {name})", hint, block, next); break;
                    case NodeTest.AnyName: ForEach($"Xp.Children({input})", hint, block, next); break;
                    case NodeTest.Text: ForEach($"Xp.ChildText({input})", "text", block, next); break;
                    default: ForEach($"Xp.ChildNodes({input})", hint, block, next); break;
                }

                break;
            case Axis.Attribute:
                if (step.Test == NodeTest.Name) If($"Xp.AttributeNode({input}, {name})", hint, block, next);
                else ForEach($"Xp.Attributes({input})", hint, block, next);
                break;
            case Axis.Descendant:
                ForEach(step.Test == NodeTest.Name ? $"Xp.Descendants({input}, {name})" : $"Xp.Descendants({input})", hint, block, next);
                break;
            case Axis.DescendantOrSelf:
                ForEach($"Xp.DescendantOrSelf({input})", hint, block, node => Test(step.Test, name, node, block, next));
                break;
            case Axis.Self:
                switch (step.Test)
                {
                    case NodeTest.Name: If($"Xp.SelfElement({input}, {name})", hint, block, next); break;
                    case NodeTest.AnyName: If($"Xp.ElementOrNull({input})", hint, block, next); break;
                    default: next(input); break;
                }

                break;
            case Axis.Parent:
                If(SingleTest(step.Test, name, $"Xp.ParentNode({input})"), hint, block, next);
                break;
            case Axis.Ancestor:
            case Axis.AncestorOrSelf:
                ForEach($"Xp.Ancestor({input}, {(step.Axis == Axis.AncestorOrSelf ? "true" : "false")})", hint, block, node => Test(step.Test, name, node, block, next));
                break;
            case Axis.FollowingSibling:
                ForEach($"Xp.FollowingSiblings({input})", hint, block, node => Test(step.Test, name, node, block, next));
                break;
            default:
                ForEach($"Xp.PrecedingSiblings({input})", hint, block, node => Test(step.Test, name, node, block, next));
                break;
        }
    }

    /// <summary>A fused union's step: the node when it has one of the names and that name's predicates hold.</summary>
    private void Choice(Step step, string node, CodeBlock block, Action<string> body)
    {
        var alternatives = step.Choices.Select(c =>
        {
            var test = $"Xp.IsNamed({node}, {NameField(c.Name)})" + string.Concat(c.Predicates.Select(p => $" && ({Emit(p, node)})"));
            return c.Predicates.Count > 0 && step.Choices.Count > 1 ? $"({test})" : test;
        }).ToList();
        block.Open($"if ({string.Join(" || ", alternatives)})");
        body(node);
        block.Close();
    }

    private void If(string node, string hint, CodeBlock block, Action<string> body)
    {
        var variable = Variable(hint);
        block.Open($"if ({node} is {{ }} {variable})");
        body(variable);
        block.Close();
    }

    /// <summary>A node test applied to an axis that yields any node, as the <c>Xp.Named</c>/<c>Xp.Elements</c> filters apply it.</summary>
    private static void Test(NodeTest test, string? name, string node, CodeBlock block, Action<string> body)
    {
        var condition = test switch
        {
            NodeTest.Name => $"Xp.IsNamed({node}, {name})",
            NodeTest.AnyName => $"{node} is XElement",
            NodeTest.Text => $"{node} is XText",
            _ => null,
        };
        if (condition is null)
        {
            body(node);
            return;
        }

        block.Open($"if ({condition})");
        body(node);
        block.Close();
    }

    private static string SingleTest(NodeTest test, string? name, string node) => test switch
    {
        NodeTest.Name => $"Xp.NamedOrNull({node}, {name})",
        NodeTest.AnyName => $"Xp.ElementOrNull({node})",
        NodeTest.Text => $"({node} as XText)",
        _ => node,
    };

    private void Predicates(RuleLanguage.EquatableArray<Expr> predicates, string node, CodeBlock block, Action<string> body)
    {
        foreach (var predicate in predicates) block.Open($"if ({Emit(predicate, node)})");
        body(node);
        foreach (var _ in predicates) block.Close();
    }

    /// <summary>
    /// A fresh local: the element or attribute name it holds, numbered. Collision-free: every local of this shape takes a
    /// new number; other generated names have a '_' (<c>p_</c>, <c>l_</c>, <c>set_</c>, <c>Name_</c>), an upper-case
    /// first letter (local functions) or no number; the numbered plumbing (<c>once</c>, <c>index</c>, lambda <c>n</c>)
    /// is never a hint.
    /// </summary>
    private string Variable(string hint)
    {
        var number = (++_variableCounter).ToString(CultureInfo.InvariantCulture);
        var plain = hint.Length > 0 && hint[0] is >= 'a' and <= 'z' && hint.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            && hint is not ("once" or "index" or "n");
        return (plain ? hint : "node") + number;
    }
}
