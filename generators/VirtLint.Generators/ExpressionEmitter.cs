using System;
using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Plan;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.Generators;

/// <summary>
/// Prints a rule plan's expressions (<see cref="RulePlan"/>) as C# over LINQ to XML and the <c>Xp</c> helpers. C# types: node-set →
/// <c>IEnumerable&lt;XObject&gt;</c>, string → <c>string</c>, number → <c>double</c>, boolean → <c>bool</c>, list → <c>IReadOnlyList&lt;string&gt;</c>.
/// Element names become cached <c>XName</c> fields, patterns static <c>Regex</c> fields.
/// </summary>
internal sealed partial class ExpressionEmitter
{
    private readonly SortedDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _patterns = new();
    private readonly List<string> _declarations = new();
    private readonly Dictionary<FunctionCall, string> _indexes = new();
    private readonly Dictionary<int, string> _hoisted = new();
    private int _lambdaCounter;

    /// <summary>The slots of the check being emitted (its lets and shared values); empty for facts.</summary>
    public IReadOnlyList<PlanSlot> Slots { get; set; } = Array.Empty<PlanSlot>();

    /// <summary>The C# local holding a slot: <c>l_name</c> for a let, <c>shared_N</c> for a shared value.</summary>
    public string SlotLocal(int slot) => Slots[slot].LetName is { } let ? CSharpText.Identifier("l_", let) : "shared_" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The C# type of a lazy slot's local, null until its first use.</summary>
    public static string LazyType(ValueType type) => type switch
    {
        ValueType.String => "string?",
        ValueType.Number => "double?",
        _ => "bool?",
    };

    /// <summary>XName fields: field name → element or attribute name.</summary>
    public IReadOnlyDictionary<string, string> Names => _names;

    /// <summary>Regex patterns in field order (<c>Pattern0</c>, <c>Pattern1</c>, …).</summary>
    public IReadOnlyList<string> Patterns => _patterns;

    /// <summary>
    /// Statements before the checker's loop: the values of expressions that are the same for every context node of a
    /// document (<c>once0</c>, …, computed on first use) and the indexes of indexed look-ups (<c>index0</c>, …, built on first use).
    /// </summary>
    public IReadOnlyList<string> Declarations => _declarations;

    /// <summary>The checker's variable holding the document's root element (RuleGenerator.EmitCheckBody), in scope before its loop.</summary>
    internal const string RootVariable = "root";

    /// <summary>C# for <paramref name="expr"/>, with <paramref name="context"/> the name of the C# variable holding the context node.</summary>
    public string Emit(Expr expr, string context) => expr switch
    {
        StringLiteral s => CSharpText.Literal(s.Value),
        NumberLiteral n => CSharpText.Literal(n.Value),
        VariableRef v => CSharpText.Identifier(v.Kind == VariableKind.Parameter ? "p_" : "l_", v.Name),
        SlotRef slot => Slots[slot.Slot].Timing == SlotTiming.Lazy ? $"({SlotLocal(slot.Slot)} ??= {Emit(Slots[slot.Slot].Value, context)})" : SlotLocal(slot.Slot),
        OnceExpr once => Hoist(once),
        ComparisonExpr comparison => EmitComparison(comparison, context),
        FunctionCall f => EmitCall(f, context),
        BinaryExpr b => EmitBinary(b, context),
        NegateExpr n => $"(-{Emit(n.Operand, context)})",
        UnionExpr u => $"Xp.Union({Emit(u.Left, context)}, {Emit(u.Right, context)})",
        PathExpr p => EmitPath(p, context),
        FilterExpr f => EmitPredicates(Emit(f.Source, context), f.Predicates),
        _ => throw new InvalidOperationException($"unexpected expression {expr.GetType().Name}"),
    };

