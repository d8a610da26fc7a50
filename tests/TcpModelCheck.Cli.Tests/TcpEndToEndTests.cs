using System.Text.Json;
using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary>
/// The tool on the real TCP model, on a configuration small enough for a unit test (one connection, no data,
/// MSL 1 tick, ISN 0, one loss, no duplication: under 10,000 states per variant).
/// </summary>
/// <remarks>The pinned numbers were measured with this tool on the TCP model as merged (commit 1fc255a of the
/// tcp-model branch, re-measured at 42424ba): <c>tcpmc check --variant no-time-wait -p graceful-close {Small} --json</c>. A change of the
/// model's rules may change them; re-measure with the same command.</remarks>
public class TcpEndToEndTests
{
    private static readonly string[] Small =
        ["--workload", "client-closes-first", "--data-items", "0", "--loss-budget", "1", "--duplication-budget", "0", "--isn-mode", "set", "--isn-set", "0", "--msl", "1"];

    /// <summary>no-time-wait × graceful-close: A goes straight to CLOSED, so B's delayed ACK reaches a CLOSED
    /// endpoint and is answered by a reset — 10 steps, breadth-first (shortest).</summary>
    private const int GracefulCloseLength = 10;
    private const string GracefulClosePath = "0/0/0/0/0/1/0/2/2/0";

    private static CliResult Tcp(params string[] args) => CliRun.Tcp([.. args, .. Small]);

    [Fact]
    public void A_counterexample_written_by_check_replays_to_the_same_violation()
    {
        using var dir = new TempDir();
        var file = dir.File("no-time-wait.json");
        var check = Json.Parse(Tcp("check", "--variant", "no-time-wait", "-p", "graceful-close", "--out", file, "--json").Out);
        Assert.Equal(1, check.GetProperty("exitCode").GetInt32());
        var row = Json.Row(check, "graceful-close");
        Assert.Equal(GracefulCloseLength, row.GetProperty("counterexampleLength").GetInt32());
        Assert.Equal(GracefulClosePath, row.GetProperty("choicePath").GetString());
        Assert.Equal(file, check.GetProperty("traceFile").GetString());

        var replay = CliRun.Tcp("replay", file);
        Assert.True(replay.Code == 1, replay.ToString());
        Assert.Contains($"reproduced: graceful-close violated at step {GracefulCloseLength}", replay.Out);
        Assert.Contains("TCP Peer A (client)", replay.Out);
        Assert.Contains("<SEQ=2><CTL=RST>", replay.Out);
        Assert.Contains($"choice path: {GracefulClosePath}", replay.Out);
        Assert.Equal("", replay.Err);
    }

    [Theory]
    [InlineData("--fingerprint")]
    [InlineData("--strategy", "parallel", "--threads", "2", "--fingerprint")]
    [InlineData("--strategy", "bfs")]
    public void A_size_hint_changes_the_store_not_the_result(params string[] search)
    {
        // --expected-states sizes the visited store up front (SPIN's -w): the same states, verdicts and counterexample
        var grown = Json.Parse(Tcp(["check", "--variant", "no-time-wait", "--json", .. search]).Out);
        var sized = Json.Parse(Tcp(["check", "--variant", "no-time-wait", "--json", "--expected-states", "2000000", .. search]).Out);
        // property, verdict and shortest length; the path too on one thread (two threads may find another of that length)
        var paths = !search.Contains("parallel");
        string Results(JsonElement d) => string.Join("; ", d.GetProperty("results").EnumerateArray().Select(r =>
            $"{r.GetProperty("property")} {r.GetProperty("verdict")} {r.GetProperty("counterexampleLength")} "
            + (paths ? r.GetProperty("choicePath").ToString() : "")));
        Assert.Equal(Results(grown), Results(sized));
        Assert.Contains("graceful-close violated 10 ", Results(sized));
        var (g, z) = (grown.GetProperty("statistics"), sized.GetProperty("statistics"));
        Assert.Equal(g.GetProperty("distinctStates").GetInt64(), z.GetProperty("distinctStates").GetInt64());
        Assert.Equal(g.GetProperty("transitions").GetInt64(), z.GetProperty("transitions").GetInt64());
        // a store for 2 million states, at least 8 bytes a slot at load 5/8 or less, however few the row has
        Assert.True(z.GetProperty("memory").GetProperty("visitedBytes").GetInt64() >= 2_000_000L * 8 * 8 / 5);
        Assert.True(z.GetProperty("memory").GetProperty("visitedBytes").GetInt64() > g.GetProperty("memory").GetProperty("visitedBytes").GetInt64());
    }

    [Fact]
    public void The_same_trace_against_rfc9293_diverges_where_time_wait_changes_the_story()
    {
        // With TIME-WAIT, A is not CLOSED when B's delayed ACK arrives, so it sends no reset: the delivery of
        // the RST recorded as step 10 is not on offer.
        using var dir = new TempDir();
        var file = dir.File("no-time-wait.json");
        Assert.Equal(1, Tcp("check", "--variant", "no-time-wait", "-p", "graceful-close", "--out", file).Code);
        var replay = CliRun.Tcp("replay", file, "--variant", "rfc9293");
        Assert.Equal(3, replay.Code);
        var line = Assert.Single(replay.ErrLines);
        Assert.Contains($"does not replay: diverges at step {GracefulCloseLength}: expected choice 0 = B: deliver <SEQ=2><CTL=RST>", line);
        Assert.Contains("  9. ", replay.Out);
        Assert.DoesNotContain(" 10. ", replay.Out);
    }

