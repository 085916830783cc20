namespace VirtLint.RuleLanguage.Expressions;

public enum TokenKind
{
    End,
    Name,
    Variable,
    String,
    Number,
    Slash,
    DoubleSlash,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    At,
    Comma,
    Pipe,
    Dot,
    DoubleDot,
    DoubleColon,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
}

/// <summary>A lexical token with its offset in the expression text.</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Offset)
{
    public int Length => Kind == TokenKind.End ? 1 : System.Math.Max(1, Text.Length);
}
