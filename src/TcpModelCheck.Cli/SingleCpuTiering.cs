using System.Runtime.InteropServices;
using System.Text;

namespace TcpModelCheck.Cli;

/// <summary>
/// On a process limited to one CPU (<c>taskset -c 0</c>, a one-CPU container or machine), .NET waits ten times longer
/// before it optimizes code: its tier-up delay (100 ms after the last method compiled without optimization) is
/// multiplied by <c>TC_DelaySingleProcMultiplier</c>, 10, and restarts with every newly compiled method. A search keeps
/// compiling a method now and then (its first spill, its first new protocol path), so the model's code stayed
/// unoptimized for the first 3.3 s of rfc9293/reconnect pinned to one CPU (perf: 77 % of the samples in unoptimized
/// code from 1.75 s to 5.0 s), about 10 % of a 25 s search. The setting is read only from the environment, before the
/// runtime starts, so <c>tcpmc</c> re-executes itself once, at its first line, with
/// <c>DOTNET_TC_DelaySingleProcMultiplier=1</c>: the delay of a machine with several CPUs.
/// </summary>
/// <remarks>
/// <para>Nothing happens with more than one CPU, off Linux, or when the variable is set already (by the user, or by the
/// re-execution itself, so it happens once). <c>TCPMC_KEEP_TIERING=1</c> turns it off. The same process image
/// (<c>/proc/self/exe</c>) gets the same arguments (<c>/proc/self/cmdline</c>), so <c>dotnet tcpmc.dll</c> and the
/// <c>tcpmc</c> apphost both work; <c>execve</c> keeps the process id, standard streams, signals and exit code. If it
/// fails, the run goes on in this process with the runtime's default.</para>
/// <para>The JSON statistics name what ran (<see cref="Describe"/>): a timing taken on one CPU says whether it had the
/// delay.</para>
/// </remarks>
internal static partial class SingleCpuTiering
{
    public const string Variable = "DOTNET_TC_DelaySingleProcMultiplier";
    public const string OptOut = "TCPMC_KEEP_TIERING";
    private const string Marker = "TCPMC_REEXECUTED";

    /// <summary>Re-executes this process with the normal tier-up delay when it runs on one CPU (see the type's remarks);
    /// returns only when it did not.</summary>
    public static void ReexecuteIfNeeded()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount != 1) return;
        if (IsSet(Variable) || IsSet("COMPlus_TC_DelaySingleProcMultiplier") || IsSet(OptOut) || IsSet(Marker)) return;
        byte[] cmdline, environ;
        try
        {
            cmdline = File.ReadAllBytes("/proc/self/cmdline");
            environ = File.ReadAllBytes("/proc/self/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        var argv = Split(cmdline);
        if (argv.Count == 0) return;
        // The arguments and the environment as the kernel holds them, byte for byte (not decoded and encoded again).
        // An empty definition of either name would be found first by the runtime's lookup: it goes.
        var env = Split(environ).Where(e => !Defines(e, Variable) && !Defines(e, Marker)).ToList();
        env.Add(Encoding.UTF8.GetBytes($"{Variable}=1"));
        env.Add(Encoding.UTF8.GetBytes($"{Marker}=1"));
        Execute("/proc/self/exe", argv, env);
    }

    /// <summary>How this process tiers code up, for the report: <c>default</c> with several CPUs; on one CPU, whether
    /// the delay was lifted by re-execution, set by the user, or left at the runtime's tenfold default.</summary>
    public static string Describe()
    {
        if (Environment.ProcessorCount != 1) return "default";
        var value = Environment.GetEnvironmentVariable(Variable);
        if (IsSet(Marker) && value == "1") return $"one CPU: as with several (re-executed with {Variable}=1)";
        if (value is { Length: > 0 }) return $"one CPU: {Variable}={value}";
        return "one CPU: the runtime's tenfold tier-up delay";
    }

    /// <summary>The strings of <c>/proc/PID/cmdline</c> or <c>/proc/PID/environ</c>: NUL-terminated (the last terminator
    /// may be missing), as raw bytes.</summary>
    internal static List<byte[]> Split(ReadOnlySpan<byte> strings)
    {
        var list = new List<byte[]>();
        while (!strings.IsEmpty)
        {
            var end = strings.IndexOf((byte)0);
            if (end < 0) end = strings.Length;
            list.Add(strings[..end].ToArray());
            strings = end < strings.Length ? strings[(end + 1)..] : [];
        }
        return list;
    }

    /// <summary>True when the environment string <paramref name="entry"/> (<c>NAME=value</c>) defines <paramref name="name"/>.</summary>
    internal static bool Defines(ReadOnlySpan<byte> entry, string name) =>
        entry.Length > name.Length && entry[name.Length] == (byte)'=' && entry[..name.Length].SequenceEqual(Encoding.ASCII.GetBytes(name));

    private static bool IsSet(string name) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));

    private static unsafe void Execute(string path, List<byte[]> argv, List<byte[]> env)
    {
        var owned = new List<nint>();
        try
        {
            var args = Terminated(argv, owned);
            var vars = Terminated(env, owned);
            _ = Execve(path, args, vars);   // returns only on failure
        }
        finally
        {
            foreach (var p in owned) NativeMemory.Free((void*)p);
        }
    }

    /// <summary>A NULL-terminated array of NUL-terminated C strings (their memory listed in <paramref name="owned"/>).</summary>
    private static unsafe nint[] Terminated(List<byte[]> values, List<nint> owned)
    {
        var array = new nint[values.Count + 1];
        for (var i = 0; i < values.Count; i++)
        {
            var p = (byte*)NativeMemory.Alloc((nuint)values[i].Length + 1);
            owned.Add(array[i] = (nint)p);
            values[i].CopyTo(new Span<byte>(p, values[i].Length));
            p[values[i].Length] = 0;
        }
        return array;
    }

    [LibraryImport("libc", EntryPoint = "execve", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execve(string path, nint[] argv, nint[] envp);
}
