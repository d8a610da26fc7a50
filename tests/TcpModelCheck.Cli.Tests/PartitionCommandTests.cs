using System.Diagnostics;
using System.Text.Json;
using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary>
/// <c>check --partition i/N --exchange DIR</c> on the real TCP model, started as N real processes by the job-array
/// script (docs/partition-job.sh): every partition prints the merged verdicts, state and transition counts and
/// counterexample lengths of the single-process run (liveness: inconclusive, with the reason).
/// </summary>
public class PartitionCommandTests
{
    /// <summary>The small no-time-wait row of <see cref="TcpEndToEndTests"/>: a graceful-close violation, the rest holds.</summary>
    private static readonly string[] Row =
        ["--variant", "no-time-wait", "--workload", "client-closes-first", "--data-items", "0", "--loss-budget", "1",
         "--duplication-budget", "0", "--isn-set", "0", "--msl", "1", "--no-timings", "--json"];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void The_job_script_on_this_machine_gives_the_single_process_verdicts(int n)
    {
        var single = Json.Parse(CliRun.Tcp(["check", .. Row, "--no-spill"]).Out);
        using var dir = new TempDir();
        var exchange = dir.File("exchange");
        var (code, output, error) = Script(n, exchange, Row);
        Assert.True(code == 1, $"exit {code}\n{output}\n{error}");
        Assert.Equal("", error);
        for (var i = 0; i < n; i++)
        {
            var merged = Json.Parse(i == 0 ? output : File.ReadAllText(Path.Combine(exchange, $"tcpmc-partition-{i}.out")));
            Assert.Equal(1, merged.GetProperty("exitCode").GetInt32());
            var stats = merged.GetProperty("statistics");
            Assert.Equal(single.GetProperty("statistics").GetProperty("distinctStates").GetInt64(), stats.GetProperty("distinctStates").GetInt64());
            Assert.Equal(single.GetProperty("statistics").GetProperty("transitions").GetInt64(), stats.GetProperty("transitions").GetInt64());
            Assert.Equal(i, stats.GetProperty("partition").GetProperty("index").GetInt32());
            foreach (var row in single.GetProperty("results").EnumerateArray())
            {
                var name = row.GetProperty("property").GetString()!;
                var other = Json.Row(merged, name);
                if (name == "eventually-closed")
                {
                    Assert.Equal("inconclusive", other.GetProperty("verdict").GetString());
                    Assert.Contains("liveness needs the whole graph", other.GetProperty("reason").GetString());
                    continue;
                }
                Assert.Equal(row.GetProperty("verdict").GetString(), other.GetProperty("verdict").GetString());
                Assert.Equal(Length(row), Length(other));
            }
        }
        Assert.Equal(10, Json.Row(Json.Parse(output), "graceful-close").GetProperty("counterexampleLength").GetInt32());
    }

    private static int? Length(JsonElement row) =>
        row.GetProperty("counterexampleLength").ValueKind == JsonValueKind.Null ? null : row.GetProperty("counterexampleLength").GetInt32();

    [Theory]
    [InlineData("--partition needs --exchange", "--partition", "0/2")]
    [InlineData("--exchange needs --partition", "--exchange", ".")]
    [InlineData("--partition expects i/N", "--partition", "2/2", "--exchange", ".")]
    [InlineData("--partition expects i/N", "--partition", "a", "--exchange", ".")]
    [InlineData("no --max-states", "--partition", "0/2", "--exchange", ".", "--max-states", "10")]
    [InlineData("leave out --strategy", "--partition", "0/2", "--exchange", ".", "--strategy", "dfs")]
    public void A_partition_that_cannot_run_is_bad_input(string message, params string[] args)
    {
        var r = CliRun.Tcp(["check", "--variant", "rfc9293", .. args]);
        Assert.Equal(3, r.Code);
        Assert.Contains(message, Assert.Single(r.ErrLines));
    }

    [Fact]
    public void An_exchange_directory_of_an_earlier_run_is_bad_input()
    {
        using var dir = new TempDir();
        dir.Write("p0.init.status", "{}");
        var r = CliRun.Tcp(["check", .. Row, "--partition", "0/1", "--exchange", dir.Path]);
        Assert.Equal(3, r.Code);
        Assert.Contains("from an earlier run", Assert.Single(r.ErrLines));
    }

    private static (int Code, string Out, string Err) Script(int n, string exchange, string[] args)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "TcpModelCheck.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(root, "docs", "partition-job.sh"));
        info.ArgumentList.Add(n.ToString());
        info.ArgumentList.Add(exchange);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["TCPMC"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "tcpmc.dll");
        foreach (var v in new[] { "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "PARTITION_INDEX" }) info.Environment.Remove(v);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120))) { process.Kill(entireProcessTree: true); throw new TimeoutException("the partitions did not finish"); }
        return (process.ExitCode, output.Result, error.Result);
    }
}
