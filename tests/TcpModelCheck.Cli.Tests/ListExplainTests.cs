using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Cli.Tests.Support;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Cli.Tests;

/// <summary><c>list</c> and <c>explain</c> over the real TCP backend, and the one-option-per-field rule.</summary>
public class ListExplainTests
{
    [Fact]
    public void List_variants_names_every_variant()
    {
        var r = CliRun.Tcp("list", "variants");
        Assert.Equal(0, r.Code);
        foreach (var v in Variants.All) Assert.Contains($"│ {v.Name} ", r.Out);
        Assert.DoesNotContain("workload", r.Out);
    }

    [Fact]
    public void List_json_has_workloads_properties_and_options()
    {
        var doc = Json.Parse(CliRun.Tcp("list", "--json").Out);
        Assert.Equal(Workloads.All.Select(w => w.Name),
            doc.GetProperty("workloads").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(new TcpModel().Properties.Select(p => p.Name),
            doc.GetProperty("properties").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains(doc.GetProperty("options").EnumerateArray(), o => o.GetProperty("option").GetString() == "--loss-budget");
    }

    [Fact]
    public void Every_configuration_field_has_a_described_option_on_every_configuring_verb()
    {
        var keys = TcpConfig.Default.ToSettings().Keys.ToList();
        Assert.Equal(keys.Order(), new TcpBackend().Fields.Select(f => f.Key).Order());
        Assert.All(TcpFields.All, f => Assert.True(f.Help.Length > 20 && f.DefaultText.Length > 0, f.Key));
        foreach (var verb in new[] { "check", "compare", "simulate", "replay" })
        {
            var help = CliRun.Tcp(verb, "--help").Out;
            foreach (var key in keys) Assert.Contains($"--{key} <", help);
        }
    }

    [Fact]
    public void An_option_value_reaches_the_model_configuration()
    {
        // The settings a trace would record are the model's: the option must have changed the field.
        var cell = new TcpBackend().Cell(new Dictionary<string, string> { ["loss-budget"] = "3", ["fifo"] = "true" });
        Assert.Equal("3", cell.Settings["loss-budget"]);
        Assert.Equal("true", cell.Settings["fifo"]);
        Assert.Equal("rfc9293/client-closes-first fifo=true loss-budget=3", cell.Name);
    }

    [Fact]
    public void Explain_describes_the_variant_the_workload_and_the_timers_in_effect()
    {
        var r = CliRun.Tcp("explain", "--variant", "no-time-wait", "--workload", "reconnect");
        Assert.Equal(0, r.Code);
        Assert.StartsWith("variant no-time-wait" + Environment.NewLine + "  Deliberately broken:", r.Out);
        Assert.Contains("\n  time-wait                0      (variant no-time-wait: 2*msl;", r.Out.ReplaceLineEndings("\n"));
        Assert.Contains("workload reconnect", r.Out);
        Assert.Contains("\n  incarnations             2      (workload reconnect: 2 for the reconnect workloads, else 1)\n", r.Out.ReplaceLineEndings("\n"));
        Assert.Contains("properties", r.Out);
    }

    [Fact]
    public void Explain_of_the_short_time_wait_variant_states_its_length()
    {
        // short-time-wait defaults to 1·MSL; MSL defaults to 2 ticks (TcpConfig).
        Assert.Contains("  time-wait                2      (variant short-time-wait: 2*msl;", CliRun.Tcp("explain", "--variant", "short-time-wait").Out);
        Assert.Contains("  time-wait                4      (variant rfc9293: 2*msl;", CliRun.Tcp("explain").Out);
    }

    /// <summary>explain takes every configuration option, and shows each field's value after the presets are
    /// resolved from the final values: linux with MSL 4 has both timers at ceil(4/2) = 2.</summary>
    [Fact]
    public void Explain_shows_the_values_a_preset_gives_at_the_final_msl()
    {
        var r = CliRun.Tcp("explain", "--variant", "linux", "--msl", "4", "--time-wait", "3");
        Assert.Equal(0, r.Code);
        Assert.Contains("in effect (linux/client-closes-first msl=4 time-wait=3)", r.Out);
        Assert.Contains("  msl                      4      (set)", r.Out);
        Assert.Contains("  fin-wait-2-timeout       2      (variant linux: ceil(msl/2) for linux, else none)", r.Out);
        Assert.Contains("  time-wait                3      (set)", r.Out);
    }

    [Fact]
    public void Help_exits_0()
    {
        var r = CliRun.Tcp("--help");
        Assert.Equal(0, r.Code);
        Assert.Contains("compare", r.Out);
        Assert.Contains("Exit codes: 0 as expected, 1 property violated, 2 inconclusive", r.Out);
    }
}
