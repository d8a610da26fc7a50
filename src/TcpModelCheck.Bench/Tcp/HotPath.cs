using System.Diagnostics;
using TcpModelCheck.Engine.Storage;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Bench.Tcp;

/// <summary>A Stopwatch profile of the model's hot path on a fixed sample of states (see <see cref="TcpBench"/>).</summary>
internal static class HotPath
{
    public static void Profile(TcpModel model, int sampleStates, TextWriter output)
    {
        var sample = Sample(model, sampleStates);
        var actions = new List<TcpAction>(64);
        var buffer = new byte[model.MaxEncodedLength];
        var successors = new List<TcpState>();
        long transitions = 0;
        // Passes warm the JIT up until at least two have run and three seconds have passed; the next is measured. One
        // pass was not enough: .NET waits until no method has been compiled for 100 ms (1 s on one CPU) before it
        // optimizes, so the measured pass ran unoptimized code (next-encoded 119 ns per transition against 45). Pinned to
        // one CPU even this is not enough (the runtime's wait is tenfold there, and the compiler shares the CPU): the
        // figures in the README were taken with DOTNET_TC_CallCountingDelayMs=0.
        var warmUp = Stopwatch.StartNew();
        for (var pass = 0; ; pass++)
        {
            successors.Clear();
            transitions = 0;
            var tActions = Time(() =>
            {
                foreach (var s in sample)
                {
                    actions.Clear();
                    model.Actions(s, actions);
                    transitions += actions.Count;
                }
            });
            ulong sink = 0;
            var tNext = Time(() =>   // successors dropped at once, as in the search (kept, they would cost the GC more)
            {
                foreach (var s in sample)
                {
                    actions.Clear();
                    model.Actions(s, actions);
                    foreach (var a in actions) sink += (ulong)model.Next(s, a).IsnClock;
                }
            }) - tActions;
            var tNextEncoded = Time(() =>   // the fingerprint search's path: the successor's bytes, no object
            {
                foreach (var s in sample)
                {
                    actions.Clear();
                    model.Actions(s, actions);
                    foreach (var a in actions) sink += (ulong)model.NextEncoded(s, a, buffer);
                }
            }) - tActions;
            foreach (var s in sample)
            {
                actions.Clear();
                model.Actions(s, actions);
                foreach (var a in actions) successors.Add(model.Next(s, a));
            }
            var tEncode = Time(() => { foreach (var s in successors) sink += (ulong)model.Encode(s, buffer); });
            var tHash = Time(() => { foreach (var s in successors) sink += StableHash.Of(buffer.AsSpan(0, model.Encode(s, buffer))); }) - tEncode;
            var encodings = sample.Select(s => buffer.AsSpan(0, model.Encode(s, buffer)).ToArray()).ToList();
            var tDecode = Time(() => { foreach (var e in encodings) sink += (ulong)model.Decode(e).IsnClock; });
            if (pass < 2 || warmUp.Elapsed < TimeSpan.FromSeconds(3)) continue;
            double Per(TimeSpan t, long n) => t.TotalMilliseconds * 1e6 / n;
            output.WriteLine($"hot path on {sample.Count:N0} states, {transitions:N0} transitions (CPU ns per transition; decode per state): " +
                $"actions {Per(tActions, transitions):0.0}, next {Per(tNext, transitions):0.0}, encode {Per(tEncode, transitions):0.0}, " +
                $"hash {Per(tHash, transitions):0.0}, decode {Per(tDecode, sample.Count):0.0}; " +
                $"sum per transition {Per(tActions + tNext + tEncode + tHash, transitions):0.0}; " +
                $"next-encoded (next and encode without the object) {Per(tNextEncoded, transitions):0.0} (checksum {sink % 10})");
            return;
        }
    }

    /// <summary>The CPU time <paramref name="body"/> takes (the process's: on a shared machine wall time would also
    /// measure the other jobs; the workstation GC runs on this thread).</summary>
    private static TimeSpan Time(Action body)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        body();
        process.Refresh();
        return process.TotalProcessorTime - before;
    }

    /// <summary>The first <paramref name="count"/> states in breadth-first order.</summary>
    private static List<TcpState> Sample(TcpModel model, int count)
    {
        var seen = new HashSet<TcpState>(model.InitialStates);
        var queue = new List<TcpState>(model.InitialStates);
        var actions = new List<TcpAction>();
        for (var i = 0; i < queue.Count && queue.Count < count; i++)
        {
            actions.Clear();
            model.Actions(queue[i], actions);
            foreach (var a in actions)
            {
                var next = model.Next(queue[i], a);
                if (queue.Count < count && seen.Add(next)) queue.Add(next);
            }
        }
        return queue;
    }
}
