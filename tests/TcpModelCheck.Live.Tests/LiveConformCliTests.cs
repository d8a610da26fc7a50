using System.Diagnostics;
using TcpModelCheck.Cli;
using TcpModelCheck.Live.Isolation;

namespace TcpModelCheck.Live.Tests;

/// <summary>
/// <c>tcpmc conform --live</c>: both verdicts per script (the kernel's, and whether the model predicted it), the
/// recordings <c>--record</c> writes (which pass offline against the linux variant), the summary table, exit codes,
/// and a run killed half-way leaving nothing behind in the host.
/// </summary>
public sealed class LiveConformCliTests
{
    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Tcpmc.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [LiveFact]
    public void Handshake_and_close_pass_on_the_kernel_the_linux_variant_predicts_them_and_the_recordings_pass_offline()
    {
        var dir = Directory.CreateTempSubdirectory("tcpmc-record-").FullName;
        try
        {
            var (code, output, _) = Run("conform", "--live", Script("passive-handshake.pkt"), Script("active-close.pkt"), "--record", dir,
                "--tolerance-usecs", "50000");
            Assert.True(code == 0, output);
            Assert.Equal(2, output.Split('\n').Count(l => l.Contains("kernel: passes")));
            Assert.Equal(2, output.Split('\n').Count(l => l.Contains("model (linux): predicts the kernel's run")));
            Assert.Contains("| linux | 2 | 2 | 2 | 0 | 0 |", output);
            var recorded = Directory.GetFiles(dir, "*.pkt").Order(StringComparer.Ordinal).Select(Path.GetFileName).ToList();
            Assert.Equal(["active-close.pkt", "passive-handshake.pkt"], recorded);
            var offline = Run("conform", dir, "--variant", "linux");
            Assert.True(offline.Code == 0, offline.Out);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [LiveFact]
    public void A_script_the_kernel_does_not_follow_fails_at_its_line_and_exits_1()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("tcpmc-live-").FullName, "wrong-ack.pkt");
        // The kernel answers the SYN with ack 1; the script claims ack 5 on line 5.
        File.WriteAllText(path, """
            --tolerance_usecs=25000
            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0 bind(3, ..., ...) = 0
            +0 listen(3, 1) = 0
            +0 < S 0:0(0) win 32792 <mss 1000>
            +0 > S. 0:0(0) ack 5 <...>
            """);
        try
        {
            var (code, output, _) = Run("conform", "--live", path, "--json");
            Assert.Equal(1, code);
            Assert.Contains("\"verdict\": \"fails\"", output);
            Assert.Contains("\"line\": 6", output);
            Assert.Contains("\"stopReason\": \"complete\"", output);
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); }
    }

    [LiveFact]
    public void A_slow_script_is_listed_as_not_run_without_slow_never_as_passed()
    {
        // waits 60 s of script time for Linux's TIME-WAIT (issue 12: slow scripts stay out of the default runs)
        var slow = Path.Combine(AppContext.BaseDirectory, "Corpus", "time-wait-60s.pkt");
        var (code, output, _) = Run("conform", "--live", slow, Script("passive-handshake.pkt"), "--tolerance-usecs", "50000");
        Assert.True(code == 0, output);
        Assert.Contains("time-wait-60s.pkt  slow, not run: 70 s of script time (--slow runs it)", output);
        Assert.Single(output.Split('\n'), l => l.Contains("kernel: passes"));
        Assert.Contains("| linux | 1 | 1 | 1 | 0 | 0 |", output);
    }

    [Fact]
    public void Record_and_tolerance_without_live_are_bad_input()
    {
        var (code, output, err) = Run("conform", Script("active-close.pkt"), "--record", "/tmp/x");
        Assert.Equal(3, code);
        Assert.Equal("", output);
        Assert.Equal("tcpmc: --record, --tolerance-usecs and --slow need --live", err.Trim());
    }

    /// <summary>
    /// Without privileges, <c>--live</c> exits 3 with one line saying what is missing. Run as user nobody
    /// (<c>setpriv</c>), which only root can do; elsewhere this process itself lacks them, and the in-process run
    /// shows the same.
    /// </summary>
    [Fact]
    public void Without_privileges_live_exits_3_with_what_is_missing()
    {
        if (Privileges.Missing is { } missing)
        {
            var inProcess = Run("conform", "--live", Script("active-close.pkt"));
            Assert.Equal(3, inProcess.Code);
            Assert.Equal($"tcpmc: {missing}", inProcess.Err.Trim());
            return;
        }
        var start = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet",
            Path.Combine(AppContext.BaseDirectory, "tcpmc.dll"), "conform", "--live", Script("active-close.pkt")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp",
        };
        start.Environment["HOME"] = "/tmp";
        start.Environment["DOTNET_CLI_HOME"] = "/tmp";
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(60_000));
        Assert.Equal(3, p.ExitCode);
        Assert.StartsWith("tcpmc: live runs need root (CAP_NET_ADMIN)", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    /// <summary>
    /// SIGKILL in the middle of a script: the namespace is anonymous (made by <c>unshare</c> on the runner's own
    /// thread, never named under /run/netns) and the TUN device lives inside it, so the kernel removes both when
    /// the last process in it dies. Nothing is left for a cleanup handler that a SIGKILL would never run.
    /// </summary>
    [LiveFact]
    public void A_run_killed_with_sigkill_leaves_no_namespace_and_no_device()
    {
        var before = (Ip("netns list"), Ip("-o link"));
        var path = Path.Combine(Directory.CreateTempSubdirectory("tcpmc-live-").FullName, "long.pkt");
        File.WriteAllText(path, """
            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0 bind(3, ..., ...) = 0
            +0 listen(3, 1) = 0
            +0 < S 0:0(0) win 32792 <mss 1000>
            +0 > S. 0:0(0) ack 1 <...>
            +30 < . 1:1(0) ack 1 win 257
            """);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "tcpmc.dll"), "conform", "--live", "--slow", path])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(start)!;
        try
        {
            var line = p.StandardError.ReadLine();
            Assert.StartsWith("live: ", line);
            Thread.Sleep(1500);
            Assert.False(p.HasExited);
            Assert.True(NamespacesOf(p.Id), "the run should be inside a namespace of its own while the script waits");
            p.Kill();
            Assert.True(p.WaitForExit(10_000));
            Thread.Sleep(500);
            Assert.Equal(before, (Ip("netns list"), Ip("-o link")));
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>Whether some thread of process <paramref name="pid"/> is in a network namespace other than ours.</summary>
    private static bool NamespacesOf(int pid)
    {
        var ours = File.ResolveLinkTarget("/proc/self/ns/net", returnFinalTarget: false)?.ToString();
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var ns = File.ResolveLinkTarget(Path.Combine(task, "ns", "net"), returnFinalTarget: false)?.ToString();
                if (ns is not null && ns != ours) return true;
            }
            catch (IOException) { }
        }
        return false;
    }

    private static string Ip(string arguments)
    {
        using var ip = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardOutput = true })!;
        var text = ip.StandardOutput.ReadToEnd();
        ip.WaitForExit();
        return text;
    }
}
