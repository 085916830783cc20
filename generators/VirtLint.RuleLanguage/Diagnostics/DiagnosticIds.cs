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
}
