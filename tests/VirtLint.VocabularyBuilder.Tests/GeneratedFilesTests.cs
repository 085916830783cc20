using VirtLint.VocabularyBuilder;

namespace VirtLint.VocabularyBuilder.Tests;

/// <summary>
/// The committed vocabulary and model are what libvirt's installed schemas give, so nobody edits them by hand and a
/// builder change cannot go in without regenerating them. Needs the schemas (Debian libvirt-clients): skipped loudly
/// without them, failed in CI; skipped when the installed libvirt is another version than the committed files'.
/// </summary>
public sealed class GeneratedFilesTests
{
    private static string CommittedModel => File.ReadAllText(Path.Combine(RepositoryPaths.Root, GeneratedFiles.DefaultModel));

    private static string CommittedVocabulary => File.ReadAllText(Path.Combine(RepositoryPaths.Root, GeneratedFiles.DefaultVocabulary));

    [SkippableFact]
    public void Committed_files_are_what_the_installed_schemas_give()
    {
        var schemas = GeneratedFiles.DefaultSchemas;
        if (!File.Exists(Path.Combine(schemas, "domain.rng")))
        {
            var message = $"libvirt's schemas are not installed in '{schemas}' (Debian: apt-get install libvirt-clients).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
            throw new SkipException(message);
        }

        var version = GeneratedFiles.DetectLibvirtVersion();
        Skip.IfNot(CommittedModel.Contains($"libvirt {version} schemas", StringComparison.Ordinal),
            $"The installed libvirt is {version}; the committed files come from another version's schemas.");

        var rendered = GeneratedFiles.Render(schemas, version);
        Assert.True(rendered.Vocabulary == CommittedVocabulary.Replace("\r\n", "\n"),
            $"{GeneratedFiles.DefaultVocabulary} is stale: run dotnet run --project generators/VirtLint.VocabularyBuilder");
        Assert.True(rendered.Model == CommittedModel.Replace("\r\n", "\n"),
            $"{GeneratedFiles.DefaultModel} is stale: run dotnet run --project generators/VirtLint.VocabularyBuilder");
    }

    [SkippableFact]
    public void Building_twice_gives_the_same_text()
    {
        Skip.IfNot(File.Exists(Path.Combine(GeneratedFiles.DefaultSchemas, "domain.rng")), "libvirt's schemas are not installed.");
        var first = GeneratedFiles.Render(GeneratedFiles.DefaultSchemas, "test");
        var second = GeneratedFiles.Render(GeneratedFiles.DefaultSchemas, "test");
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Vocabulary, second.Vocabulary);
    }

    [Fact]
    public void The_committed_model_describes_every_document_kind_and_the_places_the_checks_rely_on()
    {
        var model = CommittedModel;
        foreach (var (kind, _) in GeneratedFiles.Kinds)
            Assert.Contains($"\n[{kind}]\ncontext /\n  child {kind} {kind}\n", model);
        Assert.Contains("\ncontext domain/devices/disk\n  switch @type\n", model);
        Assert.Contains("\ncontext domain/metadata\n  child *\n", model);
    }
}
