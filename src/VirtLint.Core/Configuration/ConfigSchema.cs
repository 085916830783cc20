using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VirtLint.Core.Configuration;

/// <summary>
/// The JSON Schema (draft-07, as YAML language servers read it) of <c>.virtlint.yaml</c>, generated from the rule
/// catalogue: every rule by id, kebab-case and PascalCase name, each with its own typed <c>params</c>; the known tags
/// and categories; the presets. Editors use it for completion and validation while typing; VirtLint itself
/// validates with <see cref="ConfigFileParser"/>, which also locates errors and suggests names.
/// </summary>
/// <remarks>
/// <c>virtlint config schema</c> prints <see cref="Generate"/>; the docs generator writes it under <c>docs/</c> so
/// the staleness test keeps it fresh. Deterministic: catalogue order, fixed key order, '\n' line ends.
/// </remarks>
public static class ConfigSchema
{
    public static string Generate(RuleLookup lookup)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            w.WriteString("title", "VirtLint configuration (.virtlint.yaml)");
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            Property(w, "extends", "Presets (" + string.Join(", ", ConfigPresets.Names) + ") or paths of config files to build on, in order. Without it: recommended.", () =>
            {
                w.WriteStartArray("oneOf");
                Ref(w, "extends-item");
                w.WriteStartObject();
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                Ref(w, "extends-item");
                w.WriteEndObject();
                w.WriteEndArray();
            });
            Property(w, "include", "Globs, relative to this file's directory, of the files a directory walk lints.", () => RefBody(w, "globs"));
            Property(w, "exclude", "Globs, relative to this file's directory, of files a directory walk skips.", () => RefBody(w, "globs"));
            Property(w, "fail-on", "The lowest severity that makes the run fail (exit 1).", () => Enum(w, LevelNames.FailLevels));
            Property(w, "rules", "Rule settings: a rule id or name, 'tag:NAME' or 'category:NAME', mapped to a level or to {severity, params}.", () => RefBody(w, "rules"));
            Property(w, "overrides", "Rule settings for some files, applied in order after 'rules'.", () =>
            {
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "object");
                w.WriteBoolean("additionalProperties", false);
                Required(w, "files", "rules");
                w.WriteStartObject("properties");
                w.WritePropertyName("files");
                Ref(w, "globs");
                w.WritePropertyName("rules");
                Ref(w, "rules");
                w.WriteEndObject();
                w.WriteEndObject();
            });
            Property(w, "ignores", "Suppressions kept out of the documents: findings of a rule in some files, with a reason and an optional last day.", () =>
            {
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "object");
                w.WriteBoolean("additionalProperties", false);
                Required(w, "rule", "files", "reason");
                w.WriteStartObject("properties");
                w.WritePropertyName("rule");
                Ref(w, "rule-name");
                w.WritePropertyName("files");
                Ref(w, "globs");
                Property(w, "reason", "Why the finding is accepted (required).", () =>
                {
                    w.WriteString("type", "string");
                    w.WriteNumber("minLength", 1);
                });
                Property(w, "until", "The last day the ignore applies (YYYY-MM-DD); afterwards it is reported as expired.", () =>
                {
                    w.WriteString("type", "string");
                    w.WriteString("format", "date");
                    w.WriteString("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                });
                w.WriteEndObject();
                w.WriteEndObject();
            });
            w.WriteEndObject();

            w.WriteStartObject("definitions");
            Definitions(w, lookup);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Definitions(Utf8JsonWriter w, RuleLookup lookup)
    {
        w.WriteStartObject("extends-item");
        w.WriteStartArray("anyOf");
        w.WriteStartObject();
        Enum(w, ConfigPresets.Names);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "string");
        w.WriteString("pattern", "([/\\\\]|\\.ya?ml$)");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("globs");
        w.WriteStartArray("oneOf");
        w.WriteStartObject();
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "array");
        w.WriteStartObject("items");
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("level");
        Enum(w, LevelNames.RuleLevels);
        w.WriteEndObject();

        w.WriteStartObject("group-setting");
        w.WriteStartArray("anyOf");
        Ref(w, "level");
        w.WriteStartObject();
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        w.WritePropertyName("severity");
        Ref(w, "level");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("rule-name");
        Enum(w, lookup.Rules.SelectMany(r => new[] { r.Id, r.Name, r.PascalName }).ToArray());
        w.WriteEndObject();

        w.WriteStartObject("rules");
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        foreach (var rule in lookup.Rules)
        {
            foreach (var spelling in new[] { rule.Id, rule.Name, rule.PascalName })
            {
                w.WritePropertyName(spelling);
                Ref(w, rule.Id);
            }
        }

        w.WriteEndObject();
        w.WriteStartObject("patternProperties");
        w.WritePropertyName("^tag:(" + string.Join("|", lookup.Tags.Select(Regex.Escape)) + ")$");
        Ref(w, "group-setting");
        w.WritePropertyName("^category:(" + string.Join("|", lookup.Categories.Select(Regex.Escape)) + ")$");
        Ref(w, "group-setting");
        w.WriteEndObject();
        w.WriteBoolean("additionalProperties", false);
        w.WriteEndObject();

        foreach (var rule in lookup.Rules) RuleDefinition(w, rule);
    }

    private static void RuleDefinition(Utf8JsonWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject(rule.Id);
        w.WriteString("description", $"{rule.Id} {rule.Name}: {rule.Title} (default: {rule.DefaultSeverity.ToName()}).");
        w.WriteStartArray("anyOf");
        Ref(w, "level");
        w.WriteStartObject();
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        w.WritePropertyName("severity");
        Ref(w, "level");
        w.WriteStartObject("params");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        foreach (var parameter in rule.Parameters) Parameter(w, parameter);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Parameter(Utf8JsonWriter w, RuleParameter parameter)
    {
        w.WriteStartObject(parameter.Name);
        if (parameter.Description.Length > 0) w.WriteString("description", parameter.Description);
        switch (ParameterBinder.TypeOf(parameter))
        {
            case ParameterType.StringList:
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "string");
                w.WriteEndObject();
                w.WriteStartArray("default");
                foreach (var item in parameter.DefaultValue.Split(", ", StringSplitOptions.RemoveEmptyEntries)) w.WriteStringValue(item);
                w.WriteEndArray();
                break;
            case ParameterType.Number:
                w.WriteString("type", "number");
                if (double.TryParse(parameter.DefaultValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) w.WriteNumber("default", number);
                break;
            case ParameterType.Integer:
                w.WriteString("type", "integer");
                if (long.TryParse(parameter.DefaultValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) w.WriteNumber("default", integer);
                break;
            case ParameterType.Boolean:
                w.WriteString("type", "boolean");
                w.WriteBoolean("default", parameter.DefaultValue == "true");
                break;
            default:
                w.WriteString("type", "string");
                w.WriteString("default", parameter.DefaultValue);
                break;
        }

        w.WriteEndObject();
    }

    private static void Property(Utf8JsonWriter w, string name, string description, Action body)
    {
        w.WriteStartObject(name);
        w.WriteString("description", description);
        body();
        w.WriteEndObject();
    }

    private static void Ref(Utf8JsonWriter w, string definition)
    {
        w.WriteStartObject();
        RefBody(w, definition);
        w.WriteEndObject();
    }

    private static void RefBody(Utf8JsonWriter w, string definition) => w.WriteString("$ref", "#/definitions/" + definition);

    private static void Enum(Utf8JsonWriter w, IReadOnlyList<string> values)
    {
        w.WriteStartArray("enum");
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void Required(Utf8JsonWriter w, params string[] names)
    {
        w.WriteStartArray("required");
        foreach (var name in names) w.WriteStringValue(name);
        w.WriteEndArray();
    }
}
