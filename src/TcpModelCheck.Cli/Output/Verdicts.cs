using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Output;

/// <summary>How verdicts become the process exit code (see <see cref="ExitCode"/>): a violation outranks an
/// inconclusive result, which outranks success.</summary>
internal static class Verdicts
{
    /// <summary>For <c>check</c> and <c>simulate</c>: any violation is a failure.</summary>
    public static ExitCode ExitCodeOf(IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.ToList();
        if (list.Contains(Verdict.Violated)) return ExitCode.Violated;
        return list.Contains(Verdict.Inconclusive) ? ExitCode.Inconclusive : ExitCode.Ok;
    }

    /// <summary>For <c>compare</c>: a verdict that differs from the expected one is a failure; an inconclusive one
    /// is never "as expected" (a search cut short proves nothing either way).</summary>
    public static ExitCode ExitCodeOf(IEnumerable<(Verdict Found, Verdict Expected)> cells)
    {
        var list = cells.ToList();
        if (list.Any(c => c.Found != Verdict.Inconclusive && c.Found != c.Expected)) return ExitCode.Violated;
        return list.Any(c => c.Found == Verdict.Inconclusive) ? ExitCode.Inconclusive : ExitCode.Ok;
    }
}
