using System.Xml;
using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Schema;

/// <summary>
/// One walk of a document for <see cref="SchemaChecker"/>: every element the model knows, in document order, along the
/// tree's links (first child, next sibling, parent), so the walk writes nothing to the heap per element. What an
/// element's ancestors decided (the context each was checked in, and which of them narrowed it) is kept per depth in
/// a thread's arrays of integers; the element that narrowed a context and its attribute are worked out from them only
/// for a message.
/// </summary>
internal readonly struct SchemaWalk(LintDocument document, SchemaModel schema, List<SchemaProblem> problems, RequiredNodeMarks? marks)
{
    // One set of per-depth arrays per thread, reused across documents (a thread checks one document at a time); arrays
    // grown by an unusually deep document are dropped rather than kept for the thread's lifetime.
    [ThreadStatic] private static Depths? t_depths;

    /// <summary>Walks <paramref name="root"/>, looked up as <paramref name="rootContext"/>, and everything the model knows below it.</summary>
    public void Run(XElement root, int rootContext)
    {
        var depths = t_depths ??= new Depths();
        var element = root;
        var depth = 0;
        depths.LookedUp[0] = rootContext;
        while (true)
        {
            if (Visit(depths, element, depth) && FirstKnown(depths, element.FirstNode, element, depth) is { } child)
            {
                element = child;
                depth++;
                continue;
            }

            // Up until an ancestor has a next sibling the model knows; the walk ends back at the root.
            while (true)
            {
                if (depth == 0)
                {
                    if (depths.LookedUp.Length > Depths.MaxRetained) t_depths = null;
                    return;
                }

                // The parent's inside is checked: the walk came down to this element.
                var parent = element.Parent!;
                if (FirstKnown(depths, element.NextNode, parent, depth - 1) is { } sibling)
                {
                    element = sibling;
                    break;
                }

                element = parent;
                depth--;
            }
        }
    }

    /// <summary>
    /// Checks the element at <paramref name="depth"/> (its looked-up context set) and marks it; false when its inside
    /// is not checked (an open element, whose descendants are marked here).
    /// </summary>
    private bool Visit(Depths depths, XElement element, int depth)
    {
        var lookedUp = depths.LookedUp[depth];
        var context = lookedUp;
        var narrowedAt = depth == 0 ? -1 : depths.NarrowedAt[depth - 1];
        if (schema.SwitchAttributeName(lookedUp) is { } attribute)
        {
            var value = element.Attribute(attribute)?.Value;
            context = schema.Narrow(lookedUp, value);
            // A value the model lists as written needs no normalising (its values are normalised tokens).
            if (context == lookedUp && value is not null && Tokens.Normalize(value) is var normalized && !ReferenceEquals(normalized, value))
                context = schema.Narrow(lookedUp, normalized);
            if (context != lookedUp) narrowedAt = depth;
        }

        depths.Contexts[depth] = context;
        depths.NarrowedAt[depth] = narrowedAt;
        CheckAttributes(depths, element, depth, context);
        marks?.Mark(element);
        if (!schema.AllowsAnyChild(context)) return true;
        marks?.MarkDescendants(element);
        return false;
    }

    /// <summary>
    /// The first element from <paramref name="node"/> on that the model knows as a child of <paramref name="parent"/>
    /// (at <paramref name="parentDepth"/>), with its looked-up context stored for the depth below; the unknown ones
    /// before it are reported and marked whole. Null when there is none. Asked only of a parent whose inside is checked.
    /// </summary>
    private XElement? FirstKnown(Depths depths, XNode? node, XElement parent, int parentDepth)
    {
        var context = depths.Contexts[parentDepth];
        for (; node is not null; node = node.NextNode)
        {
            if (ElementTest.AsElement(node) is not { } child)
                continue;
            var name = child.Name;
            // The model's names have no namespace: a name it knows is one; the namespace is asked only of the others.
            if (schema.TryGetChild(context, name, out var childContext))
            {
                depths.Reserve(parentDepth + 1);
                depths.LookedUp[parentDepth + 1] = childContext;
                return child;
            }

            if (name.Namespace == XNamespace.None)
                problems.Add(new(SchemaAspect.UnknownElement, child, default, SchemaMessages.UnknownElement(schema, PlaceOf(depths, parent, parentDepth), parent, name.LocalName)));
            marks?.MarkSubtree(child);
        }

        return null;
    }

    private void CheckAttributes(Depths depths, XElement element, int depth, int context)
    {
        if (!schema.AllowsAnyAttribute(context))
        {
            for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
            {
                // The model's names have no namespace: whether an attribute is checked at all is asked only of the names it lacks.
                if (!schema.TryGetAttribute(context, attribute.Name, out var values))
                {
                    if (IsChecked(attribute))
                        problems.Add(new(SchemaAspect.UnknownAttribute, attribute, default, SchemaMessages.UnknownAttribute(schema, PlaceOf(depths, element, depth), element, attribute.Name.LocalName)));
                    continue;
                }

                if (values == SchemaModel.None || schema.Contains(values, attribute.Value)) continue;
                var value = Tokens.Normalize(attribute.Value);
                if (!schema.Contains(values, value))
                    problems.Add(new(SchemaAspect.ValueNotInEnumeration, attribute, default, SchemaMessages.AttributeValue(schema, PlaceOf(depths, element, depth), values, element, attribute.Name.LocalName, value)));
            }
        }

        // Text is checked only where it is the element's whole content; an empty element is left to libvirt.
        var textValues = schema.TextValueSet(context);
        if (textValues == SchemaModel.None || element.HasElements)
            return;
        var text = Tokens.Normalize(Xp.StringValue(element));
        if (text.Length > 0 && !schema.Contains(textValues, text))
            problems.Add(new(SchemaAspect.ValueNotInEnumeration, null, TextSpan(element), SchemaMessages.TextValue(schema, PlaceOf(depths, element, depth), textValues, element, text)));
    }

    /// <summary>Where the element at <paramref name="depth"/> was checked, with the ancestor (or itself) that narrowed it: for a message.</summary>
    private Place PlaceOf(Depths depths, XElement element, int depth)
    {
        var narrowedAt = depths.NarrowedAt[depth];
        if (narrowedAt < 0) return new Place(depths.Contexts[depth], null, null);
        var narrowedBy = element;
        for (var d = depth; d > narrowedAt; d--) narrowedBy = narrowedBy.Parent!;
        return new Place(depths.Contexts[depth], narrowedBy, schema.SwitchAttributeName(depths.LookedUp[narrowedAt]));
    }

    private static bool IsChecked(XAttribute attribute) => !attribute.IsNamespaceDeclaration && attribute.Name.Namespace == XNamespace.None;

    /// <summary>The span of the element's text without surrounding whitespace, on the line where it starts.</summary>
    private SourceSpan TextSpan(XElement element)
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

    /// <summary>
    /// Per depth of the elements being walked: the context each was looked up in, the context it was checked in
    /// (narrowed), and the depth of the nearest element on its way whose attribute narrowed it (-1: none).
    /// </summary>
    private sealed class Depths
    {
        public const int MaxRetained = 4096;

        public int[] LookedUp = new int[64];
        public int[] Contexts = new int[64];
        public int[] NarrowedAt = new int[64];

        /// <summary>Makes room for <paramref name="depth"/>.</summary>
        public void Reserve(int depth)
        {
            if (depth < LookedUp.Length) return;
            var length = LookedUp.Length * 2;
            Array.Resize(ref LookedUp, length);
            Array.Resize(ref Contexts, length);
            Array.Resize(ref NarrowedAt, length);
        }
    }
}