    /// <summary>Issue 9: a naive-fin counterexample replayed with <c>--variant rfc9293</c> runs the rfc9293
    /// rules (naive-fin off), so it cannot "reproduce" under a label whose rules did not run.</summary>
    [Fact]
    public void A_naive_fin_trace_replayed_as_rfc9293_runs_the_rfc9293_rules()
    {
        using var dir = new TempDir();
        var file = dir.File("naive-fin.json");
        string[] small = ["--data-items", "1", "--loss-budget", "0", "--duplication-budget", "0", "--isn-mode", "set", "--isn-set", "0", "--msl", "1"];
        Assert.Equal(1, CliRun.Tcp(["check", "--variant", "naive-fin", "-p", "no-data-loss", "--out", file, .. small]).Code);
        Assert.Contains("reproduced: no-data-loss violated", CliRun.Tcp("replay", file).Out);

        var replay = CliRun.Tcp("replay", file, "--variant", "rfc9293", "--json");
        var doc = Json.Parse(replay.Out);
        Assert.Equal("rfc9293", doc.GetProperty("settings").GetProperty("variant").GetString());
        Assert.Equal("false", doc.GetProperty("settings").GetProperty("naive-fin").GetString());
        Assert.NotEqual(JsonValueKind.String, doc.GetProperty("violated").ValueKind);
        Assert.NotEqual(1, replay.Code);
    }

    [Fact]
    public void A_hand_written_schedule_with_partial_settings_runs_on_the_model_those_settings_describe()
    {
        // Both endpoints start CLOSED; choice 0 is B's passive OPEN (as in every counterexample above).
        using var dir = new TempDir();
        var file = dir.Write("script.json", "{\"format\":1,\"model\":\"tcp\",\"settings\":{\"msl\":\"1\"},\"initial\":0," +
            "\"steps\":[{\"choice\":0,\"action\":\"\"}],\"choicePath\":\"0\",\"length\":1}");
        var r = CliRun.Tcp("replay", file);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("(OPEN passive)", r.Out);
        Assert.Contains("replayed all 1 steps: no safety property violated", r.Out);
    }

    [Fact]
    public void Replay_draws_mermaid_on_request()
    {
        using var dir = new TempDir();
        var file = dir.File("no-time-wait.json");
        Tcp("check", "--variant", "no-time-wait", "-p", "graceful-close", "--out", file);
        var replay = CliRun.Tcp("replay", file, "--mermaid");
        Assert.Equal(1, replay.Code);
        Assert.Contains("sequenceDiagram", replay.Out);
    }

    [Fact]
    public void Simulate_reports_violations_whose_saved_schedule_replays_to_the_same_violation()
    {
        using var dir = new TempDir();
        var file = dir.File("simulated.json");
        var doc = Json.Parse(Tcp("simulate", "--variant", "no-time-wait", "--runs", "300", "--seed", "1", "--out", file, "--json").Out);
        Assert.Equal(1, doc.GetProperty("exitCode").GetInt32());
        var shortest = doc.GetProperty("violations").EnumerateArray().MinBy(v => v.GetProperty("shortestLength").GetInt32());
        var replay = CliRun.Tcp("replay", file);
        Assert.Equal(1, replay.Code);
        Assert.Contains($"reproduced: {shortest.GetProperty("property").GetString()} violated at step {shortest.GetProperty("shortestLength").GetInt32()}", replay.Out);
        // A random schedule is never shorter than the breadth-first counterexample of the same property.
        if (shortest.GetProperty("property").GetString() == "graceful-close")
            Assert.True(shortest.GetProperty("shortestLength").GetInt32() >= GracefulCloseLength);
    }

    [Fact]
    public void A_state_limit_leaves_every_unsettled_property_inconclusive()
    {
        var r = Tcp("check", "--variant", "rfc9293", "--max-states", "200", "--json");
        Assert.Equal(2, r.Code);
        var rows = Json.Parse(r.Out).GetProperty("results").EnumerateArray().ToList();
        // Only witnesses (found within 200 states) may hold; nothing else is settled by a partial search.
        Assert.All(rows.Where(x => x.GetProperty("verdict").GetString() == "holds"),
            x => Assert.Equal("witness", x.GetProperty("kind").GetString()));
        Assert.Contains(rows, x => x.GetProperty("verdict").GetString() == "inconclusive");
    }

    [Fact]
    public void Golden_compare_of_a_small_configuration()
    {
        var r = Tcp("compare", "--variant", "rfc9293,no-time-wait", "--no-timings", "--trace", "no-time-wait:graceful-close");
        Golden.Match("compare-small.txt", $"exit {r.Code}\n{r.Out}");
        Assert.Equal("", r.Err);
    }

    /// <summary>The JSON and Markdown users get for the same comparison (one schema: the same rows as check's).</summary>
    [Fact]
    public void Golden_compare_json_and_markdown_of_a_small_configuration()
    {
        var json = Tcp("compare", "--variant", "rfc9293,no-time-wait", "--no-timings", "--trace", "no-time-wait:graceful-close", "--json");
        Golden.Match("compare-small.json", $"exit {json.Code}\n{json.Out}");
        var markdown = Tcp("compare", "--variant", "rfc9293,no-time-wait", "--no-timings", "--trace", "no-time-wait:graceful-close", "--markdown");
        Golden.Match("compare-small.md", $"exit {markdown.Code}\n{markdown.Out}");
        var check = Json.Parse(Tcp("check", "--variant", "rfc9293", "--json", "--no-timings").Out);
        var compareRow = Json.Parse(json.Out).GetProperty("results")[0];
        Assert.Equal(check.GetProperty("results")[0].EnumerateObject().Select(p => p.Name), compareRow.EnumerateObject().Select(p => p.Name));
    }
}
