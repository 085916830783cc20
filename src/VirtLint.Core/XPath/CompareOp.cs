namespace VirtLint.Core.XPath;

/// <summary>The comparison operators, as passed to <see cref="Xp.Compare(CompareOp, IEnumerable{string}, string)"/>.</summary>
public enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
