using System.Text.Json;
using NJsonSchema;
using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

public sealed class ConfigSchemaTests
{
    private static readonly string Text = ConfigSchema.Generate(ConfigTestCatalog.Lookup);

    [Fact]
    public void Generation_is_deterministic_json_with_unix_line_ends()
    {
        Assert.Equal(Text, ConfigSchema.Generate(new RuleLookup(ConfigTestCatalog.Catalog)));
        Assert.DoesNotContain('\r', Text);
        Assert.EndsWith("}\n", Text);
        using var document = JsonDocument.Parse(Text);
        Assert.Equal("http://json-schema.org/draft-07/schema#", document.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Each_rule_has_its_parameters_typed_with_their_defaults()
    {
        using var document = JsonDocument.Parse(Text);
        var definitions = document.RootElement.GetProperty("definitions");
        var pool = definitions.GetProperty("VL2001").GetProperty("anyOf")[1].GetProperty("properties").GetProperty("params").GetProperty("properties");
        Assert.Equal("number", pool.GetProperty("nearly-full-ratio").GetProperty("type").GetString());
        Assert.Equal(0.9, pool.GetProperty("nearly-full-ratio").GetProperty("default").GetDouble());
        Assert.Equal("integer", pool.GetProperty("max-volumes").GetProperty("type").GetString());
        Assert.Equal("boolean", pool.GetProperty("count-inactive").GetProperty("type").GetString());
        Assert.Equal("string", pool.GetProperty("max-mode").GetProperty("type").GetString());
        var buses = definitions.GetProperty("VL1001").GetProperty("anyOf")[1].GetProperty("properties").GetProperty("params").GetProperty("properties").GetProperty("emulated-buses");
        Assert.Equal("array", buses.GetProperty("type").GetString());
        Assert.Equal(["ide", "sata", "usb", "fdc"], buses.GetProperty("default").EnumerateArray().Select(e => e.GetString()!));

        var rules = definitions.GetProperty("rules").GetProperty("properties");
        foreach (var spelling in new[] { "VL1001", "disk-bus-not-virtio", "DiskBusNotVirtio" })
            Assert.Equal("#/definitions/VL1001", rules.GetProperty(spelling).GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Accepts_the_documented_example_and_rejects_mistakes()
    {
        var schema = await JsonSchema.FromJsonAsync(Text);
        const string valid = """
            {
              "extends": ["recommended", "../base.yaml"],
              "include": ["vms/**/*.xml"],
              "exclude": "vms/archive/**",
              "fail-on": "warning",
              "rules": {
                "VL1003": "error",
                "disk-bus-not-virtio": "off",
                "tag:thin-provisioning": "note",
                "category:migration": "off",
                "nic-model-not-virtio": { "severity": "warning", "params": { "emulated-models": ["e1000", "rtl8139"] } },
                "PoolNearlyFull": { "params": { "nearly-full-ratio": 0.8, "max-volumes": 20, "count-inactive": true } }
              },
              "overrides": [ { "files": ["legacy/windows/**"], "rules": { "VL1001": "off", "VL1201": "off" } } ],
              "ignores": [ { "rule": "VL2001", "files": ["storage/pools/isos.xml"], "reason": "read-only install media", "until": "2027-03-31" } ]
            }
            """;
        Assert.Empty(schema.Validate(valid));

        Assert.NotEmpty(schema.Validate("""{ "rule": {} }"""));
        Assert.NotEmpty(schema.Validate("""{ "extends": ["strcit"] }"""));
        Assert.NotEmpty(schema.Validate("""{ "rules": { "VL1004": "off" } }"""));
        Assert.NotEmpty(schema.Validate("""{ "rules": { "tag:no-such-tag": "off" } }"""));
        Assert.NotEmpty(schema.Validate("""{ "rules": { "VL1003": "loud" } }"""));
        Assert.NotEmpty(schema.Validate("""{ "rules": { "VL1201": { "params": { "emulated-models": "e1000" } } } }"""));
        Assert.NotEmpty(schema.Validate("""{ "rules": { "VL2001": { "params": { "max-volumes": 2.5 } } } }"""));
        Assert.NotEmpty(schema.Validate("""{ "rules": { "VL1003": { "params": { "anything": 1 } } } }"""));
        Assert.NotEmpty(schema.Validate("""{ "ignores": [ { "rule": "VL2001", "files": ["a.xml"] } ] }"""));
    }
}
