namespace VirtLint.Core.Configuration;

/// <summary>
/// A compiled path glob: <c>**</c> (any number of whole path segments), <c>*</c> and <c>?</c> (within one segment),
/// character classes <c>[a-z]</c> / <c>[!a]</c> / <c>[^a]</c>, and <c>\</c> escapes. A pattern matches the whole
/// '/'-separated path relative to the directory it is resolved against; a leading '/' is allowed and changes nothing.
/// </summary>
/// <remarks>
/// Matching simulates the pattern's automaton over the path, one state set per character, so it runs in
/// O(path length × pattern length) whatever the input: no backtracking, no regular-expression engine.
/// The engine compiles each config glob once, when the configuration is loaded, and calls <see cref="IsMatch"/>
/// per file (include, exclude, overrides, ignores) and <see cref="MatchesEverythingUnder"/> per directory of a walk.
/// </remarks>
public sealed class Glob
{
    private readonly Token[] _tokens;

    private Glob(string pattern, Token[] tokens)
    {
        Pattern = pattern;
        _tokens = tokens;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    public override string ToString() => Pattern;

    /// <summary>Compiles a pattern, or explains why it is not one (an unclosed class, a dangling escape, an empty pattern).</summary>
    public static bool TryParse(string pattern, out Glob? glob, out string? error)
    {
        glob = null;
        var tokens = new List<Token>();
        error = Tokenize(pattern, tokens);
        if (error is not null) return false;
        glob = new Glob(pattern, tokens.ToArray());
        return true;
    }

    /// <summary>Compiles a pattern known to be valid; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static Glob Parse(string pattern) =>
        TryParse(pattern, out var glob, out var error) ? glob! : throw new ArgumentException($"'{pattern}' is not a valid glob: {error}", nameof(pattern));

    /// <summary>Whether the whole '/'-separated relative path matches.</summary>
    public bool IsMatch(ReadOnlySpan<char> path)
    {
        var n = _tokens.Length;
        Span<bool> states = n < 256 ? stackalloc bool[4 * (n + 1)] : new bool[4 * (n + 1)];
        var end = Run(path, states);
        return !end.IsEmpty && end[n];
    }

    /// <summary>
    /// Whether every path under the directory matches, so a walk can skip the directory without listing it: true
    /// for <c>vms/archive/**</c> and the directory <c>vms/archive</c> (or any directory below it).
    /// </summary>
    public bool MatchesEverythingUnder(ReadOnlySpan<char> directory)
    {
        var n = _tokens.Length;
        if (n == 0 || _tokens[n - 1].Kind != TokenKind.AnyPath) return false;
        Span<bool> states = n < 256 ? stackalloc bool[4 * (n + 1)] : new bool[4 * (n + 1)];
        ReadOnlySpan<char> withSlash = directory.Length == 0 ? default : string.Concat(directory, "/");
        // After "dir/", the trailing '**' state being active means any continuation matches.
        var end = Run(withSlash, states);
        return !end.IsEmpty && end[n - 1];
    }

    // Returns the state set after the whole input (a slice of the scratch space), or an empty span when no state survived.
    private Span<bool> Run(ReadOnlySpan<char> path, Span<bool> scratch)
    {
        var n = _tokens.Length;
        var current = scratch[..(n + 1)];
        var inside = scratch[(n + 1)..(2 * (n + 1))];
        var next = scratch[(2 * (n + 1))..(3 * (n + 1))];
        var nextInside = scratch[(3 * (n + 1))..];
        current.Clear();
        inside.Clear();
        current[0] = true;
        Close(current);

        foreach (var c in path)
        {
            next.Clear();
            nextInside.Clear();
            var alive = false;
            for (var i = 0; i < n; i++)
            {
                var token = _tokens[i];
                if (inside[i])
                {
                    // Inside the segments a "**/" consumes: any character, and a '/' may end them.
                    nextInside[i] = true;
                    if (c == '/') next[i + 1] = true;
                    alive = true;
                }

                if (!current[i]) continue;
                alive = true;
                switch (token.Kind)
                {
                    case TokenKind.Literal:
                        if (c == token.Literal) next[i + 1] = true;
                        break;
                    case TokenKind.AnyChar:
                        if (c != '/') next[i + 1] = true;
                        break;
                    case TokenKind.Class:
                        if (c != '/' && token.Class!.Matches(c)) next[i + 1] = true;
                        break;
                    case TokenKind.Star:
                        if (c != '/') next[i] = true;
                        break;
                    case TokenKind.AnyPath:
                        next[i] = true;
                        break;
                    case TokenKind.AnySegments:
                        nextInside[i] = true;
                        if (c == '/') next[i + 1] = true;
                        break;
                }
            }

            if (!alive) return default;
            Close(next);
            // Swap the buffers for the next character.
            var t = current; current = next; next = t;
            t = inside; inside = nextInside; nextInside = t;
        }

        return current;
    }

    // Epsilon moves: tokens that may match nothing let the automaton skip ahead. Moves only go forward, so one pass suffices.
    private void Close(Span<bool> states)
    {
        for (var i = 0; i < _tokens.Length; i++)
            if (states[i] && _tokens[i].Kind is TokenKind.Star or TokenKind.AnyPath or TokenKind.AnySegments)
                states[i + 1] = true;
    }

    private static string? Tokenize(string pattern, List<Token> tokens)
    {
        if (pattern.Length == 0) return "the pattern is empty";
        var i = pattern[0] == '/' ? 1 : 0;
        if (i == pattern.Length) return "the pattern is only '/'";
        while (i < pattern.Length)
        {
            var c = pattern[i];
            var segmentStart = i == 0 || pattern[i - 1] == '/';
            switch (c)
            {
                case '*':
                    {
                        var run = i;
                        while (run < pattern.Length && pattern[run] == '*') run++;
                        var wholeSegment = segmentStart && run - i == 2 && (run == pattern.Length || pattern[run] == '/');
                        if (wholeSegment && run == pattern.Length)
                        {
                            tokens.Add(new Token(TokenKind.AnyPath));
                            i = run;
                        }
                        else if (wholeSegment)
                        {
                            tokens.Add(new Token(TokenKind.AnySegments));
                            i = run + 1; // "**/" consumes its slash
                        }
                        else
                        {
                            tokens.Add(new Token(TokenKind.Star));
                            i = run;
                        }

                        break;
                    }

                case '?':
                    tokens.Add(new Token(TokenKind.AnyChar));
                    i++;
                    break;
                case '[':
                    {
                        var error = CharClass.Parse(pattern, ref i, out var charClass);
                        if (error is not null) return error;
                        tokens.Add(new Token(TokenKind.Class, Class: charClass));
                        break;
                    }

                case '\\':
                    if (i + 1 >= pattern.Length) return "the pattern ends with an escape '\\'";
                    tokens.Add(new Token(TokenKind.Literal, pattern[i + 1]));
                    i += 2;
                    break;
                default:
                    tokens.Add(new Token(TokenKind.Literal, c));
                    i++;
                    break;
            }
        }

        return null;
    }

    private enum TokenKind
    {
        Literal,
        AnyChar,
        Class,
        Star,
        AnySegments,
        AnyPath,
    }

    private readonly record struct Token(TokenKind Kind, char Literal = '\0', CharClass? Class = null);

    private sealed class CharClass
    {
        private readonly (char Low, char High)[] _ranges;
        private readonly bool _negated;

        private CharClass((char, char)[] ranges, bool negated)
        {
            _ranges = ranges;
            _negated = negated;
        }

        public bool Matches(char c)
        {
            var found = false;
            foreach (var (low, high) in _ranges)
            {
                if (c >= low && c <= high)
                {
                    found = true;
                    break;
                }
            }

            return found != _negated;
        }

        // Parses "[...]" starting at pattern[i] == '['; leaves i after the closing ']'.
        public static string? Parse(string pattern, ref int i, out CharClass? result)
        {
            result = null;
            var start = i;
            i++;
            var negated = i < pattern.Length && pattern[i] is '!' or '^';
            if (negated) i++;
            var ranges = new List<(char, char)>();
            var first = true;
            while (true)
            {
                if (i >= pattern.Length) return $"the character class opened at column {start + 1} is not closed with ']'";
                var c = pattern[i];
                if (c == ']' && !first) break;
                first = false;
                if (c == '\\')
                {
                    if (i + 1 >= pattern.Length) return "the pattern ends with an escape '\\'";
                    c = pattern[++i];
                }

                if (c == '/') return "a character class cannot match '/'";
                var low = c;
                var high = c;
                if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
                {
                    high = pattern[i + 2];
                    if (high == '\\')
                    {
                        if (i + 3 >= pattern.Length) return "the pattern ends with an escape '\\'";
                        high = pattern[i + 3];
                        i++;
                    }

                    if (high < low) return $"the range '{low}-{high}' is reversed";
                    i += 2;
                }

                ranges.Add((low, high));
                i++;
            }

            i++; // past ']'
            result = new CharClass(ranges.ToArray(), negated);
            return null;
        }
    }
}
