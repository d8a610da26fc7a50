using System.Globalization;

namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// The <c>-D</c> knobs of <c>tcp.pml</c>: network capacity (MAXF), fault budgets (LOSS, DUP), retransmission
/// timeouts per endpoint (RTX), and the seeded bug switch BUG_ACCEPT_OLD.
/// </summary>
/// <remarks>
/// The ranges are those the packed state (<see cref="PmlState"/>) can hold: MAXF ≤ 6 is the size of
/// <c>net[]</c> in the Promela source; the budgets get 3 bits each.
/// </remarks>
public sealed record PmlBounds(int MaxF, int Loss, int Dup, int Rtx, bool BugAcceptOld = false)
{
    /// <summary>The bound settings of <c>shared/bench/README.md</c>, by name.</summary>
    public static IReadOnlyDictionary<string, PmlBounds> Named { get; } = new Dictionary<string, PmlBounds>(StringComparer.OrdinalIgnoreCase)
    {
        ["S"] = new(3, 1, 1, 1),
        ["M"] = new(3, 2, 2, 2),
        ["L"] = new(4, 2, 2, 2),
        ["XL"] = new(5, 2, 2, 2),
    };

    /// <summary>Checks the ranges; returns null when valid, else a one-line reason.</summary>
    public string? Validate()
    {
        if (MaxF is < 1 or > 6) return $"MAXF must be in 1..6 (net[] has 6 slots), got {MaxF}";
        if (Loss is < 0 or > 7) return $"LOSS must be in 0..7, got {Loss}";
        if (Dup is < 0 or > 7) return $"DUP must be in 0..7, got {Dup}";
        if (Rtx is < 0 or > 7) return $"RTX must be in 0..7, got {Rtx}";
        return null;
    }

    /// <summary>The same knobs as SPIN's command line: <c>-DMAXF=3 -DLOSS=1 -DDUP=1 -DRTX=1</c>.</summary>
    public string SpinDefines =>
        $"-DMAXF={MaxF} -DLOSS={Loss} -DDUP={Dup} -DRTX={Rtx}" + (BugAcceptOld ? " -DBUG_ACCEPT_OLD" : "");

    /// <summary>The settings recorded in traces (<c>IModel.Settings</c>).</summary>
    public IReadOnlyDictionary<string, string> ToSettings() => new Dictionary<string, string>
    {
        ["MAXF"] = MaxF.ToString(CultureInfo.InvariantCulture),
        ["LOSS"] = Loss.ToString(CultureInfo.InvariantCulture),
        ["DUP"] = Dup.ToString(CultureInfo.InvariantCulture),
        ["RTX"] = Rtx.ToString(CultureInfo.InvariantCulture),
        ["BUG_ACCEPT_OLD"] = BugAcceptOld ? "1" : "0",
    };

    public override string ToString() => SpinDefines;
}
