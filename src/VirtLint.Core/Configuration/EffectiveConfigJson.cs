using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VirtLint.Core.Configuration;

/// <summary>
/// <c>virtlint config show FILE</c>: the effective configuration of one file as deterministic JSON: the config files
/// that contributed, the fail level, every rule's severity (or <c>off</c>) with the parameters that differ from its
/// defaults, and the config ignores naming the file.
/// </summary>
public static class EffectiveConfigJson
{
    public static string Write(EffectiveConfig config, string displayPath)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("file", displayPath);
            w.WriteStartArray("sources");
            foreach (var source in config.Sources) w.WriteStringValue(source);
            w.WriteEndArray();
            w.WriteString("fail-on", config.FailOn.ToName());
            w.WriteStartObject("rules");
            foreach (var (rule, settings) in config.AllRules())
            {
                w.WriteStartObject(rule.Id);
                w.WriteString("name", rule.Name);
                w.WriteString("severity", settings.Enabled ? settings.Severity.ToName() : "off");
                if (!settings.Parameters.IsEmpty)
                {
                    w.WriteStartObject("params");
                    foreach (var (name, value) in settings.Parameters.Values.OrderBy(p => p.Key, StringComparer.Ordinal)) WriteValue(w, name, value);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("ignores");
            foreach (var ignore in config.Ignores)
            {
                w.WriteStartObject();
                w.WriteString("rule", ignore.Rule.Id);
                w.WriteString("reason", ignore.Reason);
                if (ignore.Until is { } until) w.WriteString("until", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("config", $"{ignore.ConfigPath}:{ignore.Line}:{ignore.Column}");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter w, string name, ParameterValue value)
    {
        switch (value.Type)
        {
            case ParameterType.String:
                w.WriteString(name, value.Text);
                break;
            case ParameterType.Boolean:
                w.WriteBoolean(name, value.Boolean);
                break;
            case ParameterType.StringList:
                w.WriteStartArray(name);
                foreach (var item in value.List!) w.WriteStringValue(item);
                w.WriteEndArray();
                break;
            default:
                w.WriteNumber(name, value.Number);
                break;
        }
    }
}
