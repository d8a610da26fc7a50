using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Generation;
using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Conformance.Tests.Generation;

/// <summary><c>tcpmc generate</c>'s RFC 9293 figure scripts (figures 6-13, the kernel as one TCP): each passes
/// <c>conform</c> against the variant it came from and reads back through the parser unchanged; what the variants
/// predict is pinned where it tells them apart.</summary>
public sealed class FigureScriptsTests
{
    public static TheoryData<string> VariantNames => new(Conformer.VariantNames);

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Every_figure_script_passes_against_its_own_variant(string variant)
    {
        var figures = FigureScripts.Generate(variant);
        Assert.Equal(14, figures.Count);
        Assert.Equal([6, 7, 8, 9, 10, 11, 12, 13], figures.Select(f => int.Parse(f.State["Figure ".Length..])).Distinct());
        foreach (var f in figures)
        {
            var script = ScriptParser.Parse(f.Text, f.Name);
            var verdict = Conformer.Check(script, variant);
            Assert.True(verdict.Kind == VerdictKind.Agrees, $"{f.Name}: {verdict.Summary}\n{f.Text}");
            Assert.Equal(script.WithoutLines(), ScriptParser.Parse(ScriptWriter.Write(script), f.Name).WithoutLines());
        }
    }

    [Fact]
    public void Figure_8_from_b_expects_the_syn_ack_twice_and_no_reply_to_the_reset()
    {
        var text = FigureScripts.Generate("rfc9293").Single(f => f.Name == "fig08-old-duplicate-syn-kernel-b.pkt").Text;
        Assert.Contains("< S 90:90(0) win 32792 <mss 1000>\n+0 > S. 0:0(0) ack 91 <...>\n+.01 < R 91:91(0) win 0\n+.01 < S 100:100(0)", text);
        Assert.Contains("+0 > S. 0:0(0) ack 101 <...>", text);
    }

    [Fact]
    public void A_script_the_variant_does_not_follow_is_not_written()
    {
        var text = ReplyPredictor.Complete("", ["0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3", "+0 listen(3, 1) = 0", "+0 accept(3, ..., ...) = 4"],
            "rfc9293", "x.pkt", out var why);
        Assert.Null(text);
        Assert.StartsWith("line 3: the script expects accept to return", why);
    }
}
