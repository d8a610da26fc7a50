using System.Text.RegularExpressions;
using TcpModelCheck.Cli;

namespace TcpModelCheck.Explorer.Tests;

/// <summary>The <c>--html</c> files of <c>check</c> and <c>simulate</c>, read as text (the browser test opens the
/// compare report): each names what its count column counts, and a random search never marks a property "holds".</summary>
public sealed class HtmlReportFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tcpmc-html-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Check_writes_one_row_with_its_state_count_and_the_counterexample_drawn()
    {
        var file = Path.Combine(dir, "check.html");
        var (code, output) = Run("check", "--variant", "no-time-wait", "-p", "graceful-close,reached-established", "--html", file);
        Assert.Equal(1, code);
        Assert.Contains($"HTML report written to {file}", output);
        var html = File.ReadAllText(file);
        Assert.Contains("<th>states</th>", html);
        // the search stops once both properties are settled: the row shows the partial count the text output prints
        // (24,457 -> 24,493 transitions since a straggler of age MSL may expire on the next tick)
        Assert.Contains("9,942 distinct states, 24,493 transitions, max depth 12", output);
        Assert.Contains("<td class=\"num\">9,942</td>", html);
        Assert.Contains("9,942 states, 24,493 transitions, max depth 12", html);
        Assert.Equal("violated", Verdict(html, "graceful-close"));
        Assert.Equal("holds", Verdict(html, "reached-established"));
        Assert.Contains("<svg", html);
    }

    [Fact]
    public void Simulate_draws_each_shrunk_violation_and_calls_every_other_property_inconclusive()
    {
        var file = Path.Combine(dir, "simulate.html");
        var (code, output) = Run("simulate", "--variant", "no-time-wait", "--workload", "reconnect", "--seed", "7", "--runs", "1000",
            "-p", "no-stale-data,no-duplicate-delivery", "--html", file);
        Assert.Equal(1, code);
        Assert.Contains($"HTML report written to {file}", output);
        var html = File.ReadAllText(file);
        Assert.Contains("<th>steps</th>", html);
        Assert.DoesNotContain("<th>states</th>", html);
        Assert.Equal("violated", Verdict(html, "no-stale-data"));
        Assert.Contains("violated by ", html);
        Assert.Contains("first at run 21", html);
        Assert.Equal("inconclusive", Verdict(html, "no-duplicate-delivery"));
        Assert.Contains("no violation in 1,000 priority schedules (a random search proves nothing", html);
        Assert.DoesNotContain("data-verdict=\"holds\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("1 of 2 safety properties violated in 1,000 schedules", html);
    }

    [Fact]
    public void A_row_cut_short_shows_its_cells_unsettled_never_as_a_mismatch()
    {
        var file = Path.Combine(dir, "compare.html");
        var (code, output) = Run("compare", "--variant", "rfc1337", "--workload", "reconnect", "--max-states", "2000", "--html", file);
        Assert.Equal(2, code);
        Assert.Contains("cut short after", output);
        var html = File.ReadAllText(file);
        Assert.Equal("inconclusive", Verdict(html, "no-stale-data"));
        Assert.Contains("not settled (expected holds)", html);
        Assert.DoesNotContain("EXPECTED", html);
        Assert.DoesNotContain("cell inconclusive mismatch", html);
    }

    private static string Verdict(string html, string property) =>
        Regex.Match(html, $"data-property=\"{Regex.Escape(property)}\" data-verdict=\"([a-z]+)\"").Groups[1].Value;

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = Tcpmc.Run(args, output, new StringWriter());
        return (code, output.ToString());
    }
}
