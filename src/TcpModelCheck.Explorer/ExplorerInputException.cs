namespace TcpModelCheck.Explorer;

/// <summary>A request the explorer cannot serve because of what it asked for (a malformed path, a choice that is
/// not enabled, an unknown property, a trace of another model): answered with 400 and this one-line message.</summary>
public sealed class ExplorerInputException(string message) : Exception(message);
