using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Reports.Comparison;

/// <summary>The words and numbers every comparison rendering shares, so text and Markdown agree.</summary>
internal static class ComparisonFormat
{
    public static string Verdict(Verdict v) => v switch
    {
        Engine.Checking.Verdict.Holds => "holds",
        Engine.Checking.Verdict.Violated => "VIOLATED",
        _ => "inconclusive",
    };

    /// <summary>"14", "14, loop from 9" for a lasso, "5 (witness)" for a reachability witness.</summary>
    public static string Steps(ComparisonCell c) => c.Steps switch
    {
        null => "",
        { } n when c.LoopStart is { } l => $"{n}, loop from {l}",
        { } n when c.Found == Engine.Checking.Verdict.Holds => $"{n} (witness)",
        { } n => n.ToString(),
    };

    public static string States(long n) => n.ToString("N0");

    public static string Seconds(double s) => $"{s:0.00} s";

    public static string Stop(ComparisonRow r) => r.StopReason switch
    {
        nameof(StopReason.None) => "",
        nameof(StopReason.AllPropertiesSettled) => "stopped early: every property settled (partial state count)",
        var other => $"CUT SHORT ({other}): verdicts marked inconclusive",
    };
}
