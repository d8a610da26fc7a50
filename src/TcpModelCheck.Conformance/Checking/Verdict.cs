namespace TcpModelCheck.Conformance.Checking;

public enum VerdictKind
{
    Agrees,
    Disagrees,
    Unsupported,
}

/// <summary>The outcome of checking one script against one variant: <c>agrees</c>, <c>disagrees at line n: …</c>
/// or <c>unsupported: line n: …</c>, with the notes on what was skipped and which rule allowed what.</summary>
/// <param name="Steps">The run line by line as chart steps (the kernel as peer A in the variant's states), up to the
/// line that ended it; empty when the run could not start.</param>
public sealed record Verdict(string Script, string Variant, VerdictKind Kind, int? Line, string Reason,
    IReadOnlyList<string> Notes, double Milliseconds, IReadOnlyList<ScriptStep>? Steps = null)
{
    public string Summary => Kind switch
    {
        VerdictKind.Agrees => "agrees",
        VerdictKind.Disagrees => $"disagrees at line {Line}: {Reason}",
        _ => $"unsupported: line {Line}: {Reason}",
    };
}

/// <summary>Thrown inside a run to end it with a verdict.</summary>
internal sealed class RunEnded(VerdictKind kind, int line, string reason) : Exception(reason)
{
    public VerdictKind Kind { get; } = kind;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
