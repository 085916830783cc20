using System;
using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// A node a check needs somewhere in a document: an element named <see cref="Element"/> when <see cref="Attribute"/> is
/// null; otherwise an attribute so named, on an element named <see cref="Element"/> when that is set, with exactly the
/// value <see cref="Value"/> when that is set.
/// </summary>
public sealed record RequiredNode(string? Element, string? Attribute, string? Value);

/// <summary>One condition of a check's requirements: the document holds at least one of <see cref="AnyOf"/>.</summary>
public sealed record RequiredClause(EquatableArray<RequiredNode> AnyOf);

/// <summary>
/// What a document must hold for a check to report anything, worked out from the check's expressions: every clause
/// holds (a conjunction of disjunctions). The engine skips a check on a document that fails a clause instead of
/// walking to the empty answer, which is what most checks find on most documents (they are about configurations most
/// documents do not have). The conditions are document-wide (such a node anywhere), so they hold whatever node an
/// expression is evaluated on:
/// <list type="bullet">
/// <item>a location path selects nothing unless the document has an element for each of its named element steps, an
/// attribute for each named attribute step (on an element of the step before's name, when it names one), and a node
/// each of its predicates holds for;</item>
/// <item><c>and</c> needs both sides' conditions, <c>or</c> and <c>|</c> either side's;</item>
/// <item>a comparison of a node-set with a string, a number or a list is true only for some node of the set (XPath 1.0, 3.4),
/// so it needs the set's conditions; with <c>=</c> and a string literal, a path ending in <c>@name</c> needs an
/// attribute of that name with exactly that value;</item>
/// <item>a <c>let</c> stands for its value's conditions; <c>boolean()</c> and <c>exists()</c> for their argument's;
/// anything else (<c>not()</c>, parameters, other functions) adds none.</item>
/// </list>
/// The context must select a node, and a <c>report</c> test must be true; an <c>assert</c> test reports when false,
/// so it adds none. Prefixed names belong to namespaces the engine's sets do not resolve, and add none.
/// </summary>
public static class RequiredNodes
{
    // An 'or' of two conjunctions multiplies their clauses, and an 'and' adds them: past these many, the rest are
    // dropped (a weaker condition is still a necessary one), so a rule of thousands of conditions costs linear time.
    private const int MaxProduct = 32;
    private const int MaxClauses = 256;

    public static EquatableArray<RequiredClause> Of(CheckSpec check)
    {
        var lets = new Dictionary<string, Expr>(StringComparer.Ordinal);
        foreach (var let in check.Lets) lets[let.Name] = let.Value;
        // The test and the lets are evaluated on a context node, whose name the context's last step may give.
        var contextName = check.Context is PathExpr { Steps.Count: > 0 } path ? ElementName(path.Steps[path.Steps.Count - 1]) : null;
        var analysis = new Analysis(lets, contextName);
        var clauses = analysis.Of(check.Context, owner: null);
        if (!check.IsAssert) clauses = And(clauses, analysis.Of(check.Test, contextName));
        return new EquatableArray<RequiredClause>(clauses
            .Select(c => new RequiredClause(new EquatableArray<RequiredNode>(c
                .OrderBy(n => n.Attribute is null ? 0 : 1)
                .ThenBy(n => n.Element ?? "", StringComparer.Ordinal)
                .ThenBy(n => n.Attribute ?? "", StringComparer.Ordinal)
                .ThenBy(n => n.Value ?? "", StringComparer.Ordinal)))));
    }

    /// <summary>The name of the elements a step selects, when it selects only elements of one name without a namespace.</summary>
    private static string? ElementName(Step step) =>
        step.Test == NodeTest.Name && step.Axis != Axis.Attribute && step.Name.IndexOf(':') < 0 ? step.Name : null;

    /// <summary>
    /// Conditions as clauses (each a set of nodes, one of which must be present); none means always possible. The
    /// owner is the name of the element an expression is evaluated on, when known: an attribute read from it is an
    /// attribute of an element of that name.
    /// </summary>
    private sealed class Analysis(Dictionary<string, Expr> lets, string? contextName)
    {
        // A let's value can name earlier lets, never itself: the depth only guards against a malformed plan.
        private int _depth;

        public List<HashSet<RequiredNode>> Of(Expr expr, string? owner)
        {
            if (_depth > 64) return [];
            _depth++;
            try
            {
                return Conditions(expr, owner);
            }
            finally
            {
                _depth--;
            }
        }

        private List<HashSet<RequiredNode>> Conditions(Expr expr, string? owner) => expr switch
        {
            PathExpr path => OfPath(path, owner),
            FilterExpr filter => And(OfSource(filter.Source, owner), OfPredicates(filter.Predicates, owner: null)),
            UnionExpr union => Or(Of(union.Left, owner), Of(union.Right, owner)),
            BinaryExpr { Operator: BinaryOperator.And } and => And(Of(and.Left, owner), Of(and.Right, owner)),
            BinaryExpr { Operator: BinaryOperator.Or } or => Or(Of(or.Left, owner), Of(or.Right, owner)),
            BinaryExpr { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } comparison => OfComparison(comparison, owner),
            // A let is evaluated on the context node, wherever it is read.
            VariableRef { Kind: VariableKind.Let } let when lets.TryGetValue(let.Name, out var value) => Of(value, contextName),
            FunctionCall { Function: "boolean" or "exists" } call => Of(call.Arguments[0], owner),
            _ => [],
        };

