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

    /// <summary>The compact choice path, or "(empty)" for a trace of no steps.</summary>
    public static string ChoicePath(Trace trace) => trace.Length == 0 && trace.Initial == 0 ? "(empty)" : trace.ChoicePath;

    /// <summary>Writes <paramref name="trace"/> to <paramref name="path"/>; a path that cannot be written is bad input.</summary>
    public static void Write(Trace trace, string path)
    {
        try
        {
            TraceJson.Write(trace, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"cannot write trace file '{path}': {Tcpmc.FirstLine(e.Message)}");
        }
    }
}
