using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Reports.Charts;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// <c>tcpmc conform --explain</c>'s picture of a run: the explorer's text sequence chart (<see cref="SequenceChart"/>,
/// the layout of every counterexample), the kernel as peer A in the variant's states, the script as peer B, one
/// numbered block per script line, headed by the line itself, and the verdict at the end.
/// </summary>
internal static class ScriptChart
{
    public static string Render(Verdict v, string? kernelTitle = null)
    {
        var steps = (v.Steps ?? []).Select(s =>
            new ChartStep(s.Action, [new StepEvent.Note(null, s.Action), .. s.Events])).ToList();
        var header = new List<string> { $"script {v.Script} · variant {v.Variant}: {v.Summary}" };
        return SequenceChart.Render(new ChartInput(header, kernelTitle ?? $"kernel (variant {v.Variant})", "script (the peer)",
            "CLOSED", "", steps, Ending: v.Kind == VerdictKind.Agrees ? "the script ends: the variant agrees" : v.Summary));
    }
}
