using System.Collections.Generic;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>
/// Binds the indexed look-ups (<c>first-with-same</c>, <c>first-with-key</c>, <c>first-overlapping-cpuset</c>,
/// <c>first-ip-range-containing</c>). Their index
/// is built once per document, so what it is built from must not depend on the context node: the node-set is an
/// absolute path and the per-node arguments use no <c>let</c> variable. Keys compare as numbers when the key is a
/// number (NaN is no key), else as strings.
/// </summary>
internal static class IndexedLookup
{
    public static Expr Bind(FunctionSignature signature, List<Expr> bound, List<Token> starts)
    {
        if (!ContextIndependence.IsContextFree(bound[0]))
            throw Error($"{signature.Name}() indexes its first argument once per document, so it must be an absolute path such as /domain/devices/disk, without let variables", starts[0]);
        for (var i = 1; i < bound.Count; i++)
        {
            if (signature.IsPerNodeArgument(i) && ContextIndependence.ReferencesLet(bound[i]))
                throw Error($"{signature.Name}() evaluates argument {i + 1} on each node of its first argument, so it cannot use let variables", starts[i]);
        }

        if (signature.Name is "first-with-same" or "first-with-key" or "all-with-key" or "first-with-same-elsewhere")
        {
            var keyType = bound[1].Type == ValueType.Number ? ValueType.Number : ValueType.String;
            bound[1] = ExpressionParser.Convert(bound[1], keyType, starts[1]);
            if (signature.Name is "first-with-key" or "all-with-key") bound[2] = ExpressionParser.Convert(bound[2], keyType, starts[2]);
        }

        return new FunctionCall(signature.Name, new EquatableArray<Expr>(bound), signature.Result);
    }

    private static ExpressionException Error(string message, Token at) => new(DiagnosticIds.ExpressionType, message, at.Offset, at.Length);
}
