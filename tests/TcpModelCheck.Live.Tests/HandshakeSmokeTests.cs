using TcpModelCheck.Live.Isolation;
using TcpModelCheck.Live.Kernel;
using TcpModelCheck.Live.Packets;
using TcpFlags = TcpModelCheck.Conformance.Scripts.TcpFlags;

namespace TcpModelCheck.Live.Tests;

/// <summary>The infrastructure end to end: a SYN written to the TUN device makes a kernel listener answer.</summary>
public sealed class HandshakeSmokeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    [LiveFact]
    public void Kernel_listener_reaches_established_after_a_handshake_through_the_tun_device()
    {
        var (synAck, state) = IsolatedNetwork.Run(NetworkPlan.Default, [], net =>
        {
            var plan = net.Plan;
            var listener = (int)KernelCalls.Socket().Value;
            Assert.False(KernelCalls.Bind(listener, plan.Local, 8080).Failed);
            Assert.False(KernelCalls.Listen(listener, 1).Failed);
            var syn = new TcpSegment
            {
                Source = plan.Remote, Destination = plan.Local, SourcePort = 40000, DestinationPort = 8080,
                Sequence = 1000, Flags = TcpFlags.Syn, Window = 29200, Options = [TcpOption.Mss(1000)],
            };
            net.Tun.Write(Ipv4TcpCodec.Encode(syn));
            var reply = ReadTcp(net.Tun);
            net.Tun.Write(Ipv4TcpCodec.Encode(syn with
            {
                Sequence = 1001, Acknowledgment = reply.Sequence + 1, Flags = TcpFlags.Ack, Options = [],
            }));
            Thread.Sleep(50);
            var accepted = KernelCalls.Accept(listener);
            var result = (reply, KernelCalls.State((int)accepted.Value));
            KernelCalls.Close((int)accepted.Value);
            KernelCalls.Close(listener);
            return result;
        });
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, synAck.Flags);
        Assert.Equal(1001u, synAck.Acknowledgment);
        Assert.Equal((ushort)8080, synAck.SourcePort);
        Assert.Equal(KernelTcpState.Established, state);
    }

    [LiveFact]
    public void Sysctls_change_inside_the_namespace_only()
    {
        var outside = Sysctl.Read("net.ipv4.tcp_fin_timeout");
        var inside = IsolatedNetwork.Run(NetworkPlan.Default, [new("net.ipv4.tcp_fin_timeout", "2")],
            net => net.ReadSysctl("net.ipv4.tcp_fin_timeout"));
        Assert.Equal("2", inside);
        Assert.Equal(outside, Sysctl.Read("net.ipv4.tcp_fin_timeout"));
        Assert.NotEqual("2", outside);
    }

    private static TcpSegment ReadTcp(TunDevice tun)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            var packet = tun.Read(deadline - DateTime.UtcNow);
            if (packet is not null && Ipv4TcpCodec.TryDecode(packet, out _) is { } segment) return segment;
        }
        throw new TimeoutException("the kernel sent no TCP segment");
    }
}
