using System.Text;
using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary>
/// A rule's fixed documentation sections rendered as plain text or Markdown; the same text feeds
/// <c>virtlint explain</c>, SARIF <c>help</c> and the generated docs pages, so they never drift apart.
/// </summary>
public static class RuleHelp
{
    public static string Markdown(RuleDescriptor rule) =>
        string.Join('\n', Sections(rule).Select(section => section.ToMarkdown())).TrimEnd('\n');

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

    /// <summary>The non-empty sections in their fixed order: What it does, Scope (domain rules), Why is this bad?, Example, Use instead, References.</summary>
    public static IReadOnlyList<RuleHelpSection> Sections(RuleDescriptor rule)
    {
        var docs = rule.Docs;
        var sections = new[]
        {
            new RuleHelpSection(WhatItDoes, Clean(docs.WhatItDoes), false, null),
            new RuleHelpSection(Scope, rule.Scope?.Describe() ?? "", false, null),
            new RuleHelpSection(WhyIsThisBad, Clean(docs.WhyIsThisBad), false, null),
            new RuleHelpSection(Example, Clean(docs.Example), LooksLikeXml(docs.Example), null),
            new RuleHelpSection(UseInstead, Clean(docs.UseInstead), LooksLikeXml(docs.UseInstead), null),
            new RuleHelpSection(References, "", false, docs.References.Count > 0 ? docs.References : null),
        };
        return sections.Where(s => s.Body.Length > 0 || s.Items is not null).ToArray();
    }

    public const string WhatItDoes = "What it does";
    public const string Scope = "Scope";
    public const string WhyIsThisBad = "Why is this bad?";
    public const string Example = "Example";
    public const string UseInstead = "Use instead";
    public const string References = "References";

    // Examples are normally XML snippets, but a rule may explain its fix in prose instead.
    private static bool LooksLikeXml(string text) => text.TrimStart().StartsWith('<');

    private static string Clean(string text) => text.Replace("\r\n", "\n").Trim('\n', '\r').TrimEnd();
}

/// <summary>One documentation section: prose, an XML snippet, or a list of items (the references).</summary>
public sealed record RuleHelpSection(string Heading, string Body, bool IsXml, IReadOnlyList<string>? Items)
{
    /// <summary>The section as Markdown: a level-2 heading, then the body (XML in a fenced block, items as a list), ending with a newline.</summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.Append("## ").Append(Heading).Append("\n\n");
        if (Items is not null)
        {
            foreach (var item in Items) builder.Append("- ").Append(item).Append('\n');
        }
        else if (IsXml)
        {
            builder.Append("```xml\n").Append(Body).Append("\n```\n");
        }
        else
        {
            builder.Append(Body).Append('\n');
        }

        return builder.ToString();
    }
}
