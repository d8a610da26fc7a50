using TcpModelCheck.Cli.Backend;
using TcpModelCheck.Engine.Checking;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Reports.Comparison;

namespace TcpModelCheck.Cli.Commands;

/// <summary>
/// Which counterexample <c>compare</c> draws under its table: by default the shortest <c>no-time-wait</c>
/// <c>graceful-close</c> counterexample (why TIME_WAIT exists), or the shortest one found when the matrix has
/// none (ties go to the earlier row); the shortest of one property; the one of a given variant and property;
/// or none.
/// </summary>
internal sealed record TraceChoice(bool None, string? Variant, string? Property, bool IsDefault = false)
{
    public static TraceChoice Parse(string? text, IBackend backend)
    {
        if (text is null) return new(false, "no-time-wait", "graceful-close", IsDefault: true);
        if (text == "none") return new(true, null, null);
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        var (variant, property) = parts.Length == 2 ? (parts[0], parts[1]) : (null, parts[0]);
        if (variant is not null) variant = Names.Require(backend.Variants, "variant", variant);
        return new(false, variant, Names.RequireProperty(backend.Properties, property, "--trace: "));
    }

    /// <summary>The chosen counterexample with the index of the row it came from, or null when there is none to draw.</summary>
    public (int Row, Trace Trace)? Pick(ComparisonReport report)
    {
        if (None) return null;
        if (IsDefault) return (this with { IsDefault = false }).Pick(report) ?? new TraceChoice(false, null, null).Pick(report);
        var candidates = report.Rows
            .Select((r, i) => (Row: r, Index: i))
            .Where(x => Variant is null || string.Equals(x.Row.Variant, Variant, StringComparison.OrdinalIgnoreCase))
            .SelectMany(x => x.Row.Cells
                .Where(c => c.Found == Verdict.Violated && c.Counterexample is not null && (Property is null || c.Property == Property))
                .Select(c => (Row: x.Index, Trace: c.Counterexample!)));
        // MinBy keeps the first of equal lengths, i.e. the earliest row of the table.
        return candidates.Any() ? candidates.MinBy(c => c.Trace.Length) : null;
    }

    public string Describe() => (Variant, Property) switch
    {
        (null, null) => "no counterexample was found",
        (null, { } p) => $"no counterexample of {p} was found",
        ({ } v, { } p) => $"no counterexample of {p} was found for {v}",
        _ => "no counterexample was found",
    };
}
