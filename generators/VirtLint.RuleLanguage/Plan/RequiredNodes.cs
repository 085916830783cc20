using System;
using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// An element, or an attribute with one exact value, that a document must hold somewhere for a check to report:
/// <see cref="Value"/> is null for an element named <see cref="Name"/>, else the value of an attribute so named.
/// </summary>
public sealed record RequiredNode(string Name, string? Value);

/// <summary>One condition of a check's requirements: the document holds at least one of <see cref="AnyOf"/>.</summary>
public sealed record RequiredClause(EquatableArray<RequiredNode> AnyOf);

/// <summary>
/// What a document must hold for a check to report anything, worked out from the check's expressions: every clause
/// holds (a conjunction of disjunctions). The engine skips a check on a document that fails a clause instead of
/// walking to the empty answer, which is what most checks find on most documents (they are about configurations most
/// documents do not have). The conditions are document-wide (an element of that name or an attribute with that value
/// anywhere), so they hold whatever node an expression is evaluated on:
/// <list type="bullet">
/// <item>a location path selects nothing unless the document has an element for each of its named element steps, and
/// a node each of its predicates holds for;</item>
/// <item><c>and</c> needs both sides' conditions, <c>or</c> and <c>|</c> either side's;</item>
/// <item>a comparison of a node-set with a string or a number is true only for some node of the set (XPath 1.0, 3.4),
/// so it needs the set's conditions; with <c>=</c> and a string literal, a path ending in <c>@name</c> also needs an
/// attribute of that name with exactly that value;</item>
/// <item>a <c>let</c> stands for its value's conditions; <c>boolean()</c> for its argument's; anything else (<c>not()</c>,
/// parameters, other functions) adds none.</item>
/// </list>
/// The context must select a node, and a <c>report</c> test must be true; an <c>assert</c> test reports when false,
/// so it adds none. Prefixed names belong to namespaces the engine's sets do not resolve, and add none.
/// </summary>
public static class RequiredNodes
{
    // An 'or' of two conjunctions multiplies their clauses: past this many, the rest are dropped (a weaker condition is still a necessary one).
    private const int MaxClauses = 32;

    public static EquatableArray<RequiredClause> Of(CheckSpec check)
    {
        var lets = new Dictionary<string, Expr>(StringComparer.Ordinal);
        foreach (var let in check.Lets) lets[let.Name] = let.Value;
        var analysis = new Analysis(lets);
        var clauses = analysis.Of(check.Context);
        if (!check.IsAssert) clauses = And(clauses, analysis.Of(check.Test));
        return new EquatableArray<RequiredClause>(clauses
            .Select(c => new RequiredClause(new EquatableArray<RequiredNode>(c.OrderBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Value, StringComparer.Ordinal)))));
    }

    /// <summary>Conditions as clauses (each a set of nodes, one of which must be present); none means always possible.</summary>
    private sealed class Analysis(Dictionary<string, Expr> lets)
    {
        // A let's value can name earlier lets, never itself: the depth only guards against a malformed plan.
        private int _depth;

        public List<HashSet<RequiredNode>> Of(Expr expr)
        {
            if (_depth > 64) return [];
            _depth++;
            try
            {
                return Conditions(expr);
            }
            finally
            {
                _depth--;
            }
        }

        private List<HashSet<RequiredNode>> Conditions(Expr expr) => expr switch
        {
            PathExpr path => OfPath(path),
            FilterExpr filter => And(OfSource(filter.Source), OfPredicates(filter.Predicates)),
            UnionExpr union => Or(Of(union.Left), Of(union.Right)),
            BinaryExpr { Operator: BinaryOperator.And } and => And(Of(and.Left), Of(and.Right)),
            BinaryExpr { Operator: BinaryOperator.Or } or => Or(Of(or.Left), Of(or.Right)),
            BinaryExpr { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } comparison => OfComparison(comparison),
            VariableRef { Kind: VariableKind.Let } let when lets.TryGetValue(let.Name, out var value) => Of(value),
            FunctionCall { Function: "boolean" } call => Of(call.Arguments[0]),
            _ => [],
        };

        private List<HashSet<RequiredNode>> OfComparison(BinaryExpr comparison)
        {
            var (nodes, other) = comparison.Left.Type == ValueType.NodeSet ? (comparison.Left, comparison.Right) : (comparison.Right, comparison.Left);
            // Compared with a boolean, an empty node-set is false and may equal false(); two node-sets need a node each.
            if (nodes.Type != ValueType.NodeSet) return [];
            if (other.Type == ValueType.NodeSet) return And(Of(nodes), Of(other));
            if (other.Type is not (ValueType.String or ValueType.Number)) return [];
            var clauses = Of(nodes);
            if (comparison.Operator == BinaryOperator.Equal && other is StringLiteral literal && AttributeName(ValueOf(nodes)) is { } attribute)
                clauses = And(clauses, [[new RequiredNode(attribute, literal.Value)]]);
            return clauses;
        }

        /// <summary>What a let stands for (a let names only earlier lets: at most as many steps as there are lets).</summary>
        private Expr ValueOf(Expr expr)
        {
            for (var i = 0; i <= lets.Count && expr is VariableRef { Kind: VariableKind.Let } let && lets.TryGetValue(let.Name, out var value); i++) expr = value;
            return expr;
        }

        /// <summary>The name of the attributes a path ends in (<c>target/@bus</c>), or null.</summary>
        private static string? AttributeName(Expr nodes) =>
            nodes is PathExpr { Steps.Count: > 0 } path
            && path.Steps[path.Steps.Count - 1] is { Axis: Axis.Attribute, Test: NodeTest.Name } last
            && last.Name.IndexOf(':') < 0
                ? last.Name
                : null;

        private List<HashSet<RequiredNode>> OfPath(PathExpr path)
        {
            var clauses = path.Origin == PathOrigin.Expression && path.Source is { } source ? OfSource(source) : [];
            foreach (var step in path.Steps)
            {
                if (step.Test == NodeTest.Name && step.Axis != Axis.Attribute && step.Name.IndexOf(':') < 0)
                    clauses = And(clauses, [[new RequiredNode(step.Name, null)]]);
                clauses = And(clauses, OfPredicates(step.Predicates));
            }

            return clauses;
        }

        /// <summary>
        /// A path's or filter's source: its conditions when it selects nodes of the document (a path, a union, a let,
        /// a function returning some of its argument's nodes); none otherwise.
        /// </summary>
        private List<HashSet<RequiredNode>> OfSource(Expr source) => source.Type == ValueType.NodeSet ? Of(source) : [];

        private List<HashSet<RequiredNode>> OfPredicates(EquatableArray<Expr> predicates)
        {
            List<HashSet<RequiredNode>> clauses = [];
            foreach (var predicate in predicates) clauses = And(clauses, Of(predicate));

            return clauses;
        }
    }

    private static List<HashSet<RequiredNode>> And(List<HashSet<RequiredNode>> left, List<HashSet<RequiredNode>> right)
    {
        if (right.Count == 0) return left;
        if (left.Count == 0) return right;
        var result = new List<HashSet<RequiredNode>>(left);
        foreach (var clause in right) Add(result, clause);
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
                if (result.Count == MaxClauses) return result;
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
