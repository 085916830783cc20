using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VirtLint.Core.Configuration;

/// <summary>
/// Turns YAML text into <see cref="ConfigNode"/>s with positions, from YamlDotNet's low-level event stream (no
/// reflection, so it works in the NativeAOT binary). Anchors and aliases are refused: a config file has no need for
/// them, and refusing them rules out alias-expansion blow-ups.
/// </summary>
internal static class ConfigYamlReader
{
    /// <summary>Larger than any sensible config; bounds memory on a mistaken path.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    /// <summary>A config file nests a handful of levels; stopping early also keeps the scanner's per-level work bounded.</summary>
    public const int MaxDepth = 32;

    /// <summary>The document's root node (null for an empty file) or null with errors added.</summary>
    public static ConfigNode? Read(string text, string path, List<ConfigError> errors)
    {
        if (text.Length > MaxLength)
        {
            errors.Add(new ConfigError(path, 1, 1, $"The file is larger than {MaxLength / (1024 * 1024)} MiB; a configuration file is a few lines of YAML."));
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Builder>();
        ConfigNode? root = null;
        var documents = 0;
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                switch (current)
                {
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        if (++documents > 1)
                        {
                            errors.Add(new ConfigError(path, Line(start.Start), Column(start.Start), "The file holds more than one YAML document; put the whole configuration in one."));
                            return null;
                        }

                        continue;
                    case DocumentStart:
                        documents++;
                        continue;
                    case AnchorAlias alias:
                        errors.Add(new ConfigError(path, Line(alias.Start), Column(alias.Start), $"YAML aliases ('*{alias.Value}') are not supported in a configuration file; repeat the value."));
                        return null;
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        errors.Add(new ConfigError(path, Line(anchored.Start), Column(anchored.Start), $"YAML anchors ('&{anchored.Anchor}') are not supported in a configuration file."));
                        return null;
                    case Scalar scalar:
                        {
                            var node = new ConfigScalar(Line(scalar.Start), Column(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
                            if (!Add(stack, node, ref root, path, errors)) return null;
                            break;
                        }

                    case SequenceStart or MappingStart when stack.Count >= MaxDepth:
                        errors.Add(new ConfigError(path, Line(current.Start), Column(current.Start), $"The YAML is nested more than {MaxDepth} levels deep; a configuration file needs a few."));
                        return null;
                    case SequenceStart sequence:
                        stack.Push(new Builder(Line(sequence.Start), Column(sequence.Start), isMapping: false));
                        break;
                    case MappingStart mapping:
                        stack.Push(new Builder(Line(mapping.Start), Column(mapping.Start), isMapping: true));
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        {
                            var builder = stack.Pop();
                            if (!Add(stack, builder.Build(), ref root, path, errors)) return null;
                            break;
                        }
                }
            }
        }
        catch (YamlException e)
        {
            errors.Add(new ConfigError(path, Line(e.Start), Column(e.Start), $"Invalid YAML: {Describe(e)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // The scanner fails this way on some malformed plain scalars; point just after the last event it read.
            errors.Add(new ConfigError(path, Line(last), Column(last), "Invalid YAML: the text after this point cannot be read as a YAML value."));
            return null;
        }

        return root;
    }

    private static bool Add(Stack<Builder> stack, ConfigNode node, ref ConfigNode? root, string path, List<ConfigError> errors)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var parent = stack.Peek();
        if (!parent.IsMapping)
        {
            parent.Items.Add(node);
            return true;
        }

        if (parent.PendingKey is null)
        {
            if (node is not ConfigScalar key)
            {
                errors.Add(ConfigError.At(path, node, $"A mapping key must be a plain name, not {node.Describe()}."));
                return false;
            }

            if (!parent.Keys.Add(key.Value))
            {
                errors.Add(ConfigError.At(path, key, $"The key '{key.Value}' appears twice in the same mapping; keep one."));
                return false;
            }

            parent.PendingKey = key;
            return true;
        }

        parent.Entries.Add(new KeyValuePair<ConfigScalar, ConfigNode>(parent.PendingKey, node));
        parent.PendingKey = null;
        return true;
    }

    // YamlDotNet's messages start with the marks "(Line: 3, Col: 1, Idx: 20) - (Line: …): "; the location is reported separately.
    private static string Describe(YamlException e)
    {
        var message = (e.InnerException ?? e).Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0) message = message[(cut + 3)..];
        message = message.Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private sealed class Builder(int line, int column, bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;
        public List<ConfigNode> Items { get; } = [];
        public List<KeyValuePair<ConfigScalar, ConfigNode>> Entries { get; } = [];
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public ConfigScalar? PendingKey { get; set; }

        public ConfigNode Build() => IsMapping ? new ConfigMapping(line, column, Entries) : new ConfigSequence(line, column, Items);
    }
}
