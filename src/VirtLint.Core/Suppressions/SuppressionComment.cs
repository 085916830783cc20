namespace VirtLint.Core.Suppressions;

/// <summary>
/// The text of a suppression comment, tokenized:
/// <c>virtlint-disable-next-element RULE… reason="…" until=YYYY-MM-DD</c> or <c>virtlint-disable-file RULE… reason="…"</c>.
/// Rules are separated by spaces or commas; values are quoted with " or ' (an XML comment cannot hold "--", so the
/// reason is always a quoted value) or bare up to the next space. Offsets are into the comment's value, so that
/// problems can point at the exact token.
/// </summary>
internal sealed class SuppressionComment
{
    public const string NextElement = "virtlint-disable-next-element";
    public const string File = "virtlint-disable-file";
    public static readonly IReadOnlyList<string> Directives = [NextElement, File];
    public static readonly IReadOnlyList<string> Keys = ["reason", "until"];

    public required string Directive { get; init; }
    public required Token DirectiveToken { get; init; }
    public List<Token> Rules { get; } = [];
    public Token? Reason { get; set; }
    public Token? Until { get; set; }
    public List<(string Message, Token At)> Errors { get; } = [];

    /// <summary>A word or value: its text (unquoted) and where its source starts and ends in the comment value.</summary>
    public readonly record struct Token(string Text, int Start, int End);

    /// <summary>Null when the comment is not addressed to VirtLint (it does not start with "virtlint-").</summary>
    public static SuppressionComment? Parse(string value)
    {
        var i = 0;
        SkipSpaces(value, ref i);
        if (!value.AsSpan(i).StartsWith("virtlint-", StringComparison.Ordinal)) return null;
        var start = i;
        while (i < value.Length && !char.IsWhiteSpace(value[i])) i++;
        var directive = new Token(value[start..i], start, i);
        var comment = new SuppressionComment { Directive = directive.Text, DirectiveToken = directive };
        if (!Directives.Contains(directive.Text, StringComparer.Ordinal))
        {
            comment.Errors.Add(($"Unknown suppression directive '{directive.Text}'; use '{NextElement}' or '{File}'.", directive));
            return comment;
        }

        while (true)
        {
            SkipSpaces(value, ref i);
            if (i >= value.Length) break;
            var wordStart = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]) && value[i] != ',' && value[i] != '=') i++;
            var word = new Token(value[wordStart..i], wordStart, i);
            if (i < value.Length && value[i] == '=')
            {
                i++;
                var parsed = Value(value, ref i, out var problem);
                if (problem is not null)
                {
                    comment.Errors.Add((problem, new Token(value[wordStart..i], wordStart, i)));
                    break;
                }

                switch (word.Text)
                {
                    case "reason" when comment.Reason is null:
                        comment.Reason = parsed;
                        break;
                    case "until" when comment.Until is null:
                        comment.Until = parsed;
                        break;
                    case "reason" or "until":
                        comment.Errors.Add(($"The key '{word.Text}' is given twice.", word));
                        break;
                    default:
                        comment.Errors.Add(($"Unknown key '{word.Text}'{Configuration.NameSuggestions.Parenthesized(word.Text, Keys)}; a suppression takes rules, reason=\"…\" and until=YYYY-MM-DD.", word));
                        break;
                }
            }
            else if (word.Text.Length > 0)
            {
                if (comment.Reason is not null || comment.Until is not null)
                    comment.Errors.Add(($"Rule '{word.Text}' comes after reason or until; list the rules first.", word));
                else comment.Rules.Add(word);
            }

            if (i < value.Length && value[i] == ',') i++;
        }

        return comment;
    }

    // A quoted value (no escapes: the other quote character may appear inside) or a bare word.
    private static Token Value(string text, ref int i, out string? problem)
    {
        problem = null;
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var quote = text[i];
            var close = text.IndexOf(quote, i + 1);
            if (close < 0)
            {
                problem = $"The value opened with {quote} is not closed.";
                var all = new Token(text[(i + 1)..], i, text.Length);
                i = text.Length;
                return all;
            }

            var quoted = new Token(text[(i + 1)..close], i, close + 1);
            i = close + 1;
            return quoted;
        }

        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        return new Token(text[start..i], start, i);
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
    }
}
