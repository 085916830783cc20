using System.Xml;
using System.Xml.Linq;

namespace VirtLint.Core.Schema;

/// <summary>
/// Checks one document kind against its <see cref="SchemaModel"/>, reporting one <see cref="SchemaAspect"/>. The
/// document is walked once, top down, with an explicit stack (deep documents cannot overflow it): each element is
/// looked up in its parent's context and checked in its own, narrowed by its discriminating attribute when the model
/// has one. Elements and attributes in a namespace (<c>qemu:commandline</c>, <c>xmlns</c> declarations), the inside of
/// open elements (<c>&lt;metadata&gt;</c>) and the inside of unknown elements are not checked.
/// </summary>
public sealed class SchemaChecker(RuleDescriptor descriptor, DocumentKind kind, SchemaAspect aspect, Func<SchemaModel> model) : RuleChecker
{
    // One work stack per thread, reused across documents: documents are linted in parallel, each on one thread.
    // A stack grown by an unusually wide document is dropped rather than kept for the thread's lifetime.
    [ThreadStatic]
    private static Stack<Pending>? t_pending;

    private const int MaxRetainedEntries = 4096;

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

        var pending = t_pending ??= new Stack<Pending>();
        pending.Clear();
        pending.Push(new Pending(root, new Place(rootContext, null, null)));
        var peak = 0;
        try
        {
            peak = Walk(document, schema, pending, problems, marks);
        }
        finally
        {
            pending.Clear(); // drops the references to the document
            if (peak > MaxRetainedEntries) t_pending = null;
        }

        return problems;
    }

    /// <summary>Checks every element on and below the stack; returns the most elements the stack held at once.</summary>
    private static int Walk(LintDocument document, SchemaModel schema, Stack<Pending> pending, List<SchemaProblem> problems, RequiredNodeMarks? marks)
    {
        var peak = pending.Count;
        while (pending.TryPop(out var item))
        {
            var element = item.Element;
            var place = Narrow(schema, item.Place, element);
            CheckAttributes(document, schema, place, element, problems);
            marks?.Mark(element);

            if (schema.AllowsAnyChild(place.Context))
            {
                marks?.MarkDescendants(element);
                continue;
            }
            // The node and attribute lists are walked as linked lists: no enumerator per element.
            for (var node = element.FirstNode; node is not null; node = node.NextNode)
            {
                if (XPath.ElementTest.AsElement(node) is not { } child)
                    continue;
                var name = child.Name;
                // The model's names have no namespace: a name it knows is one; the namespace is asked only of the others.
                if (schema.TryGetChild(place.Context, name, out var childContext))
                {
                    pending.Push(new Pending(child, place with { Context = childContext }));
                    peak = Math.Max(peak, pending.Count);
                }
                else
                {
                    if (name.Namespace == XNamespace.None)
                        problems.Add(new(SchemaAspect.UnknownElement, child, default, SchemaMessages.UnknownElement(schema, place, element, name.LocalName)));
                    marks?.MarkSubtree(child);
                }
            }
        }

        return peak;
    }

    /// <summary>The place after the element's discriminating attribute, and what narrowed it (for messages).</summary>
    private static Place Narrow(SchemaModel schema, Place place, XElement element)
    {
        var attribute = schema.SwitchAttributeName(place.Context);
        if (attribute is null)
            return place;
        var value = element.Attribute(attribute)?.Value;
        var narrowed = schema.Narrow(place.Context, value);
        // A value the model lists as written needs no normalising (its values are normalised tokens).
        if (narrowed == place.Context && value is not null && Tokens.Normalize(value) is var normalized && !ReferenceEquals(normalized, value))
            narrowed = schema.Narrow(place.Context, normalized);
        return narrowed == place.Context ? place : place with { Context = narrowed, NarrowedBy = element, NarrowingAttribute = attribute };
    }

    private static void CheckAttributes(LintDocument document, SchemaModel schema, Place place, XElement element, List<SchemaProblem> problems)
    {
        if (!schema.AllowsAnyAttribute(place.Context))
        {
            for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
            {
                // The model's names have no namespace: whether an attribute is checked at all is asked only of the names it lacks.
                if (!schema.TryGetAttribute(place.Context, attribute.Name, out var values))
                {
                    if (IsChecked(attribute))
                        problems.Add(new(SchemaAspect.UnknownAttribute, attribute, default, SchemaMessages.UnknownAttribute(schema, place, element, attribute.Name.LocalName)));
                    continue;
                }

                if (values == SchemaModel.None || schema.Contains(values, attribute.Value)) continue;
                var value = Tokens.Normalize(attribute.Value);
                if (!schema.Contains(values, value))
                    problems.Add(new(SchemaAspect.ValueNotInEnumeration, attribute, default, SchemaMessages.AttributeValue(schema, place, values, element, attribute.Name.LocalName, value)));
            }
        }

        // Text is checked only where it is the element's whole content; an empty element is left to libvirt.
        var textValues = schema.TextValueSet(place.Context);
        if (textValues == SchemaModel.None || element.HasElements)
            return;
        var text = Tokens.Normalize(XPath.Xp.StringValue(element));
        if (text.Length > 0 && !schema.Contains(textValues, text))
            problems.Add(new(SchemaAspect.ValueNotInEnumeration, null, TextSpan(document, element), SchemaMessages.TextValue(schema, place, textValues, element, text)));
    }

    private static bool IsChecked(XAttribute attribute) => !attribute.IsNamespaceDeclaration && attribute.Name.Namespace == XNamespace.None;

    /// <summary>The span of the element's text without surrounding whitespace, on the line where it starts.</summary>
    private static SourceSpan TextSpan(LintDocument document, XElement element)
    {
        var text = element.Nodes().OfType<XText>().FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Value));
        if (text is not IXmlLineInfo info || !info.HasLineInfo())
            return document.SpanOf(element);

        // The leading whitespace of the node's value (line breaks already normalised to \n) says where the value starts.
        var line = info.LineNumber;
        var column = info.LinePosition;
        foreach (var c in text.Value)
        {
            if (!char.IsWhiteSpace(c)) break;
            if (c == '\n') (line, column) = (line + 1, 1);
            else column++;
        }

        var source = document.LineText(line);
        var end = column;
        while (end <= source.Length && source[end - 1] != '<') end++;
        while (end > column + 1 && char.IsWhiteSpace(source[end - 2])) end--;
        return new SourceSpan(line, column, line, Math.Max(end, column + 1));
    }

    private readonly record struct Pending(XElement Element, Place Place);
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
