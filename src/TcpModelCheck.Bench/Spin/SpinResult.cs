using System.Globalization;
using System.Text.RegularExpressions;

namespace TcpModelCheck.Bench.Spin;

/// <summary>
/// What one <c>pan</c> run reported. Counts are printed by pan with <c>%9.8g</c>: exact below 10^8, 8
/// significant digits above (<see cref="StatesApproximate"/>, <see cref="TransitionsApproximate"/>). Memory is
/// in pan's megabytes (2^20 bytes), the elapsed time has 3 significant digits (<c>%.3g</c>).
/// </summary>
public sealed record SpinResult(
    long States,
    long Transitions,
    bool StatesApproximate,
    bool TransitionsApproximate,
    int Depth,
    int Errors,
    double Seconds,
    double StateMemoryMiB,
    double HashTableMiB,
    double TotalMemoryMiB,
    string? FirstError)
{
    private const double MiB = 1024 * 1024;

    /// <summary>Bytes of the visited-state store per state: the stored states plus the hash table.</summary>
    public double StoreBytesPerState => States > 0 ? (StateMemoryMiB + HashTableMiB) * MiB / States : 0;

    public double TotalBytesPerState => States > 0 ? TotalMemoryMiB * MiB / States : 0;
    public double StatesPerSecond => Seconds > 0 ? States / Seconds : 0;
    public long PeakMemoryBytes => (long)(TotalMemoryMiB * MiB);

    /// <summary>Parses pan's final report; null and a reason when a required line is missing.</summary>
    public static (SpinResult? Result, string? Error) Parse(string output)
    {
        var states = Number(output, @"^\s*([\d.e+]+) states, stored");
        var transitions = Number(output, @"^\s*([\d.e+]+) transitions \(= stored\+matched\)");
        var depth = Number(output, @"depth reached (\d+), errors: \d+");
        var errors = Number(output, @"depth reached \d+, errors: (\d+)");
        var seconds = Number(output, @"^pan: elapsed time ([\d.e+]+) seconds");
        var stateMem = Number(output, @"^\s*([\d.]+)\s+actual memory usage for states");
        var hashMem = Number(output, @"^\s*([\d.]+)\s+memory used for hash table");
        var totalMem = Number(output, @"^\s*([\d.]+)\s+total actual memory usage");
        if (states is null || transitions is null || depth is null || errors is null)
            return (null, "pan's output has no final statistics (states, transitions, depth)");
        var firstError = Regex.Match(output, @"^pan:\d+: (.+)$", RegexOptions.Multiline);
        var statesApprox = Regex.IsMatch(output, @"^\s*[\d.]+e\+\d+ states, stored", RegexOptions.Multiline);
        var transitionsApprox = Regex.IsMatch(output, @"^\s*[\d.]+e\+\d+ transitions", RegexOptions.Multiline);
        return (new SpinResult((long)states, (long)transitions, statesApprox, transitionsApprox, (int)depth, (int)errors, seconds ?? 0,
            stateMem ?? 0, hashMem ?? 0, totalMem ?? 0, firstError.Success ? firstError.Groups[1].Value.Trim() : null), null);
    }

    /// <summary>True when <paramref name="exact"/> prints as <paramref name="printed"/> in pan's <c>%9.8g</c>
    /// (8 significant digits), i.e. an exact count agrees with an approximate one.</summary>
    public static bool PrintsAs(long exact, long printed, bool approximate) =>
        !approximate ? exact == printed
            : exact.ToString("E7", CultureInfo.InvariantCulture) == printed.ToString("E7", CultureInfo.InvariantCulture);

    private static double? Number(string text, string pattern)
    {
        var m = Regex.Match(text, pattern, RegexOptions.Multiline);
        return m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
