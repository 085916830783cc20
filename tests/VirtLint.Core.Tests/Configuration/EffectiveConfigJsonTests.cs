using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

public sealed class EffectiveConfigJsonTests
{
    [Fact]
    public void Shows_sources_levels_parameters_and_ignores()
    {
        using var tree = new TempTree();
        var configPath = tree.Write(".virtlint.yaml", """
            extends: [performance]
            fail-on: error
            rules:
              VL1201:
                params: { emulated-models: [e1000] }
              VL2001:
                severity: error
                params: { nearly-full-ratio: 0.8, max-volumes: 20, count-inactive: true }
            ignores:
              - rule: VL1003
                files: ["*.xml"]
                reason: host cache needed
                until: 2027-03-31
            """);
        var config = new ConfigResolver(ConfigTestCatalog.Lookup).For(tree.Write("web01.xml", ""));
        Assert.Equal($$"""
            {
              "file": "web01.xml",
              "sources": [
                "{{configPath}}"
              ],
              "fail-on": "error",
              "rules": {
                "VL0001": {
                  "name": "xml-not-well-formed",
                  "severity": "error"
                },
                "VL0002": {
                  "name": "not-a-libvirt-document",
                  "severity": "note"
                },
                "VL1001": {
                  "name": "disk-bus-not-virtio",
                  "severity": "warning"
                },
                "VL1003": {
                  "name": "disk-cache-not-none",
                  "severity": "warning"
                },
                "VL1007": {
                  "name": "thin-disk-discard-not-unmap",
                  "severity": "off"
                },
                "VL1201": {
                  "name": "nic-model-not-virtio",
                  "severity": "warning",
                  "params": {
                    "emulated-models": [
                      "e1000"
                    ]
                  }
                },
                "VL1202": {
                  "name": "graphics-listen-all-addresses-without-password",
                  "severity": "off"
                },
                "VL1213": {
                  "name": "pci-passthrough-blocks-migration",
                  "severity": "off"
                },
                "VL2001": {
                  "name": "pool-nearly-full",
                  "severity": "error",
                  "params": {
                    "count-inactive": true,
                    "max-volumes": 20,
                    "nearly-full-ratio": 0.8
                  }
                }
              },
              "ignores": [
                {
                  "rule": "VL1003",
                  "reason": "host cache needed",
                  "until": "2027-03-31",
                  "config": "{{configPath}}:10:5"
                }
              ]
            }

            """, EffectiveConfigJson.Write(config, "web01.xml"));
    }
}
