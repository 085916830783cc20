using System.Collections.Generic;
using System.Globalization;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>
/// Parses an XPath 1.0 subset and type-checks it in the same pass, producing the typed IR.
/// Names are checked against the vocabulary as each step is read, so errors point at the misspelt step.
/// </summary>
public sealed class ExpressionParser
{
    private static readonly HashSet<string> NodeTypeTests = new() { "node", "text" };

    private readonly List<Token> _tokens;
    private readonly BindingScope _scope;
    private int _position;

    private ExpressionParser(string text, BindingScope scope)
    {
        _tokens = Lexer.Tokenize(text);
        _scope = scope;
    }

    /// <summary>The element trail at the end of the last top-level path parsed (the context for a check's other expressions).</summary>
    public ElementTrail ResultTrail { get; private set; } = ElementTrail.Unknown;

    /// <summary>Parses and binds <paramref name="text"/> with <paramref name="context"/> as the context node's trail.</summary>
    public static Expr Parse(string text, BindingScope scope, ElementTrail context, out ElementTrail resultTrail)
    {
        var parser = new ExpressionParser(text, scope);
        parser.CheckSize();
        var expr = parser.ParseOr(context, out resultTrail);
        if (parser.Current.Kind != TokenKind.End)
            throw parser.Syntax($"unexpected '{parser.Current.Text}'");
        return expr;
    }

    public static Expr Parse(string text, BindingScope scope, ElementTrail context) => Parse(text, scope, context, out _);

    /// <summary>At most this many tokens in one expression (the largest built-in one has about 350).</summary>
    public const int MaxTokens = 2000;

    /// <summary>At most this many brackets open at once (built-in rules nest 12 deep).</summary>
    public const int MaxNesting = 64;

    /// <summary>
    /// Bounds the tree before it is built: the parser, the type checker, both back ends and record equality all recurse
    /// over it, so a rule of a hundred thousand nested brackets would otherwise end the process with a stack overflow.
    /// </summary>
    private void CheckSize()
    {
        var depth = 0;
        foreach (var token in _tokens)
        {
            if (token.Kind is TokenKind.OpenParen or TokenKind.OpenBracket && ++depth > MaxNesting)
                throw Syntax($"brackets are nested more than {MaxNesting} deep", token);
            if (token.Kind is TokenKind.CloseParen or TokenKind.CloseBracket) depth--;
        }

        if (_tokens.Count - 1 > MaxTokens)
            throw Syntax($"the expression has more than {MaxTokens} tokens; split it with 'let'", _tokens[MaxTokens]);
    }

    private Token Current => _tokens[_position];

