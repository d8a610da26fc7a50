using System.Runtime.CompilerServices;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Matrix;
using Xunit.Abstractions;

namespace TcpModelCheck.Properties.Variants;

/// <summary>
/// The reconnect rows of <see cref="TcpMatrix.Bigger"/> are too big to explore completely in a test, so each violated
/// cell of <see cref="ExpectedVerdicts"/> for them is backed by a counterexample recorded with
/// <c>tcpmc check --workload W --variant V -p P --out</c> (breadth-first, so the shortest unless the file
/// says dfs) in <c>Golden/</c>: the test replays it with the engine's <see cref="Reproducer"/> on the model rebuilt
/// from the trace's own settings, and checks that those settings are the row's configuration, field by field (the
/// label is the configuration that ran) and that the recorded length is the one pinned here. Replay only: milliseconds per cell.
/// </summary>
public sealed class FullRowCounterexampleTests(ITestOutputHelper output)
{
    /// <summary>Length of each recorded counterexample, as <c>tcpmc check</c> printed it. Re-recorded with the default
    /// reduction (<c>--reduction dead-ghosts</c>; the settings name it, so the old files no longer matched the rows):
    /// every breadth-first length is the one measured without it. Re-recorded again for issue 10's defaults (sequence
    /// space 32, network capacity 10) with <c>tcpmc check --variant V --workload W -p P [--strategy dfs] --fingerprint
    /// --out</c>: every length is the one recorded in the 16-number space at capacity 8; the cells that needed the
    /// wrap (rfc9293/reconnect graceful-close, rfc9293/reconnect-server-closes-first graceful-close and no-deadlock) or
    /// the capacity (linux/reconnect-server-closes-first within-capacity) now hold and are gone.</summary>
    private static readonly Dictionary<(string Row, string Property), int> Lengths = new()
    {
        [("rfc9293/reconnect", TcpProperties.NoTimeWaitAssassination)] = 14,
        // no-time-wait without the ISN clock's help (every connection at ISS 0) and with it; recorded breadth-first with
        // tcpmc check --variant no-time-wait --workload W (--isn-set 0 | --isn-mode clock) -p P --fingerprint --out (issue 10,
        // session 7: these rows replaced the ISN-set {0,14} rows, which do not complete; the lengths recorded breadth-first
        // there are the same here; the depth-first ones were reconnect's no-stale-close 34 and no-data-loss 27 and
        // server-closes-first's no-data-loss 32)
        [("no-time-wait/reconnect isn-mode=clock", TcpProperties.GracefulClose)] = 12,
        [("no-time-wait/reconnect isn-set=0", TcpProperties.GracefulClose)] = 12,
        [("no-time-wait/reconnect isn-set=0", TcpProperties.HandshakeAgreement)] = 18,
        [("no-time-wait/reconnect isn-set=0", TcpProperties.NoStaleData)] = 19,
        [("no-time-wait/reconnect isn-set=0", TcpProperties.NoDeadlock)] = 20,
        [("no-time-wait/reconnect isn-set=0", TcpProperties.NoStaleClose)] = 23,
        [("no-time-wait/reconnect isn-set=0", TcpProperties.NoDataLoss)] = 23,
        [("no-time-wait/reconnect-server-closes-first isn-mode=clock", TcpProperties.GracefulClose)] = 12,
        [("no-time-wait/reconnect-server-closes-first isn-set=0", TcpProperties.GracefulClose)] = 12,
        [("no-time-wait/reconnect-server-closes-first isn-set=0", TcpProperties.HandshakeAgreement)] = 18,
        [("no-time-wait/reconnect-server-closes-first isn-set=0", TcpProperties.NoStaleData)] = 19,
        [("no-time-wait/reconnect-server-closes-first isn-set=0", TcpProperties.NoStaleClose)] = 20,
        [("no-time-wait/reconnect-server-closes-first isn-set=0", TcpProperties.NoDeadlock)] = 22,
        [("no-time-wait/reconnect-server-closes-first isn-set=0", TcpProperties.NoDataLoss)] = 25,
        [("short-time-wait/reconnect", TcpProperties.GracefulClose)] = 21,
        [("short-time-wait/reconnect", TcpProperties.NoTimeWaitAssassination)] = 14,
        [("linux/reconnect", TcpProperties.GracefulClose)] = 16,
        [("linux/reconnect", TcpProperties.NoTimeWaitAssassination)] = 14,
        // The server-closes-first traces (breadth-first unless marked dfs), recorded with the reduction since issue 10.
        [("rfc9293/reconnect-server-closes-first", TcpProperties.NoTimeWaitAssassination)] = 14,
        [("short-time-wait/reconnect-server-closes-first", TcpProperties.GracefulClose)] = 21,
        [("short-time-wait/reconnect-server-closes-first", TcpProperties.NoTimeWaitAssassination)] = 14,
        [("linux/reconnect-server-closes-first", TcpProperties.GracefulClose)] = 13,
        [("linux/reconnect-server-closes-first", TcpProperties.NoTimeWaitAssassination)] = 14,
    };

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in ExpectedVerdicts.Table.Exceptions.Where(e => TcpMatrix.Bigger.Contains(e.Configuration) && !IsWitness(e)))
            data.Add(e.Configuration.Name, e.Property);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_recorded_counterexample_of_a_full_row_replays_its_violation(string row, string property)
    {
        var entry = TcpMatrix.Get(row);
        Assert.Equal(Verdict.Violated, ExpectedVerdicts.Table.For(entry, property).Verdict);
        var path = GoldenPath(row, property);
        Assert.True(File.Exists(path), $"no recorded counterexample {path}: record it with tcpmc check --out");
        var trace = TraceJson.Read(path);
        Assert.Equal(property, trace.Property);
        var model = TcpModel.FromSettings(trace.Settings);
        Assert.Equal(entry.Config, model.Config);
        Assert.Equal(Lengths[(row, property)], trace.Length);
        var reproduction = Reproducer.Reproduce(model, trace);
        Assert.True(reproduction.Reproduced, $"{row} × {property}: {reproduction.Reason}");
        output.WriteLine($"{row} × {property}: {trace.Length} steps ({trace.Origin}), {reproduction.Reason}");
    }

    [Fact]
    public void Every_pinned_length_belongs_to_an_expected_violation()
    {
        Assert.All(Lengths.Keys, k => Assert.Equal(Verdict.Violated, ExpectedVerdicts.Table.For(TcpMatrix.Get(k.Row), k.Property).Verdict));
        Assert.Equal(Lengths.Count, Cells().Count());
    }

    /// <summary>A violated witness ("no reachable state satisfies it") has no counterexample: the complete exploration of the
    /// row (FullMatrixTests) is its evidence.</summary>
    private static bool IsWitness(Expectation<MatrixEntry> e) =>
        new TcpModel(e.Configuration.Config).Properties.Single(p => p.Name == e.Property).Kind == PropertyKind.Reachable;

    private static string GoldenPath(string row, string property, [CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(caller)!, "Golden", $"{row.Replace('/', '-').Replace(' ', '_')}.{property}.json");
}
