using System.Text;
using System.Xml.Linq;
using VirtLint.Core.Workspace;

namespace VirtLint.Core.Tests;

/// <summary>
/// The run's facts are kept flat while files are linted and become a rule's <c>&lt;workspace&gt;</c> tree only when it
/// runs: the tree must be the one the rule language describes (report order, volumes inside their pool, a document
/// without facts left out, a document's repeated fact kept once) and every fact must keep its origin.
/// </summary>
public sealed class WorkspaceFactsTests
{
    private const string Node = """
        <node>
          <domain type='kvm'>
            <name>web</name>
            <devices>
              <interface type='network'><mac address='52:54:00:00:00:01'/></interface>
              <interface type='network'><mac address='52:54:00:00:00:01'/></interface>
            </devices>
          </domain>
          <pool type='dir'>
            <name>images</name>
            <volume type='file'><name>web.img</name></volume>
            <volume type='file'><name>db.img</name></volume>
          </pool>
          <network><name>default</name></network>
        </node>
        """;

    private const string Domain = """
        <domain type='kvm'>
          <name>db</name>
        </domain>
        """;

    private static readonly XName[] ValueNames = ["value"];

    [Fact]
    public void A_rules_tree_holds_its_facts_in_report_order_with_volumes_inside_their_pool()
    {
        var facts = new WorkspaceFacts(2);
        facts.Add(Collect("a/node.xml", Node));
        facts.Add(Collect("b/db.xml", Domain));

        // Rule 0 takes domain names and volume names; rule 1 MAC addresses (twice in one domain: one fact).
        Assert.Equal(
            "<workspace>" +
            "<domain host=\"a/node.xml\"><name value=\"web\" /></domain>" +
            "<pool host=\"a/node.xml\"><volume host=\"a/node.xml\"><name value=\"web.img\" /></volume><volume host=\"a/node.xml\"><name value=\"db.img\" /></volume></pool>" +
            "<domain><name value=\"db\" /></domain>" +
            "</workspace>",
            facts.ToDocument(0).Root.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(
            "<workspace><domain host=\"a/node.xml\"><mac value=\"52:54:00:00:00:01\" /></domain></workspace>",
            facts.ToDocument(1).Root.ToString(SaveOptions.DisableFormatting));
        Assert.Equal((4, 1), (facts.Count(0), facts.Count(1)));
        Assert.Equal(6, facts.Documents);
        Assert.True(facts.HasFacts(0, DocumentKind.Volume));
        Assert.False(facts.HasFacts(0, DocumentKind.Pool));
        Assert.True(facts.Has(DocumentKind.Network));
    }

    [Fact]
    public void Every_fact_keeps_its_file_and_the_span_of_its_node()
    {
        var facts = new WorkspaceFacts(2);
        facts.Add(Collect("a/node.xml", Node));
        facts.Add(Collect("b/db.xml", Domain));

        var names = facts.ToDocument(0).Root.Descendants("name").Select(FactOrigin.Get).ToArray();
        Assert.Equal(
            [("a/node.xml", 3, 6, false), ("a/node.xml", 11, 26, false), ("a/node.xml", 12, 26, false), ("b/db.xml", 2, 4, false)],
            names.Select(o => (o.Source.Path, o.Line, o.Column, o.IsAttribute)).ToArray());
        var mac = FactOrigin.Get(facts.ToDocument(1).Root.Descendants("mac").Single());
        Assert.Equal((5, 38, true), (mac.Line, mac.Column, mac.IsAttribute));
    }

    [Fact]
    public void A_released_rule_has_no_facts_left_and_the_others_keep_theirs()
    {
        var facts = new WorkspaceFacts(2);
        facts.Add(Collect("a/node.xml", Node));

        facts.Release(0);

        Assert.Equal(0, facts.Count(0));
        Assert.Equal("<workspace />", facts.ToDocument(0).Root.ToString());
        Assert.Equal(1, facts.Count(1));
    }

    private static FileFacts Collect(string path, string text)
    {
        var documents = DocumentLoader.Load(path, Encoding.UTF8.GetBytes(text), TestCatalog.Catalog).Documents;
        var source = new FactSource(LintInput.FromBytes(path, Encoding.UTF8.GetBytes(text)));
        return WorkspaceFacts.Collect(documents, source, 2, Takes, Facts);

        static bool Takes(int rule, LintDocument document) =>
            rule == 0 ? document.Kind is DocumentKind.Domain or DocumentKind.Volume : document.Kind == DocumentKind.Domain;

        static void Facts(int rule, FactContext context)
        {
            if (rule == 0)
            {
                var name = context.Root.Element("name")!;
                context.Add("name", name, ValueNames, [name.Value]);
                return;
            }

            foreach (var mac in context.Root.Descendants("mac"))
            {
                var address = mac.Attribute("address")!;
                context.Add("mac", address, ValueNames, [address.Value]);
            }
        }
    }
}
