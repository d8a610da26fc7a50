namespace TcpModelCheck.Live.Isolation;

/// <summary>
/// Reads and writes net.* sysctls through /proc/sys. The kernel resolves /proc/sys/net against the network
/// namespace of the calling thread, so calls made on an <see cref="IsolatedNetwork"/>'s thread change that
/// namespace only; <see cref="IsolatedNetwork"/> refuses to write from any other thread.
/// </summary>
public static class Sysctl
{
    /// <summary>The /proc/sys path of a dotted name such as net.ipv4.tcp_rfc1337.</summary>
    public static string PathOf(string name)
    {
        if (!name.StartsWith("net.", StringComparison.Ordinal) || name.Contains('/') || name.Contains(".."))
            throw new ArgumentException($"only net.* sysctls can be set in a namespace, not '{name}'", nameof(name));
        return "/proc/sys/" + name.Replace('.', '/');
    }

    /// <summary>The current value (trimmed), or null when the sysctl does not exist.</summary>
    public static string? Read(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    internal static void Write(string name, string value) => File.WriteAllText(PathOf(name), value + "\n");
}
