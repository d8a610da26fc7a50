namespace TcpModelCheck.Conformance.Scripts;

/// <summary>Linux errno numbers and the names packetdrill scripts use for them (asm-generic/errno*.h).</summary>
public static class Errno
{
    private static readonly (int Number, string Name)[] Table =
    [
        (1, "EPERM"), (2, "ENOENT"), (4, "EINTR"), (9, "EBADF"), (11, "EAGAIN"), (13, "EACCES"), (14, "EFAULT"),
        (17, "EEXIST"), (19, "ENODEV"), (22, "EINVAL"), (24, "EMFILE"), (32, "EPIPE"), (88, "ENOTSOCK"),
        (92, "ENOPROTOOPT"), (93, "EPROTONOSUPPORT"), (95, "EOPNOTSUPP"), (97, "EAFNOSUPPORT"), (98, "EADDRINUSE"),
        (99, "EADDRNOTAVAIL"), (100, "ENETDOWN"), (101, "ENETUNREACH"), (103, "ECONNABORTED"), (104, "ECONNRESET"),
        (105, "ENOBUFS"), (106, "EISCONN"), (107, "ENOTCONN"), (108, "ESHUTDOWN"), (110, "ETIMEDOUT"),
        (111, "ECONNREFUSED"), (113, "EHOSTUNREACH"), (114, "EALREADY"), (115, "EINPROGRESS"),
    ];

    /// <summary>The symbolic name of an errno ("E123" for one not in the table).</summary>
    public static string Name(int number)
    {
        foreach (var (n, name) in Table)
            if (n == number) return name;
        return $"E{number}";
    }

    /// <summary>The number of a symbolic errno name, or null when the name is unknown. EWOULDBLOCK is EAGAIN.</summary>
    public static int? Number(string name)
    {
        if (name == "EWOULDBLOCK") return 11;
        foreach (var (n, entry) in Table)
            if (entry == name) return n;
        return null;
    }
}
