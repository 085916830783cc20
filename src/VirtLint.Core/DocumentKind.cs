namespace VirtLint.Core;

/// <summary>The kinds of libvirt document VirtLint understands, named after their root element.</summary>
public enum DocumentKind
{
    Domain,
    Pool,
    Volume,
    Network,

    /// <summary>Not a file: the facts every document of a run contributes, checked by cross-document rules.</summary>
    Workspace,
}

public static class DocumentKinds
{
    public static string ToName(this DocumentKind kind) => kind switch
    {
        DocumentKind.Domain => "domain",
        DocumentKind.Pool => "pool",
        DocumentKind.Volume => "volume",
        DocumentKind.Network => "network",
        _ => "workspace",
    };

    /// <summary>Classifies a document by the local name of its root element.</summary>
    public static DocumentKind? FromRootElement(string localName) => localName switch
    {
        "domain" => DocumentKind.Domain,
        "pool" => DocumentKind.Pool,
        "volume" => DocumentKind.Volume,
        "network" => DocumentKind.Network,
        _ => null,
    };
}
