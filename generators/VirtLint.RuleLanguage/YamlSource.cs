using System;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage;

/// <summary>Maps YAML nodes, and character offsets inside scalar values, back to rule-file lines and columns.</summary>
internal sealed class YamlSource
{
    private readonly string[] _lines;

    public YamlSource(string text) => _lines = text.Replace("\r\n", "\n").Split('\n');

    public static SourceRange RangeOf(YamlNode node)
    {
        var start = node.Start;
        var end = node.End;
        var endColumn = end.Line == start.Line ? Math.Max((int)end.Column, (int)start.Column + 1) : (int)start.Column + 1;
        return new SourceRange((int)start.Line, (int)start.Column, (int)start.Line, endColumn);
    }

    public static SourceRange RangeOf(Mark start, Mark end) =>
        new((int)start.Line, (int)start.Column, (int)end.Line, Math.Max((int)end.Column, (int)start.Column + 1));

    /// <summary>The range of <paramref name="length"/> characters at <paramref name="offset"/> of a scalar's value.</summary>
    public SourceRange RangeIn(YamlScalarNode node, int offset, int length)
    {
        var start = node.Start;
        switch (node.Style)
        {
            case ScalarStyle.Plain:
            case ScalarStyle.SingleQuoted:
            case ScalarStyle.DoubleQuoted:
                if (node.Value is not null && node.Value.IndexOf('\n') < 0)
                {
                    var column = (int)start.Column + (node.Style == ScalarStyle.Plain ? 0 : 1) + offset;
                    return SourceRange.At((int)start.Line, column, length);
                }

                return RangeOf(node);
            case ScalarStyle.Literal:
            case ScalarStyle.Folded:
                {
                    // Block scalars start on the line after the indicator; each value line is one source line.
                    var value = node.Value ?? "";
                    var lineIndex = 0;
                    var lineStart = 0;
                    for (var i = 0; i < offset && i < value.Length; i++)
                    {
                        if (value[i] == '\n')
                        {
                            lineIndex++;
                            lineStart = i + 1;
                        }
                    }

                    var line = (int)start.Line + 1 + lineIndex;
                    // The block's indentation is set by its first line; deeper lines keep their extra spaces in the value.
                    var first = (int)start.Line;
                    var indent = first < _lines.Length ? _lines[first].Length - _lines[first].TrimStart(' ').Length : 0;
                    return SourceRange.At(line, indent + (offset - lineStart) + 1, length);
                }

            default:
                return RangeOf(node);
        }
    }
}
