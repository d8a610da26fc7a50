using TcpModelCheck.Bench;
using TcpModelCheck.Bench.Cli;
using TcpModelCheck.Bench.Engine;
using TcpModelCheck.Bench.Spin;

/// The same-work benchmark against SPIN (issue 2, §4). Exit codes: 0 the tools agree and every assertion
/// holds, 1 they disagree (or an assertion fails, or the search was cut short), 2 a tool failed, 3 bad arguments.
if (args is ["tcp", .. var tcpArgs]) return TcpModelCheck.Bench.Tcp.TcpBench.Run(tcpArgs);
if (args is ["schedules", .. var scheduleArgs]) return TcpModelCheck.Bench.Schedules.SchedulesBench.Run(scheduleArgs);
var (parsed, error) = BenchArgs.Parse(args);
if (parsed is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(BenchArgs.Usage);
    return 3;
}
var pml = parsed.PmlPath ?? Path.Combine(AppContext.BaseDirectory, "tcp.pml");
if (!parsed.SkipSpin && !File.Exists(pml))
{
    Console.Error.WriteLine($"error: no Promela model at {pml}");
    return 3;
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    SpinResult? spin = null;
    var version = "";
    if (!parsed.SkipSpin)
    {
        spin = SpinRunner.Run(pml, parsed.Bounds, SpinRunner.HashBits(parsed.BoundsName), Console.Error);
        version = SpinRunner.Version(Console.Error).Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
        Console.Error.WriteLine($"SPIN done: {spin.States:N0} states in {spin.Seconds} s");
    }
    var engine = EngineRun.Execute(parsed, Console.Error, cancel.Token);
    BenchReport.Print(Console.Out, parsed, version, spin, engine);
    return BenchReport.Judge(Console.Out, parsed, spin, engine) ? 0 : 1;
}
catch (SpinToolException e)
{
    Console.Error.WriteLine($"error: SPIN: {e.Message}");
    return 2;
}
catch (NotSupportedException e)
{
    Console.Error.WriteLine($"error: engine: {e.Message}");
    return 2;
}
