using System.CommandLine;

namespace TcpModelCheck.Cli.Options;

/// <summary>How results are printed: human text (default) or JSON; charts as text or Mermaid; traces to a file.
/// A verb that draws no trace leaves out --mermaid, one that writes none leaves out --out.</summary>
internal sealed class OutputOptionSet(bool charts = true, bool traceFile = true)
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one machine-readable JSON document instead of text (fields: see README)",
    };

    public Option<bool> Mermaid { get; } = new("--mermaid")
    {
        Description = "Draw traces as a Mermaid sequenceDiagram instead of a text chart",
    };

    public Option<string> Out { get; } = new("--out")
    {
        Description = "Write the (first) counterexample trace as JSON to this file, for 'tcpmc replay'",
        HelpName = "file",
    };

    public Option<bool> NoTimings { get; } = new("--no-timings")
    {
        Description = "Leave out seconds, rates and memory, so the output is the same on every run",
    };

    public void AddTo(Command command)
    {
        command.Add(Json);
        command.Add(NoTimings);
        if (charts) command.Add(Mermaid);
        if (traceFile) command.Add(Out);
    }

    public OutputSettings Read(ParseResult parse) => new(
        parse.GetValue(Json),
        charts && parse.GetValue(Mermaid),
        traceFile ? parse.GetValue(Out) : null,
        !parse.GetValue(NoTimings));
}

/// <summary>The output choices of one invocation.</summary>
internal sealed record OutputSettings(bool Json, bool Mermaid, string? OutFile, bool Timings);
