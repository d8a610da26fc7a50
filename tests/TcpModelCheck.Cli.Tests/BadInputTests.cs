using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests;

/// <summary>Bad input through the real TCP backend: exit 3, exactly one line on stderr that names the problem,
/// nothing on stdout, never a stack trace. (All of these are refused before any search starts.)</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("check --variant nope", "unknown variant 'nope'; valid variants: rfc9293, no-time-wait, short-time-wait, rfc1337, linux, naive-fin, fixed-isn")]
    [InlineData("check --workload nope", "unknown workload 'nope'; valid workloads: client-closes-first, server-closes-first, simultaneous-close, simultaneous-open, reconnect, reconnect-server-closes-first")]
    [InlineData("compare --variant rfc9293,nope", "unknown variant 'nope'; valid variants: rfc9293,")]
    [InlineData("simulate --workload x", "unknown workload 'x'")]
    [InlineData("check --msl -1", "msl: -1 is out of range")]
    [InlineData("check --msl 1000000", "msl: 1000000 is out of range")]
    [InlineData("check --loss-budget many", "setting 'loss-budget': 'many' is not a whole number")]
    [InlineData("check --fifo maybe", "setting 'fifo': 'maybe' is not a boolean (true, yes, on, 1 or false, no, off, 0)")]
    [InlineData("check --isn-mode set --isn-set 0,99", "isn-set: 99 is outside the sequence space 0..31")]
    [InlineData("check --isn-set 0", "isn-set: only used with --isn-mode set (this configuration's ISNs come from the clock)")]
    [InlineData("check --max-states -5", "--max-states must be between 1 and 100,000,000,000 (got -5)")]
    [InlineData("check --max-states 0", "--max-states must be between 1 and")]
    [InlineData("check --expected-states 0", "--expected-states must be between 1 and 100,000,000,000 (got 0)")]
    [InlineData("check --expected-states many", "--expected-states")]
    [InlineData("check --max-states 1e15", "--max-states must be between 1 and 100,000,000,000 (got 1e15)")]
    [InlineData("check --max-states lots", "--max-states expects a number (got 'lots')")]
    [InlineData("check --max-states 1000000000000", "--max-states must be between 1 and 100,000,000,000 (got 1000000000000)")]
    [InlineData("check --max-seconds 0", "--max-seconds must be between 0.001 and 1,000,000 (got 0)")]
    [InlineData("check --max-seconds forever", "--max-seconds expects a number (got 'forever')")]
    [InlineData("check --max-memory 1K", "--max-memory must be between 16 MiB and 16 TiB (got 1K)")]
    [InlineData("check --max-memory lots", "--max-memory expects a size such as 512M or 4G (got 'lots')")]
    [InlineData("check --max-depth -1", "--max-depth must be between 1 and")]
    [InlineData("check --threads -1", "--threads must be between 0 and 1,024 (got -1)")]
    [InlineData("check --strategy random", "--strategy must be one of bfs, dfs, parallel (got 'random')")]
    [InlineData("check -p no-such-property", "unknown property 'no-such-property'")]
    [InlineData("simulate --runs 0", "--runs must be between 1 and 100,000,000 (got 0)")]
    [InlineData("simulate --steps -3", "--steps must be between 1 and 1,000,000 (got -3)")]
    [InlineData("simulate --seed -1", "--seed must be between 0 and 18,446,744,073,709,551,615 (got -1)")]
    [InlineData("compare --trace nope:no-stale-data", "unknown variant 'nope'")]
    [InlineData("explain --variant nope", "unknown variant 'nope'")]
    [InlineData("list nonsense", "the list must be one of variants, workloads, properties, options (got 'nonsense')")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("check --frobnicate", "--frobnicate")]
    [InlineData("", "Required command was not provided")]
    [InlineData("replay", "Required argument missing")]
    public void Refused_with_one_line(string args, string expected)
    {
        var r = CliRun.Tcp(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(r.Code == 3, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("tcpmc: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain(" at ", line.Replace("at line", ""));
        Assert.Equal("", r.Out);
    }

    private const string Empty = "{\"format\":1,\"model\":\"tcp\",\"settings\":{},\"initial\":0,\"steps\":[],\"choicePath\":\"\",\"length\":0}";

    [Theory]
    [InlineData("\"settings\":{}", "\"settings\":{\"msl\":\"99\"}", "bad.json: $.settings.msl: 99 is out of range 1..8")]
    [InlineData("\"settings\":{}", "\"settings\":{\"colour\":\"blue\"}", "bad.json: $.settings.colour: unknown setting 'colour'")]
    [InlineData("\"steps\":[],\"choicePath\":\"\",\"length\":0", "\"steps\":[{\"choice\":99,\"action\":\"tick\"}],\"choicePath\":\"99\",\"length\":1",
        "does not replay: diverges at step 1: expected choice 99 (tick)")]
    [InlineData("\"initial\":0", "\"initial\":0,\"property\":\"no-such\"", "bad.json: $.property: unknown property 'no-such'")]
    [InlineData("\"tcp\"", "\"spin\"", "bad.json: $.model: 'spin', but this tool checks model 'tcp'")]
    [InlineData("\"initial\":0,\"steps\":[],\"choicePath\":\"\"", "\"initial\":5,\"steps\":[],\"choicePath\":\"i5:\"",
        "diverges at the initial state: expected initial state #5, found only 1 initial state(s)")]
    [InlineData("\"steps\":[],\"choicePath\":\"\",\"length\":0}", "\"steps\":[{\"choice\":0,", "bad.json: malformed JSON")]
    public void A_bad_tcp_trace_file_is_refused_with_one_line(string replace, string with, string expected)
    {
        var content = Empty.Replace(replace, with);
        Assert.NotEqual(Empty, content);
        using var dir = new TempDir();
        var r = CliRun.Tcp("replay", dir.Write("bad.json", content));
        Assert.True(r.Code == 3, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("tcpmc: ", line);
        Assert.Contains(expected, line);
    }
}
