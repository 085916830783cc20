using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// Splits a libvirt test-driver node file (root <c>&lt;node&gt;</c>, read by <c>testOpenParse</c> in libvirt's
/// src/test/test_driver.c) into the documents it defines: each <c>/node/domain</c>, <c>/node/network</c> and
/// <c>/node/pool</c>, and each <c>volume</c> child of a pool (<c>testOpenVolumesForPool</c>). Node information
/// (<c>cpu</c>, <c>memory</c>), interfaces, node devices, users and anything else are not linted.
/// </summary>
/// <remarks>
/// Each inner element is detached from the node file's tree, with its line info, and becomes the root of its own
/// <see cref="XDocument"/>: absolute paths in rules start at it, and a pool's tree no longer holds its volumes. The
/// comments just before an inner element go with it, so a suppression comment there works as it does at the top of
/// a standalone file; the rest stays in the node, with the elements that are not linted. The documents share the
/// file's text and line map, so findings point into the node file.
/// Elements with a <c>file</c> attribute are skipped: the test driver replaces them with the root of that other file
/// (<c>testParseXMLDocFromFile</c>), which is linted when it is given on its own.
/// </remarks>
internal static class NodeFileSplitter
{
    public static bool IsNode(XElement root) => root.Name == "node";

    public static List<LintDocument> Split(string path, string text, int[] lineStarts, XElement node)
    {
        var documents = new List<LintDocument>();
        var comments = new List<XComment>();
        foreach (var child in Detach(node))
        {
            if (child is XComment comment)
            {
                comments.Add(comment);
                continue;
            }

            if (child is not XElement element) continue;
            var kind = KindOf(element);
            if (kind is null || element.Attribute("file") is not null)
            {
                Keep(node, comments, element);
                continue;
            }

            var volumes = kind == DocumentKind.Pool ? DetachVolumes(element) : [];
            var document = Document(path, text, lineStarts, comments, element, kind.Value, pool: null);
            documents.Add(document);
            foreach (var (volumeComments, volume) in volumes)
                documents.Add(Document(path, text, lineStarts, volumeComments, volume, DocumentKind.Volume, pool: document));
            comments.Clear();
        }

        Keep(node, comments, null);
        return documents;
    }

    /// <summary>
    /// Puts an element that is not linted back into the emptied node, with the comments before it (or the comments
    /// after the last element): suppression comments there are still read, and reported when they cover nothing.
    /// </summary>
    private static void Keep(XElement node, List<XComment> comments, XElement? element)
    {
        foreach (var comment in comments) node.Add(comment);
        comments.Clear();
        if (element is not null) node.Add(element);
    }

    private static LintDocument Document(string path, string text, int[] lineStarts, List<XComment> comments, XElement root, DocumentKind kind, LintDocument? pool)
    {
        var xml = new XDocument();
        foreach (var comment in comments) xml.Add(comment);
        xml.Add(root);
        return new LintDocument(path, text, xml, kind, lineStarts) { NodeFile = path, Pool = pool };
    }

    // Top-level domains, networks and pools only: a volume is a document only inside a pool.
    private static DocumentKind? KindOf(XElement element) =>
        element.Name.Namespace == XNamespace.None && DocumentKinds.FromRootElement(element.Name.LocalName) is { } kind && kind != DocumentKind.Volume
            ? kind
            : null;

    /// <summary>
    /// Takes the pool's <c>volume</c> children out of its tree, each with the comments just before it; the pool keeps
    /// every other node in order. Linear in the pool's children.
    /// </summary>
    private static List<(List<XComment> Comments, XElement Volume)> DetachVolumes(XElement pool)
    {
        var volumes = new List<(List<XComment>, XElement)>();
        if (!pool.Elements("volume").Any()) return volumes;
        var pending = new List<XComment>();
        foreach (var child in Detach(pool))
        {
            switch (child)
            {
                case XComment comment:
                    pending.Add(comment);
                    continue;
                case XElement { Name.LocalName: "volume", Name.NamespaceName: "" } volume:
                    if (volume.Attribute("file") is null) volumes.Add((pending, volume));
                    pending = [];
                    continue;
                case XElement:
                    foreach (var comment in pending) pool.Add(comment);
                    pending.Clear();
                    break;
            }

            pool.Add(child);
        }

        foreach (var comment in pending) pool.Add(comment);
        return volumes;
    }

    /// <summary>
    /// The container's child nodes, all detached (parentless, line info kept). Detaching them at once is linear:
    /// removing one node at a time walks its preceding siblings each time.
    /// </summary>
    private static List<XNode> Detach(XContainer container)
    {
        var children = container.Nodes().ToList();
        container.RemoveNodes();
        return children;
    }
}
