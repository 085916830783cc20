using System.Runtime.CompilerServices;
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
    public static ChildLoop Children(XObject node, XName? name = null) => new(node as XContainer, name);

    /// <summary>
    /// The children named <paramref name="name"/> of the node's child elements, each with its parent, in document order:
    /// <c>devices/*/address</c> as the pairs (device, address), gathered once per document (<see cref="GrandChildIndex"/>).
    /// </summary>
    public static GrandChildLoop GrandChildren(XObject node, XName name) => node is XContainer parent ? new(GrandChildIndex.Of(parent, name)) : default;

    /// <summary>The descendant elements in document order (named <paramref name="name"/> when given), as <see cref="Descendant(XObject, XName)"/>.</summary>
    public static DescendantLoop Descendants(XObject node, XName? name = null) => new(node as XContainer, name);

    /// <summary>The attributes that are not namespace declarations, as <see cref="AttributeAny(XObject)"/>.</summary>
    public static AttributeLoop Attributes(XObject node) => new(node as XElement);

    /// <summary>The element siblings after <paramref name="node"/>, as <see cref="FollowingSibling(XObject)"/>.</summary>
    public static SiblingLoop FollowingSiblings(XObject node) => node is XElement e ? new(e.NextNode, null) : default;

    /// <summary>The element siblings before <paramref name="node"/> in document order, as <see cref="PrecedingSibling(XObject)"/>.</summary>
    public static SiblingLoop PrecedingSiblings(XObject node) =>
        node is XElement e && (e.Parent ?? (XContainer?)e.Document) is { } parent ? new(parent.FirstNode, e) : default;

    /// <summary>
    /// The child elements of a node, all or those of one name: the steps of almost every path, so a loop of its own whose
    /// steps are compiled into the loop that uses it; its start (asking for the element's index) is a call, so that the
    /// many path steps of the checkers do not each carry a copy of it. A wide element's children come from its
    /// <see cref="ChildIndex"/> (built after the first walk that shows the element is wide).
    /// </summary>
    public struct ChildLoop
    {
        private readonly XContainer? _parent;
        private readonly XName? _name;
        private XElement? _current;
        private bool _started;

        // The children of an indexed element (all, or a name's group): the array, where the loop is in it and where it ends.
        private XElement[]? _indexed;
        private int _position;
        private int _end;

        // Child elements met by the walk, to index the element when the walk shows it is wide.
        private int _walked;

        internal ChildLoop(XContainer? parent, XName? name)
        {
            _parent = parent;
            _name = name;
            _position = -1;
        }

        public readonly ChildLoop GetEnumerator() => this;

        public readonly XElement Current => _indexed is { } group ? group[_position] : _current!;

        public bool MoveNext()
        {
            if (_indexed is not null) return ++_position < _end;
            return _started ? Walk(_current?.NextNode) : Start();
        }

        // Out of line: a loop starts once and steps many times, and every path step of every checker inlines its steps.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private bool Start()
        {
            if (_parent is null) return false;
            _started = true;
            return ChildIndex.Current(_parent) is { } index ? FromIndex(index) : Walk(_parent.FirstNode);
        }

        private bool Walk(XNode? node)
        {
            for (; node is not null; node = node.NextNode)
            {
                if (ElementTest.AsElement(node) is not { } element) continue;
                _walked++;
                if (_name is not null && element.Name != _name) continue;
                _current = element;
                return true;
            }

            _current = null;
            if (_walked >= ChildIndex.MinChildren) ChildIndex.Build(_parent!);
            return false;
        }

        private bool FromIndex(ChildIndex index)
        {
            if (_name is null)
            {
                _indexed = index.All;
                _end = _indexed.Length;
            }
            else
            {
                _indexed = index.Grouped;
                (var start, _end) = index.Range(_name);
                _position = start - 1;
            }

            return ++_position < _end;
        }
    }

    /// <summary>The gathered (parent, child) pairs of <see cref="GrandChildren"/>, one after the other.</summary>
    public struct GrandChildLoop
    {
        private readonly GrandChildIndex? _index;
        private int _position;

        internal GrandChildLoop(GrandChildIndex index)
        {
            _index = index;
            _position = -1;
        }

        public readonly GrandChildLoop GetEnumerator() => this;

        public readonly (XElement Parent, XElement Child) Current => (_index!.Parents[_position], _index.Children[_position]);

        public bool MoveNext() => _index is not null && ++_position < _index.Children.Length;
    }

    /// <summary>The descendant elements of a node in document order (pre-order), all or those of one name.</summary>
    public struct DescendantLoop
    {
        private readonly XContainer? _root;
        private readonly XName? _name;
        private XNode? _current;
        private bool _started;

        internal DescendantLoop(XContainer? root, XName? name)
        {
            _root = root;
            _name = name;
        }

        public readonly DescendantLoop GetEnumerator() => this;

        public readonly XElement Current => (XElement)_current!;

        public bool MoveNext()
        {
            if (_root is null) return false;
            while (true)
            {
                _current = _started ? Next(_current) : _root.FirstNode;
                _started = true;
                if (_current is null) return false;
                if (ElementTest.AsElement(_current) is { } e && (_name is null || e.Name == _name)) return true;
            }
        }

        // Pre-order: the first child, else the next sibling of the node or of its nearest ancestor below the root.
        private readonly XNode? Next(XNode? node)
        {
            if (node is null) return null;
            if (ElementTest.AsElement(node) is { FirstNode: { } first }) return first;
            while (true)
            {
                if (node.NextNode is { } sibling) return sibling;
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
