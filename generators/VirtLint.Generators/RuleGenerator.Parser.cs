using System;
using System.Collections.Generic;
using System.Linq;
using VirtLint.Generators.Model;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.Generators;

public sealed partial class RuleGenerator
{
    /// <summary>Parses one rule file into the cached model. Never throws: an unexpected failure becomes a located diagnostic.</summary>
    private static ParsedRuleFile ParseRuleFile(RuleFileText file, VocabularyText vocabulary)
    {
        var lineStarts = LineStarts(file.Text);
        var relative = RelativeRulePath(file.Path);
        RuleParseResult result;
        RuleLanguage.Plan.RulePlan? plan;
        try
        {
            result = RuleFileParser.Parse(relative, file.Text, vocabulary.Checker);
            plan = result.Rule is null ? null : RuleLanguage.Plan.RuleLowering.Lower(result.Rule);
        }
        catch (Exception e)
        {
            var info = ToInfo(file.Path, lineStarts, new RuleDiagnostic(DiagnosticIds.InvalidYaml, $"the rule file could not be read: {e.Message}", SourceRange.At(1, 1)));
            return new ParsedRuleFile(null, relative, new EquatableArray<DiagnosticInfo>(new[] { info }), info, info);
        }

        var diagnostics = result.Diagnostics.Select(d => ToInfo(file.Path, lineStarts, d)).ToArray();
        var idRange = result.Rule?.IdRange ?? SourceRange.At(1, 1);
        var nameRange = result.Rule?.NameRange ?? SourceRange.At(1, 1);
        return new ParsedRuleFile(
            result.Rule,
            relative,
            new EquatableArray<DiagnosticInfo>(diagnostics),
            ToInfo(file.Path, lineStarts, new RuleDiagnostic(DiagnosticIds.DuplicateId, "", idRange)),
            ToInfo(file.Path, lineStarts, new RuleDiagnostic(DiagnosticIds.DuplicateName, "", nameRange)))
        {
            Plan = plan,
        };
    }

    private static DiagnosticInfo ToInfo(string path, int[] lineStarts, RuleDiagnostic diagnostic)
    {
        var range = diagnostic.Range;
        var start = Offset(lineStarts, range.Line, range.Column);
        var end = Math.Max(start, Offset(lineStarts, range.EndLine, range.EndColumn));
        return new DiagnosticInfo(diagnostic.Id, diagnostic.Message, path, start, end - start, range.Line, range.Column, range.EndLine, range.EndColumn);
    }

    private static int Offset(int[] lineStarts, int line, int column)
    {
        if (line < 1) return 0;
        if (line > lineStarts.Length) return lineStarts[lineStarts.Length - 1];
        return lineStarts[line - 1] + Math.Max(0, column - 1);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        return starts.ToArray();
    }

    /// <summary>The path from the <c>rules</c> folder on, with '/', so generated code never embeds a machine's absolute path.</summary>
    internal static string RelativeRulePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        var index = normalized.LastIndexOf("/rules/", StringComparison.Ordinal);
        return index >= 0 ? normalized.Substring(index + 1) : System.IO.Path.GetFileName(normalized);
    }
}
