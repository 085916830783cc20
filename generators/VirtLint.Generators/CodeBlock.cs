using System.Collections.Generic;

namespace VirtLint.Generators;

/// <summary>Statements being built, indented relative to where they will be written.</summary>
internal sealed class CodeBlock
{
    private readonly List<string> _lines = new();
    private int _depth;

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>
    /// A <c>#line</c> directive written before every statement while set: each statement of a loop nest maps to its rule
    /// line, instead of the lines after a directive counting on from it.
    /// </summary>
    public string? Mapping { get; set; }

    public void Line(string text)
    {
        if (Mapping is not null && text is not ("{" or "}" or "")) _lines.Add(Mapping);
        _lines.Add(text.Length == 0 ? "" : new string(' ', _depth * 4) + text);
    }

    /// <summary>A preprocessor directive (<c>#line</c>), which C# writes without indentation.</summary>
    public void Directive(string text) => _lines.Add(text);

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
    }

    public void Close()
    {
        _depth--;
        Line("}");
    }
}
