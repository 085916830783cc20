using VirtLint.RuleLanguage.Diagnostics;
using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Model;

/// <summary>
/// A rule file after parsing and type checking: the typed intermediate form the generator emits C# from
/// (and a run-time loader would interpret). Value equality throughout, so it is safe to cache.
/// </summary>
public sealed record RuleSpec(
    string Id,
    string Name,
    string Title,
    RuleSeverity Severity,
    RuleCategory Category,
    EquatableArray<string> Tags,
    RulePrecision Precision,
    double? SecuritySeverity,
    RuleTarget Target,
    EquatableArray<ParamSpec> Parameters,
    CheckSpec? Check,
    MessageTemplate Message,
    DocsSpec Docs,
    string SourcePath,
    SourceRange IdRange,
    SourceRange NameRange,
    ScopeSpec? Scope = null)
{
    /// <summary>A workspace rule's facts, by document kind and element name.</summary>
    public EquatableArray<FactSpec> Facts { get; init; } = EquatableArray<FactSpec>.Empty;

    /// <summary>The kinds of document a workspace rule cannot judge without.</summary>
    public EquatableArray<string> Requires { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The nodes reported with each finding as related locations; null for none.</summary>
    public RelatedSpec? Related { get; init; }
}

/// <summary>
/// Where a domain rule applies: domain types, architectures and machine families, each empty for "any". Null when the
/// rule file states no scope (allowed for organisation rules; every built-in domain rule states one).
/// </summary>
public sealed record ScopeSpec(EquatableArray<string> Hypervisors, EquatableArray<string> Architectures, EquatableArray<string> Machines)
{
    /// <summary>True when the scope restricts nothing, so the generated checker needs no pre-check.</summary>
    public bool IsAny => Hypervisors.Count == 0 && Architectures.Count == 0 && Machines.Count == 0;
}

/// <summary>
/// A named parameter with its typed default; used in expressions as <c>$name</c>. Its declared type is its default's
/// (<see cref="DeclaredType"/>); <see cref="Type"/> is the type <c>$name</c> has in expressions (an integer is a number).
/// </summary>
public sealed record ParamSpec(string Name, ParamDefault Default, string Description)
{
    public ParamType DeclaredType => Default.Type;

    public ValueType Type => Default.Type.ExpressionType();
}

/// <summary>A Schematron-style check: for each context node, bind the lets, then a finding when the assert is false or the report is true.</summary>
public sealed record CheckSpec(Expr Context, EquatableArray<LetSpec> Lets, Expr Test, bool IsAssert, Expr? Location)
{
    /// <summary>The rule file's line of each expression (0 when unknown), for <c>#line</c> directives in generated code.</summary>
    public int ContextLine { get; init; }

    public int TestLine { get; init; }

    public int LocationLine { get; init; }
}

public sealed record LetSpec(string Name, Expr Value)
{
    /// <summary>The rule file's line of the expression (0 when unknown).</summary>
    public int Line { get; init; }
}

/// <summary>The fixed documentation sections of a rule.</summary>
public sealed record DocsSpec(string WhatItDoes, string WhyIsThisBad, string Example, string UseInstead, EquatableArray<string> References);

/// <summary>A message with <c>{expression}</c> placeholders, split into literal text and typed expressions.</summary>
public sealed record MessageTemplate(string Source, EquatableArray<MessagePart> Parts)
{
    /// <summary>The rule file's line of the message (0 when unknown).</summary>
    public int Line { get; init; }
}

/// <summary>Either literal text (<see cref="Expression"/> null) or a placeholder expression converted to a string.</summary>
public sealed record MessagePart(string Text, Expr? Expression);
