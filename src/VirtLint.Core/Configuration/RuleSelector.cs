namespace VirtLint.Core.Configuration;

/// <summary>How specific a selector is; a more specific one wins over a less specific one in the same file.</summary>
public enum SelectorKind
{
    Category = 1,
    Tag = 2,
    Rule = 3,
}

/// <summary>
/// Which rules a <c>rules:</c> key or a <c>--select</c>/<c>--ignore</c>/<c>--severity</c> value names: one rule (id,
/// kebab-case or PascalCase name), <c>tag:x</c> or <c>category:y</c>.
/// </summary>
public sealed record RuleSelector(SelectorKind Kind, string Text, RuleDescriptor? Rule, string? Group)
{
    public static bool TryParse(string text, RuleLookup lookup, out RuleSelector? selector, out string? error)
    {
        selector = null;
        error = null;
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            var rule = lookup.Find(text);
            if (rule is null)
            {
                error = $"Unknown rule '{text}'{lookup.SuggestRule(text)}";
                return false;
            }

            selector = new RuleSelector(SelectorKind.Rule, text, rule, null);
            return true;
        }

        var prefix = text[..colon];
        var value = text[(colon + 1)..];
        switch (prefix)
        {
            case "tag":
                if (!lookup.IsTag(value))
                {
                    error = $"Unknown tag '{value}'{NameSuggestions.Hint(value, lookup.Tags)}";
                    return false;
                }

                selector = new RuleSelector(SelectorKind.Tag, text, null, value);
                return true;
            case "category":
                if (!lookup.IsCategory(value))
                {
                    error = NameSuggestions.Closest(value, lookup.Categories) is { } close
                        ? $"Unknown category '{value}'; did you mean '{close}'?"
                        : $"Unknown category '{value}'; the categories are {string.Join(", ", lookup.Categories.Select(c => $"'{c}'"))}.";
                    return false;
                }

                selector = new RuleSelector(SelectorKind.Category, text, null, value);
                return true;
            default:
                error = $"Unknown selector '{prefix}:'{NameSuggestions.Hint(prefix, ["tag", "category"])} A rule is named by its id or name, a group by 'tag:NAME' or 'category:NAME'.";
                return false;
        }
    }

    /// <summary>Indices (into the catalog's rule list) of the rules selected.</summary>
    public IReadOnlyList<int> Indices(RuleLookup lookup) => Kind switch
    {
        SelectorKind.Rule => [lookup.IndexOf(Rule!)],
        SelectorKind.Tag => lookup.WithTag(Group!),
        _ => lookup.InCategory(Group!),
    };

    public bool Matches(RuleDescriptor rule) => Kind switch
    {
        SelectorKind.Rule => ReferenceEquals(rule, Rule) || rule.Id == Rule!.Id,
        SelectorKind.Tag => rule.Tags.Contains(Group!, StringComparer.Ordinal),
        _ => rule.Category == Group,
    };
}
