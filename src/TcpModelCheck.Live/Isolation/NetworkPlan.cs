using System.Net;

namespace TcpModelCheck.Live.Isolation;

/// <summary>
/// The addresses of a live run, all in 192.0.2.0/24 (TEST-NET-1, RFC 5737) and used only inside the run's own
/// network namespace: the kernel's socket lives at <see cref="Local"/> on the TUN device, and the tool plays the
/// remote peer at <see cref="Remote"/>. Nothing is ever sent to any other address.
/// </summary>
public sealed record NetworkPlan(IPAddress Local, IPAddress Remote, int PrefixLength, string DeviceName)
{
    /// <summary>Kernel 192.0.2.1, peer 192.0.2.2, on a TUN device named tcpmc0 inside the namespace.</summary>
    public static NetworkPlan Default { get; } =
        new(IPAddress.Parse("192.0.2.1"), IPAddress.Parse("192.0.2.2"), 24, "tcpmc0");

    /// <summary>True when an address is inside TEST-NET-1; the runner refuses every other peer address.</summary>
    public static bool IsTestNet1(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b.Length == 4 && b[0] == 192 && b[1] == 0 && b[2] == 2;
    }
}
