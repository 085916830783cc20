using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// Allocation-free loops over one node's axes for generated checkers: <c>foreach (var disk in Xp.Children(devices, Name_disk))</c>
/// walks the tree's links with a struct enumerator, yielding exactly what the matching LINQ to XML axis yields, in the
/// same order, without allocating an iterator per step.
/// </summary>
public static partial class Xp
{
    /// <summary>The child elements (named <paramref name="name"/> when given), as <see cref="Child(XObject, XName)"/> and <see cref="ChildAny(XObject)"/>.</summary>
    public static ElementLoop Children(XObject node, XName? name = null) => new(node as XContainer, name, descendants: false);

    /// <summary>The descendant elements in document order (named <paramref name="name"/> when given), as <see cref="Descendant(XObject, XName)"/>.</summary>
    public static ElementLoop Descendants(XObject node, XName? name = null) => new(node as XContainer, name, descendants: true);

    /// <summary>The attributes that are not namespace declarations, as <see cref="AttributeAny(XObject)"/>.</summary>
    public static AttributeLoop Attributes(XObject node) => new(node as XElement);

    /// <summary>The element siblings after <paramref name="node"/>, as <see cref="FollowingSibling(XObject)"/>.</summary>
    public static SiblingLoop FollowingSiblings(XObject node) => node is XElement e ? new(e.NextNode, null) : default;

    /// <summary>The element siblings before <paramref name="node"/> in document order, as <see cref="PrecedingSibling(XObject)"/>.</summary>
    public static SiblingLoop PrecedingSiblings(XObject node) =>
        node is XElement e && (e.Parent ?? (XContainer?)e.Document) is { } parent ? new(parent.FirstNode, e) : default;

    public struct ElementLoop
    {
        private readonly XContainer? _root;
        private readonly XName? _name;
        private readonly bool _descendants;
        private XNode? _current;
        private bool _started;

        // Named children of an indexed element: the group, and where the loop is in it.
        private XElement[]? _indexed;
        private int _position;

        // Child elements met by a walk of named children, to index the element when the walk shows it is wide.
        private int _walked;

        internal ElementLoop(XContainer? root, XName? name, bool descendants)
        {
            _root = root;
            _name = name;
            _descendants = descendants;
            _current = null;
            _started = false;
            _indexed = null;
            _position = -1;
            _walked = 0;
        }

        public readonly ElementLoop GetEnumerator() => this;

        public readonly XElement Current => _indexed is { } group ? group[_position] : (XElement)_current!;

        public bool MoveNext()
        {
            if (_root is null) return false;
            var namedChildren = !_descendants && _name is not null;
            if (!_started && namedChildren) _indexed = ChildIndex.Find(_root, _name!);
            if (_indexed is not null)
            {
                _started = true;
                return ++_position < _indexed.Length;
            }

            while (true)
            {
                _current = _started ? Next(_current) : _root.FirstNode;
                _started = true;
                if (_current is null)
                {
                    if (namedChildren && _walked >= ChildIndex.MinChildren) ChildIndex.Build(_root);
                    return false;
                }

                if (ElementTest.AsElement(_current) is { } e)
                {
                    _walked++;
                    if (_name is null || e.Name == _name) return true;
                }
            }
        }

        // Children: the next sibling. Descendants: pre-order, climbing back up at most to the root.
        private readonly XNode? Next(XNode? node)
        {
            if (node is null) return null;
            if (_descendants && ElementTest.AsElement(node) is { FirstNode: { } first }) return first;
            while (true)
            {
                if (node.NextNode is { } sibling) return sibling;
                if (!_descendants) return null;
                var parent = node.Parent;
                if (parent is null || ReferenceEquals(parent, _root)) return null;
                node = parent;
            }
        }
    }

    public struct AttributeLoop
    {
        private readonly XElement? _element;
        private XAttribute? _current;
        private bool _started;

        internal AttributeLoop(XElement? element)
        {
            _element = element;
            _current = null;
            _started = false;
        }

        public readonly AttributeLoop GetEnumerator() => this;

        public readonly XAttribute Current => _current!;

        public bool MoveNext()
        {
            if (_element is null) return false;
            do
            {
                _current = _started ? _current?.NextAttribute : _element.FirstAttribute;
                _started = true;
            }
            while (_current is { IsNamespaceDeclaration: true });

            return _current is not null;
        }
    }

    /// <summary>Element nodes from <c>first</c> along the sibling links, stopping before <c>end</c> (or at the last sibling).</summary>
    public struct SiblingLoop
    {
        private XNode? _next;
        private readonly XNode? _end;
        private XElement? _current;

        internal SiblingLoop(XNode? first, XNode? end)
        {
            _next = first;
            _end = end;
            _current = null;
        }

        public readonly SiblingLoop GetEnumerator() => this;

        public readonly XElement Current => _current!;

        public bool MoveNext()
        {
            while (_next is not null && !ReferenceEquals(_next, _end))
            {
                var node = _next;
                _next = node.NextNode;
                if (ElementTest.AsElement(node) is { } e)
                {
                    _current = e;
                    return true;
                }
            }

            return false;
        }
    }
}
