namespace VirtLint.Tests;

/// <summary>
/// The corpus folder for a test that needs it: when it is missing the test is skipped, and fails under CI
/// (<see cref="RepositoryPaths.MissingCorpusMessage"/>). Linked only into test projects that use Xunit.SkippableFact.
/// </summary>
internal static class RequiredCorpus
{
    public static string Folder()
    {
        var missing = RepositoryPaths.MissingCorpusMessage(out var fail);
        if (missing is null) return RepositoryPaths.Corpus!;
        if (fail) Assert.Fail(missing);
        throw new SkipException(missing);
    }
}
