using System.Text;
using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary>
/// A rule's fixed documentation sections rendered as plain text or Markdown; the same text feeds
/// <c>virtlint explain</c> and SARIF <c>help</c>, so the two never drift apart.
/// </summary>
internal static class RuleHelp
{
    public static string Markdown(RuleDescriptor rule)
    {
        var builder = new StringBuilder();
        foreach (var section in Sections(rule))
        {
            if (builder.Length > 0) builder.Append('\n');
            builder.Append("## ").Append(section.Heading).Append("\n\n");
            if (section.Items is not null)
            {
                foreach (var item in section.Items) builder.Append("- ").Append(item).Append('\n');
            }
            else if (section.IsXml)
            {
                builder.Append("```xml\n").Append(section.Body).Append("\n```\n");
            }
            else
            {
                builder.Append(section.Body).Append('\n');
            }
        }

        return builder.ToString().TrimEnd('\n');
    }

    public static string PlainText(RuleDescriptor rule)
    {
        var builder = new StringBuilder();
        foreach (var section in Sections(rule))
        {
            if (builder.Length > 0) builder.Append('\n');
            builder.Append(section.Heading).Append('\n');
            if (section.Items is not null)
            {
                foreach (var item in section.Items) builder.Append("  - ").Append(item).Append('\n');
            }
            else
            {
                // Code is indented further than prose so it stands out without Markdown fences.
                var indent = section.IsXml ? "    " : "  ";
                foreach (var line in section.Body.Split('\n'))
                    builder.Append(line.Length == 0 ? "" : indent + line).Append('\n');
            }
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static IEnumerable<Section> Sections(RuleDescriptor rule)
    {
        var docs = rule.Docs;
        var sections = new[]
        {
            new Section("What it does", Clean(docs.WhatItDoes), false, null),
            new Section("Why is this bad?", Clean(docs.WhyIsThisBad), false, null),
            new Section("Example", Clean(docs.Example), LooksLikeXml(docs.Example), null),
            new Section("Use instead", Clean(docs.UseInstead), LooksLikeXml(docs.UseInstead), null),
            new Section("References", "", false, docs.References.Count > 0 ? docs.References : null),
        };
        return sections.Where(s => s.Body.Length > 0 || s.Items is not null);
    }

    // Examples are normally XML snippets, but a rule may explain its fix in prose instead.
    private static bool LooksLikeXml(string text) => text.TrimStart().StartsWith('<');

    private static string Clean(string text) => text.Replace("\r\n", "\n").Trim('\n', '\r').TrimEnd();

    private sealed record Section(string Heading, string Body, bool IsXml, IReadOnlyList<string>? Items);
}
