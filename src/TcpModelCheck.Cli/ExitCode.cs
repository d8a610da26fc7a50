namespace TcpModelCheck.Cli;

/// <summary>The process exit codes of <c>tcpmc</c>; scripts and CI branch on them, so they never change meaning.</summary>
public enum ExitCode
{
    /// <summary>Every property came out as expected (for <c>check</c>: every property holds).</summary>
    Ok = 0,
    /// <summary>A property was violated (for <c>compare</c>: a verdict differs from the expected one).</summary>
    Violated = 1,
    /// <summary>A limit (states, depth, seconds, memory) or cancellation cut the search short; nothing violated.</summary>
    Inconclusive = 2,
    /// <summary>The command line or an input file was wrong; one line on stderr says what.</summary>
    BadInput = 3,
    /// <summary>The tool itself failed; one line on stderr says what. Always a bug.</summary>
    InternalError = 4,
}

/// <summary>Bad input found while executing a command (as opposed to a parse error): becomes one stderr line
/// and exit code 3. Never carries a stack trace to the user.</summary>
public sealed class BadInputException(string message) : Exception(message);
