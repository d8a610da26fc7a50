using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TcpModelCheck.Cli.Tests.Support;

namespace TcpModelCheck.Cli.Tests.Fuzz;

/// <summary>
/// Issue 13's fuzz suite, in-process: generated bad command lines (<see cref="CommandLineCases"/>) and generated
/// damage to real trace files (<see cref="TraceMutations"/>), each also with <c>--json</c>. Every case must end in
/// exit 3 with exactly one stderr line ("tcpmc: …", no stack trace, no .NET type name, control characters escaped,
/// at most one 200-character echo of any value), stdout empty or one valid JSON document under --json, within
/// <see cref="TimeBox"/> (a case that started a search would be cancelled there and fail).
/// </summary>
public class FuzzTests(GeneratedTraces traces) : IClassFixture<GeneratedTraces>
{
    private static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(10);

    public static TheoryData<string, bool> CommandLines()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (name, _) in CommandLineCases.All()) { data.Add(name, false); data.Add(name, true); }
        return data;
    }

    public static TheoryData<string, bool> Mutations()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in TraceMutations.All.Keys) { data.Add(name, false); data.Add(name, true); }
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_bad_command_line_is_one_line_and_exit_3(string name, bool json)
    {
        var args = CommandLineCases.All().First(c => c.Name == name).Args;
        AssertRefused(json ? [.. args, "--json"] : args, json);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void A_damaged_trace_is_one_line_and_exit_3(string name, bool json)
    {
        var (lasso, edit) = TraceMutations.All[name];
        var doc = JsonNode.Parse(File.ReadAllText(lasso ? traces.Lasso : traces.Safety))!.AsObject();
        edit(doc);
        var file = traces.Dir.Write($"fuzz-{Guid.NewGuid():N}.json", doc.ToJsonString());
        AssertRefused(json ? ["replay", file, "--json"] : ["replay", file], json);
    }

    [Fact]
    public void The_suite_has_at_least_300_cases()
    {
        Assert.True(CommandLines().Count + Mutations().Count >= 300, $"{CommandLines().Count} + {Mutations().Count}");
    }

    private static void AssertRefused(string[] args, bool json)
    {
        using var cancel = new CancellationTokenSource(TimeBox);
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => CliRun.With(() => new Backend.TcpBackend(), cancel.Token, args));
        Assert.True(run.Wait(TimeBox + TimeSpan.FromSeconds(5)), $"no answer within {TimeBox.TotalSeconds} s: {Show(args)}");
        var r = run.Result;
        var context = $"{Show(args)} ({clock.ElapsedMilliseconds} ms)\n{r}";
        Assert.True(r.Code == 3, context);
        var line = Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("tcpmc: ", line);
        Assert.DoesNotContain("   at ", line);
        Assert.DoesNotMatch(@"\b(System|TcpModelCheck)\.[A-Z]\w+", line);
        Assert.DoesNotContain(line, c => char.IsControl(c));
        Assert.DoesNotContain(new string('z', 201), line);
        Assert.DoesNotContain(new string('9', 201), line);
        Assert.DoesNotContain(new string('p', 201), line);
        if (json && r.Out.Length > 0)
        {
            using var parsed = JsonDocument.Parse(r.Out);   // throws on invalid JSON
            Assert.Equal(3, parsed.RootElement.GetProperty("exitCode").GetInt32());
        }
    }

    private static string Show(string[] args) =>
        "tcpmc " + string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a).Select(a => JsonSerializer.Serialize(a)));
}
