using TcpModelCheck.Live.Native;
using Errno = TcpModelCheck.Conformance.Scripts.Errno;

namespace TcpModelCheck.Live.Isolation;

/// <summary>
/// A private, anonymous network namespace with one TUN device, alive for the duration of one callback.
/// <para>
/// How nothing is left behind: a dedicated OS thread calls unshare(CLONE_NEWNET), which moves only that thread
/// into a new namespace (network namespaces are per task). The namespace has no name — nothing is bind-mounted
/// under /run/netns, so `ip netns list` never shows it — and it is referenced only by that thread and by file
/// descriptors of this process (the TUN device, the kernel sockets under test). When the callback returns the
/// descriptors are closed and the thread exits; if the process is interrupted (SIGINT) or killed (SIGKILL) the
/// kernel closes every descriptor and reaps the thread. Either way the last reference goes and the kernel
/// destroys the namespace with its TUN device, its sockets (TIME-WAIT ones included) and its sysctls. No `ip`
/// command is run and no device or sysctl outside the namespace is touched, so there is nothing to sweep.
/// </para>
/// </summary>
public sealed class IsolatedNetwork
{
    private readonly int _threadId;

    private IsolatedNetwork(NetworkPlan plan, TunDevice tun)
    {
        Plan = plan;
        Tun = tun;
        _threadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>The addresses in use.</summary>
    public NetworkPlan Plan { get; }

    /// <summary>The TUN device through which the tool plays the remote peer.</summary>
    public TunDevice Tun { get; }

    /// <summary>
    /// Runs <paramref name="body"/> on a new thread inside a fresh namespace with <paramref name="sysctls"/> set
    /// there (before the device exists), and returns its result; exceptions are rethrown on the caller.
    /// </summary>
    public static T Run<T>(NetworkPlan plan, IReadOnlyList<KeyValuePair<string, string>> sysctls,
        Func<IsolatedNetwork, T> body)
    {
        if (!NetworkPlan.IsTestNet1(plan.Local) || !NetworkPlan.IsTestNet1(plan.Remote))
            throw new ArgumentException("live runs use TEST-NET-1 (192.0.2.0/24) addresses only", nameof(plan));
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = RunInside(plan, sysctls, body); }
            catch (Exception e) { failure = e; }
        }, 4 << 20) { IsBackground = true, Name = "tcpmc-netns" };
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return result;
    }

    /// <summary>Sets a net.* sysctl in this namespace; only from the namespace's own thread.</summary>
    public void SetSysctl(string name, string value)
    {
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException("sysctls are set from the namespace's own thread only");
        Sysctl.Write(name, value);
    }

    /// <summary>Reads a net.* sysctl as this namespace sees it; only from the namespace's own thread.</summary>
    public string? ReadSysctl(string name)
    {
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException("sysctls are read from the namespace's own thread only");
        return Sysctl.Read(name);
    }

    private static T RunInside<T>(NetworkPlan plan, IReadOnlyList<KeyValuePair<string, string>> sysctls,
        Func<IsolatedNetwork, T> body)
    {
        if (Libc.unshare(Libc.CloneNewNet) != 0)
            throw new LiveSetupException($"unshare(CLONE_NEWNET) failed: {Errno.Name(Libc.Errno)} (needs CAP_NET_ADMIN)");
        // No IPv6 in the namespace: the TUN device then carries only what the scripts are about.
        TryWrite("net.ipv6.conf.all.disable_ipv6", "1");
        TryWrite("net.ipv6.conf.default.disable_ipv6", "1");
        foreach (var (name, value) in sysctls)
        {
            if (Sysctl.Read(name) is null) throw new LiveSetupException($"sysctl {name} does not exist on this kernel");
            Sysctl.Write(name, value);
        }
        using var tun = TunDevice.Create(plan.DeviceName);
        InterfaceRequest.Configure(plan.DeviceName, plan.Local, plan.PrefixLength);
        return body(new IsolatedNetwork(plan, tun));
    }

    private static void TryWrite(string name, string value)
    {
        if (Sysctl.Read(name) is not null) Sysctl.Write(name, value);
    }
}