    private Token PeekToken(int ahead = 1) => _tokens[System.Math.Min(_position + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_position++];

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind) throw Syntax($"expected {what} but found {Describe(Current)}");
        return Advance();
    }

    private static string Describe(Token token) => token.Kind == TokenKind.End ? "the end of the expression" : $"'{token.Text}'";

    private ExpressionException Syntax(string message) => Syntax(message, Current);

    private static ExpressionException Syntax(string message, Token at) =>
        new(DiagnosticIds.ExpressionSyntax, message, at.Offset, at.Length);

    private static ExpressionException TypeError(string message, Token at) =>
        new(DiagnosticIds.ExpressionType, message, at.Offset, at.Length);

    // ---- operators, lowest precedence first ----

    private delegate Expr Level(ElementTrail context, out ElementTrail trail);

    private Expr ParseOr(ElementTrail context, out ElementTrail trail) =>
        LeftAssociative(context, out trail, ParseAnd, token => IsName(token, "or") ? BinaryOperator.Or : null, Logical);

    private Expr ParseAnd(ElementTrail context, out ElementTrail trail) =>
        LeftAssociative(context, out trail, ParseEquality, token => IsName(token, "and") ? BinaryOperator.And : null, Logical);

    private Expr ParseEquality(ElementTrail context, out ElementTrail trail) =>
        LeftAssociative(context, out trail, ParseRelational, token => token.Kind switch
        {
            TokenKind.Equal => BinaryOperator.Equal,
            TokenKind.NotEqual => BinaryOperator.NotEqual,
            _ => null,
        }, Comparison);

    private Expr ParseRelational(ElementTrail context, out ElementTrail trail) =>
        LeftAssociative(context, out trail, ParseAdditive, token => token.Kind switch
        {
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
            _ => null,
        }, Comparison);

    private Expr ParseAdditive(ElementTrail context, out ElementTrail trail) =>
        LeftAssociative(context, out trail, ParseMultiplicative, token => token.Kind switch
        {
            TokenKind.Plus => BinaryOperator.Add,
            TokenKind.Minus => BinaryOperator.Subtract,
            _ => null,
        }, Arithmetic);

    // '*', 'div' and 'mod' are operators only here, after an operand: that is XPath's disambiguation rule.
    private Expr ParseMultiplicative(ElementTrail context, out ElementTrail trail) =>
        LeftAssociative(context, out trail, ParseUnary, token =>
            token.Kind == TokenKind.Star ? BinaryOperator.Multiply
            : IsName(token, "div") ? BinaryOperator.Divide
            : IsName(token, "mod") ? BinaryOperator.Modulo
            : null, Arithmetic);

    private Expr LeftAssociative(ElementTrail context, out ElementTrail trail, Level operand, System.Func<Token, BinaryOperator?> operatorOf, System.Func<BinaryOperator, Expr, Expr, Token, Expr> combine)
    {
        var left = operand(context, out trail);
        while (operatorOf(Current) is { } op)
        {
            var token = Advance();
            var right = operand(context, out _);
            left = combine(op, left, right, token);
            trail = ElementTrail.Unknown;
        }

        return left;
    }

    private static bool IsName(Token token, string name) => token.Kind == TokenKind.Name && token.Text == name;

    private Expr ParseUnary(ElementTrail context, out ElementTrail trail)
    {
        if (Current.Kind == TokenKind.Minus)
        {
            var op = Advance();
            var operand = ParseUnary(context, out _);
            trail = ElementTrail.Unknown;
            return new NegateExpr(Convert(operand, ValueType.Number, op));
        }

        return ParseUnion(context, out trail);
    }

    private Expr ParseUnion(ElementTrail context, out ElementTrail trail)
    {
        var left = ParsePath(context, out trail);
        while (Current.Kind == TokenKind.Pipe)
        {
            var op = Advance();
            var right = ParsePath(context, out var rightTrail);
            if (left.Type != ValueType.NodeSet || right.Type != ValueType.NodeSet)
                throw TypeError("'|' joins node-sets only", op);
            left = new UnionExpr(left, right);
            // Branches that select the same element under different parents keep only the element's name.
            trail = trail == rightTrail ? trail
                : trail.Current is { } name && name == rightTrail.Current ? ElementTrail.Unknown.Push(name)
                : ElementTrail.Unknown;
        }

        return left;
    }

    // ---- paths ----

    private Expr ParsePath(ElementTrail context, out ElementTrail trail)
    {
        if (Current.Kind is TokenKind.Slash or TokenKind.DoubleSlash)
        {
            var steps = new List<Step>();
            trail = ElementTrail.Of();
            if (Current.Kind == TokenKind.Slash)
            {
                Advance();
                if (!StartsStep(Current))
                    return new PathExpr(PathOrigin.Document, null, new EquatableArray<Step>(steps));
                trail = ParseStep(steps, trail, isDocument: true);
            }
            else
            {
                Advance();
                trail = ParseStepAfterDoubleSlash(steps);
            }

            trail = ParseRemainingSteps(steps, trail);
            return new PathExpr(PathOrigin.Document, null, new EquatableArray<Step>(steps));
        }

        if (StartsPrimary())
        {
            var primaryToken = Current;
            var primary = ParsePrimary(context, out trail);
            if (Current.Kind == TokenKind.OpenBracket)
            {
                if (primary.Type != ValueType.NodeSet) throw TypeError($"predicates filter node-sets, not a {primary.Type.ToName()}", Current);
                primary = new FilterExpr(primary, ParsePredicates(trail));
            }

            if (Current.Kind is TokenKind.Slash or TokenKind.DoubleSlash)
            {
                if (primary.Type != ValueType.NodeSet) throw TypeError($"a path continues a node-set, not a {primary.Type.ToName()}", primaryToken);
                var steps = new List<Step>();
                trail = ParseRemainingSteps(steps, trail);
                return new PathExpr(PathOrigin.Expression, primary, new EquatableArray<Step>(steps));
            }

            return primary;
        }

        if (!StartsStep(Current)) throw Syntax($"expected an expression but found {Describe(Current)}");
        var relative = new List<Step>();
        trail = ParseStep(relative, context, isDocument: false);
        trail = ParseRemainingSteps(relative, trail);
        return new PathExpr(PathOrigin.Context, null, new EquatableArray<Step>(relative));
    }

    private ElementTrail ParseRemainingSteps(List<Step> steps, ElementTrail trail)
    {
        while (Current.Kind is TokenKind.Slash or TokenKind.DoubleSlash)
        {
            var separator = Advance();
            trail = separator.Kind == TokenKind.Slash
                ? ParseStep(steps, trail, isDocument: false)
                : ParseStepAfterDoubleSlash(steps);
        }

        return trail;
    }

    // "a//b" is "a/descendant-or-self::node()/b"; without positional predicates that is "a/descendant::b".
    // The parent of a descendant is not known statically, so its name is checked against the whole vocabulary.
    private ElementTrail ParseStepAfterDoubleSlash(List<Step> steps)
    {
        if (!StartsStep(Current)) throw Syntax($"expected a step after '//' but found {Describe(Current)}");
        var before = steps.Count;
        var result = ParseStep(steps, ElementTrail.Unknown, isDocument: false);
        var step = steps[before];
        if (step.Axis == Axis.Child)
            steps[before] = step with { Axis = Axis.Descendant };
        else
            steps.Insert(before, new Step(Axis.DescendantOrSelf, NodeTest.AnyNode, "", EquatableArray<Expr>.Empty));
        return result;
    }

    private static bool StartsStep(Token token) =>
        token.Kind is TokenKind.Name or TokenKind.Star or TokenKind.At or TokenKind.Dot or TokenKind.DoubleDot;

    private bool StartsPrimary()
    {
        switch (Current.Kind)
        {
            case TokenKind.Variable:
            case TokenKind.String:
            case TokenKind.Number:
            case TokenKind.OpenParen:
                return true;
            case TokenKind.Name:
                return PeekToken().Kind == TokenKind.OpenParen && !NodeTypeTests.Contains(Current.Text);
            default:
                return false;
        }
    }

    private ElementTrail ParseStep(List<Step> steps, ElementTrail trail, bool isDocument)
    {
        if (Current.Kind == TokenKind.Dot)
        {
            Advance();
            steps.Add(new Step(Axis.Self, NodeTest.AnyNode, "", EquatableArray<Expr>.Empty));
            return trail;
        }

        if (Current.Kind == TokenKind.DoubleDot)
        {
            Advance();
            steps.Add(new Step(Axis.Parent, NodeTest.AnyNode, "", EquatableArray<Expr>.Empty));
            return trail.Pop();
        }

        var axis = Axis.Child;
        if (Current.Kind == TokenKind.At)
        {
            Advance();
            axis = Axis.Attribute;
        }
        else if (Current.Kind == TokenKind.Name && PeekToken().Kind == TokenKind.DoubleColon)
        {
            var axisToken = Advance();
            Advance();
            axis = axisToken.Text switch
            {
                "child" => Axis.Child,
                "descendant" => Axis.Descendant,
                "descendant-or-self" => Axis.DescendantOrSelf,
                "attribute" => Axis.Attribute,
                "self" => Axis.Self,
                "parent" => Axis.Parent,
                "ancestor" => Axis.Ancestor,
                "ancestor-or-self" => Axis.AncestorOrSelf,
                "following-sibling" => Axis.FollowingSibling,
                "preceding-sibling" => Axis.PrecedingSibling,
                _ => throw Syntax($"unsupported axis '{axisToken.Text}'", axisToken),
            };
        }

        var testToken = Current;
        NodeTest test;
        var name = "";
        if (Current.Kind == TokenKind.Star)
        {
            Advance();
            test = NodeTest.AnyName;
        }
        else if (Current.Kind == TokenKind.Name && PeekToken().Kind == TokenKind.OpenParen && NodeTypeTests.Contains(Current.Text))
        {
            test = Advance().Text == "node" ? NodeTest.AnyNode : NodeTest.Text;
            Advance();
            Expect(TokenKind.CloseParen, "')'");
        }
        else if (Current.Kind == TokenKind.Name)
        {
            name = Advance().Text;
            test = NodeTest.Name;
        }
        else
        {
            throw Syntax($"expected a node test but found {Describe(Current)}");
        }

        var next = NextTrail(axis, test, name, trail, testToken, isDocument);
        var predicates = Current.Kind == TokenKind.OpenBracket ? ParsePredicates(next) : EquatableArray<Expr>.Empty;
        steps.Add(new Step(axis, test, name, predicates));
        return next;
    }

    private ElementTrail NextTrail(Axis axis, NodeTest test, string name, ElementTrail trail, Token at, bool isDocument)
    {
        string? named = test == NodeTest.Name ? name : null;
        switch (axis)
        {
            case Axis.Attribute:
                if (named is not null) CheckName(trail.Current, named, isAttribute: true, at, trail.Known);
                return trail.Push("@" + (named ?? "*"));
            case Axis.Child:
                if (named is not null)
                {
                    if (isDocument) CheckRoot(named, at);
                    else CheckName(trail.Current, named, isAttribute: false, at, trail.Known);
                }

                return test == NodeTest.Text ? trail : trail.Push(named);
            case Axis.Self:
                return named is null ? trail : trail.Pop().Push(named);
            case Axis.Parent:
                return trail.Pop();
            case Axis.FollowingSibling:
            case Axis.PrecedingSibling:
                {
                    var parent = trail.Pop();
                    if (named is not null) CheckName(parent.Current, named, isAttribute: false, at, parent.Known);
                    return parent.Push(named);
                }
            default:
                if (named is not null) CheckName(null, named, isAttribute: false, at, known: false);
                return named is null ? ElementTrail.Unknown : ElementTrail.Unknown.Push(named);
        }
    }

    private void CheckRoot(string name, Token at)
    {
        if (_scope.Names is null) return;
        var expected = RootElementOf(_scope.Kind);
        if (expected is not null && name != expected)
            throw new ExpressionException(DiagnosticIds.UnknownSchemaName, $"a {_scope.Kind} document's root element is <{expected}>, not <{name}>", at.Offset, at.Length);
    }

    private void CheckName(string? parent, string name, bool isAttribute, Token at, bool known)
    {
        if (_scope.Names is null) return;
        var error = _scope.Names.Check(_scope.Kind, known ? parent : null, name, isAttribute);
        if (error is not null)
            throw new ExpressionException(DiagnosticIds.UnknownSchemaName, error, at.Offset, at.Length);
    }

    /// <summary>The root element name of a document kind.</summary>
    public static string? RootElementOf(string kind) => DocumentKindTable.Named(kind)?.RootElement;

    private EquatableArray<Expr> ParsePredicates(ElementTrail trail)
    {
        var predicates = new List<Expr>();
        while (Current.Kind == TokenKind.OpenBracket)
        {
            var open = Advance();
            var predicate = ParseOr(trail, out _);
            if (predicate.Type == ValueType.Number)
                throw TypeError("positional predicates are not supported; compare with count() or use a boolean test", open);
            predicates.Add(ToBoolean(predicate, open));
            Expect(TokenKind.CloseBracket, "']'");
        }

        return new EquatableArray<Expr>(predicates);
    }

    // ---- primaries ----

    private Expr ParsePrimary(ElementTrail context, out ElementTrail trail)
    {
        trail = ElementTrail.Unknown;
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Variable:
                Advance();
                if (!_scope.TryLookup(token.Text, out var variable))
                {
                    var known = string.Join(", ", _scope.VariableNames);
                    throw new ExpressionException(DiagnosticIds.UnknownVariable,
                        $"unknown variable '${token.Text}'" + (known.Length > 0 ? $" (known: {known})" : " (declare it under params or let)"),
                        token.Offset, token.Text.Length + 1);
                }

                trail = variable.Trail;
                return new VariableRef(variable.Name, variable.Kind, variable.Type);
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Text);
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase)
                    ? ulong.Parse(token.Text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                    : double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case TokenKind.OpenParen:
                {
                    Advance();
                    var inner = ParseOr(context, out trail);
                    Expect(TokenKind.CloseParen, "')'");
                    return inner;
                }
            default:
                return ParseFunctionCall(context);
        }
    }

    private Expr ParseFunctionCall(ElementTrail context)
    {
        var nameToken = Advance();
        Expect(TokenKind.OpenParen, "'('");
        if (!FunctionTable.TryGet(nameToken.Text, out var signature))
            throw TypeError($"unknown function '{nameToken.Text}()'", nameToken);

        var args = new List<(Expr Expr, Token Start)>();
        var firstTrail = ElementTrail.Unknown;
        if (Current.Kind != TokenKind.CloseParen)
        {
            while (true)
            {
                var argStart = Current;
                // An index's key is evaluated on each node of the first argument, so its names are checked there.
                args.Add((ParseOr(signature.IsPerNodeArgument(args.Count) ? firstTrail : context, out var argTrail), argStart));
                if (args.Count == 1) firstTrail = argTrail;
                if (Current.Kind != TokenKind.Comma) break;
                Advance();
            }
        }

        Expect(TokenKind.CloseParen, "')'");
        var max = signature.Variadic ? int.MaxValue : signature.Parameters.Length;
        if (args.Count < signature.MinArguments || args.Count > max)
        {
            var expected = signature.Variadic ? $"at least {signature.MinArguments}"
                : signature.MinArguments == signature.Parameters.Length ? signature.MinArguments.ToString(CultureInfo.InvariantCulture)
                : $"{signature.MinArguments} to {signature.Parameters.Length}";
            throw TypeError($"{signature.Name}() takes {expected} argument(s), not {args.Count}", nameToken);
        }

        var bound = new List<Expr>();
        if (args.Count == 0 && signature.ContextDefault)
        {
            // f() means f(.) for the functions XPath defines on the context node.
            var self = new PathExpr(PathOrigin.Context, null, new EquatableArray<Step>(new[] { new Step(Axis.Self, NodeTest.AnyNode, "", EquatableArray<Expr>.Empty) }));
            var kind = signature.Parameters[0];
            bound.Add(kind == ArgumentKind.String ? Convert(self, ValueType.String, nameToken) : self);
        }

        for (var i = 0; i < args.Count; i++)
        {
            var kind = signature.Parameters[System.Math.Min(i, signature.Parameters.Length - 1)];
            var (arg, start) = args[i];
            bound.Add(kind switch
            {
                ArgumentKind.Any => arg.Type == ValueType.StringList ? throw TypeError($"{signature.Name}() does not take a list", start) : arg,
                ArgumentKind.NodeSet => arg.Type == ValueType.NodeSet ? arg : throw TypeError($"{signature.Name}() expects a node-set as argument {i + 1}, not a {arg.Type.ToName()}", start),
                ArgumentKind.Literal => arg is StringLiteral ? arg : throw TypeError($"{signature.Name}() needs a string literal as argument {i + 1}, so it can be compiled at build time", start),
                ArgumentKind.String => Convert(arg, ValueType.String, start),
                ArgumentKind.Number => Convert(arg, ValueType.Number, start),
                _ => Convert(arg, ValueType.Boolean, start),
            });
        }

        if (signature.PerNodeArguments.Length > 0) return IndexedLookup.Bind(signature, bound, args.ConvertAll(a => a.Start));
        if (signature.Name == "matches") RegexCheck.Validate(((StringLiteral)bound[1]).Value, args[1].Start);
        if (signature.Name == "if") return Conditional(bound, args[1].Start);
        if (signature.Name == "default" && bound[0].Type is not (ValueType.NodeSet or ValueType.String))
            throw TypeError($"default() takes a node-set or a string as argument 1, not a {bound[0].Type.ToName()}", args[0].Start);
        return new FunctionCall(signature.Name, new EquatableArray<Expr>(bound), signature.Result);
    }

    /// <summary>
    /// <c>if(c, a, b)</c> takes the type both branches share: the same type when they agree, else the first of string,
    /// number, boolean that one of them has (so a node-set and a string compare as strings).
    /// </summary>
    private static Expr Conditional(List<Expr> bound, Token at)
    {
        // Lists were already refused: if() takes Any arguments, and Any excludes lists.
        var (then, otherwise) = (bound[1], bound[2]);
        var type = then.Type == otherwise.Type ? then.Type
            : then.Type == ValueType.String || otherwise.Type == ValueType.String ? ValueType.String
            : then.Type == ValueType.Number || otherwise.Type == ValueType.Number ? ValueType.Number
            : then.Type == ValueType.Boolean || otherwise.Type == ValueType.Boolean ? ValueType.Boolean
            : ValueType.String;
        return new FunctionCall("if", new EquatableArray<Expr>(new[] { bound[0], Convert(then, type, at), Convert(otherwise, type, at) }), type);
    }

    // ---- typing ----

    private static Expr Comparison(BinaryOperator op, Expr left, Expr right, Token at)
    {
        if (left.Type == ValueType.StringList && right.Type == ValueType.StringList)
            throw TypeError("cannot compare two lists; compare a node-set or a string with a list", at);
        return new BinaryExpr(op, left, right, ValueType.Boolean);
    }

    private static Expr Logical(BinaryOperator op, Expr left, Expr right, Token at) =>
        new BinaryExpr(op, ToBoolean(left, at), ToBoolean(right, at), ValueType.Boolean);

    private static Expr Arithmetic(BinaryOperator op, Expr left, Expr right, Token at) =>
        new BinaryExpr(op, Convert(left, ValueType.Number, at), Convert(right, ValueType.Number, at), ValueType.Number);

    private static Expr ToBoolean(Expr expr, Token at) => Convert(expr, ValueType.Boolean, at);

    /// <summary>Inserts XPath's implicit conversion, or rejects it when XPath has none (to a node-set, from a list).</summary>
    public static Expr Convert(Expr expr, ValueType target, Token at)
    {
        if (expr.Type == target) return expr;
        if (target == ValueType.NodeSet)
            throw TypeError($"expected a node-set but this is a {expr.Type.ToName()}", at);
        if (expr.Type == ValueType.StringList && target != ValueType.Boolean)
            throw TypeError($"a list can only be compared or tested, not used as a {target.ToName()}", at);
        var function = target switch
        {
            ValueType.String => "string",
            ValueType.Number => "number",
            _ => "boolean",
        };
        return new FunctionCall(function, new EquatableArray<Expr>(new[] { expr }), target);
    }

    /// <summary>Converts a checked expression to a type; used for check tests and message placeholders.</summary>
    public static Expr Convert(Expr expr, ValueType target) => Convert(expr, target, new Token(TokenKind.End, "", 0));
}
