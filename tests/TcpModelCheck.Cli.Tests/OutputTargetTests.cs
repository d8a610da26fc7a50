using System.Diagnostics;
using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Tests.Support;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Tests;

/// <summary>Issue 13: output files are checked before the search; a write that still fails after it (the directory
/// removed meanwhile) prints the whole report first, then the one error line (exit 3). And signals: SIGTERM and
/// SIGINT end a real run with a partial report that says "cancelled", exit 2.</summary>
public class OutputTargetTests
{
    [Theory]
    [InlineData("/tmp", "--out '/tmp': is a directory, not a file")]
    [InlineData("/dev/full", "--out '/dev/full': is a character device, not a regular file")]
    [InlineData("/nonexistent/x.json", "--out '/nonexistent/x.json': directory '/nonexistent' does not exist")]
    public void An_unusable_out_file_is_refused_before_the_search(string path, string expected)
    {
        var r = CliRun.With(new GridBackend(), "check", "--variant", "broken", "--out", path);
        Assert.Equal(3, r.Code);
        Assert.Equal("", r.Out);
        Assert.Equal($"tcpmc: {expected} (see 'tcpmc check --help')", Assert.Single(r.ErrLines));
    }

    [Fact]
    public void A_write_that_fails_after_the_search_prints_the_report_then_the_error()
    {
        using var dir = new TempDir();
        var sub = Path.Combine(dir.Path, "gone");
        Directory.CreateDirectory(sub);
        var file = Path.Combine(sub, "trace.json");
        var backend = new AfterCheck(new GridBackend(), () => Directory.Delete(sub));
        var r = CliRun.With(backend, "check", "--variant", "broken", "--out", file);
        Assert.Equal(3, r.Code);
        Assert.Contains("│ below-limit", r.Out);                     // the verdict table
        Assert.Contains("distinct states", r.Out);                   // and the statistics after it
        Assert.StartsWith($"tcpmc: --out: cannot write trace file '{file}': ", Assert.Single(r.ErrLines));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_ends_a_search_with_a_partial_report_and_exit_2(string signal)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "tcpmc.dll"), "check", "--variant", "rfc9293", "--workload", "reconnect", "-p", "no-stale-data,time-wait-only-active-closer,no-deadlock", "--no-timings" })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await Task.Delay(2500);   // started and searching: rfc9293/reconnect has 22 M states, and the three properties hold (no
                                  // violation may end it first); rfc1337/reconnect, used before, now ends within the 2.5 s
        await Process.Start("kill", ["-" + signal, process.Id.ToString()])!.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(limit.Token);
        var (text, err) = (await output, await error);
        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}\n{text}\n{err}");
        Assert.Contains("search stopped early: cancelled; every property not yet settled is inconclusive", text);
        Assert.Contains("│ no-stale-data                │ invariant   │ inconclusive │        │ cancelled │", text);
        Assert.Equal("", err);
    }

    /// <summary>A backend whose check runs <paramref name="after"/> once the search is done.</summary>
    private sealed class AfterCheck(IBackend inner, Action after) : IBackend
    {
        public string ModelName => inner.ModelName;
        public IReadOnlyList<NamedItem> Variants => inner.Variants;
        public IReadOnlyList<NamedItem> Workloads => inner.Workloads;
        public IReadOnlyList<ConfigField> Fields => inner.Fields;
        public IReadOnlyList<PropertyInfo> Properties => inner.Properties;
        public IReadOnlyList<MatrixCell> DefaultMatrix => inner.DefaultMatrix;
        public IReadOnlyList<MatrixCell> FullMatrix => inner.FullMatrix;
        public MatrixCell Cell(IReadOnlyDictionary<string, string> settings) => inner.Cell(settings);
        public IModelSession Open(IReadOnlyDictionary<string, string> settings) => new Session(inner.Open(settings), after);
        public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyDictionary<string, string> recorded,
            IReadOnlyDictionary<string, string> overrides) => inner.ReplaySettings(recorded, overrides);
        public string Explain(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> properties) => inner.Explain(settings, properties);
    }

    private sealed class Session(IModelSession inner, Action after) : IModelSession
    {
        public IReadOnlyDictionary<string, string> Settings => inner.Settings;
        public string Name => inner.Name;
        public string Variant => inner.Variant;
        public string Workload => inner.Workload;
        public IReadOnlyList<PropertyInfo> Properties => inner.Properties;
        public SimulationReport Simulate(SimulationPlan plan, IReadOnlyList<string>? properties, CancellationToken cancel) =>
            inner.Simulate(plan, properties, cancel);
        public ReplayReport Replay(Engine.Traces.Trace trace) => inner.Replay(trace);
        public PathActions ActionsAfter(ChoicePath path) => inner.ActionsAfter(path);
        public RenderedTrace Draw(Engine.Traces.Trace trace, Verdict verdict) => inner.Draw(trace, verdict);

        public Reports.Comparison.ComparisonRow Compare(Reports.Comparison.ComparisonCase configuration, CheckOptions options,
            Action<SearchProgress>? progress, CancellationToken cancel)
        {
            var row = inner.Compare(configuration, options, progress, cancel);
            after();
            return row;
        }

        public CheckReport Check(CheckOptions options, Action<SearchProgress>? progress, CancellationToken cancel)
        {
            var report = inner.Check(options, progress, cancel);
            after();
            return report;
        }
    }
}
