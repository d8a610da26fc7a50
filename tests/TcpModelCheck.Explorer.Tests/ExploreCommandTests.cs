using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using TcpModelCheck.Cli;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Explorer.Tests.Support;

namespace TcpModelCheck.Explorer.Tests;

/// <summary><c>tcpmc explore</c> as a user runs it: a real process that prints its URL, serves the API, and ends
/// with exit 0 on SIGINT and on SIGTERM with its port closed; bad input exits 3 with one line.</summary>
public sealed class ExploreCommandTests
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private const int SigInt = 2, SigTerm = 15;

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public async Task The_process_serves_and_stops_cleanly_on_a_signal(int signal)
    {
        using var process = Start("explore", "--variant", "no-time-wait", "--port", "0");
        try
        {
            var line = await ReadLine(process);
            Assert.StartsWith("tcpmc explore: no-time-wait/client-closes-first at http://127.0.0.1:", line);
            var url = new Uri(line[line.IndexOf("http://", StringComparison.Ordinal)..].Split(' ', ',')[0]);
            using (var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(20) })
                Assert.Contains("\"variant\":\"no-time-wait\"", await http.GetStringAsync("api/model"));
            Assert.Equal(0, kill(process.Id, signal));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "tcpmc explore did not stop within 10 s of the signal");
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("tcpmc explore: stopped", await process.StandardOutput.ReadToEndAsync());
            using var client = new TcpClient();
            var e = await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, url.Port));
            Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    [Fact]
    public async Task With_a_trace_the_page_opens_at_its_last_step()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tcpmc-explore-").FullName, "cex.json");
        var walked = Paths.WalkedPath.Follow(NoTimeWait.Model, NoTimeWait.CounterexamplePath);
        TraceJson.Write(walked.ToTrace("graceful-close"), file);
        using var process = Start("explore", "--trace", file, "--port", "0");
        try
        {
            var line = await ReadLine(process);
            Assert.Contains("opened at the trace's step 12", line);
            var url = new Uri(line[line.IndexOf("http://", StringComparison.Ordinal)..].Split(' ', ',')[0]);
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(20) };
            var model = await http.GetStringAsync("api/model");
            Assert.Contains($"\"start\":{{\"path\":\"{NoTimeWait.CounterexamplePath}\"", model);
            Assert.Contains("\"variant\":\"no-time-wait\"", model);
        }
        finally
        {
            kill(process.Id, SigTerm);
            if (!process.WaitForExit(TimeSpan.FromSeconds(10))) process.Kill();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("tcpmc: --port 70000: a port is 0..65535 (0: a free one)", "explore", "--port", "70000")]
    [InlineData("tcpmc: unknown variant 'nope'", "explore", "--variant", "nope")]
    [InlineData("tcpmc: no-such-file.json: ", "explore", "--trace", "no-such-file.json")]
    public void Bad_input_exits_3_with_one_line(string expected, params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(3, code);
        Assert.Equal("", output);
        Assert.StartsWith(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_port_in_use_is_bad_input()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, _, error) = Run("explore", "--port", port.ToString());
        Assert.Equal(3, code);
        Assert.StartsWith($"tcpmc: --port {port}: ", error);
        Assert.Contains("address already in use", error);
    }

    [Fact]
    public void A_trace_that_diverges_is_bad_input()
    {
        var dir = Directory.CreateTempSubdirectory("tcpmc-explore-").FullName;
        try
        {
            var trace = Paths.WalkedPath.Follow(NoTimeWait.Model, NoTimeWait.CounterexamplePath).ToTrace();
            var file = Path.Combine(dir, "bad.json");
            TraceJson.Write(trace with { Steps = trace.Steps.SetItem(0, new TraceStep(0, "A: CLOSE")) }, file);
            var (code, _, error) = Run("explore", "--trace", file);
            Assert.Equal(3, code);
            Assert.Contains("does not replay: diverges at step 1", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Tcpmc.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tcpmc.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static async Task<string> ReadLine(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        return line ?? throw new InvalidOperationException($"tcpmc explore ended: {await process.StandardError.ReadToEndAsync()}");
    }
}
