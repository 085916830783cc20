using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

/// <summary>The remembered directory is only ever the one <see cref="Path.GetDirectoryName(string)"/> gives, whatever came before.</summary>
public sealed class DirectoryNameCacheTests
{
    [Fact]
    public void Every_answer_is_the_directory_path_gives_in_any_order()
    {
        string[] paths =
        [
            "/repo/vms/a.xml", "/repo/vms/b.xml", "/repo/vms", "/repo/vms/sub/c.xml", "/repo/vms/b.xml", "/repo/vmsx/d.xml",
            "/repo/vms//e.xml", "/repo/vms/f/", "/", "/a.xml", "/b.xml", "/repo/vm", "/repo/vms/g.xml", "/repo/vms/.hidden",
        ];
        var cache = new DirectoryNameCache();

        foreach (var path in paths.Concat(paths.Reverse()))
            Assert.Equal(Path.GetDirectoryName(path), cache.Of(path));
    }
}
