using TcpModelCheck.Cli;
using TcpModelCheck.Conformance.Tests.Scripts;

namespace TcpModelCheck.Conformance.Tests.Checking;

/// <summary><c>tcpmc conform</c>: exit codes, one line per script and variant, the summary table, bad input.</summary>
public sealed class ConformCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Tcpmc.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Corpus_against_linux_and_rfc9293_prints_every_verdict_and_a_summary_per_variant()
    {
        var (code, output, err) = Run("conform", CorpusTests.CorpusDirectory, "--variant", "linux,rfc9293");
        var files = CorpusTests.Files().Count();
        Assert.Equal(1, code);
        Assert.Equal("", err);
        var lines = output.Split('\n').Where(l => l.Contains(".pkt")).ToList();
        Assert.Equal(2 * files, lines.Count);
        Assert.Contains($"| linux | {files} |", output);
        Assert.Contains($"| rfc9293 | {files} |", output);
        Assert.Contains(lines, l => l.Contains("time-wait-60s.pkt") && l.Contains("rfc9293") && l.Contains("disagrees at line 17: the script expects > R 2:2(0); the variant sends . 2:2(0) ack 2"));
    }

    [Fact]
    public void Agreeing_scripts_exit_0_and_json_names_the_verdict()
    {
        var path = Path.Combine(CorpusTests.CorpusDirectory, "handshake", "passive-open.pkt");
        var (code, output, _) = Run("conform", path, "--variant", "linux", "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"verdict\": \"agrees\"", output);
    }

    [Theory]
    [MemberData(nameof(BadScriptTests.BadScripts), MemberType = typeof(BadScriptTests))]
    public void Bad_script_exits_3_with_file_and_line(string name)
    {
        var path = Path.Combine(BadScriptTests.BadDirectory, name);
        var (line, reason) = BadScriptTests.Expectation(path);
        var (code, output, err) = Run("conform", path);
        Assert.Equal(3, code);
        Assert.Equal("", output);
        Assert.StartsWith($"tcpmc: {path}:{line}: ", err);
        Assert.Contains(reason, err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_variant_and_missing_path_are_bad_input()
    {
        Assert.Equal(3, Run("conform", CorpusTests.CorpusDirectory, "--variant", "bsd").Code);
        Assert.Equal(3, Run("conform", "/nonexistent/x.pkt").Code);
    }

    [Fact]
    public void Explain_states_each_variants_timers_in_seconds()
    {
        Assert.Contains("  TIME-WAIT: 60 s", Run("explain", "--variant", "linux").Out);
        Assert.Contains("  orphaned FIN-WAIT-2 timeout: 60 s", Run("explain", "--variant", "linux").Out);
        Assert.Contains("  TIME-WAIT: 240 s", Run("explain").Out);
        Assert.Contains("  data/FIN retransmission timeout: 1–1 s", Run("explain", "--variant", "rfc9293").Out);
    }

    /// <summary>--explain draws the run as the explorer's sequence chart: the kernel in the variant's states on the
    /// left, each block headed by its script line, the segment the variant sends, and the disagreement at the end.</summary>
    [Fact]
    public void Explain_draws_the_run_as_a_sequence_chart_up_to_the_disagreement()
    {
        var path = Path.Combine(CorpusTests.CorpusDirectory, "close", "close-unread-data-reset.pkt");
        var (code, output, _) = Run("conform", path, "--variant", "rfc9293", "--explain");
        Assert.Equal(1, code);
        Assert.Contains("kernel (variant rfc9293)", output);
        Assert.Contains("script (the peer)", output);
        Assert.Contains("  0. CLOSED", output);
        Assert.Contains("     SYN-RECEIVED <-- <SEQ=0><CTL=SYN>", output);
        Assert.Contains("     (abort: close with unread data)\n     CLOSED       --> <SEQ=1><CTL=RST>", output.Replace("\r", ""));
        Assert.Contains("line 14: +0 > R. 1:1(0) ack 1001\n     disagrees at line 14: the script expects > R. 1:1(0) ack 1001", output.Replace("\r", ""));
    }
}
