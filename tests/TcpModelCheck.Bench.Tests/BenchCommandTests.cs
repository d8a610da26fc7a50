using TcpModelCheck.Bench.Cli;
using TcpModelCheck.Bench.Spin;
using TcpModelCheck.Engine.Checking;

namespace TcpModelCheck.Bench.Tests;

/// <summary>The benchmark command's argument parsing and its reading of pan's report.</summary>
public class BenchCommandTests
{
    /// <summary>pan's report for bounds M (SPIN 6.5.2, <c>gcc -O2 -DSAFETY; ./pan -m10000 -w23</c>), verbatim.</summary>
    private const string PanOutputM = """

        (Spin Version 6.5.2 -- 6 December 2019)
        	+ Partial Order Reduction

        Full statespace search for:
        	never claim         	- (none specified)
        	assertion violations	+
        	cycle checks       	- (disabled by -DSAFETY)
        	invalid end states	+

        State-vector 68 byte, depth reached 40, errors: 0
          4622138 states, stored
         23160753 states, matched
         27782891 transitions (= stored+matched)
                2 atomic steps
        hash conflicts:   5786734 (resolved)

        Stats on memory usage (in Megabytes):
          423.169	equivalent memory usage for states (stored*(State-vector + overhead))
          317.683	actual memory usage for states (compression: 75.07%)
                 	state-vector as stored = 44 byte + 28 byte overhead
           64.000	memory used for hash table (-w23)
            0.534	memory used for DFS stack (-m10000)
          382.112	total actual memory usage

        pan: elapsed time 6.17 seconds
        pan: rate 749130.96 states/second
        """;

    [Fact]
    public void Pans_report_is_read_field_by_field()
    {
        var (r, error) = SpinResult.Parse(PanOutputM);
        Assert.Null(error);
        Assert.Equal(new SpinResult(4_622_138, 27_782_891, false, false, 40, 0, 6.17, 317.683, 64.0, 382.112, null), r);
        Assert.Equal((317.683 + 64.0) * 1048576 / 4_622_138, r!.StoreBytesPerState, 6);
    }

    [Fact]
    public void Counts_of_a_hundred_million_and_more_are_read_as_approximate()
    {
        var big = PanOutputM.Replace("27782891 transitions", "2.0155123e+08 transitions");
        var (r, _) = SpinResult.Parse(big);
        Assert.Equal((false, true), (r!.StatesApproximate, r.TransitionsApproximate));
        Assert.Equal(201_551_230, r.Transitions);
    }

    /// <summary>Bounds L (measured): the engine's 201,551,434 transitions + 2 (init prologue) print as pan's
    /// 2.0155144e+08 at 8 significant digits; a count 100 lower does not. Below 10^8 pan is exact.</summary>
    [Theory]
    [InlineData(201_551_436, 201_551_440, true, true)]
    [InlineData(201_551_336, 201_551_440, true, false)]
    [InlineData(4_622_138, 4_622_138, false, true)]
    [InlineData(4_622_139, 4_622_138, false, false)]
    public void Exact_counts_are_compared_with_pans_printed_precision(long exact, long printed, bool approximate, bool agree) =>
        Assert.Equal(agree, SpinResult.PrintsAs(exact, printed, approximate));

    [Fact]
    public void An_assertion_failure_is_reported_with_its_text()
    {
        var failing = "pan:1: assertion violated (got[me]==0) (at depth 21)\n" + PanOutputM.Replace("errors: 0", "errors: 1");
        var (r, _) = SpinResult.Parse(failing);
        Assert.Equal(1, r!.Errors);
        Assert.Equal("assertion violated (got[me]==0) (at depth 21)", r.FirstError);
    }

    [Fact]
    public void A_truncated_report_is_an_error_not_zero_states() =>
        Assert.NotNull(SpinResult.Parse("pan: out of memory").Error);

    [Fact]
    public void Arguments_select_bounds_storage_and_strategy()
    {
        var (a, error) = BenchArgs.Parse(["spin", "--bounds", "l", "--threads", "2", "--fingerprint", "--skip-spin"]);
        Assert.Null(error);
        Assert.Equal(("L", 4, 2, SearchStrategy.ParallelBreadthFirst, StorageMode.Fingerprint, true),
            (a!.BoundsName, a.Bounds.MaxF, a.Threads, a.Strategy, a.Storage, a.SkipSpin));
        Assert.Equal((SearchStrategy.BreadthFirst, StorageMode.Exact), (BenchArgs.Parse(["spin", "--bounds", "S"]).Args!.Strategy,
            BenchArgs.Parse(["spin", "--bounds", "S"]).Args!.Storage));
    }

    [Theory]
    [InlineData("missing command 'spin'")]
    [InlineData("unknown command 'run'", "run")]
    [InlineData("missing --bounds S|M|L|XL", "spin")]
    [InlineData("--bounds needs S, M, L or XL", "spin", "--bounds")]
    [InlineData("unknown bounds 'XXL' (expected S, M, L or XL)", "spin", "--bounds", "XXL")]
    [InlineData("--threads needs a whole number in 1..256, got 'two'", "spin", "--bounds", "S", "--threads", "two")]
    [InlineData("--fingerprint and --exact exclude each other", "spin", "--bounds", "S", "--exact", "--fingerprint")]
    [InlineData("--strategy dfs runs on one thread; use --strategy parallel with --threads", "spin", "--bounds", "S", "--strategy", "dfs", "--threads", "2")]
    [InlineData("unknown option '--fast'", "spin", "--bounds", "S", "--fast")]
    public void Bad_arguments_give_one_line_reasons(string reason, params string[] args)
    {
        var (a, error) = BenchArgs.Parse(args);
        Assert.Null(a);
        Assert.Equal(reason, error);
    }
}
