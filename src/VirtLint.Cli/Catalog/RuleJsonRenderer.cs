using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VirtLint.Core;

namespace VirtLint.Cli.Catalog;

/// <summary><c>virtlint rules --format json</c>: an array with one object per rule, for scripts.</summary>
internal static class RuleJsonRenderer
{
    /// <summary>The JSON array followed by <c>\n</c>; <c>[]</c> when there are no rules.</summary>
    public static string Render(IReadOnlyList<RuleDescriptor> rules)
    {
        var items = rules.Select(r => new JsonRule(
            r.Id, r.Name, r.Title, r.DefaultSeverity.ToName(), r.Category, r.Tags.ToArray(), r.Target, r.Precision, SecuritySeverityBands.Score(r, r.DefaultSeverity),
            r.Parameters.Select(p => new JsonRuleParameter(p.Name, p.Type, p.DefaultValue, p.Description.Trim())).ToArray())).ToArray();
        return JsonSerializer.Serialize(items, JsonRuleContext.Readable.JsonRuleArray) + "\n";
    }
}

internal sealed record JsonRule(
    string Id,
    string Name,
    string Title,
    string Severity,
    string Category,
    string[] Tags,
    string Target,
    string Precision,
    string? SecuritySeverity,
    JsonRuleParameter[] Parameters);

internal sealed record JsonRuleParameter(
    string Name,
    string Type,
    [property: JsonPropertyName("default")] string DefaultValue,
    string Description);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(JsonRule[]))]
internal sealed partial class JsonRuleContext : JsonSerializerContext
{
    /// <summary>Titles and descriptions quote values in 'single quotes'; keep them readable, as the JSON report does.
    /// The other settings repeat the attribute's.</summary>
    public static JsonRuleContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
