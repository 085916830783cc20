using System.Xml.Linq;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.RuleRuntime.Tests;

/// <summary>The evaluator's walk of child paths, and the identity map its plan look-ups go through.</summary>
public sealed class ChildPathWalkTests
{
    private const string Domain = """
        <domain type='kvm'>
          <devices>
            <disk type='file'><address type='pci' slot='0x05'/></disk>
            <interface type='network'><address type='pci' slot='0x03'/></interface>
            <controller type='usb'><address type='usb' port='1'/><address type='pci' slot='0x01'/></controller>
            <hostdev mode='subsystem'><address type='pci'/><address type='pci' slot='0x07'/></hostdev>
          </devices>
        </domain>
        """;

    private static InterpretedRule Rule(string context, string report = "true()") =>
        (InterpretedRule)Assert.Single(UserRules.Load([("sample-rule.yaml", SampleRule.Yaml(context, "{.}", report: report))], BuiltInRules.Catalog).Checkers);

    /// <summary>The node-set a rule with <paramref name="context"/> walks over <see cref="Domain"/>, as the evaluator gives it.</summary>
    private static IEnumerable<XObject> ContextNodes(string context)
    {
        var rule = Rule(context);
        var root = XDocument.Parse(Domain).Root!;
        return new PlanEvaluation(rule, [], root).Nodes(rule.Plan.Check!.Context, root);
    }

    [Fact]
    public void A_child_path_yields_in_document_order_with_each_steps_predicates_and_again_when_read_twice()
    {
        var nodes = ContextNodes("devices/*[not(self::interface)]/address[@type = 'pci']/@slot");

        Assert.IsType<ChildPathWalk>(nodes);
        string[] expected = ["0x05", "0x01", "0x07"];
        Assert.Equal(expected, nodes.Select(n => ((XAttribute)n).Value));
        // A second read (a comparison reads its right operand once per left value) starts over.
        Assert.Equal(expected, nodes.Select(n => ((XAttribute)n).Value));
    }

    [Fact]
    public void A_child_path_from_the_document_ends_at_the_elements_when_it_has_no_attribute_step()
    {
        var rule = Rule("/domain/devices/*/address[not(@slot)]");
        var root = XDocument.Parse(Domain).Root!;
        var evaluation = new PlanEvaluation(rule, [], root);
        // The last step's predicates are the check's filters, tested as each node begins.
        var nodes = evaluation.Nodes(rule.Plan.Check!.Context, root).Where(evaluation.BeginNode).ToList();

        Assert.Equal(["controller", "hostdev"], nodes.Select(n => ((XElement)n).Parent!.Name.LocalName));
    }

    [Fact]
    public void A_union_of_child_paths_fused_into_a_choice_of_names_is_walked_in_document_order_with_each_names_predicates()
    {
        var nodes = ContextNodes("devices/controller[@type = 'usb']/address[@type = 'pci']/@slot | devices/hostdev[@mode = 'capabilities']/address[@type = 'pci']/@slot | devices/disk/address[@type = 'pci']/@slot");

        Assert.IsType<ChildPathWalk>(nodes);
        Assert.Equal(["0x05", "0x01"], nodes.Select(n => ((XAttribute)n).Value));
    }

    [Fact]
    public void A_path_deeper_than_the_cursors_own_loops_is_walked_as_the_shorter_ones()
    {
        const string numa = """
            <domain type='kvm'><cpu><numa>
              <cell id='0'><distances><sibling id='0' value='10'/><sibling id='1' value='21'/></distances></cell>
              <cell id='1'><distances><sibling id='0' value='21'/><sibling id='1' value='10'/></distances></cell>
            </numa></cpu></domain>
            """;
        var rule = Rule("cpu/numa/cell/distances/sibling[@id = '1']/@value");
        var root = XDocument.Parse(numa).Root!;
        var evaluation = new PlanEvaluation(rule, [], root);

        Assert.Equal(["21", "10"], evaluation.Nodes(rule.Plan.Check!.Context, root).Select(n => ((XAttribute)n).Value));
        Assert.True(evaluation.TryChildPath(rule.Plan.Check.Context, root, out var path, out var start));
        var cursor = new ChildPathCursor(evaluation, path, start);
        var values = new List<string>();
        while (cursor.MoveNext()) values.Add(((XAttribute)cursor.Current!).Value);
        Assert.Equal(["21", "10"], values);
    }

    [Theory]
    [InlineData("address/@type = 'pci'", true)]       // the second address
    [InlineData("address/@type = 'scsi'", false)]
    [InlineData("address/@type != 'usb'", true)]      // 'pci' differs
    [InlineData("address/@port >= 1", true)]
    [InlineData("address/@port > 1", false)]
    [InlineData("address/@type > 'a'", false)]       // relational: as numbers, NaN
    [InlineData("string(address/@type) = 'usb'", true)] // the first in document order
    [InlineData("number(address/@port) = 1", true)]
    [InlineData("exists(address[@type = 'pci'])", true)]
    [InlineData("exists(address[@type = 'scsi'])", false)]
    [InlineData("not(address)", false)]
    public void Paths_read_once_on_the_stack_give_xpath_answers(string test, bool expected)
    {
        var rule = Rule("devices/controller", test);
        var root = XDocument.Parse(Domain).Root!;
        var evaluation = new PlanEvaluation(rule, [], root);
        var controller = root.Element("devices")!.Element("controller")!;

        Assert.True(evaluation.BeginNode(controller));
        Assert.Equal(expected, evaluation.Boolean(rule.Plan.Check!.Test, controller));
    }

    [Fact]
    public void The_identity_map_finds_keys_by_identity_not_by_equality_and_keeps_them_as_it_grows()
    {
        var map = new IdentityMap<string, int>();
        var keys = Enumerable.Range(0, 100).Select(i => new string('k', 1) + i).ToArray();
        for (var i = 0; i < keys.Length; i++) Assert.True(map.TryAdd(keys[i], i));

        Assert.False(map.TryAdd(keys[7], -1));
        Assert.Equal(100, map.Count);
        Assert.All(Enumerable.Range(0, 100), i => Assert.True(map.TryGetValue(keys[i], out var value) && value == i));
        // An equal string that is another object is another key.
        Assert.False(map.TryGetValue(new string('k', 1) + 7, out _));
    }
}
