namespace VirtLint.RuleLanguage.Expressions;

/// <summary>
/// Which expressions have one value per document: those that read the document only through absolute paths and use
/// no <c>let</c> variable (parameters are fixed for a run). Such a value can be computed once instead of once per
/// context node, and an index over such a node-set can be built once.
/// </summary>
public static class ContextIndependence
{
    /// <summary>Whether the expression's value is the same for every context node of a document.</summary>
    public static bool IsContextFree(Expr expr) => expr switch
    {
        StringLiteral or NumberLiteral => true,
        VariableRef variable => variable.Kind == VariableKind.Parameter,
        // Indexed look-ups read the context node without naming it.
        FunctionCall call => FunctionTable.TryGet(call.Function, out var signature) && signature.PerNodeArguments.Length > 0
            ? false
            : All(call.Arguments, IsContextFree),
        BinaryExpr binary => IsContextFree(binary.Left) && IsContextFree(binary.Right),
        NegateExpr negate => IsContextFree(negate.Operand),
        UnionExpr union => IsContextFree(union.Left) && IsContextFree(union.Right),
        // Predicates see their own step's node, so only their let variables tie them to the context node.
        FilterExpr filter => IsContextFree(filter.Source) && !Any(filter.Predicates, ReferencesLet),
        PathExpr path => path.Origin switch
        {
            PathOrigin.Document => !StepsReferenceLet(path),
            PathOrigin.Expression => IsContextFree(path.Source!) && !StepsReferenceLet(path),
            _ => false,
        },
        _ => false,
    };

    /// <summary>Whether an absolute path occurs anywhere in the expression.</summary>
    public static bool ReadsDocument(Expr expr) => expr switch
    {
        FunctionCall call => Any(call.Arguments, ReadsDocument),
        BinaryExpr binary => ReadsDocument(binary.Left) || ReadsDocument(binary.Right),
        NegateExpr negate => ReadsDocument(negate.Operand),
        UnionExpr union => ReadsDocument(union.Left) || ReadsDocument(union.Right),
        FilterExpr filter => ReadsDocument(filter.Source),
        PathExpr path => path.Origin == PathOrigin.Document || (path.Source is not null && ReadsDocument(path.Source)),
        _ => false,
    };

    /// <summary>Whether a <c>let</c> variable, whose value belongs to one context node, occurs anywhere in the expression.</summary>
    public static bool ReferencesLet(Expr expr) => expr switch
    {
        VariableRef variable => variable.Kind == VariableKind.Let,
        FunctionCall call => Any(call.Arguments, ReferencesLet),
        BinaryExpr binary => ReferencesLet(binary.Left) || ReferencesLet(binary.Right),
        NegateExpr negate => ReferencesLet(negate.Operand),
        UnionExpr union => ReferencesLet(union.Left) || ReferencesLet(union.Right),
        FilterExpr filter => ReferencesLet(filter.Source) || Any(filter.Predicates, ReferencesLet),
        PathExpr path => (path.Source is not null && ReferencesLet(path.Source)) || StepsReferenceLet(path),
        _ => false,
    };

    private static bool StepsReferenceLet(PathExpr path)
    {
        foreach (var step in path.Steps)
            if (Any(step.Predicates, ReferencesLet)) return true;
        return false;
    }

    private static bool Any(EquatableArray<Expr> expressions, System.Func<Expr, bool> test)
    {
        foreach (var expr in expressions)
            if (test(expr)) return true;
        return false;
    }

    private static bool All(EquatableArray<Expr> expressions, System.Func<Expr, bool> test) => !Any(expressions, e => !test(e));
}
