using System.Text.RegularExpressions;
using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Conformance.Tests.Checking;

/// <summary>
/// The corpus under Scripts/corpus: every script states, in a <c>// expect:</c> line, its verdict per variant —
/// <c>rfc9293=agrees</c>, <c>linux=disagrees@14</c> (at line 14) or <c>unsupported@3</c> — and these tests assert
/// exactly those verdicts; every script also survives a write/parse round trip.
/// </summary>
public sealed partial class CorpusTests
{
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Scripts", "corpus");

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(CorpusDirectory, "*.pkt", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Files()) data.Add(Path.GetRelativePath(CorpusDirectory, f));
        return data;
    }

    public static IReadOnlyList<(string Variant, VerdictKind Kind, int? Line)> Expectations(string path)
    {
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("// expect:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{path}: no '// expect:' line");
        return ExpectRegex().Matches(line).Select(m => (m.Groups[1].Value, Enum.Parse<VerdictKind>(m.Groups[2].Value, ignoreCase: true),
            m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : (int?)null)).ToList();
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_gets_the_verdicts_it_states(string name)
    {
        var path = Path.Combine(CorpusDirectory, name);
        var script = ScriptParser.ParseFile(path);
        var expected = Expectations(path);
        Assert.NotEmpty(expected);
        foreach (var (variant, kind, line) in expected)
        {
            var v = Conformer.Check(script, variant);
            Assert.True(v.Kind == kind && v.Line == line, $"{name} against {variant}: expected {kind}{(line is { } l ? $"@{l}" : "")}, got {v.Summary}");
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_round_trips_through_the_writer(string name)
    {
        var script = ScriptParser.ParseFile(Path.Combine(CorpusDirectory, name));
        var again = ScriptParser.Parse(ScriptWriter.Write(script), script.Source);
        Assert.Equal(script.WithoutLines(), again.WithoutLines());
    }

    [GeneratedRegex(@"([a-z0-9-]+)=(agrees|disagrees|unsupported)(?:@(\d+))?")]
    private static partial Regex ExpectRegex();
}
