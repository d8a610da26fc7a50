using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Live.Runs;

/// <summary>
/// The two verdicts of one script run against the live kernel: does the kernel do what the script says
/// (<see cref="LiveRunResult.Kernel"/>), and does the model (one variant) predict what the kernel did —
/// <see cref="Model"/>, the variant checked against the recording of the kernel's run, with the line it differs
/// at mapped back to the script's own line (<see cref="ModelLine"/>).
/// </summary>
public sealed record LiveCheck(LiveRunResult Run, Verdict Model, int? ModelLine)
{
    /// <summary><c>model (linux): predicts the kernel's run</c>, <c>… differs at line n: …</c>, or <c>… unsupported: …</c>.</summary>
    public string ModelSummary => Model.Kind switch
    {
        VerdictKind.Agrees => $"model ({Model.Variant}): predicts the kernel's run",
        VerdictKind.Disagrees => $"model ({Model.Variant}): differs at {Where}: {Model.Reason}",
        _ => $"model ({Model.Variant}): unsupported: {Where}: {Model.Reason}",
    };

    /// <summary>Whether the model predicted the kernel's run.</summary>
    public bool Predicts => Model.Kind == VerdictKind.Agrees;

    private string Where => ModelLine is { } l ? $"line {l}" : $"kernel event {Model.Line} (a segment no line of the script expected)";

    /// <summary>
    /// Checks <paramref name="variant"/> against the recording of a kernel run of <paramref name="script"/> (the
    /// kernel runs once for all variants). The recording holds the script's inputs and its sysctl lines, so the
    /// variant is configured as the kernel was, and every segment the kernel sent until it had been quiet for
    /// <see cref="LiveRunOptions.SettleMicros"/>: a segment the variant would send that the kernel did not is a
    /// difference too.
    /// </summary>
    public static LiveCheck Against(LiveRunResult run, Script script, string variant)
    {
        var model = Conformer.Check(run.Recorded with { Source = script.Source }, variant, strictEnd: true);
        return new LiveCheck(run, model, OriginalLine(run, model.Line));
    }

    /// <summary>The script line that recorded event <paramref name="recordedLine"/> (1-based) came from; null for
    /// a segment the kernel sent that no line expected, or when the verdict names no line.</summary>
    private static int? OriginalLine(LiveRunResult run, int? recordedLine) =>
        recordedLine is { } l && l >= 1 && l <= run.OriginLines.Count && run.OriginLines[l - 1] > 0 ? run.OriginLines[l - 1] : null;
}
