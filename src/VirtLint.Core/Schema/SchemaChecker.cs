using System.Xml.Linq;

namespace VirtLint.Core.Schema;

/// <summary>
/// Checks one document kind against its <see cref="SchemaModel"/>, reporting one <see cref="SchemaAspect"/>. The
/// document is walked once, top down in document order, along the tree's own links (deep documents need no call
/// stack): each element is looked up in its parent's context and checked in its own, narrowed by its discriminating
/// attribute when the model has one. Elements and attributes in a namespace (<c>qemu:commandline</c>, <c>xmlns</c>
/// declarations), the inside of open elements (<c>&lt;metadata&gt;</c>) and the inside of unknown elements are not checked.
/// </summary>
public sealed class SchemaChecker(RuleDescriptor descriptor, DocumentKind kind, SchemaAspect aspect, Func<SchemaModel> model) : RuleChecker
{
    public override RuleDescriptor Descriptor => descriptor;

    public override DocumentKind Kind => kind;

    public SchemaAspect Aspect => aspect;

    /// <summary>The model this check walks, obtained on first use.</summary>
    internal SchemaModel Model => model();

    public override void Check(CheckContext context)
    {
        foreach (var problem in SchemaProblems.Of(context.Document, model))
        {
            if (problem.Aspect != aspect) continue;
            if (problem.Node is { } node) context.Report(node, problem.Message);
            else context.Report(problem.Span, problem.Message);
        }
    }

    /// <summary>
    /// Every aspect's problems in one walk of the document: the three schema rules of a kind walk the same elements
    /// through the same look-ups, so the first of them to run on a document walks it for all three. With
    /// <paramref name="marks"/>, the same walk also marks the required nodes the document has, walking apart only what
    /// the schema does not look into.
    /// </summary>
    internal static List<SchemaProblem> Walk(LintDocument document, SchemaModel schema, RequiredNodeMarks? marks = null)
    {
        var problems = new List<SchemaProblem>();
        var root = document.Root;
        if (root.Name.Namespace != XNamespace.None || !schema.TryGetChild(SchemaModel.DocumentContext, root.Name.LocalName, out var rootContext))
        {
            marks?.MarkSubtree(root);
            return problems; // the loader only classifies documents whose root the model knows
        }

        new SchemaWalk(document, schema, problems, marks).Run(root, rootContext);
        return problems;
    }
}

/// <summary>A schema problem of one aspect: at a node, or (text values) at a span.</summary>
internal readonly record struct SchemaProblem(SchemaAspect Aspect, XObject? Node, SourceSpan Span, string Message);

/// <summary>
/// The schema problems of the document a thread is checking, walked once for the three schema rules of its kind.
/// Kept per thread (a document is checked on one thread, its rules one after another) for that document only.
/// </summary>
internal static class SchemaProblems
{
    [ThreadStatic] private static LintDocument? t_document;
    [ThreadStatic] private static SchemaModel? t_schema;
    [ThreadStatic] private static List<SchemaProblem>? t_problems;

    public static List<SchemaProblem> Of(LintDocument document, Func<SchemaModel> model)
    {
        var schema = model();
        if (ReferenceEquals(t_document, document) && ReferenceEquals(t_schema, schema) && t_problems is { } known) return known;
        return Walk(document, schema, null);
    }

    /// <summary>Walks the document for its schema problems, kept for its schema checks, marking required nodes on the way.</summary>
    public static List<SchemaProblem> Walk(LintDocument document, SchemaModel schema, RequiredNodeMarks? marks)
    {
        var problems = SchemaChecker.Walk(document, schema, marks);
        (t_document, t_schema, t_problems) = (document, schema, problems);
        return problems;
    }

    /// <summary>Drops the thread's document and its problems (see <see cref="CheckContext.Finish"/>).</summary>
    public static void Forget() => (t_document, t_schema, t_problems) = (null, null, null);
}

/// <summary>
/// Where an element is checked: its context, and the nearest element whose attribute narrowed it, with that
/// attribute's name (its label is made only for a message: most documents have no schema problem, and many elements
/// are narrowed).
/// </summary>
internal readonly record struct Place(int Context, XElement? NarrowedBy, XName? NarrowingAttribute)
{
    /// <summary>
    /// The context <paramref name="element"/> would have if no discriminating attribute had narrowed anything on its
    /// way (the union), or <see cref="SchemaModel.None"/>: messages compare with it to tell whether the narrowing is what
    /// made a name or value wrong. Worked out from the root only for a message, instead of for every element walked.
    /// </summary>
    public static int UnionOf(SchemaModel schema, XElement element)
    {
        var names = new Stack<XName>();
        for (var current = element; current is not null; current = current.Parent) names.Push(current.Name);
        var context = SchemaModel.DocumentContext;
        foreach (var name in names)
        {
            if (!schema.TryGetChild(context, name, out context)) return SchemaModel.None;
        }

        return context;
    }

    public Narrowing? Narrowing => NarrowedBy is null
        ? null
        : new Narrowing(NarrowedBy, NarrowingAttribute!.LocalName, NarrowedBy.Attribute(NarrowingAttribute) is { } found ? Tokens.Normalize(found.Value) : null);
}

/// <summary>An element whose discriminating attribute narrowed its context: named in messages about it and its descendants.</summary>
internal sealed record Narrowing(XElement Element, string Attribute, string? Value)
{
    public string Label => Value is null
        ? $"<{Element.Name.LocalName}> without '{Attribute}'"
        : $"<{Element.Name.LocalName} {Attribute}='{SchemaMessages.Shorten(Value)}'>";
}
