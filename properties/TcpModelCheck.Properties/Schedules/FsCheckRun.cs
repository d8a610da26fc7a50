using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using TcpModelCheck.Tcp;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Tcp.Schedules;

namespace TcpModelCheck.Properties.Schedules;

/// <summary>A falsified schedule property: what FsCheck drew, what it shrank to, and how to replay it.</summary>
/// <param name="Original">The first failing schedule FsCheck generated.</param>
/// <param name="Shrunk">The schedule after FsCheck's shrinking (with <see cref="ScheduleShrinker"/>).</param>
/// <param name="Tests">Tests run up to and including the failing one.</param>
/// <param name="Shrinks">Shrinking steps FsCheck accepted.</param>
/// <param name="Seed">Seed of the failing test's generator (with <paramref name="Gamma"/> and <paramref name="Size"/>: the
/// replay token).</param>
/// <param name="Report">FsCheck's own failure text (it contains the run's seed and the last step's seed).</param>
public sealed record FsCheckFailure(Schedule<IntentKind> Original, Schedule<IntentKind> Shrunk, int Tests, int Shrinks, ulong Seed, ulong Gamma, int Size, string Report)
{
    /// <summary>The replay token: a configuration that regenerates the failing test as FsCheck's first test.</summary>
    public string ReplayToken => $"Replay: Config.Quick.WithReplay({Seed}UL, {Gamma}UL, {Size}).WithMaxTest(1)";
}

/// <summary>
/// Runs the FsCheck property "no safety property is violated by any schedule" over the TCP model and reports
/// the shrunk failure as a value, so a test can check it, compare it with the explorer and print it.
/// </summary>
public static class FsCheckRun
{
    /// <summary>Checks <paramref name="config"/> (FsCheck's; its runner is replaced to capture the result) on
    /// <paramref name="model"/>; a schedule fails when it violates <paramref name="property"/> (null: any
    /// safety property). Returns null when every test passed.</summary>
    public static FsCheckFailure? Check(TcpModel model, ScheduleShape shape, Config config, string? property = null) =>
        Check(TcpSchedules.Interpreter(model, property is null ? null : [property]), shape, config);

    /// <summary>As above, with the properties chosen by <paramref name="interpreter"/>.</summary>
    public static FsCheckFailure? Check(ScheduleInterpreter<TcpState, TcpAction, IntentKind> interpreter, ScheduleShape shape, Config config)
    {
        var capture = new CapturingRunner();
        Prop.ForAll(ScheduleArbitrary.For(shape, interpreter.Canonical), s => interpreter.Execute(s).Violation is null)
            .Check(config.WithRunner(capture));
        return capture.Result switch
        {
            TestResult.Failed f => new FsCheckFailure((Schedule<IntentKind>)f.Item2.Head, (Schedule<IntentKind>)f.Item3.Head,
                f.Item1.NumberOfTests, f.Item1.NumberOfShrinks, f.Item6.Seed, f.Item6.Gamma, f.Item7,
                Runner.onFinishedToString("schedules", f)),
            TestResult.Passed => null,
            var other => throw new InvalidOperationException($"FsCheck did not finish the run: {other}"),
        };
    }

    /// <summary>An FsCheck runner that only remembers the final result (FsCheck calls it on one thread).</summary>
    private sealed class CapturingRunner : IRunner
    {
        public TestResult? Result { get; private set; }
        public void OnStartFixture(Type t) { }
        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every) { }
        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink) { }
        public void OnFinished(string name, TestResult result) => Result = result;
    }
}
