using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.NativeAot;

namespace VirtLint.Benchmarks;

/// <summary>
/// A job that compiles the benchmarks with NativeAOT, as the published <c>virtlint</c> is: no tiered JIT, no dynamic
/// profile-guided optimisation, inline thread-static access. The compiler comes from the configured NuGet sources (the
/// version the SDK publishes with), not from a preview feed.
/// </summary>
internal static class NativeAot
{
    public const string Switch = "--native-aot";

    public static IConfig Config() => DefaultConfig.Instance.AddJob(
        Job.Default.WithToolchain(NativeAotToolchain.CreateBuilder().UseNuGet().TargetFrameworkMoniker("net10.0").ToToolchain()).WithId("NativeAOT"));
}
