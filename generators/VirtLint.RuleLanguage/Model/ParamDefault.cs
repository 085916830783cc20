using System.Globalization;

namespace VirtLint.RuleLanguage.Model;

/// <summary>
/// A parameter's default, already of its declared type (checked and range-checked by the parser), so the generator
/// prints it and the run-time evaluator uses it without reading text again. The declared type is the default's kind.
/// </summary>
public abstract record ParamDefault
{
    public abstract ParamType Type { get; }

    /// <summary>The default as reports and docs print it: <c>0.9</c>, <c>20</c>, <c>true</c>, <c>ide, sata</c>.</summary>
    public abstract string Text { get; }
}

public sealed record StringDefault(string Value) : ParamDefault
{
    public override ParamType Type => ParamType.String;

    public override string Text => Value;
}

/// <summary>A finite number.</summary>
public sealed record NumberDefault(double Value) : ParamDefault
{
    public override ParamType Type => ParamType.Number;

    public override string Text => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed record IntegerDefault(long Value) : ParamDefault
{
    public override ParamType Type => ParamType.Integer;

    public override string Text => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record BooleanDefault(bool Value) : ParamDefault
{
    public override ParamType Type => ParamType.Boolean;

    public override string Text => Value ? "true" : "false";
}

public sealed record StringListDefault(EquatableArray<string> Values) : ParamDefault
{
    public override ParamType Type => ParamType.StringList;

    public override string Text => string.Join(", ", Values);
}
