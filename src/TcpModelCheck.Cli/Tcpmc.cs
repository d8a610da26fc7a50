using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Options;
using TcpModelCheck.Engine.Traces;

namespace TcpModelCheck.Cli;

/// <summary>
/// The whole command-line tool as one function from (arguments, output, error) to an exit code, so tests run it
/// in-process. Every failure ends as exactly one line on <c>error</c> and an <see cref="ExitCode"/>: parse
/// errors and bad input exit 3, anything unexpected exits 4 — a user never sees a stack trace.
/// </summary>
public static class Tcpmc
{
    public static int Run(string[] args, TextWriter output, TextWriter error,
        TerminalInfo? terminal = null, CancellationToken cancel = default) =>
        Run(args, output, error, () => new TcpBackend(), terminal, cancel);

    /// <summary>The same, over any backend (tests use a toy model and a failing backend).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, Func<IBackend> backend,
        TerminalInfo? terminal = null, CancellationToken cancel = default)
    {
        var context = new CliContext(output, error, terminal ?? TerminalInfo.Redirected, cancel);
        try
        {
            var root = CommandTree.Build(context, backend());
            var parse = root.Parse(Policy.BooleanWords(root, args));
            if (Culprits.UnknownOption(parse) is { } option)
                return Fail(context, ExitCode.BadInput, $"unrecognized option '{option}' (see 'tcpmc {VerbOf(parse)}--help')");
            var directive = args.Length > 0 && args[0].StartsWith('[');   // [suggest] (completion), [diagram]
            if (parse.Errors.Count > 0 || (parse.UnmatchedTokens.Count > 0 && !directive))
                return Fail(context, ExitCode.BadInput, $"{MostSpecific(parse)} (see 'tcpmc {VerbOf(parse)}--help')");
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return parse.Invoke(config);
        }
        catch (BadInputException e) { return Fail(context, ExitCode.BadInput, e.Message); }
        catch (TraceFormatException e) { return Fail(context, ExitCode.BadInput, e.Message); }
        catch (Exception e)
        {
            return Fail(context, ExitCode.InternalError, $"internal error: {e.GetType().Name}: {FirstLine(e.Message)}");
        }
    }

    /// <summary>The error worth the one line: a mistyped verb also yields "Required command was not provided",
    /// which says less than the unrecognized word itself.</summary>
    private static string MostSpecific(ParseResult parse) => parse.UnmatchedTokens.Count > 0
        ? $"unrecognized command or argument '{parse.UnmatchedTokens[0]}'"
        : Output.Messages.WithoutTypeNames(parse.Errors[0].Message);

    private static string VerbOf(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";

    private static int Fail(CliContext context, ExitCode code, string message)
    {
        Error(context, message);
        return (int)code;
    }

    /// <summary>Writes the one error line: "tcpmc: " + the message, control characters escaped and every echoed
    /// value cut to <see cref="Output.Messages.MaxEcho"/> characters (see <see cref="Output.Messages.OneLine"/>).</summary>
    internal static void Error(CliContext context, string message) =>
        context.Err.WriteLine($"tcpmc: {Output.Messages.OneLine(message)}");

    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : "(no message)";
    }
}
