using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.XPath;
using VirtLint.Core;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;
using VirtLint.Rules;
using YamlDotNet.RepresentationModel;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleRuntime.Tests.Oracle;

/// <summary>
/// Every built-in rule's <c>context</c>, <c>let</c>s and <c>assert</c>/<c>report</c>, evaluated by System.Xml.XPath (the
/// reference XPath 1.0 engine, VirtLint's extension functions supplied through an XsltContext) and by the rule
/// evaluator, over every corpus file of the rule's target: the same context nodes in the same order, the same let
/// values and the same test result for each context node. Rules using the indexed look-ups (first-with-same, …) are
/// left out: their per-node arguments have no XPath 1.0 counterpart. So are expressions with hexadecimal literals,
/// which XPath 1.0 cannot spell.
/// </summary>
public sealed class XPathOracleTests
{
    private static readonly Regex NotXPath = new(@"first-(with-same|with-key|ip-range-containing|overlapping-cpuset)\(|\b0[xX][0-9a-fA-F]");

    private sealed record Source(string Context, IReadOnlyList<(string Name, string Text)> Lets, string Test);

    [SkippableFact]
    public void Rule_expressions_agree_with_the_reference_xpath_engine_on_the_corpus()
    {
        var corpus = RequiredCorpus.Folder();
        var (inputs, _) = PathExpander.Expand([corpus]);
        var documents = inputs.Select(i => DocumentLoader.Load(i.DisplayPath, File.ReadAllBytes(i.FilePath!), BuiltInRules.Catalog).Document)
            .OfType<LintDocument>().ToList();
        // Cross-document rules run over facts, not documents: their equivalence is checked over the workspace samples.
        var checkers = BuiltInRulesInterpreted.Rules.Checkers.OfType<InterpretedRule>().ToList();
        var compared = 0;
        var skipped = new List<string>();
        var disagreements = new List<string>();
        var evaluations = 0L;
        foreach (var rule in checkers)
        {
            var source = SourceOf(rule.Spec);
            if (NotXPath.IsMatch(source.Context) || NotXPath.IsMatch(source.Test) || source.Lets.Any(l => NotXPath.IsMatch(l.Text)))
            {
                skipped.Add(rule.Spec.Id);
                continue;
            }

            compared++;
            foreach (var document in documents.Where(d => d.Kind == rule.Kind))
                evaluations += Compare(rule, source, document, disagreements);
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreement(s):\n{string.Join("\n", disagreements.Take(30))}");
        Assert.True(compared >= 2 * skipped.Count, $"only {compared} rules compared; left out: {string.Join(", ", skipped)}");
        Assert.True(evaluations > 10_000, $"only {evaluations} evaluations");
    }

    private static long Compare(InterpretedRule rule, Source source, LintDocument document, List<string> disagreements)
    {
        var spec = rule.Spec;
        var check = rule.Plan.Check!;
        var oracle = new OracleContext();
        var parameters = new object[spec.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = spec.Parameters[i];
            object value = parameter.Default switch
            {
                StringListDefault items => items.Values.ToArray(),
                NumberDefault number => number.Value,
                IntegerDefault integer => (double)integer.Value,
                BooleanDefault boolean => boolean.Value,
                _ => parameter.Default.Text,
            };
            parameters[i] = value;
            var xpathValue = value is string[] list ? (object)OracleContext.ListValue(list) : value;
            oracle.Set(parameter.Name, () => xpathValue);
        }

        XObject root = document.Root;
        var evaluation = new PlanEvaluation(rule, parameters, root);
        var navigator = document.Xml.CreateNavigator();
        navigator.MoveToChild(XPathNodeType.Element);
        var where = $"{spec.Id} on {document.Path}";

        var expected = OracleContext.Navigators((XPathNodeIterator)navigator.Evaluate(XPathExpression.Compile(source.Context, oracle)));
        // The plan's context is the path without its last step's predicates, which are the check's filters.
        var actual = evaluation.Nodes(check.Context, root).Where(evaluation.BeginNode).ToList();
        long evaluations = 1;
        if (!expected.Select(n => n.UnderlyingObject).SequenceEqual(actual))
        {
            disagreements.Add($"{where}: context '{source.Context}': XPath {Describe(expected.Select(n => (XObject)n.UnderlyingObject!))}, evaluator {Describe(actual)}");
            return evaluations;
        }

        // Compiled once the variables they read have values: the engine asks a variable's type when compiling.
        var lets = new XPathExpression?[source.Lets.Count];
        XPathExpression? test = null;
        for (var n = 0; n < expected.Count; n++)
        {
            var node = actual[n];
            var at = $"{where} line {document.SpanOf(node).StartLine}";
            // The plan's eager slots in order: the filters, the lets the test reads, and the values the check repeats, computed before their first reader.
            Assert.True(evaluation.BeginNode(node));
            var i = -1;
            foreach (var slot in check.Slots.Where(s => s.LetName is not null))
            {
                // Read as the check reads it: an eager slot's value, a lazy one computed now.
                var ours = evaluation.Eval(new SlotRef(slot.Index, slot.Value.Type), node);
                if (slot.Value.Type == ValueType.NodeSet) ours = ((IEnumerable<XObject>)ours).ToList();
                i++;
                Assert.Equal(source.Lets[i].Name, slot.LetName);
                var xpathValue = expected[n].Evaluate(lets[i] ??= XPathExpression.Compile(source.Lets[i].Text, oracle));
                if (xpathValue is XPathNodeIterator iterator) xpathValue = Materialize(iterator);
                var let = slot;
                var captured = xpathValue;
                oracle.Set(slot.LetName!, () => captured);
                evaluations++;
                if (!Same(let.Value.Type, xpathValue, ours))
                    disagreements.Add($"{at}: let {let.LetName} = '{source.Lets[i].Text}': XPath {Show(xpathValue)}, evaluator {Show(ours)}");
            }

            var xpathTest = OracleContext.BooleanOf(expected[n].Evaluate(test ??= XPathExpression.Compile(source.Test, oracle)));
            var ourTest = evaluation.Boolean(check.Test, node);
            evaluations++;
            if (xpathTest != ourTest)
                disagreements.Add($"{at}: '{source.Test}': XPath {xpathTest}, evaluator {ourTest}");
        }

        return evaluations;
    }

    /// <summary>A node-set variable must be readable several times: a fresh iterator over the same nodes each time.</summary>
    private static XPathNodeIterator Materialize(XPathNodeIterator iterator) => iterator.Clone();

    private static bool Same(ValueType type, object xpath, object ours) => type switch
    {
        ValueType.NodeSet => OracleContext.NodesOf(xpath).SequenceEqual((List<XObject>)ours),
        ValueType.Number => xpath is double x && (x.Equals((double)ours)),
        ValueType.Boolean => OracleContext.BooleanOf(xpath) == (bool)ours,
        _ => OracleContext.StringOf(xpath) == (string)ours,
    };

    private static string Show(object value) => value switch
    {
        XPathNodeIterator i => Describe(OracleContext.NodesOf(i)),
        IEnumerable<XObject> nodes => Describe(nodes),
        string s => $"'{s}'",
        _ => OracleContext.StringOf(value),
    };

    private static string Describe(IEnumerable<XObject> nodes) =>
        "[" + string.Join(", ", nodes.Select(n => n switch { XElement e => e.Name.LocalName, XAttribute a => "@" + a.Name.LocalName, XText t => "text()", _ => n.NodeType.ToString() })) + "]";

    /// <summary>The expression texts of a rule file, as written.</summary>
    private static Source SourceOf(RuleSpec rule)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, rule.SourcePath))));
        var check = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["check"];
        string Text(string key) => ((YamlScalarNode)check[key]).Value!;
        var lets = check.Children.TryGetValue(new YamlScalarNode("let"), out var letNode)
            ? ((YamlMappingNode)letNode).Children.Select(e => (((YamlScalarNode)e.Key).Value!, ((YamlScalarNode)e.Value).Value!)).ToList()
            : [];
        var test = check.Children.ContainsKey(new YamlScalarNode("assert")) ? Text("assert") : Text("report");
        return new Source(Text("context"), lets, test);
    }
}
