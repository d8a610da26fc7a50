using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli.Output;

/// <summary>Prints traces (chart or Mermaid, plus the compact choice path) and writes them to trace files.</summary>
internal static class TraceOutput
{
    /// <summary>Prints the chart (its header names the property and the choice path) after a blank line.</summary>
    public static void Print(TextWriter output, RenderedTrace trace, OutputSettings settings)
    {
        output.WriteLine();
        output.WriteLine(settings.Mermaid ? trace.Mermaid.TrimEnd() : trace.Chart.TrimEnd());
    }

    /// <summary>Prints the chart with the report; under <c>--mermaid</c> (<see cref="CliContext.ForMermaid"/>) the first
    /// diagram goes alone to stdout and any further one is named on the report's stream instead.</summary>
    public static void Print(CliContext context, RenderedTrace trace, OutputSettings settings)
    {
        if (!settings.Mermaid || context.Diagrams is not { } diagrams)
        {
            Print(context.Out, trace, settings);
            return;
        }
        if (context.DiagramWritten)
        {
            context.Out.WriteLine($"(the Mermaid diagram of {trace.Trace.Property ?? "the trace"} is not printed: stdout holds one diagram, " +
                                  "the first; choose another with -p)");
            return;
        }
        diagrams.WriteLine(trace.Mermaid.TrimEnd());
        context.DiagramWritten = true;
        context.Out.WriteLine($"(Mermaid diagram of {trace.Trace.Property ?? "the trace"} printed on stdout)");
    }

    /// <summary>The compact choice path, or "(empty)" for a trace of no steps.</summary>
    public static string ChoicePath(Trace trace) => trace.Length == 0 && trace.Initial == 0 ? "(empty)" : trace.ChoicePath;

    /// <summary>Writes <paramref name="trace"/> to <paramref name="path"/>; a path that cannot be written is bad input.</summary>
    public static void Write(Trace trace, string path)
    {
        if (TryWrite(trace, path) is { } problem) throw new BadInputException(problem);
    }

    /// <summary>Writes <paramref name="trace"/> to <paramref name="path"/>; returns what went wrong, or null. A command
    /// that has searched first prints its report and then this line (the target was checked before the search, so
    /// this is a disk that filled up or a directory removed meanwhile): a failed write never loses the report.</summary>
    public static string? TryWrite(Trace trace, string path)
    {
        try
        {
            TraceJson.Write(trace, path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"--out: cannot write trace file '{path}': {Tcpmc.FirstLine(e.Message)}";
        }
    }
}
