using TcpModelCheck.Cli;
using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Generation;
using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Conformance.Tests.Generation;

/// <summary>
/// <c>tcpmc generate</c>'s transition-coverage suite: one script per (state, arriving segment kind), each passing
/// <c>conform</c> against the variant it came from, written in a form the parser (packetdrill's grammar) reads back,
/// and predicting what the variant's rules say — pinned where linux and rfc9293 differ.
/// </summary>
public sealed class CoverageSuiteTests
{
    public static TheoryData<string> VariantNames => new(Conformer.VariantNames);

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Every_state_and_segment_kind_has_a_script_that_passes_against_its_own_variant(string variant)
    {
        var suite = CoverageSuite.Generate(variant);
        Assert.Equal(110, suite.Count);
        Assert.Equal(10, suite.Select(s => s.State).Distinct().Count());
        Assert.Equal(11, suite.Select(s => s.Kind).Distinct().Count());
        foreach (var s in suite)
        {
            var script = ScriptParser.Parse(s.Text, s.Name);
            var verdict = Conformer.Check(script, variant);
            Assert.True(verdict.Kind == VerdictKind.Agrees, $"{s.Name}: {verdict.Summary}\n{s.Text}");
            Assert.Equal(script.WithoutLines(), ScriptParser.Parse(ScriptWriter.Write(script), s.Name).WithoutLines());
        }
    }

    [Theory]
    [InlineData("TIME-WAIT", "rst-in-window", "no reply", ". 2:2(0) ack 2")]
    [InlineData("TIME-WAIT", "data", ". 2:2(0) ack 2", "no reply")]
    [InlineData("FIN-WAIT-2", "data", "R 2:2(0)", ". 2:2(0) ack 11")]
    [InlineData("FIN-WAIT-2", "rst-outside", ". 2:2(0) ack 1", "no reply")]
    [InlineData("FIN-WAIT-1", "data", "R 2:2(0)", ". 2:2(0) ack 11")]
    [InlineData("ESTABLISHED", "ack-old", ". 1:1(0) ack 1", "no reply")]
    [InlineData("LISTEN", "ack-unsent", "R 1000:1000(0)", "R 1000:1000(0)")]
    [InlineData("TIME-WAIT", "syn-beyond", "S. 0:0(0) ack 100003", ". 2:2(0) ack 2")]
    [InlineData("SYN-RECEIVED", "syn", "S. 0:0(0) ack 1", ". 1:1(0) ack 1")]
    [InlineData("CLOSING", "fin", "no reply", ". 2:2(0) ack 2")]
    [InlineData("LAST-ACK", "fin", "no reply", ". 2:2(0) ack 2")]
    public void Linux_and_rfc9293_predictions_where_measured(string state, string kind, string linux, string rfc9293)
    {
        Assert.StartsWith(linux, Prediction("linux", state, kind));
        Assert.StartsWith(rfc9293, Prediction("rfc9293", state, kind));
    }

    [Fact]
    public void Generate_writes_the_suite_and_prints_the_coverage_table()
    {
        var dir = Directory.CreateTempSubdirectory("tcpmc-generate-").FullName;
        try
        {
            var (o, e) = (new StringWriter(), new StringWriter());
            var code = Tcpmc.Run(["generate", "--variant", "linux", "--out", dir, "--no-counterexamples"], o, e);
            Assert.Equal(0, code);
            Assert.StartsWith($"110 coverage scripts for linux in {Path.Combine(dir, "coverage")} (10 states × 11 kinds", o.ToString());
            Assert.Contains("| TIME-WAIT | . | S. | . | · | · | · | · | · | · | . | . |", o.ToString());
            Assert.Equal(110, Directory.GetFiles(Path.Combine(dir, "coverage"), "*.pkt").Length);
            Assert.Equal(14, Directory.GetFiles(Path.Combine(dir, "figures"), "*.pkt").Length);
            Assert.Contains("14 figure scripts for linux", o.ToString());
            var (o2, e2) = (new StringWriter(), new StringWriter());
            Assert.Equal(0, Tcpmc.Run(["conform", dir, "--variant", "linux"], o2, e2));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("--variant", "bsd", "unknown variant 'bsd'")]
    [InlineData("--out", "/dev/null", "--out /dev/null: is a file, not a directory")]
    public void Bad_generate_arguments_exit_3_with_one_line(string option, string value, string message)
    {
        var args = option == "--out" ? new[] { "generate", "--out", value } : ["generate", option, value, "--out", "/tmp/x"];
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.Equal(3, Tcpmc.Run(args, o, e));
        Assert.Equal("", o.ToString());
        Assert.StartsWith($"tcpmc: {message}", e.ToString());
        Assert.Single(e.ToString().Trim().Split('\n'));
    }

    private static string Prediction(string variant, string state, string kind) =>
        CoverageSuite.Generate(variant).Single(s => s.State == state && s.Kind == kind).Prediction;
}
