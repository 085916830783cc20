using VirtLint.RuleLanguage;

namespace VirtLint.Core;

/// <summary>
/// The kinds of libvirt document VirtLint understands, named after their root element: the rule language's table of
/// document kinds (<see cref="DocumentKindTable"/>) numbers, names and roots them.
/// </summary>
public enum DocumentKind
{
    Domain = (int)RuleTarget.Domain,
    Pool = (int)RuleTarget.Pool,
    Volume = (int)RuleTarget.Volume,
    Network = (int)RuleTarget.Network,

    /// <summary>Not a file: the facts every document of a run contributes, checked by cross-document rules.</summary>
    Workspace = (int)RuleTarget.Workspace,
}

public static class DocumentKinds
{
    /// <summary>The target of the rules the engine reports itself (VL0001, ...): they have no checker.</summary>
    public static string EngineTarget { get; } = DocumentKindTable.Of(RuleTarget.Document).Name;

    public static string ToName(this DocumentKind kind) => DocumentKindTable.Of((RuleTarget)kind).Name;

    /// <summary>Classifies a document by the local name of its root element.</summary>
    public static DocumentKind? FromRootElement(string localName) =>
        DocumentKindTable.OfRootElement(localName) is { } kind ? (DocumentKind)kind.Target : null;
}
