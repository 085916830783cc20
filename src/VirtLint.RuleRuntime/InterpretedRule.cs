using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VirtLint.Core;
using VirtLint.Core.XPath;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleRuntime;

/// <summary>
/// A rule run from its plan (<see cref="RulePlan"/>) instead of compiled C#: the same descriptor, scope pre-check,
/// parameter binding, loop over the context nodes, slots, test, location and message as a generated checker, with
/// expressions evaluated by <see cref="PlanEvaluation"/>. Immutable once built, so one instance serves parallel checks.
/// </summary>
public sealed class InterpretedRule : RuleChecker
{
    private readonly RuleSpec _rule;
    private readonly CheckPlan _check;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);
    // What the plan's nodes resolve to, found by the node itself (a step's name by the name's string object): an
    // evaluation asks on every step and call, where hashing a name or a function's spelling was a tenth of its time.
    private readonly IdentityMap<string, XName> _names = new();
    private readonly IdentityMap<FunctionCall, Helper> _helpers = new();
    private readonly IdentityMap<FunctionCall, int> _indexSlots = new();
    private readonly IdentityMap<VariableRef, int> _parameterSlots = new();
    private readonly IdentityMap<PathExpr, ChildPath?> _childPaths = new();

    // One array per list default, as a compiled checker has one static field: list parameters are looked up as sets cached per list.
    private readonly Dictionary<string, string[]> _defaultLists = new(StringComparer.Ordinal);

    public InterpretedRule(RulePlan plan)
    {
        Plan = plan;
        var rule = _rule = plan.Rule;
        _check = plan.Check ?? throw new ArgumentException($"{rule.Id} has no check; the engine reports it.", nameof(plan));
        Descriptor = RuleDescriptors.From(rule);
        Kind = RuleDescriptors.KindOf(rule.Target);
        foreach (var parameter in rule.Parameters)
            if (parameter.Default is StringListDefault list) _defaultLists[parameter.Name] = list.Values.ToArray();
        foreach (var expr in Expressions()) Prepare(expr);
        RequiredNodes = _check.Requirements.Select(clause => clause.AnyOf.Select(RequiredNodeOf).ToArray()).ToArray();
    }

    public override Core.RequiredNode[][] RequiredNodes { get; }

    private static Core.RequiredNode RequiredNodeOf(RuleLanguage.Plan.RequiredNode node) => new(
        node.Element is null ? null : XName.Get(node.Element), node.Attribute is null ? null : XName.Get(node.Attribute), node.Value);

    public override RuleDescriptor Descriptor { get; }

    public override DocumentKind Kind { get; }

    /// <summary>The rule's plan, which this checker executes.</summary>
    public RulePlan Plan { get; }

    /// <summary>The rule's descriptor data (no expressions: those are the plan's), for tools that show it.</summary>
    public RuleSpec Spec => _rule;

    internal Regex Pattern(string pattern) => _patterns[pattern];

    internal XName NameOf(Step step) => NameOf(step.Name);

    /// <summary>A name of the plan atomised; one the loading walk did not meet (none should be) is atomised now.</summary>
    internal XName NameOf(string name) => _names.TryGetValue(name, out var atomised) ? atomised : XName.Get(name);

    /// <summary>The path's steps when <see cref="ChildPathCursor"/> can walk them, else null.</summary>
    internal ChildPath? ChildPathOf(PathExpr path) => _childPaths.TryGetValue(path, out var childPath) ? childPath : null;

    /// <summary>The helper a call runs.</summary>
    internal Helper HelperOf(FunctionCall call) => _helpers.TryGetValue(call, out var helper) ? helper : Resolve(call);

    /// <summary>Where an indexed look-up keeps its index for a document, from 0 to <see cref="IndexCount"/>.</summary>
    internal int IndexSlotOf(FunctionCall call) =>
        _indexSlots.TryGetValue(call, out var slot) ? slot : throw new InvalidOperationException($"{call.Function}() was not met when the rule loaded");

    internal int IndexCount => _indexSlots.Count;

    /// <summary>How many values of the plan are computed once per document (<see cref="OnceExpr.Index"/> is below it).</summary>
    internal int OnceCount { get; private set; }

    /// <summary>A parameter's position among the rule's parameters, where a check keeps its value.</summary>
    internal int ParameterSlotOf(VariableRef variable)
    {
        if (_parameterSlots.TryGetValue(variable, out var slot)) return slot;
        for (var i = 0; i < _rule.Parameters.Count; i++)
            if (_rule.Parameters[i].Name == variable.Name) return i;
        throw new InvalidOperationException($"${variable.Name} is not a parameter of {_rule.Id}");
    }

    private static Helper Resolve(FunctionCall call) =>
        FunctionTable.TryGet(call.Function, out var signature) && Helpers.ByName.TryParse(signature.Helper, out var helper)
            ? helper
            : throw new InvalidOperationException($"{call.Function}() has no run-time helper");

    public override void Check(CheckContext context)
    {
        if (_rule.Scope is { IsAny: false } scope)
        {
            var domain = context.Document.Domain;
            if (scope.Hypervisors.Count > 0 && !Contains(scope.Hypervisors, domain.Type)) return;
            if (scope.Architectures.Count > 0 && !Contains(scope.Architectures, domain.Arch)) return;
            if (scope.Machines.Count > 0 && !Contains(scope.Machines, domain.MachineFamily)) return;
        }

        var parameters = _rule.Parameters.Count == 0 ? [] : new object[_rule.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = _rule.Parameters[i];
            parameters[i] = parameter.Default switch
            {
                StringListDefault => context.GetStringList(parameter.Name, _defaultLists[parameter.Name]),
                NumberDefault number => context.GetNumber(parameter.Name, number.Value),
                IntegerDefault integer => context.GetNumber(parameter.Name, integer.Value),
                BooleanDefault boolean => context.GetBoolean(parameter.Name, boolean.Value),
                _ => context.GetString(parameter.Name, parameter.Default.Text),
            };
        }

        XObject root = context.Root;
        var evaluation = new PlanEvaluation(this, parameters, root);
        // Nearly every context is a path of child steps, walked on the stack.
        if (evaluation.TryChildPath(_check.Context, root, out var path, out var start))
        {
            var contexts = new ChildPathCursor(evaluation, path, start);
            while (contexts.MoveNext()) Check(context, evaluation, contexts.Current!);
        }
        else
        {
            foreach (var node in evaluation.Nodes(_check.Context, root)) Check(context, evaluation, node);
        }
    }

    /// <summary>Tests one context node and reports it when the test says so.</summary>
    private void Check(CheckContext context, PlanEvaluation evaluation, XObject node)
    {
        if (!evaluation.BeginNode(node)) return;
        if (evaluation.Boolean(_check.Test, node) == _check.IsAssert) return;
        var location = _check.Location is null ? node : Xp.FirstOr(evaluation.Nodes(_check.Location, node), node);
        if (_check.Related is { } related)
        {
            var nodes = new List<RelatedNode>();
            foreach (var other in evaluation.Nodes(related.Nodes, node)) nodes.Add(new RelatedNode(other, Message(related.Message, evaluation, other)));
            context.Report(location, Message(_check.Message, evaluation, node), nodes);
        }
        else
        {
            context.Report(location, Message(_check.Message, evaluation, node));
        }
    }

    /// <summary>Adds one document's facts (a workspace rule): per fact of its kind, one element per node of <c>each</c>.</summary>
    internal void CollectFacts(Core.Workspace.FactContext context)
    {
        XObject root = context.Root;
        var kind = context.Document.Kind.ToName();
        var evaluation = new PlanEvaluation(this, [], root);
        foreach (var fact in Plan.Facts)
        {
            if (fact.Kind != kind) continue;
            var element = XName.Get(fact.Element);
            var names = fact.Values.Select(v => XName.Get(v.Name)).ToArray();
            foreach (var node in evaluation.Nodes(fact.Each, root))
            {
                var values = new string[names.Length];
                for (var i = 0; i < values.Length; i++) values[i] = evaluation.String(fact.Values[i].Value, node);
                context.Add(element, node, names, values);
            }
        }
    }

    private static string Message(MessageTemplate message, PlanEvaluation evaluation, XObject node)
    {
        var parts = message.Parts;
        if (parts.Count == 0) return "";
        if (parts.Count == 1) return Part(parts[0]);
        var texts = new string[parts.Count];
        for (var i = 0; i < texts.Length; i++) texts[i] = Part(parts[i]);
        return string.Concat(texts);

        string Part(MessagePart part) => part.Expression is null ? part.Text : evaluation.String(part.Expression, node);
    }

    // A loop over the array itself: Enumerable.Contains boxed the array and its enumerator on every check of a scoped rule.
    private static bool Contains(RuleLanguage.EquatableArray<string> values, string? value)
    {
        if (value is null) return false;
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private IEnumerable<Expr> Expressions()
    {
        yield return _check.Context;
        foreach (var slot in _check.Slots) yield return slot.Value;
        yield return _check.Test;
        if (_check.Location is not null) yield return _check.Location;
        foreach (var part in _check.Message.Parts)
            if (part.Expression is not null) yield return part.Expression;
        foreach (var fact in Plan.Facts)
        {
            yield return fact.Each;
            foreach (var value in fact.Values) yield return value.Value;
        }

        if (_check.Related is { } related)
        {
            yield return related.Nodes;
            foreach (var part in related.Message.Parts)
                if (part.Expression is not null) yield return part.Expression;
        }
    }

    /// <summary>Walks an expression once: compiles its patterns, atomises its names, resolves its calls and parameters.</summary>
    private void Prepare(Expr expr)
    {
        switch (expr)
        {
            case VariableRef variable:
                _parameterSlots.TryAdd(variable, ParameterSlotOf(variable));
                break;
            case OnceExpr once:
                OnceCount = Math.Max(OnceCount, once.Index + 1);
                Prepare(once.Value);
                break;
            case ComparisonExpr comparison:
                Prepare(comparison.Left);
                Prepare(comparison.Right);
                break;
            case FunctionCall call:
                var helper = Resolve(call);
                _helpers.TryAdd(call, helper);
                if (helper is Helper.KeyIndex or Helper.CpuOwnerIndex or Helper.IpRangeIndex or Helper.IpOverlapIndex)
                    _indexSlots.TryAdd(call, _indexSlots.Count);
                if (call.Function == "matches" && call.Arguments[1] is StringLiteral pattern && !_patterns.ContainsKey(pattern.Value))
                    _patterns[pattern.Value] = Xp.Pattern(pattern.Value);
                foreach (var argument in call.Arguments) Prepare(argument);
                break;
            case BinaryExpr binary:
                Prepare(binary.Left);
                Prepare(binary.Right);
                break;
            case NegateExpr negate:
                Prepare(negate.Operand);
                break;
            case UnionExpr union:
                Prepare(union.Left);
                Prepare(union.Right);
                break;
            case PathExpr path:
                if (path.Source is not null) Prepare(path.Source);
                foreach (var step in path.Steps)
                {
                    if (step.Test == NodeTest.Name) _names.TryAdd(step.Name, XName.Get(step.Name));
                    foreach (var predicate in step.Predicates) Prepare(predicate);
                    foreach (var choice in step.Choices)
                    {
                        _names.TryAdd(choice.Name, XName.Get(choice.Name));
                        foreach (var predicate in choice.Predicates) Prepare(predicate);
                    }
                }

                _childPaths.TryAdd(path, ChildPath.Of(path.Steps, NameOf));
                break;
            case FilterExpr filter:
                Prepare(filter.Source);
                foreach (var predicate in filter.Predicates) Prepare(predicate);
                break;
        }
    }
}
