using System.Collections.Generic;
using System.Text;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>
/// Splits an expression into tokens. Operator names (and, or, div, mod) and '*' are left as names and stars:
/// the parser knows from its position whether one is an operator, which is how XPath 1.0 disambiguates them.
/// </summary>
public static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '/':
                    if (Peek(text, i + 1) == '/') { tokens.Add(new Token(TokenKind.DoubleSlash, "//", start)); i += 2; }
                    else { tokens.Add(new Token(TokenKind.Slash, "/", start)); i++; }
                    continue;
                case '[': tokens.Add(new Token(TokenKind.OpenBracket, "[", start)); i++; continue;
                case ']': tokens.Add(new Token(TokenKind.CloseBracket, "]", start)); i++; continue;
                case '(': tokens.Add(new Token(TokenKind.OpenParen, "(", start)); i++; continue;
                case ')': tokens.Add(new Token(TokenKind.CloseParen, ")", start)); i++; continue;
                case '@': tokens.Add(new Token(TokenKind.At, "@", start)); i++; continue;
                case ',': tokens.Add(new Token(TokenKind.Comma, ",", start)); i++; continue;
                case '|': tokens.Add(new Token(TokenKind.Pipe, "|", start)); i++; continue;
                case '+': tokens.Add(new Token(TokenKind.Plus, "+", start)); i++; continue;
                case '-': tokens.Add(new Token(TokenKind.Minus, "-", start)); i++; continue;
                case '*': tokens.Add(new Token(TokenKind.Star, "*", start)); i++; continue;
                case '=': tokens.Add(new Token(TokenKind.Equal, "=", start)); i++; continue;
                case '!':
                    if (Peek(text, i + 1) == '=') { tokens.Add(new Token(TokenKind.NotEqual, "!=", start)); i += 2; continue; }
                    throw Error("'!' must be followed by '=' (use not(...) for negation)", start, 1);
                case '<':
                    if (Peek(text, i + 1) == '=') { tokens.Add(new Token(TokenKind.LessOrEqual, "<=", start)); i += 2; }
                    else { tokens.Add(new Token(TokenKind.Less, "<", start)); i++; }
                    continue;
                case '>':
                    if (Peek(text, i + 1) == '=') { tokens.Add(new Token(TokenKind.GreaterOrEqual, ">=", start)); i += 2; }
                    else { tokens.Add(new Token(TokenKind.Greater, ">", start)); i++; }
                    continue;
                case ':':
                    if (Peek(text, i + 1) == ':') { tokens.Add(new Token(TokenKind.DoubleColon, "::", start)); i += 2; continue; }
                    throw Error("unexpected ':' (namespace prefixes are not supported)", start, 1);
                case '\'':
                case '"':
                    {
                        var close = text.IndexOf(c, i + 1);
                        if (close < 0) throw Error("unterminated string literal", start, text.Length - start);
                        tokens.Add(new Token(TokenKind.String, text.Substring(i + 1, close - i - 1), start));
                        i = close + 1;
                        continue;
                    }
                case '.':
                    if (Peek(text, i + 1) == '.') { tokens.Add(new Token(TokenKind.DoubleDot, "..", start)); i += 2; continue; }
                    if (char.IsDigit(Peek(text, i + 1))) { i = ReadNumber(text, i, tokens); continue; }
                    tokens.Add(new Token(TokenKind.Dot, ".", start));
                    i++;
                    continue;
                case '$':
                    {
                        i++;
                        if (!IsNameStart(Peek(text, i))) throw Error("expected a variable name after '$'", start, 1);
                        var name = ReadName(text, ref i);
                        tokens.Add(new Token(TokenKind.Variable, name, start));
                        continue;
                    }
            }

            if (char.IsDigit(c))
            {
                i = ReadNumber(text, i, tokens);
                continue;
            }

            if (IsNameStart(c))
            {
                var name = ReadName(text, ref i);
                tokens.Add(new Token(TokenKind.Name, name, start));
                continue;
            }

            throw Error($"unexpected character '{c}'", start, 1);
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static int ReadNumber(string text, int i, List<Token> tokens)
    {
        var start = i;
        // A hexadecimal literal, 0x1f: in XPath "0x1f" is no valid expression, so this extension changes nothing else.
        if (text[i] == '0' && (Peek(text, i + 1) == 'x' || Peek(text, i + 1) == 'X') && IsHexDigit(Peek(text, i + 2)))
        {
            i += 2;
            while (i < text.Length && IsHexDigit(text[i])) i++;
            if (i < text.Length && IsNameChar(text[i])) throw Error($"invalid hexadecimal number '{text.Substring(start, i - start + 1)}'", start, i - start + 1);
            if (text.Substring(start + 2, i - start - 2).TrimStart('0').Length > 8) throw Error($"hexadecimal number '{text.Substring(start, i - start)}' is larger than 0xffffffff", start, i - start);
            tokens.Add(new Token(TokenKind.Number, text.Substring(start, i - start), start));
            return i;
        }

        while (i < text.Length && char.IsDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsDigit(text[i])) i++;
        }

        tokens.Add(new Token(TokenKind.Number, text.Substring(start, i - start), start));
        return i;
    }

    private static string ReadName(string text, ref int i)
    {
        var sb = new StringBuilder();
        while (i < text.Length && IsNameChar(text[i]))
        {
            // A trailing '.' or '-' belongs to the next token (e.g. "a -1"); inside a name they are kept.
            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static char Peek(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static ExpressionException Error(string message, int offset, int length) =>
        new(DiagnosticIds.ExpressionSyntax, message, offset, length);
}