    private string EmitCall(FunctionCall call, string context)
    {
        switch (call.Function)
        {
            case "first-with-same": return $"{Index(call, "KeyIndex")}.FirstWithSame({context})";
            case "first-with-key": return $"{Index(call, "KeyIndex", 2)}.FirstWithKey({context}, {Key(call.Arguments[2], context)})";
            case "first-with-same-elsewhere": return $"{Index(call, "KeyIndex")}.FirstWithSameElsewhere({context})";
            case "all-with-key": return $"{Index(call, "KeyIndex", 2)}.AllWithKey({context}, {Key(call.Arguments[2], context)})";
            case "first-overlapping-ip-range": return $"{Index(call, "IpOverlapIndex")}.FirstOverlapping({context})";
            case "first-overlapping-cpuset": return $"{Index(call, "CpuOwnerIndex")}.FirstOverlapping({context})";
            case "first-ip-range-containing": return $"{Index(call, "IpRangeIndex", 3)}.FirstContaining({context}, {Emit(call.Arguments[3], context)})";
        }

        // A node-set read for one answer is looped over (or read as one node) rather than enumerated.
        if (call.Arguments.Count > 0 && call.Arguments[0].Type == ValueType.NodeSet)
        {
            var nodes = call.Arguments[0];
            switch (call.Function)
            {
                case "count": return Count(nodes, context);
                case "exists":
                case "boolean":
                    return Exists(nodes, context);
                case "string":
                case "number":
                case "name":
                case "local-name":
                case "bytes":
                case "default":
                case "ip-prefix":
                case "pci-address":
                    FunctionTable.TryGet(call.Function, out var firstNode);
                    var rest = call.Arguments.Skip(1).Select(a => ", " + Emit(a, context));
                    return $"Xp.{firstNode.Helper}({First(nodes, context)}{string.Concat(rest)})";
            }
        }

        var args = call.Arguments.Select(a => Emit(a, context)).ToList();
        switch (call.Function)
        {
            case "not": return $"!({args[0]})";
            case "true": return "true";
            case "if": return $"({args[0]} ? {args[1]} : {args[2]})";
            case "false": return "false";
            case "matches":
                {
                    var pattern = ((StringLiteral)call.Arguments[1]).Value;
                    var index = _patterns.IndexOf(pattern);
                    if (index < 0)
                    {
                        index = _patterns.Count;
                        _patterns.Add(pattern);
                    }

                    return $"Xp.Matches({args[0]}, Pattern{index})";
                }

            default:
                FunctionTable.TryGet(call.Function, out var signature);
                return $"Xp.{signature.Helper}({string.Join(", ", args)})";
        }
    }

    /// <summary>A value the same for the whole document (<see cref="OnceExpr"/>), computed on first use, as the interpreter does: most documents have no context node for most rules.</summary>
    private string Hoist(OnceExpr once)
    {
        if (_hoisted.TryGetValue(once.Index, out var existing)) return existing;
        var code = Emit(once.Value, RootVariable);
        var name = "once" + _hoisted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var type = once.Type switch
        {
            ValueType.String => "string?",
            ValueType.Number => "double?",
            _ => "bool?",
        };
        var use = $"({name} ??= {code})";
        _hoisted[once.Index] = use;
        _declarations.Add($"{type} {name} = null;");
        return use;
    }

    /// <summary>
    /// The index an indexed look-up reads, a variable declared once per distinct node-set and per-node arguments:
    /// the node-set (absolute, so evaluated from any node of the document) and the per-node arguments (a group node-set,
    /// a key or another string) become lambdas; the argument at <paramref name="valueArgument"/> belongs to the context
    /// node and is passed at the call instead.
    /// </summary>
    private string Index(FunctionCall call, string type, int valueArgument = -1)
    {
        var arguments = call.Arguments.Where((_, i) => i != valueArgument).ToArray();
        var indexed = new FunctionCall(call.Function, new RuleLanguage.EquatableArray<Expr>(arguments), call.Type);
        if (_indexes.TryGetValue(indexed, out var existing)) return existing;
        var lambdas = new List<string> { Lambda(n => IsLoopable(arguments[0], out _) ? List(arguments[0], n) : Emit(arguments[0], n)) };
        foreach (var argument in arguments.Skip(1))
            lambdas.Add(Lambda(n => argument.Type == ValueType.NodeSet ? $"Xp.FirstOrNull({Emit(argument, n)})" : Key(argument, n)));
        var name = "index" + _indexes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Created on first use: most documents have no context node for the rule, and then need no index at all.
        var use = $"({name} ??= new {type}({string.Join(", ", lambdas)}))";
        _indexes[indexed] = use;
        _declarations.Add($"{type}? {name} = null;");
        return use;
    }

