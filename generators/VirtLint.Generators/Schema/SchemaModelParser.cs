using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VirtLint.Generators.Schema;

/// <summary>
/// Reads <c>generators/libvirt-schema-model.txt</c> (written by VirtLint.VocabularyBuilder; the format is described in
/// its header and in ContextModelWriter) and checks that it is consistent: every target names a context of its kind,
/// nothing is listed twice, each kind starts with the document context "/".
/// </summary>
internal static class SchemaModelParser
{
    public const string DocumentContext = "/";

    public static (SchemaModelSpec? Model, IReadOnlyList<SchemaModelError> Errors) Parse(string text)
    {
        var errors = new List<SchemaModelError>();
        var kinds = new List<(string Kind, int Line, List<ContextSpec> Contexts)>();
        ContextSpec? context = null;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var raw = lines[index].TrimEnd('\r');
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;

            var tokens = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (line[0] == '[')
            {
                if (line.Length < 3 || line[line.Length - 1] != ']')
                    errors.Add(new SchemaModelError(lineNumber, "a section header must look like [kind]"));
                else if (kinds.Any(k => k.Kind == line.Substring(1, line.Length - 2)))
                    errors.Add(new SchemaModelError(lineNumber, $"the kind '{line.Substring(1, line.Length - 2)}' is listed twice"));
                else
                    kinds.Add((line.Substring(1, line.Length - 2), lineNumber, new List<ContextSpec>()));
                context = null;
                continue;
            }

            if (kinds.Count == 0)
            {
                errors.Add(new SchemaModelError(lineNumber, "a line before any [kind] section"));
                continue;
            }

            if (tokens[0] == "context")
            {
                if (raw[0] == ' ' || tokens.Length != 2)
                {
                    errors.Add(new SchemaModelError(lineNumber, "expected 'context NAME' at the start of the line"));
                    continue;
                }

                context = new ContextSpec(Unescape(tokens[1]), lineNumber);
                kinds[kinds.Count - 1].Contexts.Add(context);
                continue;
            }

            if (context is null || raw[0] != ' ')
            {
                errors.Add(new SchemaModelError(lineNumber, $"'{tokens[0]}' outside a context; context lines are indented under 'context NAME'"));
                continue;
            }

            var problem = ReadContextLine(context, tokens);
            if (problem is not null)
                errors.Add(new SchemaModelError(lineNumber, problem));
        }

        foreach (var (kind, line, contexts) in kinds)
            Validate(kind, line, contexts, errors);

        var model = new SchemaModelSpec(kinds.Select(k => new KindSpec(k.Kind, k.Contexts)).ToList());
        return errors.Count == 0 ? (model, errors) : (null, errors.OrderBy(e => e.Line).ToList());
    }

    /// <summary>Adds one indented line to the context; the problem, or null.</summary>
    private static string? ReadContextLine(ContextSpec context, string[] tokens)
    {
        var keyword = tokens[0];
        switch (keyword)
        {
            case "switch":
                if (tokens.Length != 2 || tokens[1].Length < 2 || tokens[1][0] != '@') return "expected 'switch @NAME'";
                if (context.Switch is not null) return "a second 'switch' in one context";
                context.Switch = Unescape(tokens[1].Substring(1));
                return null;
            case "case":
                if (tokens.Length != 3) return "expected 'case VALUE CONTEXT'";
                return Add(context.Cases, Unescape(tokens[1]), Unescape(tokens[2]), "case");
            case "absent":
                if (tokens.Length != 2) return "expected 'absent CONTEXT'";
                if (context.AbsentCase is not null) return "a second 'absent' in one context";
                context.AbsentCase = Unescape(tokens[1]);
                return null;
            case "child":
                if (tokens.Length == 2 && tokens[1] == "*")
                {
                    context.AnyChild = true;
                    return null;
                }

                if (tokens.Length != 3) return "expected 'child NAME CONTEXT' or 'child *'";
                return Add(context.Children, Unescape(tokens[1]), Unescape(tokens[2]), "child");
            case "text":
                if (tokens.Length < 3 || tokens[1] != "=") return "expected 'text = VALUE...'";
                if (context.Text is not null) return "a second 'text' in one context";
                context.Text = tokens.Skip(2).Select(Unescape).ToList();
                return null;
            case "@*":
                if (tokens.Length != 1) return "expected '@*' alone";
                context.AnyAttribute = true;
                return null;
            default:
                if (keyword.Length < 2 || keyword[0] != '@')
                    return $"unknown line '{keyword}'; expected switch, case, absent, @NAME, @*, child or text";
                IReadOnlyList<string>? values = null;
                if (tokens.Length > 1)
                {
                    if (tokens[1] != "=" || tokens.Length < 3) return "expected '@NAME' or '@NAME = VALUE...'";
                    values = tokens.Skip(2).Select(Unescape).ToList();
                }

                var name = Unescape(keyword.Substring(1));
                if (context.Attributes.Any(a => a.Key == name)) return $"the attribute '{name}' is listed twice";
                context.Attributes.Add(new KeyValuePair<string, IReadOnlyList<string>?>(name, values));
                return null;
        }
    }

    private static string? Add(List<KeyValuePair<string, string>> list, string key, string target, string what)
    {
        if (list.Any(p => p.Key == key)) return $"the {what} '{key}' is listed twice";
        list.Add(new KeyValuePair<string, string>(key, target));
        return null;
    }

    private static void Validate(string kind, int kindLine, List<ContextSpec> contexts, List<SchemaModelError> errors)
    {
        if (contexts.Count == 0 || contexts[0].Name != DocumentContext)
        {
            errors.Add(new SchemaModelError(kindLine, $"[{kind}] must start with 'context {DocumentContext}'"));
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            if (!names.Add(context.Name))
                errors.Add(new SchemaModelError(context.Line, $"the context '{context.Name}' is listed twice in [{kind}]"));
        }

        foreach (var context in contexts)
        {
            var targets = context.Cases.Select(c => c.Value).Concat(context.Children.Select(c => c.Value));
            if (context.AbsentCase is not null) targets = targets.Concat(new[] { context.AbsentCase });
            foreach (var target in targets.Where(t => !names.Contains(t)).Distinct())
                errors.Add(new SchemaModelError(context.Line, $"'{context.Name}' refers to the context '{target}', which [{kind}] does not define"));
            if ((context.Switch is null) != (context.Cases.Count == 0 && context.AbsentCase is null))
                errors.Add(new SchemaModelError(context.Line, $"'{context.Name}' needs both 'switch' and at least one 'case' or 'absent', or neither"));
            foreach (var (what, values) in context.Attributes.Select(a => ($"@{a.Key}", a.Value)).Append(("text", context.Text)))
            {
                if (values is not null && values.Distinct(StringComparer.Ordinal).Count() != values.Count)
                    errors.Add(new SchemaModelError(context.Line, $"'{context.Name}' lists a value of {what} twice"));
            }
        }
    }

    /// <summary>Decodes the %XX escapes the builder writes for whitespace and '%'.</summary>
    private static string Unescape(string token)
    {
        if (token.IndexOf('%') < 0)
            return token;
        var text = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '%' && i + 2 < token.Length
                && int.TryParse(token.Substring(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 2;
            }
            else
            {
                text.Append(token[i]);
            }
        }

        return text.ToString();
    }
}
