namespace VirtLint.Core.Decoding;

/// <summary>Finds the <c>encoding</c> pseudo-attribute of a leading XML declaration, before the text is decoded.</summary>
internal static class XmlDeclarationEncoding
{
    // A declaration is a few dozen characters; one that has not ended by here is left to the XML parser to reject.
    private const int MaxDeclarationLength = 4096;

    /// <summary>
    /// True when <paramref name="text"/> starts with an XML declaration that has an <c>encoding</c>; gives its value and
    /// the offset of the value's first character. A malformed declaration yields false: the parser reports it.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<char> text, out string value, out int valueOffset)
    {
        value = "";
        valueOffset = 0;
        if (text.Length < 6 || !text.StartsWith("<?xml", StringComparison.Ordinal) || !IsSpace(text[5])) return false;
        var end = text[..Math.Min(text.Length, MaxDeclarationLength)].IndexOf("?>", StringComparison.Ordinal);
        if (end < 0) return false;

        var declaration = text[..end];
        var i = 5;
        while (true)
        {
            while (i < declaration.Length && IsSpace(declaration[i])) i++;
            var nameStart = i;
            while (i < declaration.Length && char.IsAsciiLetter(declaration[i])) i++;
            if (i == nameStart) return false;
            var name = declaration[nameStart..i];
            while (i < declaration.Length && IsSpace(declaration[i])) i++;
            if (i >= declaration.Length || declaration[i] != '=') return false;
            i++;
            while (i < declaration.Length && IsSpace(declaration[i])) i++;
            if (i >= declaration.Length || declaration[i] is not ('"' or '\'')) return false;
            var close = declaration[(i + 1)..].IndexOf(declaration[i]);
            if (close < 0) return false;
            if (name.SequenceEqual("encoding"))
            {
                value = declaration.Slice(i + 1, close).ToString();
                valueOffset = i + 1;
                return true;
            }

            i += close + 2;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