        private List<HashSet<RequiredNode>> OfComparison(BinaryExpr comparison, string? owner)
        {
            var (nodes, other) = comparison.Left.Type == ValueType.NodeSet ? (comparison.Left, comparison.Right) : (comparison.Right, comparison.Left);
            // Compared with a boolean, an empty node-set is false and may equal false(); two node-sets need a node each.
            if (nodes.Type != ValueType.NodeSet) return [];
            if (other.Type == ValueType.NodeSet) return And(Of(nodes, owner), Of(other, owner));
            if (other.Type is not (ValueType.String or ValueType.Number or ValueType.StringList)) return [];
            var clauses = Of(nodes, owner);
            if (comparison.Operator == BinaryOperator.Equal && other is StringLiteral literal && FinalAttribute(nodes, owner) is { } attribute)
            {
                // The attribute with that value stands for the attribute alone.
                clauses.RemoveAll(c => c.Count == 1 && c.Contains(attribute));
                clauses = And(clauses, [[attribute with { Value = literal.Value }]]);
            }

            return clauses;
        }

        /// <summary>The attribute a path ends in (<c>target/@bus</c>: a <c>bus</c> of a <c>target</c>), or null.</summary>
        private RequiredNode? FinalAttribute(Expr nodes, string? owner)
        {
            nodes = ValueOf(nodes, ref owner);
            if (nodes is not PathExpr { Steps.Count: > 0 } path) return null;
            var last = path.Steps[path.Steps.Count - 1];
            if (last.Axis != Axis.Attribute || last.Test != NodeTest.Name || last.Name.IndexOf(':') >= 0) return null;
            return new RequiredNode(OwnerOfStep(path, path.Steps.Count - 1, owner), last.Name, null);
        }

        /// <summary>What a let stands for, and the node it is evaluated on (a let names only earlier lets: at most as many steps as there are lets).</summary>
        private Expr ValueOf(Expr expr, ref string? owner)
        {
            for (var i = 0; i <= lets.Count && expr is VariableRef { Kind: VariableKind.Let } let && lets.TryGetValue(let.Name, out var value); i++)
                (expr, owner) = (value, contextName);
            return expr;
        }

        /// <summary>The name of the element step <paramref name="index"/> of the path starts from, when known.</summary>
        private static string? OwnerOfStep(PathExpr path, int index, string? owner) =>
            index > 0 ? ElementName(path.Steps[index - 1]) : path.Origin == PathOrigin.Context ? owner : null;

        private List<HashSet<RequiredNode>> OfPath(PathExpr path, string? owner)
        {
            var clauses = path.Origin == PathOrigin.Expression && path.Source is { } source ? OfSource(source, owner) : [];
            for (var i = 0; i < path.Steps.Count; i++)
            {
                var step = path.Steps[i];
                if (ElementName(step) is { } name)
                    clauses = And(clauses, [[new RequiredNode(name, null, null)]]);
                else if (step is { Axis: Axis.Attribute, Test: NodeTest.Name } && step.Name.IndexOf(':') < 0)
                    clauses = And(clauses, [[new RequiredNode(OwnerOfStep(path, i, owner), step.Name, null)]]);
                clauses = And(clauses, OfPredicates(step.Predicates, ElementName(step)));
            }

            return clauses;
        }

        /// <summary>
        /// A path's or filter's source: its conditions when it selects nodes of the document (a path, a union, a let,
        /// a function returning some of its argument's nodes); none otherwise.
        /// </summary>
        private List<HashSet<RequiredNode>> OfSource(Expr source, string? owner) => source.Type == ValueType.NodeSet ? Of(source, owner) : [];

        private List<HashSet<RequiredNode>> OfPredicates(EquatableArray<Expr> predicates, string? owner)
        {
            List<HashSet<RequiredNode>> clauses = [];
            foreach (var predicate in predicates) clauses = And(clauses, Of(predicate, owner));
            return clauses;
        }
    }

    private static List<HashSet<RequiredNode>> And(List<HashSet<RequiredNode>> left, List<HashSet<RequiredNode>> right)
    {
        if (right.Count == 0) return left;
        if (left.Count == 0) return right;
        var result = new List<HashSet<RequiredNode>>(left);
        foreach (var clause in right)
        {
            if (result.Count >= MaxClauses) break;
            Add(result, clause);
        }

        return result;
    }

    private static List<HashSet<RequiredNode>> Or(List<HashSet<RequiredNode>> left, List<HashSet<RequiredNode>> right)
    {
        // Either side may hold: (a ∧ b) ∨ (c ∧ d) = (a ∨ c) ∧ (a ∨ d) ∧ (b ∨ c) ∧ (b ∨ d); nothing on one side, nothing at all.
        if (left.Count == 0 || right.Count == 0) return [];
        var result = new List<HashSet<RequiredNode>>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (result.Count == MaxProduct) return result;
                var clause = new HashSet<RequiredNode>(a);
                clause.UnionWith(b);
                Add(result, clause);
            }
        }

        return result;
    }

    /// <summary>Adds a clause unless a clause it contains is there already (which makes it redundant); drops those it makes redundant.</summary>
    private static void Add(List<HashSet<RequiredNode>> clauses, HashSet<RequiredNode> clause)
    {
        if (clauses.Any(c => c.IsSubsetOf(clause))) return;
        clauses.RemoveAll(c => clause.IsSubsetOf(c));
        clauses.Add(clause);
    }
}