    private string Lambda(Func<string, string> body)
    {
        var variable = "n" + (++_lambdaCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{variable} => {body(variable)}";
    }

    /// <summary>A key as the index compares it: a string, or a number's text (NaN is no key).</summary>
    private string Key(Expr key, string context) =>
        key.Type == ValueType.Number ? $"Xp.NumberKey({Emit(key, context)})" : Emit(key, context);

    private string EmitBinary(BinaryExpr b, string context)
    {
        switch (b.Operator)
        {
            case BinaryOperator.Or: return $"({Emit(b.Left, context)} || {Emit(b.Right, context)})";
            case BinaryOperator.And: return $"({Emit(b.Left, context)} && {Emit(b.Right, context)})";
            case BinaryOperator.Add: return $"({Emit(b.Left, context)} + {Emit(b.Right, context)})";
            case BinaryOperator.Subtract: return $"({Emit(b.Left, context)} - {Emit(b.Right, context)})";
            case BinaryOperator.Multiply: return $"({Emit(b.Left, context)} * {Emit(b.Right, context)})";
            case BinaryOperator.Divide: return $"({Emit(b.Left, context)} / {Emit(b.Right, context)})";
            case BinaryOperator.Modulo: return $"({Emit(b.Left, context)} % {Emit(b.Right, context)})";
            default: throw new InvalidOperationException($"comparison {b.Operator} not resolved by the lowering");
        }
    }

    /// <summary>A comparison of the kind the plan resolved it to; the operand order is the plan's.</summary>
    private string EmitComparison(ComparisonExpr comparison, string context)
    {
        var (op, left, right) = (comparison.Operator, comparison.Left, comparison.Right);
        var name = CompareOpName(op);
        switch (comparison.Kind)
        {
            case ComparisonKind.NodesWithString:
            case ComparisonKind.NodesWithNumber:
            case ComparisonKind.NodesInList:
                return CompareNodes(op, left, right, context) ?? $"Xp.Compare({name}, {Values(left, context)}, {Values(right, context)})";
            case ComparisonKind.NodesWithBoolean:
                return $"Xp.Compare({name}, {Exists(left, context)}, {Emit(right, context)})";
            case ComparisonKind.Sequences:
                return $"Xp.Compare({name}, {Values(left, context)}, {Values(right, context)})";
            case ComparisonKind.ListWithBoolean:
                return $"Xp.Compare({name}, Xp.Boolean({Emit(left, context)}), {Emit(right, context)})";
            case ComparisonKind.ListWithString:
            case ComparisonKind.ListWithNumber:
                return $"Xp.Compare({name}, {Emit(left, context)}, {Emit(right, context)})";
        }

        var l = Emit(left, context);
        var r = Emit(right, context);
        var symbol = Symbol(op);
        return comparison.Kind switch
        {
            ComparisonKind.Booleans => $"(Xp.Boolean({l}) {symbol} Xp.Boolean({r}))",
            ComparisonKind.Numbers => $"({AsNumber(left, l)} {symbol} {AsNumber(right, r)})",
            _ => op == BinaryOperator.Equal ? $"string.Equals({l}, {r}, StringComparison.Ordinal)" : $"!string.Equals({l}, {r}, StringComparison.Ordinal)",
        };
    }

    private static string AsNumber(Expr expr, string code) => expr.Type == ValueType.Number ? code : $"Xp.Number({code})";

    private string Values(Expr expr, string context) =>
        expr.Type == ValueType.NodeSet ? $"Xp.Values({Emit(expr, context)})" : Emit(expr, context);

    private static string CompareOpName(BinaryOperator op) => "CompareOp." + op switch
    {
        BinaryOperator.Equal => "Equal",
        BinaryOperator.NotEqual => "NotEqual",
        BinaryOperator.Less => "Less",
        BinaryOperator.LessOrEqual => "LessOrEqual",
        BinaryOperator.Greater => "Greater",
        _ => "GreaterOrEqual",
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        _ => ">=",
    };

    // ---- paths ----

    private string EmitPath(PathExpr path, string context)
    {
        // A fused union read through the helpers: the union of its operands, which the union helper sorts.
        if (path.Steps.Any(s => s.Test == NodeTest.NameChoice)) return Emit(UnionFusion.Unfuse(path), context);
        // A single XObject until the first step; the Xp axis helpers have overloads for a node and for a node-set.
        string current;
        var single = false;
        switch (path.Origin)
        {
            case PathOrigin.Document:
                current = $"Xp.Document({context})";
                break;
            case PathOrigin.Expression:
                current = Emit(path.Source!, context);
                break;
            default:
                current = context;
                single = true;
                break;
        }

        foreach (var step in path.Steps)
        {
            if (step.IsNoOp)
                continue;
            current = EmitStep(step, current, ref single);
        }

        return single ? $"Xp.Single({current})" : current;
    }

    private string EmitStep(Step step, string input, ref bool single)
    {
        var name = step.Test == NodeTest.Name ? NameField(step.Name) : null;
        string output;
        switch (step.Axis)
        {
            case Axis.Child:
                output = step.Test switch
                {
                    NodeTest.Name => $"Xp.Child({input}, {name})",
                    NodeTest.AnyName => $"Xp.ChildAny({input})",
                    NodeTest.Text => $"Xp.ChildText({input})",
                    _ => $"Xp.ChildNodes({input})",
                };
                break;
            case Axis.Attribute:
                output = step.Test switch
                {
                    NodeTest.Name => $"Xp.Attribute({input}, {name})",
                    NodeTest.Text => "Enumerable.Empty<XObject>()",
                    _ => $"Xp.AttributeAny({input})",
                };
                break;
            case Axis.Descendant:
                output = step.Test switch
                {
                    NodeTest.Name => $"Xp.Descendant({input}, {name})",
                    NodeTest.Text => $"Xp.ChildText(Xp.DescendantOrSelf({input}))",
                    _ => $"Xp.DescendantAny({input})",
                };
                break;
            case Axis.DescendantOrSelf:
                output = Filter($"Xp.DescendantOrSelf({input})", step.Test, name);
                break;
            case Axis.Self:
                output = step.Test switch
                {
                    NodeTest.Name => $"Xp.SelfNamed({input}, {name})",
                    NodeTest.AnyName => $"Xp.Elements({(single ? $"Xp.Single({input})" : input)})",
                    _ => single ? $"Xp.Single({input})" : input,
                };
                break;
            case Axis.Parent:
                output = Filter($"Xp.Parent({input})", step.Test, name);
                break;
            case Axis.Ancestor:
                output = Filter($"Xp.Ancestor({input}, false)", step.Test, name);
                break;
            case Axis.AncestorOrSelf:
                output = Filter($"Xp.Ancestor({input}, true)", step.Test, name);
                break;
            case Axis.FollowingSibling:
                output = Filter($"Xp.FollowingSibling({input})", step.Test, name);
                break;
            default:
                output = Filter($"Xp.PrecedingSibling({input})", step.Test, name);
                break;
        }

        single = false;
        return EmitPredicates(output, step.Predicates);
    }

    private static string Filter(string nodes, NodeTest test, string? name) => test switch
    {
        NodeTest.Name => $"Xp.Named({nodes}, {name})",
        NodeTest.AnyName => $"Xp.Elements({nodes})",
        NodeTest.Text => $"{nodes}.Where(n => n is XText)",
        _ => nodes,
    };

    private string EmitPredicates(string nodes, RuleLanguage.EquatableArray<Expr> predicates)
    {
        foreach (var predicate in predicates)
        {
            var variable = "n" + (++_lambdaCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            nodes = $"{nodes}.Where({variable} => {Emit(predicate, variable)})";
        }

        return nodes;
    }

    private string NameField(string name)
    {
        var field = "Name_" + CSharpText.Identifier("", name);
        _names[field] = name;
        return field;
    }
}
