using System.Runtime.InteropServices;

namespace TcpModelCheck.Live.Native;

/// <summary>
/// The few libc calls the live runner needs, called directly so that every result and errno is the kernel's own
/// (System.Net.Sockets maps errnos to SocketError and hides EINPROGRESS, half-closes and O_NONBLOCK semantics
/// that packetdrill scripts spell out). Linux x86_64/arm64 ABI; each call sets errno (SetLastError).
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    [LibraryImport(Lib, SetLastError = true)] internal static partial int unshare(int flags);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int socket(int domain, int type, int protocol);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int bind(int fd, byte* addr, int len);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int listen(int fd, int backlog);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int accept(int fd, byte* addr, int* len);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int connect(int fd, byte* addr, int len);
    [LibraryImport(Lib, SetLastError = true)] internal static partial nint write(int fd, byte* buf, nint count);
    [LibraryImport(Lib, SetLastError = true)] internal static partial nint read(int fd, byte* buf, nint count);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int close(int fd);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int shutdown(int fd, int how);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int setsockopt(int fd, int level, int name, byte* value, int len);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int getsockopt(int fd, int level, int name, byte* value, int* len);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int fcntl(int fd, int cmd, int arg);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int ioctl(int fd, nuint request, byte* arg);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int open(byte* path, int flags);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int poll(PollFd* fds, nuint count, int timeoutMs);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int geteuid();

    internal static int Errno => Marshal.GetLastPInvokeError();

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    internal const int CloneNewNet = 0x40000000;
    internal const int AfInet = 2, SockStream = 1, SockDgram = 2, IpProtoTcp = 6;
    internal const int ORdWr = 2, ONonBlock = 0x800, OCloExec = 0x80000;
    internal const int FGetFl = 3, FSetFl = 4;
    internal const short PollIn = 1;
}
