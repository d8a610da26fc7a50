using System.CommandLine;
using System.CommandLine.Parsing;

namespace TcpModelCheck.Cli.Options;

/// <summary>Names the right culprit of a bad command line: in <c>replay --bogus FILE</c> the parser takes
/// <c>--bogus</c> as the trace argument and then complains about FILE; the mistake is the unknown option.</summary>
internal static class Culprits
{
    /// <summary>The first word given as a command's argument that looks like an option (<c>--x</c> or <c>-x</c>),
    /// or the first unmatched one; null when there is none. A negative number is not an option.</summary>
    public static string? UnknownOption(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens.FirstOrDefault(LooksLikeOption);
        if (unmatched is not null) return unmatched;
        return parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .FirstOrDefault(LooksLikeOption);
    }

    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && (char.IsLetter(word[1]) || (word[1] == '-' && word.Length > 2));
}
