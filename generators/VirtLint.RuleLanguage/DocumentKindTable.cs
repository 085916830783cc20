using System;
using System.Collections.Generic;

namespace VirtLint.RuleLanguage;

/// <summary>
/// What a rule checks: one libvirt document kind, every document of a run together (<see cref="Workspace"/>), or the
/// engine's own findings (<see cref="Document"/>). The first five values are VirtLint.Core's <c>DocumentKind</c>.
/// </summary>
#if VIRTLINT_CORE
internal
#else
public
#endif
enum RuleTarget
{
    Domain,
    Pool,
    Volume,
    Network,
    Workspace,
    Document,
}

/// <summary>One row of <see cref="DocumentKindTable"/>.</summary>
#if VIRTLINT_CORE
internal
#else
public
#endif
sealed class DocumentKindInfo
{
    public DocumentKindInfo(RuleTarget target, string name, string? rootElement, bool isLibvirtDocument, char idDigit, string[] keyElements)
    {
        Target = target;
        Name = name;
        RootElement = rootElement;
        IsLibvirtDocument = isLibvirtDocument;
        IdDigit = idDigit;
        KeyElements = keyElements;
    }

    public RuleTarget Target { get; }

    /// <summary>The name a rule file's <c>target:</c>, <c>facts:</c> and <c>requires:</c> use, and reports print.</summary>
    public string Name { get; }

    /// <summary>The root element a check's paths start from; null for engine-reported rules, which have no check.</summary>
    public string? RootElement { get; }

    /// <summary>
    /// True for a document a file holds, classified by its root element: it is linted on its own, contributes facts to
    /// cross-document rules and can be required by them.
    /// </summary>
    public bool IsLibvirtDocument { get; }

    /// <summary>The first digit of a built-in rule's id (rules/README.md: VL1xxx are domain rules, ...).</summary>
    public char IdDigit { get; }

    /// <summary>The child elements whose text names a document of this kind, the first one present winning (libvirt's natural key).</summary>
    public IReadOnlyList<string> KeyElements { get; }
}

/// <summary>
/// The one table of document kinds: the rule language, the generator and (compiled into VirtLint.Core, as EditDistance
/// is) the engine's <c>DocumentKind</c> all read it, so a kind is named, rooted and numbered in one place.
/// </summary>
#if VIRTLINT_CORE
internal
#else
public
#endif
static class DocumentKindTable
{
    /// <summary>Every kind, indexed by <see cref="RuleTarget"/>.</summary>
    public static readonly DocumentKindInfo[] All =
    {
        new(RuleTarget.Domain, "domain", "domain", isLibvirtDocument: true, '1', new[] { "name" }),
        new(RuleTarget.Pool, "pool", "pool", isLibvirtDocument: true, '2', new[] { "name" }),
        // A volume's key is unique on its host (usually its path); the name only within its pool.
        new(RuleTarget.Volume, "volume", "volume", isLibvirtDocument: true, '3', new[] { "key", "name" }),
        new(RuleTarget.Network, "network", "network", isLibvirtDocument: true, '4', new[] { "name" }),
        new(RuleTarget.Workspace, "workspace", "workspace", isLibvirtDocument: false, '5', Array.Empty<string>()),
        new(RuleTarget.Document, "document", null, isLibvirtDocument: false, '0', Array.Empty<string>()),
    };

    public static DocumentKindInfo Of(RuleTarget target) => All[(int)target];

    /// <summary>The kind named <paramref name="name"/> (<c>domain</c>, <c>workspace</c>, ...), or null.</summary>
    public static DocumentKindInfo? Named(string? name)
    {
        foreach (var kind in All)
            if (kind.Name == name) return kind;
        return null;
    }

    /// <summary>The libvirt document kind whose root element is <paramref name="localName"/>, or null for any other XML.</summary>
    public static DocumentKindInfo? OfRootElement(string localName)
    {
        foreach (var kind in All)
            if (kind.IsLibvirtDocument && kind.RootElement == localName) return kind;
        return null;
    }

    /// <summary>Every target name, in table order: what a rule file's <c>target:</c> accepts.</summary>
    public static string[] TargetNames => Names(libvirtDocumentsOnly: false);

    /// <summary>The libvirt document kinds' names, in table order: what <c>facts:</c> and <c>requires:</c> accept.</summary>
    public static string[] LibvirtDocumentNames => Names(libvirtDocumentsOnly: true);

    private static string[] Names(bool libvirtDocumentsOnly)
    {
        var names = new List<string>();
        foreach (var kind in All)
            if (!libvirtDocumentsOnly || kind.IsLibvirtDocument) names.Add(kind.Name);
        return names.ToArray();
    }
}
