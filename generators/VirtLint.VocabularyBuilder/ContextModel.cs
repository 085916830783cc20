namespace VirtLint.VocabularyBuilder;

/// <summary>The per-context model of one document kind: every context an element can be checked in.</summary>
public sealed class KindContextModel(string kind, IReadOnlyList<SchemaContext> contexts)
{
    /// <summary>The name of the context standing for the document itself: its children are the root elements.</summary>
    public const string DocumentContext = "/";

    public string Kind { get; } = kind;

    /// <summary>The document context first, then the others sorted ordinally by name.</summary>
    public IReadOnlyList<SchemaContext> Contexts { get; } = contexts;
}

/// <summary>
/// What an element may hold in one context. Named after the first element path that reaches it, e.g.
/// <c>domain/devices/disk</c>, or <c>domain/devices/disk[@type='file']</c> (<c>[not(@type)]</c>) for the narrower context an
/// element enters when its discriminating attribute has that value (is missing). Child and case targets are context names.
/// </summary>
public sealed class SchemaContext(string name)
{
    public string Name { get; } = name;

    /// <summary>The discriminating attribute, when some of its values narrow the context (see <see cref="Cases"/>).</summary>
    public string? Switch { get; set; }

    /// <summary>Discriminator value → the narrower context an element with that value is checked in.</summary>
    public SortedDictionary<string, string> Cases { get; } = new(StringComparer.Ordinal);

    /// <summary>The narrower context of an element that does not have the discriminating attribute, if any.</summary>
    public string? AbsentCase { get; set; }

    public SortedDictionary<string, ValueSet> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Any attribute name (with any value) is allowed; <see cref="Attributes"/> is then left empty.</summary>
    public bool AnyAttribute { get; set; }

    /// <summary>Child element name → the context the child is checked in.</summary>
    public SortedDictionary<string, string> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Any child element is allowed, and none is checked; <see cref="Children"/> is then left empty.</summary>
    public bool AnyChild { get; set; }

    /// <summary>The closed set of values the element's text may take, or null when it is not enumerated.</summary>
    public ValueSet? Text { get; set; }
}
