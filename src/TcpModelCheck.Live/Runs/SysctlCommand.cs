namespace TcpModelCheck.Live.Runs;

/// <summary>
/// The one kind of shell line a live run executes: <c>`sysctl -q net.ipv4.tcp_rfc1337=1`</c> (also -w, several
/// assignments). It is not run as a shell command: the runner writes the net.* values itself, inside the run's
/// namespace. Any other shell line makes the script unsupported — running it as root could change the host.
/// </summary>
public static class SysctlCommand
{
    /// <summary>The assignments of a sysctl command line, or null when the line is anything else.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? Parse(string command)
    {
        var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] is not ("sysctl" or "/sbin/sysctl" or "/usr/sbin/sysctl")) return null;
        var assignments = new List<KeyValuePair<string, string>>();
        foreach (var word in words.Skip(1))
        {
            if (word is "-q" or "-w" or "-qw" or "-wq") continue;
            var eq = word.IndexOf('=');
            if (eq <= 0) return null;
            var name = word[..eq].Replace('/', '.');
            var value = word[(eq + 1)..].Trim('"', '\'');
            if (!name.StartsWith("net.", StringComparison.Ordinal) || name.Contains("..") || value.Length == 0) return null;
            assignments.Add(new(name, value));
        }
        return assignments.Count > 0 ? assignments : null;
    }
}
