namespace VirtLint.Core;

/// <summary>The kinds of libvirt document VirtLint understands, named after their root element.</summary>
public enum DocumentKind
{
    Domain,
    Pool,
    Volume,
    Network,
}

public static class DocumentKinds
{
    public static string ToName(this DocumentKind kind) => kind switch
    {
        DocumentKind.Domain => "domain",
        DocumentKind.Pool => "pool",
        DocumentKind.Volume => "volume",
        _ => "network",
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
