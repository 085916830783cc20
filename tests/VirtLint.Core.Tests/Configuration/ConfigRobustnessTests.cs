using System.Text;
using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

/// <summary>Bad input never crashes or hangs the configuration reader: it is a located error or a valid file.</summary>
public sealed class ConfigRobustnessTests
{
    private const string Seed = """
        extends: [recommended, ../base.yaml]
        include: ["vms/**/*.xml"]
        fail-on: warning
        rules:
          VL1003: error
          "tag:disk": note
          nic-model-not-virtio:
            severity: warning
            params: { emulated-models: [e1000, rtl8139] }
        overrides:
          - files: ["legacy/**"]
            rules: { VL1001: off }
        ignores:
          - rule: VL2001
            files: ["pools/*.xml"]
            reason: "read-only media"
            until: 2027-03-31
        """;

    [Fact]
    public void Mutated_files_give_located_errors_or_a_configuration()
    {
        var random = new Random(20240607);
        var alphabet = "{}[]:,-'\"&*!|>#%@` \t\n?\\abcVL01";
        for (var round = 0; round < 3000; round++)
        {
            var text = new StringBuilder(Seed);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 1: text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at)); break;
                    default: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            var errors = new List<ConfigError>();
            var file = ConfigFileParser.Parse(text.ToString(), "/r/.virtlint.yaml", ConfigTestCatalog.Lookup, errors);
            Assert.True(file is not null ^ errors.Count > 0, text.ToString());
            Assert.All(errors, e => Assert.True(e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0, e.ToString()));
        }
    }

    [Theory]
    [InlineData("rules: [[[[[[[[[[[[[[[[[[[[")]
    [InlineData("rules: {a: {b: {c: {d: {")]
    [InlineData("\"unterminated")]
    [InlineData("key: value\n\tindented: tab")]
    [InlineData("--- \n...\n---\nrules: {}\n")]
    [InlineData("!!binary AAAA")]
    [InlineData("? complex\n: key\n")]
    [InlineData("\0\u0001\u0002")]
    public void Pathological_inputs_are_errors(string text)
    {
        var errors = new List<ConfigError>();
        Assert.Null(ConfigFileParser.Parse(text, "/r/.virtlint.yaml", ConfigTestCatalog.Lookup, errors));
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Deep_nesting_stops_early_in_linear_time(char open, char close)
    {
        // The YAML scanner's work per token grows with the nesting depth; reading stops at a depth no config needs.
        var errors = new List<ConfigError>();
        var deep = "rules: " + new string(open, 1_000_000) + new string(close, 1_000_000) + "\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(ConfigFileParser.Parse(deep, "/r/.virtlint.yaml", ConfigTestCatalog.Lookup, errors));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal("/r/.virtlint.yaml:1:39: The YAML is nested more than 32 levels deep; a configuration file needs a few.", Assert.Single(errors).ToString());
    }

    [Fact]
    public void An_empty_extends_means_the_default_preset()
    {
        var errors = new List<ConfigError>();
        var file = ConfigFileParser.Parse("extends:\n", "/r/.virtlint.yaml", ConfigTestCatalog.Lookup, errors);
        Assert.Empty(errors);
        Assert.Null(file!.Extends);
    }
}
