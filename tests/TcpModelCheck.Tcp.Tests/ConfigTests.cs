namespace TcpModelCheck.Tcp.Tests;

/// <summary>The configuration record: defaults, variants, validation messages, and the settings round trip that
/// traces rely on.</summary>
public sealed class ConfigTests
{
    [Fact]
    public void TheDefaultIsValid() => Assert.Empty(TcpConfig.Default.Validate());

    public static TheoryData<string, string> AllCombinations()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in Variants.All)
            foreach (var w in Workloads.All)
                data.Add(v.Name, w.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EveryVariantAndWorkloadIsValidAndRoundTrips(string variant, string workload)
    {
        var config = TcpConfig.ForVariant(variant) with { Workload = workload };
        Assert.Empty(config.Validate());
        Assert.Equal(config, TcpConfig.FromSettings(config.ToSettings()));
    }

    [Fact]
    public void OverriddenFieldsRoundTrip()
    {
        var config = TcpConfig.ForVariant(Variants.Linux) with
        {
            Incarnations = 3, DataItems = 2, ServerDataItems = 1, Msl = 3, Rto = 2, MaxRetransmissions = 4,
            SequenceSpace = 32, IsnMode = IsnMode.Set, IsnSet = [1, 30], ReceiveWindow = 3, NetworkCapacity = 5,
            LossBudget = 2, DuplicationBudget = 1, DelayBudget = null, Fifo = true, CrashBudget = 1, TimeWaitTicks = 7,
            FinWait2Timeout = 0, IgnoreRstInTimeWait = true, NaiveFin = true,
        };
        var back = TcpConfig.FromSettings(config.ToSettings());
        Assert.Equal(config, back);
        Assert.Equal(config.ToSettings(), back.ToSettings());
    }

    [Fact]
    public void VariantsSetTheirDefaults()
    {
        Assert.Equal(0, TcpConfig.ForVariant(Variants.NoTimeWait).TimeWaitTicks);
        Assert.Equal(TcpConfig.Default.Msl, TcpConfig.ForVariant(Variants.ShortTimeWait).TimeWaitTicks);
        Assert.True(TcpConfig.ForVariant(Variants.Rfc1337).IgnoreRstInTimeWait);
        Assert.True(TcpConfig.ForVariant(Variants.NaiveFin).NaiveFin);
        Assert.Equal([0], TcpConfig.ForVariant(Variants.FixedIsn).IsnSet.ToArray());
        Assert.Equal(1, TcpConfig.ForVariant(Variants.Linux).FinWait2Timeout);
        Assert.Equal(0, TcpConfig.ForVariant(Variants.Rfc9293).FinWait2Timeout);
        Assert.Equal(2 * TcpConfig.Default.Msl, TcpConfig.ForVariant(Variants.Rfc9293).TimeWaitTicks);
    }

    /// <summary>Issue 9, first wrong label: linux promises FIN-WAIT-2 timeout and TIME-WAIT of ceil(MSL/2) each,
    /// so with MSL 4 both are 2 ticks, whether the MSL comes from settings (a command line, a trace) or from a
    /// <c>with</c> on the variant's configuration, and the settings a trace records say so.</summary>
    [Fact]
    public void LinuxTimersFollowTheFinalMsl()
    {
        var fromSettings = TcpConfig.FromSettings(new Dictionary<string, string> { ["variant"] = "linux", ["msl"] = "4" });
        var viaWith = TcpConfig.ForVariant(Variants.Linux) with { Msl = 4 };
        foreach (var config in new[] { fromSettings, viaWith })
        {
            var settings = config.ToSettings();
            Assert.Equal("2", settings["fin-wait-2-timeout"]);
            Assert.Equal("2", settings["time-wait"]);
        }
        Assert.Equal(fromSettings, viaWith);
    }

    /// <summary>Issue 9, second wrong label: replaying a naive-fin trace under rfc9293 re-resolves every
    /// variant-specific field from rfc9293, so the rules that run are rfc9293's.</summary>
    [Fact]
    public void ReplayingUnderAnotherVariantReResolvesItsFields()
    {
        var recorded = TcpConfig.ForVariant(Variants.NaiveFin).ToSettings();
        var replayed = TcpConfig.ForReplay(recorded, new Dictionary<string, string> { ["variant"] = "rfc9293" });
        Assert.Equal(TcpConfig.ForVariant(Variants.Rfc9293), replayed);
        Assert.Equal("false", replayed.ToSettings()["naive-fin"]);
        // A value the preset did not give was set explicitly, and stays; the timers follow a new MSL.
        var explicitIsn = (TcpConfig.ForVariant(Variants.Linux) with { IsnMode = IsnMode.Set, IsnSet = [0] }).ToSettings();
        var again = TcpConfig.ForReplay(explicitIsn, new Dictionary<string, string> { ["variant"] = "rfc9293", ["msl"] = "3" });
        Assert.Equal(TcpConfig.Default with { IsnMode = IsnMode.Set, IsnSet = [0], Msl = 3 }, again);
        Assert.Equal("rfc9293/client-closes-first isn-mode=set isn-set=0 msl=3", again.Name);
    }

    /// <summary>Traces record effective values, but older ones (and hand-written files) say "default" for a field
    /// that follows its preset; both read as the preset's rule at the final values.</summary>
    [Fact]
    public void TheWordDefaultReadsAsThePresetsRule()
    {
        var old = TcpConfig.FromSettings(new Dictionary<string, string>
        {
            ["variant"] = "short-time-wait", ["workload"] = "reconnect", ["msl"] = "3", ["time-wait"] = "default", ["incarnations"] = "default",
        });
        Assert.Equal(3, old.TimeWaitTicks);
        Assert.Equal(2, old.Incarnations);
        Assert.Equal("3", old.ToSettings()["time-wait"]);
        Assert.Equal("short-time-wait/reconnect msl=3", old.Name);
    }

    /// <summary>The table is the configuration: one settings key per field, each read back from its own text.</summary>
    [Fact]
    public void EveryFieldOfTheTableIsOneSettingsKey()
    {
        Assert.Equal(TcpFields.All.Select(f => f.Key).Order(StringComparer.Ordinal), TcpConfig.Default.ToSettings().Keys);
        Assert.Equal(TcpFields.All.Count, TcpFields.All.Select(f => f.Key).Distinct().Count());
        Assert.All(TcpFields.All, f => Assert.Equal(f.Print(TcpConfig.Default), TcpConfig.Default.ToSettings()[f.Key]));
    }

    [Fact]
    public void AVariantDefaultCanBeOverridden()
    {
        var config = TcpConfig.ForVariant(Variants.ShortTimeWait) with { TimeWaitTicks = 3 };
        Assert.Equal(3, config.TimeWaitTicks);
    }

    [Fact]
    public void UnknownNamesListTheValidOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => TcpConfig.ForVariant("rfc793"));
        Assert.Equal("unknown variant 'rfc793'; valid variants: rfc9293, no-time-wait, short-time-wait, rfc1337, linux, naive-fin, fixed-isn", e.Message);
        var w = Assert.Throws<ArgumentException>(() => Workloads.Get("bulk"));
        Assert.Contains("valid workloads: client-closes-first, server-closes-first", w.Message);
    }

    [Fact]
    public void ValidateGivesOneMessagePerProblem()
    {
        var bad = TcpConfig.Default with { Msl = 0, IsnMode = IsnMode.Set, IsnSet = [0, 40, 40], Workload = "bulk" };
        Assert.Equal(
        [
            "unknown workload 'bulk'; valid workloads: client-closes-first, server-closes-first, simultaneous-close, simultaneous-open, reconnect, reconnect-server-closes-first",
            "msl: 0 is out of range 1..8",
            "isn-set: 40 is outside the sequence space 0..31",
            "isn-set: values must be distinct",
        ], bad.Validate());
        var e = Assert.Throws<ArgumentException>(() => new TcpModel(bad));
        Assert.Contains("msl: 0 is out of range 1..8", e.Message);
    }

    [Fact]
    public void ASequenceSpaceTooSmallForTheTrafficIsRejected() =>
        Assert.Equal(["sequence-space: 8 is too small for 1 data item(s) and window 2; use at least 10 so that modular comparisons (RFC 9293 §3.4) stay unambiguous"],
            (TcpConfig.Default with { SequenceSpace = 8, IsnMode = IsnMode.Set, IsnSet = [0] }).Validate());

    [Fact]
    public void BadSettingsFailWithOneLine()
    {
        var unknown = Assert.Throws<ArgumentException>(() => TcpConfig.FromSettings(new Dictionary<string, string> { ["mls"] = "2" }));
        Assert.StartsWith("unknown setting 'mls'; valid settings: ", unknown.Message);
        var value = Assert.Throws<ArgumentException>(() => TcpConfig.FromSettings(new Dictionary<string, string> { ["msl"] = "two" }));
        Assert.Equal("setting 'msl': 'two' is not a whole number", value.Message);
        var flag = Assert.Throws<ArgumentException>(() => TcpConfig.FromSettings(new Dictionary<string, string> { ["fifo"] = "maybe" }));
        Assert.Equal("setting 'fifo': 'maybe' is not a boolean (true, yes, on, 1 or false, no, off, 0)", flag.Message);
        // a number too large for any field is out of the field's range, not "not a whole number"
        var huge = Assert.Throws<ArgumentException>(() => TcpConfig.FromSettings(new Dictionary<string, string> { ["msl"] = "2147483648" }));
        Assert.Equal("msl: 2147483648 is out of range 1..8", huge.Message);
        Assert.True(TcpConfig.FromSettings(new Dictionary<string, string> { ["fifo"] = "OFF", ["isn-mode"] = "Clock" }) is { Fifo: false, IsnMode: IsnMode.Clock });
    }

    [Fact]
    public void TheModelCarriesItsSettingsForTraces()
    {
        var config = TcpConfig.ForVariant(Variants.NoTimeWait) with { Workload = Workloads.Reconnect };
        var model = new TcpModel(config);
        Assert.Equal(config, TcpModel.FromSettings(model.Settings).Config);
    }

    [Fact]
    public void CatalogEntriesHaveDescriptions()
    {
        Assert.Equal(7, Variants.All.Count);
        Assert.Equal(6, Workloads.All.Count);
        Assert.All(Variants.All.Concat(Workloads.All), e => Assert.True(e.Description.Length > 60, e.Name));
    }
}
