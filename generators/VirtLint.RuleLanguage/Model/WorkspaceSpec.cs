namespace VirtLint.RuleLanguage.Model;

/// <summary>
/// What a cross-document rule takes from each document: fact elements named <see cref="Element"/> under the document's
/// element in the workspace, one per node of <see cref="Each"/> (evaluated on the document's root element), each with
/// one attribute per value (a string, evaluated on that node).
/// </summary>
public sealed record FactSpec(string Kind, string Element, Expressions.Expr Each, EquatableArray<FactValueSpec> Values);

public sealed record FactValueSpec(string Name, Expressions.Expr Value);

/// <summary>Other nodes that explain a finding (evaluated on the context node after the lets), each with a message evaluated on it.</summary>
public sealed record RelatedSpec(Expressions.Expr Nodes, MessageTemplate Message);
