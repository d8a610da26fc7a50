using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Live.Runs;

namespace TcpModelCheck.Live.Tests;

/// <summary>
/// The runner against this machine's kernel: the handshake, the normal close, and an RST in TIME-WAIT under both
/// tcp_rfc1337 settings — each script passes, and so does its recording when run again.
/// </summary>
public sealed class LiveScriptTests
{
    private static Script Load(string name) =>
        ScriptParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Scripts", name));

    [LiveFact]
    public void Passive_handshake_passes() => AssertPassesTwice("passive-handshake.pkt");

    [LiveFact]
    public void Active_close_through_time_wait_passes() => AssertPassesTwice("active-close.pkt");

    [LiveFact]
    public void Rst_at_rcv_nxt_ends_time_wait_when_rfc1337_is_off() => AssertPassesTwice("rst-in-time-wait-rfc1337-0.pkt");

    [LiveFact]
    public void Rst_is_ignored_in_time_wait_when_rfc1337_is_on() => AssertPassesTwice("rst-in-time-wait-rfc1337-1.pkt");

    [LiveFact]
    public void The_rfc1337_scripts_fail_when_their_sysctl_is_swapped()
    {
        var script = Load("rst-in-time-wait-rfc1337-1.pkt");
        var swapped = script with
        {
            Events = script.Events.Select(e => e is CommandEvent c ? c with { Command = "sysctl -q net.ipv4.tcp_rfc1337=0" } : e).ToValueList(),
        };
        var result = LiveRunner.Run(swapped, Ci);
        var fails = Assert.IsType<KernelVerdict.Fails>(result.Kernel);
        Assert.Equal(script.Events[^1].Line, fails.Line);
        Assert.StartsWith("> R 2:2(0)", fails.Got);
    }

    /// <summary>
    /// 50 ms timing tolerance: CI shares 2 cores with other jobs, and a TUN read scheduled 25 ms late failed a run
    /// (kernel FIN "got nothing by +25 ms" after close()). Every step in these scripts is 50 ms apart, so order and
    /// content are still checked line by line; the timers under test (TIME-WAIT 60 s) are far longer.
    /// </summary>
    private static readonly LiveRunOptions Ci = LiveRunOptions.Default with { ToleranceMicros = 50_000 };

    private static void AssertPassesTwice(string name)
    {
        var first = LiveRunner.Run(Load(name), Ci);
        Assert.True(first.Kernel is KernelVerdict.Passes, $"{name}: {first.Kernel}\n{ScriptWriter.Write(first.Recorded)}");
        var recorded = ScriptParser.Parse(ScriptWriter.Write(first.Recorded), name + " (recorded)");
        var second = LiveRunner.Run(recorded, Ci);
        Assert.True(second.Kernel is KernelVerdict.Passes, $"{name} recorded: {second.Kernel}\n{ScriptWriter.Write(recorded)}");
    }
}
