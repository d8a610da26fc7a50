using System.Diagnostics;
using TcpModelCheck.Bench.Promela;

namespace TcpModelCheck.Bench.Spin;

/// <summary>A failure of the SPIN toolchain (install, generate, compile, run), reported as one line.</summary>
public sealed class SpinToolException(string message) : Exception(message);

/// <summary>
/// Runs SPIN the way <c>shared/bench/README.md</c> does: <c>spin -D.. -a tcp.pml</c>, <c>gcc -O2 -DSAFETY -o pan
/// pan.c</c>, <c>./pan -m10000 -wN</c> (exhaustive depth-first search, one core, exact storage), in a fresh
/// temporary directory. Installs the Debian package <c>spin</c> (and gcc) when missing.
/// </summary>
public static class SpinRunner
{
    /// <summary>pan's <c>-w</c> (log2 of hash slots) per bound setting, as in the bench README.</summary>
    public static int HashBits(string boundsName) => boundsName switch { "S" => 20, "M" => 23, "L" => 25, _ => 27 };

    public static SpinResult Run(string pmlPath, PmlBounds bounds, int hashBits, TextWriter log)
    {
        EnsureInstalled(log);
        var dir = Directory.CreateTempSubdirectory("tcpmc-spin-");
        try
        {
            File.Copy(pmlPath, Path.Combine(dir.FullName, "tcp.pml"));
            var defines = bounds.SpinDefines.Split(' ');
            Exec("spin", [.. defines, "-a", "tcp.pml"], dir.FullName, log);
            Exec("gcc", ["-O2", "-DSAFETY", "-o", "pan", "pan.c"], dir.FullName, log);
            var output = Exec(Path.Combine(dir.FullName, "pan"), ["-m10000", $"-w{hashBits}"], dir.FullName, log, allowFailure: true);
            var (result, error) = SpinResult.Parse(output);
            return result ?? throw new SpinToolException($"{error}; pan printed: {FirstLines(output)}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The SPIN version line (<c>spin -V</c>), e.g. "Spin Version 6.5.2 -- 6 December 2019".</summary>
    public static string Version(TextWriter log) => Exec("spin", ["-V"], Environment.CurrentDirectory, log).Trim();

    private static void EnsureInstalled(TextWriter log)
    {
        if (OnPath("spin") && OnPath("gcc")) return;
        log.WriteLine("SPIN or gcc not found: apt-get install -y spin gcc");
        if (TryExec("apt-get", ["install", "-y", "-q", "spin", "gcc"], log)) return;
        if (TryExec("apt-get", ["update", "-q"], log) && TryExec("apt-get", ["install", "-y", "-q", "spin", "gcc"], log)) return;
        throw new SpinToolException("could not install SPIN with apt-get (run as root, or install the 'spin' package, or use --skip-spin)");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));

    private static bool TryExec(string file, string[] args, TextWriter log)
    {
        try { Exec(file, args, Environment.CurrentDirectory, log); return true; }
        catch (SpinToolException e) { log.WriteLine(e.Message); return false; }
    }

    private static string Exec(string file, string[] args, string dir, TextWriter log, bool allowFailure = false)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        log.WriteLine($"$ {file} {string.Join(' ', args)}");
        Process p;
        try { p = Process.Start(psi) ?? throw new SpinToolException($"could not start {file}"); }
        catch (System.ComponentModel.Win32Exception e) { throw new SpinToolException($"could not start {file}: {e.Message}"); }
        using (p)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0 && !allowFailure)
                throw new SpinToolException($"{file} exited with code {p.ExitCode}: {FirstLines(stderr.Result + stdout)}");
            return stdout;
        }
    }

    private static string FirstLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
}
