using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VirtLint.Generators.Schema;

/// <summary>
/// Compiles <c>generators/libvirt-schema-model.txt</c> (an AdditionalFile) into <c>LibvirtSchema.g.cs</c>: the tables the
/// schema checks (VL0010–VL0012) look elements, attributes and values up in. Nothing is parsed at run time. The step is
/// keyed on the file's text alone, so editing a rule never re-emits the tables. A malformed file is a build error at
/// its line; without the file nothing is emitted, and code that uses the tables does not compile.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaModelGenerator : IIncrementalGenerator
{
    public const string ModelFileName = "libvirt-schema-model.txt";

    /// <summary>The model file is malformed or inconsistent. Ids from VLG0100 on belong to the schema model file.</summary>
    public const string MalformedModelId = "VLG0100";

    public const string TrackingName = "SchemaModelText";

    private static readonly DiagnosticDescriptor MalformedModel = new(
        MalformedModelId, "Malformed libvirt schema model", "{0}", "VirtLint.Rules", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.AdditionalTextsProvider
            .Where(static file => string.Equals(Path.GetFileName(file.Path), ModelFileName, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, token) => new ModelFile(file.Path, file.GetText(token)?.ToString() ?? ""))
            .WithTrackingName(TrackingName);

        context.RegisterSourceOutput(models, static (output, file) => Emit(output, file));
    }

    private static void Emit(SourceProductionContext output, ModelFile file)
    {
        var (model, errors) = SchemaModelParser.Parse(file.Text);
        if (model is null)
        {
            var lines = SourceText.From(file.Text).Lines;
            foreach (var error in errors)
            {
                var line = lines[Math.Min(Math.Max(error.Line, 1), lines.Count) - 1];
                var location = Location.Create(file.Path, line.Span, lines.GetLinePositionSpan(line.Span));
                output.ReportDiagnostic(Diagnostic.Create(MalformedModel, location, $"{ModelFileName}: {error.Message}"));
            }

            return;
        }

        output.AddSource(SchemaModelEmitter.HintName, SchemaModelEmitter.Emit(model));
    }

    /// <summary>The model file's path and text; compared by value, so an unchanged file leaves the step cached.</summary>
    private sealed record ModelFile(string Path, string Text);
}
