using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace TcpModelCheck.Cli.Tests;

/// <summary>The real executable in a child process: the process exit code, and that redirected output carries no
/// escape codes or progress line. (Everything else runs in-process, which is much faster.)</summary>
public class ProcessTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Run(null, [], args);

    /// <summary>Runs <c>dotnet tcpmc.dll ARGS</c>, pinned to the CPUs <paramref name="cpu"/> names (util-linux's <c>taskset -c</c>) when
    /// <paramref name="cpu"/> is given, with <paramref name="env"/> added to the environment.</summary>
    private static (int Code, string Out, string Err) Run(string? cpu, (string Name, string Value)[] env, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tcpmc.dll");
        var info = new ProcessStartInfo(cpu is null ? "dotnet" : "taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment.Remove("DOTNET_TC_DelaySingleProcMultiplier");
        info.Environment.Remove("TCPMC_REEXECUTED");
        foreach (var (name, value) in env) info.Environment[name] = value;
        if (cpu is not null)
        {
            Assert.True(File.Exists("/usr/bin/taskset"), "pinning tcpmc to one CPU needs util-linux's taskset");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(cpu);
            info.ArgumentList.Add("dotnet");
        }
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

    private static JsonElement Runtime(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("statistics").GetProperty("runtime");

    private const string Reexecuted = "one CPU: as with several (re-executed with DOTNET_TC_DelaySingleProcMultiplier=1)";

    private static readonly string[] SmallCheck = ["check", "--variant", "rfc1337", "--workload", "client-closes-first", "--json"];

    [Fact]
    public void On_one_cpu_it_re_executes_itself_with_the_tier_up_delay_of_several()
    {
        var (code, output, error) = Run("0", [], SmallCheck);
        Assert.True(code == 0, error);
        var runtime = Runtime(output);
        Assert.Equal(1, runtime.GetProperty("processors").GetInt32());
        Assert.Equal(Reexecuted, runtime.GetProperty("tierUp").GetString());
    }

    [Fact]
    public void The_re_executed_process_gets_the_same_arguments_byte_for_byte()
    {
        var dir = Directory.CreateTempSubdirectory("tcpmc-reexec-");
        try
        {
            var file = Path.Combine(dir.FullName, "a trace ü.json");
            var (code, output, error) = Run("0", [], "check", "--variant", "no-time-wait", "--workload", "client-closes-first",
                "-p", "graceful-close", "--out", file, "--json");
            Assert.True(code == 1, error);
            Assert.Equal(Reexecuted, Runtime(output).GetProperty("tierUp").GetString());
            Assert.True(File.Exists(file), $"the trace was not written to {file}: {string.Join(", ", dir.GetFiles().Select(f => f.Name))}");
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_re_execution_can_be_turned_off_and_the_report_says_so()
    {
        var (code, output, error) = Run("0", [("TCPMC_KEEP_TIERING", "1")], SmallCheck);
        Assert.True(code == 0, error);
        Assert.Equal("one CPU: the runtime's tenfold tier-up delay", Runtime(output).GetProperty("tierUp").GetString());
        (code, output, error) = Run("0", [("DOTNET_TC_DelaySingleProcMultiplier", "3")], SmallCheck);
        Assert.True(code == 0, error);
        Assert.Equal("one CPU: DOTNET_TC_DelaySingleProcMultiplier=3", Runtime(output).GetProperty("tierUp").GetString());
        // an empty definition is not a setting: it is replaced, not left to shadow the new one
        (code, output, error) = Run("0", [("DOTNET_TC_DelaySingleProcMultiplier", "")], SmallCheck);
        Assert.True(code == 0, error);
        Assert.Equal(Reexecuted, Runtime(output).GetProperty("tierUp").GetString());
    }

    [Fact]
    public void With_several_cpus_nothing_changes()
    {
        var (code, output, error) = Run(SmallCheck);
        Assert.True(code == 0, error);
        var runtime = Runtime(output);
        Assert.Equal(Environment.ProcessorCount, runtime.GetProperty("processors").GetInt32());
        if (Environment.ProcessorCount > 1) Assert.Equal("default", runtime.GetProperty("tierUp").GetString());
    }

    [Fact]
    public void The_command_line_and_environment_are_read_back_byte_for_byte_from_proc()
    {
        static string[] Strings(List<byte[]> list) => list.Select(b => Convert.ToHexString(b)).ToArray();
        static string Hex(string s) => Convert.ToHexString(Encoding.UTF8.GetBytes(s));
        Assert.Equal([Hex("dotnet"), Hex("tcpmc.dll"), Hex("--out"), Hex("a b"), "", Hex("ü")],
            Strings(SingleCpuTiering.Split(Encoding.UTF8.GetBytes("dotnet\0tcpmc.dll\0--out\0a b\0\0ü\0"))));
        Assert.Equal([Hex("x"), Hex("y")], Strings(SingleCpuTiering.Split("x\0y"u8)));
        Assert.Equal(["FF41", "42"], Strings(SingleCpuTiering.Split([0xFF, 0x41, 0, 0x42, 0])));   // not UTF-8: kept as is
        Assert.Empty(SingleCpuTiering.Split([]));
        Assert.True(SingleCpuTiering.Defines("TCPMC_REEXECUTED=1"u8, "TCPMC_REEXECUTED"));
        Assert.True(SingleCpuTiering.Defines("TCPMC_REEXECUTED="u8, "TCPMC_REEXECUTED"));
        Assert.False(SingleCpuTiering.Defines("TCPMC_REEXECUTED_X=1"u8, "TCPMC_REEXECUTED"));
        Assert.False(SingleCpuTiering.Defines("TCPMC_REEXECUTED"u8, "TCPMC_REEXECUTED"));
    }
}
