using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace VirtLint.Core.Tests;

/// <summary>
/// Only regular files are read: special files are reported without being opened, links are followed to regular files
/// and directories, an unreadable directory does not end the walk, and a file over the size limit is not read.
/// </summary>
public sealed class FileSystemInputTests : IDisposable
{
    private const string Domain = "<domain>\n  <devices>\n    <disk><target dev='vda'/></disk>\n  </devices>\n</domain>";

    private readonly string _root = Directory.CreateTempSubdirectory("virtlint-fs-").FullName;

    public void Dispose() => Run("rm", "-rf", _root);

    private string Write(string relative, string text = Domain)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }

    private static void SkipUnlessLinux() => Skip.IfNot(OperatingSystem.IsLinux(), "special files are detected through Linux statx");

    /// <summary>Expands and lints relative to the temporary root, failing instead of hanging if anything blocks.</summary>
    private LintReport Lint(params string[] paths)
    {
        var task = Task.Run(() =>
        {
            var (inputs, errors) = PathExpander.Expand(paths, _root);
            return new Linter(TestCatalog.Catalog).Lint(inputs, errors);
        });
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "linting blocked on a special file");
        return task.Result;
    }

    private static string[] Errors(LintReport report) => report.Errors.Select(e => $"{e.Path}: {e.Message}").ToArray();

    private static string[] Linted(LintReport report) => report.Files.Order(StringComparer.Ordinal).ToArray();

    [SkippableFact]
    public void A_fifo_walked_or_named_is_reported_and_never_opened()
    {
        SkipUnlessLinux();
        Write("vms/web.xml");
        Run("mkfifo", Path.Combine(_root, "vms", "pipe.xml"));

        var report = Lint("vms", "vms/pipe.xml");

        Assert.Equal(["vms/pipe.xml: a FIFO (named pipe), not a regular file; it was not opened"], Errors(report));
        Assert.Equal(["vms/web.xml"], Linted(report));
    }

    [SkippableFact]
    public void A_socket_and_a_device_are_reported_and_skipped()
    {
        SkipUnlessLinux();
        Write("vms/web.xml");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_root, "vms", "agent.xml")));
        File.CreateSymbolicLink(Path.Combine(_root, "vms", "zero.xml"), "/dev/zero");

        var report = Lint("vms", "/dev/zero");

        Assert.Equal(
        [
            "/dev/zero: a character device, not a regular file; it was not opened",
            "vms/agent.xml: a socket, not a regular file; it was not opened",
            "vms/zero.xml: symbolic link to a character device, not a regular file; it was not followed",
        ], Errors(report));
        Assert.Equal(["vms/web.xml"], Linted(report));
    }

    [SkippableFact]
    public void A_link_to_a_pseudo_file_is_not_read()
    {
        SkipUnlessLinux();
        // /proc files are "regular" with a size of 0 on disk whatever they hold; environ holds the process's secrets.
        File.CreateSymbolicLink(Path.Combine(_root, "env.xml"), "/proc/self/environ");

        var report = Lint("env.xml");

        Assert.Equal(["env.xml: its content does not match its size on disk (0 bytes): it changed while being read, or it is a pseudo-file such as those under /proc; it was not read"], Errors(report));
        Assert.Empty(report.Files);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Links_to_files_and_directories_are_followed_and_shown_under_the_links_path()
    {
        Write("shared/base.xml");
        Write("vms/web.xml");
        File.CreateSymbolicLink(Path.Combine(_root, "vms", "db.xml"), Path.Combine(_root, "shared", "base.xml"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "vms", "common"), Path.Combine(_root, "shared"));
        // A link back to an ancestor: the walk must end, and each directory is walked once.
        Directory.CreateSymbolicLink(Path.Combine(_root, "vms", "common-again"), Path.Combine(_root, "shared"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "shared", "up"), _root);

        var report = Lint("vms");

        Assert.Empty(Errors(report));
        // shared/ is walked once (as vms/common), and up/ leads back to directories already walked.
        Assert.Equal(["vms/common/base.xml", "vms/db.xml", "vms/web.xml"], Linted(report));
        Assert.Equal(3, report.Findings.Count);
    }

    [Fact]
    public void A_dangling_link_is_reported()
    {
        Write("vms/web.xml");
        File.CreateSymbolicLink(Path.Combine(_root, "vms", "gone.xml"), Path.Combine(_root, "nowhere.xml"));
        File.CreateSymbolicLink(Path.Combine(_root, "vms", "self.xml"), Path.Combine(_root, "vms", "self.xml"));

        var report = Lint("vms", "vms/gone.xml");

        Assert.Equal(
        [
            "vms/gone.xml: symbolic link to a missing target, not a regular file; it was not followed",
            "vms/gone.xml: symbolic link to a target that cannot be read: no such file or directory",
            "vms/self.xml: symbolic link that cannot be followed (too many levels of symbolic links); it was skipped",
        ], Errors(report));
        Assert.Equal(["vms/web.xml"], Linted(report));
    }

    [SkippableFact]
    public void A_directory_that_cannot_be_listed_is_reported_and_the_walk_goes_on()
    {
        SkipUnlessLinux();
        Write("vms/a/web.xml");
        Write("vms/z/db.xml");
        // Even root cannot list a directory whose path is longer than PATH_MAX (4096 bytes); mkdir -p builds it step by step.
        var segment = new string('d', 200);
        var deep = string.Join('/', Enumerable.Repeat(segment, 22));
        Run("sh", "-c", $"cd '{_root}/vms' && mkdir -p m/{deep}");

        var report = Lint("vms");

        var error = Assert.Single(report.Errors);
        Assert.StartsWith("vms/m/" + segment, error.Path, StringComparison.Ordinal);
        Assert.Equal("file name too long; it was skipped", error.Message);
        Assert.Equal(["vms/a/web.xml", "vms/z/db.xml"], Linted(report));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_directory_is_reported_as_permission_denied()
    {
        SkipUnlessLinux();
        Skip.If(Environment.UserName == "root", "root reads every directory whatever its mode");
        Write("vms/a/web.xml");
        Write("vms/secret/db.xml");
        File.SetUnixFileMode(Path.Combine(_root, "vms", "secret"), UnixFileMode.None);
        try
        {
            var report = Lint("vms");

            Assert.Equal(["vms/secret: permission denied; the directory was skipped"], Errors(report));
            Assert.Equal(["vms/a/web.xml"], Linted(report));
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(_root, "vms", "secret"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [SkippableFact]
    public void A_backslash_in_a_file_name_is_kept_in_the_display_path()
    {
        Skip.If(OperatingSystem.IsWindows(), "a backslash is the path separator on Windows");
        Write("vms/web\\01.xml");

        var report = Lint("vms");

        Assert.Equal(["vms/web\\01.xml"], Linted(report));
        Assert.Equal("vms/web\\01.xml", Assert.Single(report.Findings).Path);
    }

    [SkippableFact]
    public void A_file_name_that_is_not_valid_utf8_is_reported_clearly()
    {
        SkipUnlessLinux();
        Write("vms/web.xml");
        // .NET cannot name such a file; the shell can.
        Run("sh", "-c", $"printf '<domain/>' > '{_root}/vms/'\"$(printf 'caf\\351')\".xml");

        var report = Lint("vms");

        Assert.Equal(["vms/caf\uFFFD.xml: the file name is not valid UTF-8 (shown with U+FFFD), so VirtLint cannot open it; rename it"], Errors(report));
        Assert.Equal(["vms/web.xml"], Linted(report));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_a_VL0001_error_and_is_not_read()
    {
        var big = Path.Combine(_root, "big.xml");
        using (var stream = File.Create(big)) stream.SetLength(300L * 1024 * 1024); // sparse: costs no disk
        Write("small.xml");

        // One worker, the calling thread, so that its allocation counter sees any read.
        var (inputs, errors) = PathExpander.Expand(["big.xml", "small.xml"], _root);
        var linter = new Linter(TestCatalog.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var report = linter.Lint(inputs, errors);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var finding = report.Findings.First();
        Assert.Equal(("big.xml", "VL0001", 1, 1), (finding.Path, finding.RuleId, finding.Span.StartLine, finding.Span.StartColumn));
        Assert.Equal("The file is 300 MiB, more than the 16 MiB size limit (--max-file-size); it was not read.", finding.Message);
        Assert.Equal(2, report.FileCount);
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated:N0} bytes allocated: the file was read");
    }

    [Fact]
    public void The_size_limit_is_configurable_and_counts_bytes_exactly()
    {
        var path = Write("vm.xml", "<domain/>");

        Lint(); // warm-up
        var atLimit = new Linter(TestCatalog.Catalog, new LintOptions { MaxFileSize = 9 }).Lint([LintInput.FromFile("vm.xml", path)]);
        var overLimit = new Linter(TestCatalog.Catalog, new LintOptions { MaxFileSize = 8 }).Lint([LintInput.FromFile("vm.xml", path)]);
        var overLimitBytes = new Linter(TestCatalog.Catalog, new LintOptions { MaxFileSize = 8 }).Lint([LintInput.FromBytes("<stdin>", Encoding.UTF8.GetBytes("<domain/>"))]);

        Assert.Empty(atLimit.Findings);
        Assert.Equal("The file is 9 bytes, more than the 8 bytes size limit (--max-file-size); it was not read.", Assert.Single(overLimit.Findings).Message);
        Assert.Equal("The input holds more than the 8 bytes size limit (--max-file-size); it was not linted.", Assert.Single(overLimitBytes.Findings).Message);
    }
}
