using System.CommandLine;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Commands;
using TcpModelCheck.Cli.Options;

namespace TcpModelCheck.Cli;

/// <summary>The verbs of <c>tcpmc</c>, built fresh for each invocation around its context and backend.</summary>
internal static class CommandTree
{
    public static RootCommand Build(CliContext context, IBackend backend)
    {
        var root = new RootCommand(
            "tcpmc: an explicit-state model checker for TCP connection management (RFC 9293 handshake, close, " +
            "TIME-WAIT) over a lossy, duplicating, reordering network.\n" +
            "Exit codes: 0 as expected, 1 property violated, 2 inconclusive (limit hit), 3 bad input, 4 internal error.");
        root.Add(CheckCommand.Create(context, backend));
        root.Add(CompareCommand.Create(context, backend));
        root.Add(SimulateCommand.Create(context, backend));
        root.Add(ReplayCommand.Create(context, backend));
        root.Add(ActionsCommand.Create(context, backend));
        root.Add(ExplainCommand.Create(context, backend));
        root.Add(ConformCommand.Create(context));
        root.Add(GenerateCommand.Create(context));
        root.Add(ListCommand.Create(context, backend));
        root.Add(ExploreCommand.Create(context, backend));
        Policy.Apply(root, backend);
        HelpText.Apply(root);
        return root;
    }
}
