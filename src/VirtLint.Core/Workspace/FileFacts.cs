using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>
/// What one file contributes to the workspace, gathered on the worker that linted it while its trees were alive: its
/// documents and, for each cross-document rule, the facts they gave in document order. Merged into
/// <see cref="WorkspaceFacts"/> in report order.
/// </summary>
public sealed class FileFacts
{
    internal FileFacts(FactDocument[] documents, List<FileFact>?[] byRule, IReadOnlyList<DocumentKind> kinds)
    {
        Documents = documents;
        ByRule = byRule;
        Kinds = kinds;
    }

    /// <summary>The file's documents; a volume's <see cref="FactDocument.Pool"/> indexes this array.</summary>
    internal FactDocument[] Documents { get; }

    /// <summary>For each rule (by index), its facts from this file; null when it has none.</summary>
    internal List<FileFact>?[] ByRule { get; }

    /// <summary>The kinds of document the file holds.</summary>
    public IReadOnlyList<DocumentKind> Kinds { get; }
}

/// <summary>A document facts came from: its file, its kind, the pool a node file nests it in (an index, -1 for none) and its host (the node file, if any).</summary>
internal readonly record struct FactDocument(FactSource Source, DocumentKind Kind, int Pool, string? Host);

/// <summary>One fact as a rule gave it: its document (an index into the file's documents), shape, values and the node's span.</summary>
internal readonly record struct FileFact(int Document, XName Element, XName[] Names, string[] Values, SourceSpan Span, bool IsAttribute);
