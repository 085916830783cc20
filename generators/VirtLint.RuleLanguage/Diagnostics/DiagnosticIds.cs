namespace VirtLint.RuleLanguage.Diagnostics;

/// <summary>
/// Ids of rule-file errors. Append-only, like rule ids: a retired id is never reused.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>The rule file is not valid YAML, or its top level is not a mapping.</summary>
    public const string InvalidYaml = "VLG0001";

    /// <summary>A field the rule-file format does not define.</summary>
    public const string UnknownField = "VLG0002";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "VLG0003";

    /// <summary>A field has a value of the wrong shape or outside its allowed set.</summary>
    public const string InvalidValue = "VLG0004";

    /// <summary>An expression does not parse.</summary>
    public const string ExpressionSyntax = "VLG0005";

    /// <summary>An expression is well-formed but ill-typed, calls an unknown function, or passes the wrong number of arguments.</summary>
    public const string ExpressionType = "VLG0006";

    /// <summary>Two rule files declare the same id.</summary>
    public const string DuplicateId = "VLG0007";

    /// <summary>An expression refers to a variable that is neither a parameter nor a <c>let</c> binding.</summary>
    public const string UnknownVariable = "VLG0008";

    /// <summary>Two rule files declare the same name.</summary>
    public const string DuplicateName = "VLG0009";

    /// <summary>A path names an element or attribute that libvirt's schema for the target document does not define.</summary>
    public const string UnknownSchemaName = "VLG0010";

    /// <summary>A message that is not one sentence starting with a capital letter, ending with a period and naming the offending value in 'single quotes'.</summary>
    public const string MessageStyle = "VLG0011";

    /// <summary><c>why-is-this-bad</c> does not say why the rule has its severity.</summary>
    public const string SeverityNotExplained = "VLG0012";

    /// <summary>A rule id outside its range: VL and the target's digit for built-in rules, an uppercase prefix other than VL for user rules.</summary>
    public const string IdOutOfRange = "VLG0013";

    /// <summary>A rule file not named after its rule, or a built-in rule outside its target's folder.</summary>
    public const string FileNotNamedAfterRule = "VLG0014";
}
