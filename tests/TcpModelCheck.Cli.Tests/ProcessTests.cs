using System.Diagnostics;

namespace TcpModelCheck.Cli.Tests;

/// <summary>The real executable in a child process: the process exit code, and that redirected output carries no
/// escape codes or progress line. (Everything else runs in-process, which is much faster.)</summary>
public class ProcessTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tcpmc.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60))) { process.Kill(); throw new TimeoutException("tcpmc did not finish"); }
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Listing_exits_0_with_plain_text_on_a_pipe()
    {
        var (code, output, error) = Run("list", "workloads");
        Assert.Equal(0, code);
        Assert.Contains("reconnect", output);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Bad_input_exits_3_with_one_stderr_line()
    {
        var (code, output, error) = Run("check", "--variant", "nope");
        Assert.Equal(3, code);
        Assert.Equal("", output);
        Assert.Equal("tcpmc: unknown variant 'nope'; valid variants: rfc9293, no-time-wait, short-time-wait, rfc1337, linux, naive-fin, fixed-isn",
            error.TrimEnd());
    }
}
