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

    public static Verdict Check(Script script, string variant)
    {
        var clock = Stopwatch.StartNew();
        var run = new ScriptRun(script, TcpConfig.ForVariant(variant), VariantTiming.For(variant));
        var (kind, line, reason) = run.Execute();
        return new Verdict(script.Source, Variants.Get(variant).Name, kind, line, reason, run.Notes, clock.Elapsed.TotalMilliseconds);
    }
}
