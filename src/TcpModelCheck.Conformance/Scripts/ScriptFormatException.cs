namespace TcpModelCheck.Conformance.Scripts;

/// <summary>A script that is not valid packetdrill (packetdrill itself would refuse it): the message is
/// <c>file:line: what is wrong</c>, the one line the CLI prints before exiting with 3.</summary>
public sealed class ScriptFormatException(string source, int line, string reason)
    : Exception($"{source}:{line}: {reason}")
{
    public string File { get; } = source;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
