using System.Diagnostics;
using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Checking;

/// <summary>Checks packetdrill scripts against a variant of the model (the kernel side is the open endpoint).</summary>
public static class Conformer
{
    /// <summary>The variants a script can be checked against (every model variant).</summary>
    public static IReadOnlyList<string> VariantNames => Variants.All.Select(v => v.Name).ToList();

    /// <summary>Checks <paramref name="script"/> against <paramref name="variant"/>. With
    /// <paramref name="strictEnd"/> — for a recording of what a stack really did, which holds everything it sent —
    /// a segment the variant would still send at the end is a disagreement too (packetdrill's own semantics, the
    /// default, never check that nothing more comes).</summary>
    public static Verdict Check(Script script, string variant, bool strictEnd = false)
    {
        var clock = Stopwatch.StartNew();
        var run = new ScriptRun(script, TcpConfig.ForVariant(variant), VariantTiming.For(variant), strictEnd);
        var (kind, line, reason) = run.Execute();
        return new Verdict(script.Source, Variants.Get(variant).Name, kind, line, reason, run.Notes, clock.Elapsed.TotalMilliseconds, run.Chart);
    }
}
