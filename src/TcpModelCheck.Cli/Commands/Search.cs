using TcpModelCheck.Cli.Options;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Output;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Cli.Commands;

/// <summary>Runs one exhaustive check with the live progress line (on stderr, when it is a terminal).</summary>
internal static class Search
{
    public static CheckReport Run(CliContext context, IModelSession session, CheckOptions options, OutputSettings output, string label)
    {
        var display = new ProgressDisplay(context.Err, context.Terminal.Progress);
        try
        {
            return session.Check(options, display.For(label), context.Cancel);
        }
        finally
        {
            display.Clear();
        }
    }
}
