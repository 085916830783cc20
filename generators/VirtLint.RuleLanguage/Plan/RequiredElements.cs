using System.Collections.Generic;
using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// The element names a check's context path cannot select anything without: every named step of a path from the
/// document or its root element, except attribute steps, yields only elements of that name, so a document with no
/// such element has no context node and the check has nothing to report. The engine skips a check on a document
/// missing one of them instead of walking to the empty answer (most rules are about elements most documents lack).
/// </summary>
internal static class RequiredElements
{
    public static EquatableArray<string> Of(Expr context)
    {
        if (context is not PathExpr { Origin: PathOrigin.Document or PathOrigin.Context } path) return EquatableArray<string>.Empty;
        var names = new List<string>();
        foreach (var step in path.Steps)
        {
            // A prefixed name belongs to a namespace the engine's name set would have to resolve: leave it to the walk.
            if (step.Test != NodeTest.Name || step.Axis == Axis.Attribute || step.Name.IndexOf(':') >= 0) continue;
            if (!names.Contains(step.Name)) names.Add(step.Name);
        }

        return new EquatableArray<string>(names);
    }
}
