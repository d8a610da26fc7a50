using System.Globalization;
using TcpModelCheck.Live.Native;

namespace TcpModelCheck.Live.Isolation;

/// <summary>
/// Whether this process can run scripts against the live kernel: it needs /dev/net/tun and CAP_NET_ADMIN (root,
/// in practice) to create a network namespace and a TUN device in it. The answer is probed once — by creating and
/// discarding a namespace with its device — and is either null (all there) or one line saying what is missing.
/// </summary>
public static class Privileges
{
    private const int CapNetAdmin = 12;
    private static readonly Lazy<string?> Probe = new(ProbeOnce);

    /// <summary>Null when live runs work here; otherwise what is missing, in one line.</summary>
    public static string? Missing => Probe.Value;

    private static string? ProbeOnce()
    {
        if (!OperatingSystem.IsLinux()) return "live runs need Linux (network namespaces and /dev/net/tun)";
        if (!File.Exists("/dev/net/tun")) return "live runs need /dev/net/tun, which this machine does not have";
        if (!HasNetAdmin())
            return $"live runs need root (CAP_NET_ADMIN) to create a network namespace and a TUN device; this process runs as uid {Libc.geteuid()} without it";
        try
        {
            IsolatedNetwork.Run(NetworkPlan.Default, [], _ => 0);
            return null;
        }
        catch (LiveSetupException e)
        {
            return "live runs are not possible here: " + e.Message;
        }
    }

    private static bool HasNetAdmin()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("CapEff:", StringComparison.Ordinal)) continue;
            var mask = ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return (mask & (1UL << CapNetAdmin)) != 0;
        }
        return false;
    }
}
