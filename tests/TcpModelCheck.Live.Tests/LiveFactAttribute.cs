using TcpModelCheck.Live.Isolation;

namespace TcpModelCheck.Live.Tests;

/// <summary>
/// A fact that needs the live kernel (root, /dev/net/tun, CAP_NET_ADMIN). Where those are missing the test is
/// reported as skipped with the reason <see cref="Privileges"/> found — never as passed.
/// </summary>
public sealed class LiveFactAttribute : FactAttribute
{
    public LiveFactAttribute()
    {
        if (Privileges.Missing is { } reason)
            Skip = $"this test drives the live Linux kernel and did not run: {reason} (on Linux with /dev/net/tun, run dotnet " +
                   "test as root to include it; the scripts' checks against the model, TcpModelCheck.Conformance.Tests, run without it)";
    }
}
