using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Plan;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.Generators;

/// <summary>
/// Node-sets read for one answer, without materialising them: whether one exists, the first node, the count, a
/// comparison with a value or a list parameter's set, as an expression when the node-set holds at most one node and as
/// a call of a looping local function otherwise.
/// </summary>
internal sealed partial class ExpressionEmitter
{
    // ---- a node-set of at most one node, as an expression ----

    /// <summary>
    /// C# of type <c>XObject?</c> for a path that yields at most one node and has no predicate (<c>@bus</c>,
    /// <c>../../@prefix</c>, <c>.</c>), or null.
    /// </summary>
    private string? SingleNode(Expr nodes, string context)
    {
        if (nodes is not PathExpr { Origin: PathOrigin.Context } path) return null;
        var current = context;
        foreach (var step in path.Steps)
        {
            if (step.IsNoOp) continue;
            if (step.Predicates.Count > 0) return null;
            var name = step.Test == NodeTest.Name ? NameField(step.Name) : null;
            switch (step.Axis)
            {
                case Axis.Attribute when step.Test == NodeTest.Name:
                    current = $"Xp.AttributeNode({current}, {name})";
                    break;
                case Axis.Parent:
                    current = SingleTest(step.Test, name, $"Xp.ParentNode({current})");
                    break;
                case Axis.Self when step.Test == NodeTest.Name:
                    current = $"Xp.SelfElement({current}, {name})";
                    break;
                case Axis.Self when step.Test == NodeTest.AnyName:
                    current = $"Xp.ElementOrNull({current})";
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    /// <summary>C# of type <c>string?</c>: the value of the single node of <see cref="SingleNode"/>, or null when there is none.</summary>
    private string? SingleValue(Expr nodes, string context)
    {
        var node = SingleNode(nodes, context);
        if (node is null) return null;
        const string attributePrefix = "Xp.AttributeNode(";
        return node.StartsWith(attributePrefix, StringComparison.Ordinal)
            ? "Xp.AttributeValue(" + node.Substring(attributePrefix.Length)
            : $"Xp.ValueOrNull({node})";
    }

    // ---- node-sets read for one answer ----

    /// <summary>C# of type <c>bool</c>: whether the node-set is non-empty.</summary>
    public string Exists(Expr nodes, string context)
    {
        if (nodes is SlotRef slot) return $"({SlotLocal(slot.Slot)}.Count > 0)";
        if (SingleNode(nodes, context) is { } single) return $"({single} is not null)";
        if (!IsLoopable(nodes, out _)) return $"Xp.Exists({Emit(nodes, context)})";
        return Call("Exists", nodes, "", context, "bool", null, _ => "return true;", "return false;");
    }

    /// <summary>C# of type <c>XObject?</c>: the node-set's first node.</summary>
    public string First(Expr nodes, string context)
    {
        if (nodes is SlotRef slot) return $"Xp.FirstOrNull({SlotLocal(slot.Slot)})";
        if (SingleNode(nodes, context) is { } single) return single;
        // One child step after at most one node (`target`, `../driver`): the first such child.
        if (nodes is PathExpr { Origin: PathOrigin.Context } path && path.Steps.Count > 0
            && path.Steps[path.Steps.Count - 1] is { Axis: Axis.Child, Test: NodeTest.Name, Predicates.Count: 0 } last
            && SingleNode(path with { Steps = new RuleLanguage.EquatableArray<Step>(path.Steps.Take(path.Steps.Count - 1).ToArray()) }, context) is { } parent)
            return $"Xp.FirstChild({parent}, {NameField(last.Name)})";
        if (!IsLoopable(nodes, out _)) return $"Xp.FirstOrNull({Emit(nodes, context)})";
        return Call("First", nodes, "", context, "XObject?", null, node => $"return {node};", "return null;");
    }

    /// <summary>C# of type <c>double</c>: the number of nodes.</summary>
    public string Count(Expr nodes, string context)
    {
        if (nodes is SlotRef slot) return $"((double){SlotLocal(slot.Slot)}.Count)";
        if (SingleNode(nodes, context) is { } single) return $"({single} is null ? 0d : 1d)";
        if (!IsLoopable(nodes, out _)) return $"Xp.Count({Emit(nodes, context)})";
        return Call("Count", nodes, "", context, "double", "var count = 0d;", _ => "count++;", "return count;");
    }

    /// <summary>C# of type <c>IReadOnlyList&lt;XObject&gt;</c>: the nodes, for a <c>let</c> read more than once; no list for none.</summary>
    public string List(Expr nodes, string context)
    {
        if (nodes is VariableRef or SlotRef || !IsLoopable(nodes, out _)) return $"Xp.Materialize({Emit(nodes, context)})";
        return Call("Nodes", nodes, "", context, "IReadOnlyList<XObject>", "List<XObject>? nodes = null;", node => $"(nodes ??= new List<XObject>()).Add({node});",
            "return nodes is null ? Array.Empty<XObject>() : nodes;");
    }

    /// <summary>
    /// C# of type <c>IReadOnlyList&lt;XObject&gt;</c>: a union's nodes in document order, gathered by looping over each
    /// operand into one list. Each operand yields its nodes in document order without duplicates, so the list is sorted
    /// only when more than one operand gave nodes, and then in place, only when they interleave.
    /// </summary>
    private string Union(UnionExpr union, string context)
    {
        var operands = new List<Expr>();
        void Flatten(Expr e)
        {
            if (e is UnionExpr u)
            {
                Flatten(u.Left);
                Flatten(u.Right);
            }
            else
            {
                operands.Add(e);
            }
        }

        Flatten(union);
        return Call("Union", union, "", context, "IReadOnlyList<XObject>", "List<XObject>? nodes = null;",
            null, "return giving_ > 1 ? DocumentOrder.SortInPlace(nodes) : nodes is null ? Array.Empty<XObject>() : nodes;",
            body: (block, node) =>
            {
                // How many operands gave nodes, and how many nodes there were before the current one.
                block.Line("int giving_ = 0, before_;");
                foreach (var operand in operands)
                {
                    block.Line("before_ = nodes?.Count ?? 0;");
                    EmitLoops(operand, node, block, n => block.Line($"(nodes ??= new List<XObject>()).Add({n});"));
                    block.Line("if ((nodes?.Count ?? 0) > before_) giving_++;");
                }
            });
    }

    /// <summary>
    /// C# of type <c>bool</c>: a node-set compared with a string or a number (<paramref name="right"/>, evaluated once),
    /// or for equality with a list parameter, looked up in its set: true when some node's value satisfies the operator.
    /// </summary>
    public string? CompareNodes(BinaryOperator op, Expr nodes, Expr right, string context)
    {
        var opName = CompareOpName(op);
        if (right is VariableRef { Kind: VariableKind.Parameter, VariableType: ValueType.StringList } list && op == BinaryOperator.Equal)
        {
            var set = CSharpText.Identifier("set_", list.Name);
            _sets[set] = CSharpText.Identifier("p_", list.Name);
            if (SingleValue(nodes, context) is { } value) return $"Xp.In({value}, {set})";
            if (!IsLoopable(nodes, out _)) return null;
            return Call("In", nodes, "set " + list.Name, context, "bool", null, node => $"if ({set}.Contains(Xp.StringValue({node}))) return true;", "return false;");
        }

        if (right.Type is not (ValueType.String or ValueType.Number)) return null;
        var rightCode = Emit(right, context);
        if (SingleValue(nodes, context) is { } single)
        {
            if (right.Type == ValueType.Number || op is not (BinaryOperator.Equal or BinaryOperator.NotEqual)) return $"Xp.Compare({opName}, {single}, {AsNumber(right, rightCode)})";
            return op == BinaryOperator.Equal ? $"({single} == {rightCode})" : $"Xp.NotEqual({single}, {rightCode})";
        }

        if (!IsLoopable(nodes, out _)) return null;
        var parameter = right.Type == ValueType.Number ? "double value" : "string value";
        Func<string, string> test = right.Type == ValueType.Number
            ? node => $"if (Xp.CompareNumbers({opName}, Xp.Number(Xp.StringValue({node})), value)) return true;"
            : op == BinaryOperator.Equal
                ? node => $"if (Xp.StringValue({node}) == value) return true;"
                : node => $"if (Xp.CompareValue({opName}, Xp.StringValue({node}), value)) return true;";
        return Call("Compare", nodes, opName + " " + parameter, context, "bool", null, test, "return false;", parameter, rightCode);
    }

    /// <summary>
    /// A call of the local function looping over <paramref name="nodes"/> from its <c>node</c> parameter; one function per
    /// node-set and purpose, shared by every use. Let variables the node-set reads are passed as parameters.
    /// </summary>
    private string Call(string kind, Expr nodes, string extra, string context, string returnType, string? setup, Func<string, string>? onNode, string end,
        string? extraParameter = null, string? extraArgument = null, Action<CodeBlock, string>? body = null)
    {
        var lets = LetsOf(nodes);
        var arguments = string.Concat(lets.Select(l => ", " + SlotLocal(l.Slot))) + (extraArgument is null ? "" : ", " + extraArgument);
        if (_functionNames.TryGetValue((kind, nodes, extra), out var existing)) return $"{existing}({context}{arguments})";

        var name = kind + (++_functionCounter).ToString(CultureInfo.InvariantCulture);
        _functionNames[(kind, nodes, extra)] = name;
        var line = CurrentLine;
        var parameters = string.Concat(lets.Select(l => $", {CSharpType(l.Type)} {SlotLocal(l.Slot)}")) + (extraParameter is null ? "" : ", " + extraParameter);
        var block = new CodeBlock();
        block.Open($"{returnType} {name}(XObject node{parameters})");
        block.Mapping = LineDirective(line);
        if (setup is not null) block.Line(setup);
        if (body is not null) body(block, "node");
        else EmitLoopsHere(nodes, "node", block, node => block.Line(onNode!(node)));
        block.Line(end);
        block.Mapping = null;
        block.Close();
        _functions.Add(new LocalFunction(line, block.Lines));
        return $"{name}({context}{arguments})";
    }

    private static string CSharpType(ValueType type) => type switch
    {
        ValueType.NodeSet => "IReadOnlyList<XObject>",
        ValueType.String => "string",
        ValueType.Number => "double",
        ValueType.Boolean => "bool",
        _ => "IReadOnlyList<string>",
    };

    /// <summary>
    /// The slots an expression reads, each once, in order of first use: eager ones, computed before the local function
    /// that reads them is called (a lazy slot is never inside a node-set expression, see SharedValues).
    /// </summary>
    private List<SlotRef> LetsOf(Expr expr)
    {
        var found = new List<SlotRef>();
        void Visit(Expr e)
        {
            switch (e)
            {
                case SlotRef v:
                    if (Slots[v.Slot].Timing == SlotTiming.Lazy) throw new InvalidOperationException($"lazy slot {v.Slot} read inside a node-set expression");
                    if (!found.Any(f => f.Slot == v.Slot)) found.Add(v);
                    break;
                case ComparisonExpr c: Visit(c.Left); Visit(c.Right); break;
                case OnceExpr: break;
                case FunctionCall f: foreach (var a in f.Arguments) Visit(a); break;
                case BinaryExpr b: Visit(b.Left); Visit(b.Right); break;
                case NegateExpr n: Visit(n.Operand); break;
                case UnionExpr u: Visit(u.Left); Visit(u.Right); break;
                case FilterExpr f: Visit(f.Source); foreach (var p in f.Predicates) Visit(p); break;
                case PathExpr p:
                    if (p.Source is not null) Visit(p.Source);
                    foreach (var step in p.Steps)
                    {
                        foreach (var predicate in step.Predicates) Visit(predicate);
                        foreach (var choice in step.Choices)
                            foreach (var predicate in choice.Predicates) Visit(predicate);
                    }

                    break;
            }
        }

        Visit(expr);
        return found;
    }
}
