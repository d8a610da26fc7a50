using TcpModelCheck.Bench.Promela;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Paths;
using TcpModelCheck.Engine.Simulation;
using TcpModelCheck.Engine.Traces;
using K = TcpModelCheck.Bench.Promela.PmlActionKind;

namespace TcpModelCheck.Bench.Tests;

/// <summary>The seeded bug <c>-DBUG_ACCEPT_OLD</c> (old duplicate segments accepted as new) must trip the
/// assertions, with the same shortest counterexamples as SPIN's, and every counterexample must replay.</summary>
public class SpinTcpBugTests
{
    private static readonly PmlTcpModel Buggy = new(PmlBounds.Named["S"] with { BugAcceptOld = true });

    /// <summary>
    /// Shortest counterexample lengths per assertion, S bounds. Measured with SPIN's breadth-first search on a
    /// copy of tcp.pml where every other assert is replaced by <c>skip</c> (<c>spin -DNOHIDDEN
    /// -DBUG_ACCEPT_OLD ..; gcc -DSAFETY -DBFS -DNOHIDDEN</c>): "assertion violated at depth" 17, 18, 18, 10,
    /// 13, i.e. trails of depth + 1 steps, of which 3 are the <c>init</c> prologue. data-once by hand: passive
    /// OPEN, active OPEN, server receives SYN, client receives SYN|ACK (ESTAB), client SENDs, the network
    /// duplicates the data, the server (SYN_RCVD) receives it: the ACK makes it ESTAB and the data is delivered,
    /// then it receives the copy, which the bug accepts: 8 steps.
    /// </summary>
    [Theory]
    [InlineData("time-wait-entry", 17 + 1 - 3)]
    [InlineData("last-ack-peer-state", 18 + 1 - 3)]
    [InlineData("last-ack-data", 18 + 1 - 3)]
    [InlineData("data-once", 10 + 1 - 3)]
    [InlineData("data-before-fin", 13 + 1 - 3)]
    public void Each_assertion_fails_with_spins_shortest_counterexample_which_replays(string property, int length)
    {
        var r = ModelChecker.Check(Buggy, CheckOptions.Default with { Properties = [property] });

        var cx = r[property].Counterexample!;
        Assert.Equal(Verdict.Violated, r[property].Verdict);
        Assert.Equal(length, cx.Length);
        var back = TraceJson.Deserialize(TraceJson.Serialize(cx.Trace));
        var reproduction = Reproducer.Reproduce(Buggy, back);   // violated at its last step and not before
        Assert.True(reproduction.Reproduced, reproduction.Reason);
        Assert.Equal(new PathViolation(property, length), reproduction.Violation);
    }

    /// <summary>
    /// SPIN's own depth-first counterexample (<c>pan</c> without -DBFS, S bounds, the bug on: "assertion
    /// violated (got[me]==0) at depth 21"), read off <c>spin -t -p</c> step by step (steps 4–22; proc 1 is
    /// Endpoint(0), proc 2 Endpoint(1), proc 3 the Network) replays in the port, fails the same assertion on
    /// the same step, and ends in the globals <c>spin -t -g</c> prints.
    /// </summary>
    [Fact]
    public void Spins_depth_first_trail_replays_in_the_port_to_the_same_assertion_and_globals()
    {
        PmlAction[] spinTrail =
        [
            new(K.PassiveOpen, 1), new(K.ActiveOpen, 0), new(K.Lose, 0, 0), new(K.Retransmit, 0), new(K.Duplicate, 0, 0),
            new(K.Receive, 1, 0), new(K.Receive, 1, 1), new(K.Receive, 0, 0), new(K.Receive, 1, 0), new(K.Send, 1),
            new(K.CloseFromEstablished, 1), new(K.Retransmit, 1), new(K.Send, 0), new(K.CloseFromEstablished, 0),
            new(K.Receive, 0, 0), new(K.Receive, 1, 2), new(K.Receive, 0, 1), new(K.Receive, 1, 2), new(K.Receive, 0, 2),
        ];
        var trace = PmlScript.Record(Buggy, spinTrail);

        Assert.Equal(new PathViolation("data-once", 19), Simulator.FirstViolation(Buggy, trace));
        var final = Replayer.ToCounterexample(Buggy, trace).Final;
        Assert.Equal(PmlScript.Globals(net: [185, 185, 1183], lost: 1, dupd: 1, st: [5, 5], sndUna: [1, 5], sndNxt: [3, 7],
            rcvNxt: [7, 1], opened: [1, 1], sent: [1, 1], got: [2, 0], rtx: [1, 1]), PmlScript.Globals(final));
    }
}
