using System.Xml.Linq;
using VirtLint.Core.Configuration;

namespace VirtLint.Core.Suppressions;

/// <summary>
/// The <c>target</c> of a metadata suppression: a path relative to the root element in a subset of the rule
/// language's paths: child steps (a name or <c>*</c>) separated by '/', each with optional predicates comparing a
/// relative attribute or element with a quoted value, e.g. <c>devices/graphics[@type='vnc']</c> or
/// <c>devices/disk[target/@dev='vda']</c>; <c>.</c> is the root element itself. Evaluation is one pass over the
/// selected elements' children: linear in the document.
/// </summary>
public sealed class SuppressionTarget
{
    private readonly Step[] _steps;

    private SuppressionTarget(string text, Step[] steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public static bool TryParse(string text, out SuppressionTarget? target, out string? error)
    {
        target = null;
        var reader = new Reader(text);
        var steps = new List<Step>();
        error = reader.Path(steps);
        if (error is not null) return false;
        target = new SuppressionTarget(text, steps.ToArray());
        return true;
    }

    /// <summary>The elements the path selects under <paramref name="root"/>, in document order.</summary>
    public IReadOnlyList<XElement> Select(XElement root) => Select(root, _steps.Length, out _);

    /// <summary>Why the path selects nothing, naming the step that came up empty (with a did-you-mean); null when it selects something.</summary>
    public string? ExplainEmpty(XElement root)
    {
        if (Select(root, _steps.Length, out var failedAt).Count > 0) return null;
        var parents = Select(root, failedAt, out _);
        var step = _steps[failedAt];
        var byName = parents.SelectMany(p => p.Elements()).Where(e => step.Matches(e.Name)).ToList();
        if (byName.Count == 0)
        {
            var parentName = failedAt == 0 ? root.Name.LocalName : _steps[failedAt - 1].Name;
            var children = parents.SelectMany(p => p.Elements()).Where(e => e.Name.Namespace == XNamespace.None).Select(e => e.Name.LocalName).Distinct().ToList();
            var hint = NameSuggestions.Closest(step.Name, children) is { } close ? $" (did you mean '{close}'?)" : "";
            return $"no <{parentName}> here has a child <{step.Name}>{hint}";
        }

        return $"no <{step.Name}> here matches {string.Join("", step.Predicates.Select(p => p.Text))}";
    }

    private IReadOnlyList<XElement> Select(XElement root, int stepCount, out int failedAt)
    {
        IReadOnlyList<XElement> current = [root];
        failedAt = -1;
        for (var i = 0; i < stepCount; i++)
        {
            var step = _steps[i];
            var next = new List<XElement>();
            foreach (var parent in current)
                foreach (var child in parent.Elements())
                    if (step.Matches(child.Name) && step.Predicates.All(p => p.Matches(child))) next.Add(child);
            if (next.Count == 0)
            {
                failedAt = i;
                return next;
            }

            current = next;
        }

        return current;
    }

    private sealed record Step(string Name, IReadOnlyList<Predicate> Predicates)
    {
        public bool Matches(XName name) => name.Namespace == XNamespace.None && (Name == "*" || name.LocalName == Name);
    }

    /// <summary><c>[a/b/@c='v']</c>: true when any node the relative path reaches has the string value <c>v</c>.</summary>
    private sealed record Predicate(string Text, IReadOnlyList<string> Elements, string? Attribute, string Value)
    {
        public bool Matches(XElement element)
        {
            IEnumerable<XElement> reached = [element];
            foreach (var name in Elements) reached = reached.Elements(name);
            foreach (var node in reached)
            {
                if (Attribute is null ? node.Value == Value : node.Attribute(Attribute)?.Value == Value) return true;
            }

            return false;
        }
    }

    private ref struct Reader(string text)
    {
        private int _i;

        public string? Path(List<Step> steps)
        {
            if (text.Length == 0) return "the path is empty";
            if (text == ".") return null;
            if (text[0] == '/') return "the path is relative to the root element: write 'devices/disk', not '/domain/devices/disk'";
            while (true)
            {
                var name = Name(allowStar: true);
                if (name is null) return Expected("an element name");
                var predicates = new List<Predicate>();
                while (_i < text.Length && text[_i] == '[')
                {
                    var error = Predicate(predicates);
                    if (error is not null) return error;
                }

                steps.Add(new Step(name, predicates));
                if (_i == text.Length) return null;
                if (text[_i] != '/') return Expected("'/' or '['");
                _i++;
            }
        }

        private string? Predicate(List<Predicate> predicates)
        {
            var start = _i;
            _i++; // '['
            SkipSpaces();
            var elements = new List<string>();
            string? attribute = null;
            while (true)
            {
                if (_i < text.Length && text[_i] == '@')
                {
                    _i++;
                    attribute = Name(allowStar: false);
                    if (attribute is null) return Expected("an attribute name");
                    break;
                }

                var name = Name(allowStar: false);
                if (name is null) return Expected("'@attribute' or an element name");
                elements.Add(name);
                if (_i < text.Length && text[_i] == '/')
                {
                    _i++;
                    continue;
                }

                break;
            }

            SkipSpaces();
            if (_i >= text.Length || text[_i] != '=') return Expected("'='");
            _i++;
            SkipSpaces();
            if (_i >= text.Length || text[_i] is not ('\'' or '"')) return Expected("a quoted value");
            var quote = text[_i];
            var close = text.IndexOf(quote, _i + 1);
            if (close < 0) return $"the value quoted at character {_i + 1} is not closed";
            var value = text[(_i + 1)..close];
            _i = close + 1;
            SkipSpaces();
            if (_i >= text.Length || text[_i] != ']') return Expected("']'");
            _i++;
            predicates.Add(new Predicate(text[start.._i], elements, attribute, value));
            return null;
        }

        private string? Name(bool allowStar)
        {
            if (allowStar && _i < text.Length && text[_i] == '*')
            {
                _i++;
                return "*";
            }

            var start = _i;
            while (_i < text.Length && (char.IsLetterOrDigit(text[_i]) || text[_i] is '_' or '-' || (text[_i] == '.' && _i > start))) _i++;
            if (_i > start && !char.IsDigit(text[start]) && text[start] != '-') return text[start.._i];
            _i = start;
            return null;
        }

        private void SkipSpaces()
        {
            while (_i < text.Length && text[_i] == ' ') _i++;
        }

        private readonly string Expected(string what) =>
            _i < text.Length ? $"expected {what} at character {_i + 1}, found '{text[_i]}'" : $"expected {what} at the end";
    }
}
