namespace TcpModelCheck.Live.Runs;

/// <summary>Does the kernel do what the script says? packetdrill's question, answered from one live run.</summary>
public abstract record KernelVerdict
{
    /// <summary>Every line held: each expected segment came, in time, with the written fields; each call returned as written.</summary>
    public sealed record Passes : KernelVerdict
    {
        public override string ToString() => "kernel: passes";
    }

    /// <summary>The first line that did not hold, what it expected and what the kernel did.</summary>
    public sealed record Fails(int Line, string Expected, string Got) : KernelVerdict
    {
        public override string ToString() => $"kernel: fails at line {Line} (expected {Expected}, got {Got})";
    }

    /// <summary>The script needs something the live runner does not do; it was not run to the end.</summary>
    public sealed record Unsupported(int Line, string What) : KernelVerdict
    {
        public override string ToString() => $"kernel: unsupported: line {Line}: {What}";
    }
}

/// <summary>
/// One script run against the kernel: the verdict, and the recording — a packetdrill script of what the kernel
/// really did under the script's inputs (its segments and call results at the times they happened), which passes
/// on this kernel. <see cref="OriginLines"/>[i] is the line of the original script that event i of the recording
/// comes from (0 for a segment no line expected).
/// </summary>
public sealed record LiveRunResult(
    string Source, KernelVerdict Kernel, Conformance.Scripts.Script Recorded, IReadOnlyList<int> OriginLines, double Seconds);
