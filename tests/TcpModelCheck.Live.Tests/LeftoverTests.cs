using System.Diagnostics;
using TcpModelCheck.Live.Isolation;
using TcpModelCheck.Live.Kernel;

namespace TcpModelCheck.Live.Tests;

/// <summary>After a run, the host's `ip netns list` and `ip link` are what they were before it.</summary>
public sealed class LeftoverTests
{
    [LiveFact]
    public void A_run_leaves_no_namespace_and_no_device_in_the_host()
    {
        var before = (Ip("netns list"), Ip("-o link"));
        var state = IsolatedNetwork.Run(NetworkPlan.Default, [], net =>
        {
            var fd = (int)KernelCalls.Socket().Value;
            KernelCalls.Bind(fd, net.Plan.Local, 8080);
            KernelCalls.Listen(fd, 1);
            var seen = KernelCalls.State(fd);
            KernelCalls.Close(fd);
            return seen;
        });
        Assert.Equal(KernelTcpState.Listen, state);
        Assert.Equal(before, (Ip("netns list"), Ip("-o link")));
        Assert.DoesNotContain("tcpmc", before.Item2);
    }

    private static string Ip(string arguments)
    {
        using var ip = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardOutput = true })!;
        var text = ip.StandardOutput.ReadToEnd();
        ip.WaitForExit();
        return text;
    }
}
