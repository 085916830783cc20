using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>
/// What one element pattern (or one of its variants) allows directly: attribute names with their value sets, child
/// element names with the element patterns that may match them, whether any attribute or child name is allowed,
/// and the values its text may take (null when its content has no text at all).
/// </summary>
public sealed class ContentSummary
{
    public SortedDictionary<string, ValueSet> Attributes { get; } = new(StringComparer.Ordinal);

    public bool AnyAttribute { get; set; }

    public SortedDictionary<string, HashSet<XElement>> Children { get; } = new(StringComparer.Ordinal);

    public bool AnyChild { get; set; }

    public ValueSet? Text { get; set; }

    public void AddAttribute(string name, ValueSet values) =>
        Attributes[name] = Attributes.TryGetValue(name, out var existing) ? ValueSet.Union(existing, values)! : values;

    public void AddChild(string name, XElement elementPattern)
    {
        if (!Children.TryGetValue(name, out var patterns))
            Children[name] = patterns = [];
        patterns.Add(elementPattern);
    }

    /// <summary>Adds everything <paramref name="other"/> allows: the content of "this or that".</summary>
    public void UnionWith(ContentSummary other)
    {
        foreach (var (name, values) in other.Attributes)
            AddAttribute(name, values);
        foreach (var (name, patterns) in other.Children)
        {
            foreach (var pattern in patterns)
                AddChild(name, pattern);
        }

        AnyAttribute |= other.AnyAttribute;
        AnyChild |= other.AnyChild;
        Text = ValueSet.Union(Text, other.Text);
    }

    /// <summary>Whether both allow exactly the same, leaving one attribute out of the comparison.</summary>
    public bool SameAs(ContentSummary other, string ignoreAttribute)
    {
        if (AnyAttribute != other.AnyAttribute || AnyChild != other.AnyChild || !Equals(Text, other.Text))
            return false;
        var attributes = Attributes.Where(a => a.Key != ignoreAttribute).ToList();
        var otherAttributes = other.Attributes.Where(a => a.Key != ignoreAttribute).ToList();
        if (attributes.Count != otherAttributes.Count)
            return false;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Key != otherAttributes[i].Key || !attributes[i].Value.Equals(otherAttributes[i].Value))
                return false;
        }

        return Children.Count == other.Children.Count
               && Children.All(c => other.Children.TryGetValue(c.Key, out var patterns) && patterns.SetEquals(c.Value));
    }
}
