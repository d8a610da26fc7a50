using System.Text.RegularExpressions;
using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Checking;

/// <summary>
/// What the offline checker supports, decided before a run: a script using anything else is
/// <c>unsupported: line n: what</c>, never silently passed. Sysctls the model has a field for
/// (<c>tcp_rfc1337</c>, <c>tcp_fin_timeout</c>) configure the linux variant; other shell commands are skipped with a note.
/// </summary>
internal static partial class Support
{
    private static readonly HashSet<string> HarmlessOptions =
    [
        "tolerance_usecs", "ip_version", "local_ip", "remote_ip", "gateway_ip", "netmask_ip", "bind_port",
        "connect_port", "speed", "mtu", "verbose", "dry_run", "non_fatal", "init_scripts", "tun_dev", "persist_tun",
        "wire_client", "wire_server", "wire_server_ip", "wire_server_port", "wire_client_dev", "wire_server_dev",
    ];

    public static readonly HashSet<string> Syscalls =
        ["socket", "bind", "listen", "accept", "connect", "write", "send", "read", "recv", "close", "shutdown",
         "setsockopt", "getsockopt", "fcntl"];

    private static readonly HashSet<string> SetOptions = ["SO_REUSEADDR", "SO_REUSEPORT", "SO_LINGER", "TCP_NODELAY"];

    public static (TcpConfig, VariantTiming) Prescan(Script script, TcpConfig config, VariantTiming timing, List<string> notes)
    {
        foreach (var o in script.Options)
            if (!HarmlessOptions.Contains(o.Name)) throw Unsupported(o.Line, $"option --{o.Name} (changes behaviour the model lacks)");
        if (script.Option("ip_version") is { } v && v != "ipv4") throw Unsupported(0, $"--ip_version={v} (the model speaks IPv4 only)");
        foreach (var e in script.Events)
        {
            switch (e)
            {
                case UnsupportedEvent u: throw Unsupported(u.Line, u.What);
                case SyscallEvent s: CheckSyscall(s); break;
                case PacketEvent p: CheckPacket(p); break;
                case CommandEvent c: (config, timing) = Sysctl(c, config, timing, notes); break;
            }
        }
        return (config, timing);
    }

    private static void CheckSyscall(SyscallEvent s)
    {
        if (!Syscalls.Contains(s.Name)) throw Unsupported(s.Line, $"syscall {s.Name}");
        if (s.Result is not IntExpr) throw Unsupported(s.Line, $"{s.Name} result written as {ScriptWriter.Expression(s.Result)}");
        var option = s.Argument(2) is WordExpr w ? w.Word : null;
        if (s.Name == "setsockopt" && (option is null || !SetOptions.Contains(option)))
            throw Unsupported(s.Line, $"setsockopt {option ?? "?"} (changes behaviour the model lacks)");
        if (s.Name == "getsockopt" && option != "SO_ERROR") throw Unsupported(s.Line, $"getsockopt {option ?? "?"}");
        if (s.Name == "fcntl" && s.Argument(1) is not WordExpr { Word: "F_SETFL" })
            throw Unsupported(s.Line, $"fcntl {(s.Argument(1) is { } a ? ScriptWriter.Expression(a) : "?")}");
    }

    private static void CheckPacket(PacketEvent p)
    {
        if ((p.Flags & (TcpFlags.Urg | TcpFlags.Ece | TcpFlags.Cwr)) != 0)
            throw Unsupported(p.Line, "URG/ECE/CWR flags (not modelled)");
        if (p.UrgentPointer is not null) throw Unsupported(p.Line, "urgent pointer (not modelled)");
    }

    /// <summary><c>sysctl -q net.ipv4.tcp_rfc1337=1</c> and <c>tcp_fin_timeout=N</c> configure the variant.</summary>
    private static (TcpConfig, VariantTiming) Sysctl(CommandEvent c, TcpConfig config, VariantTiming timing, List<string> notes)
    {
        foreach (Match m in SysctlRegex().Matches(c.Command))
        {
            var (name, value) = (m.Groups[1].Value, int.Parse(m.Groups[2].Value));
            if (config.Variant != Variants.Linux)
            {
                notes.Add($"line {c.Line}: net.ipv4.{name}={value} is a Linux setting; variant {config.Variant} ignores it");
                continue;
            }
            if (name == "tcp_rfc1337") config = config with { IgnoreRstInTimeWait = value != 0 };
            else if (name == "tcp_fin_timeout") timing = timing with { FinWait2 = value };
            else continue;
            notes.Add($"line {c.Line}: net.ipv4.{name}={value} configures the variant");
        }
        return (config, timing);
    }

    [GeneratedRegex(@"net\.ipv4\.(tcp_rfc1337|tcp_fin_timeout)\s*=\s*(\d+)")]
    private static partial Regex SysctlRegex();

    public static RunEnded Unsupported(int line, string what) => new(VerdictKind.Unsupported, line, what);
}
