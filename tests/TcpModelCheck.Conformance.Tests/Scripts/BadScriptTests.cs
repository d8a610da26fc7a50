using System.Text.RegularExpressions;
using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Conformance.Tests.Scripts;

/// <summary>Every file under Scripts/bad states on its first line <c>// expect-error: LINE: reason</c>; parsing it
/// must fail with exactly that line and a message containing that reason.</summary>
public sealed partial class BadScriptTests
{
    public static string BadDirectory => Path.Combine(AppContext.BaseDirectory, "Scripts", "bad");

    public static TheoryData<string> BadScripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(BadDirectory, "*.pkt").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    public static (int Line, string Reason) Expectation(string path)
    {
        var first = File.ReadLines(path).First();
        var m = ExpectRegex().Match(first);
        Assert.True(m.Success, $"{path}: first line must be '// expect-error: LINE: reason'");
        return (int.Parse(m.Groups[1].Value), m.Groups[2].Value.Trim());
    }

    [Fact]
    public void There_are_at_least_thirty_bad_scripts() => Assert.True(BadScripts().Count >= 30);

    [Theory]
    [MemberData(nameof(BadScripts))]
    public void Bad_script_is_rejected_at_its_line(string name)
    {
        var path = Path.Combine(BadDirectory, name);
        var (line, reason) = Expectation(path);
        var e = Assert.Throws<ScriptFormatException>(() => ScriptParser.ParseFile(path));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Reason);
        Assert.StartsWith($"{path}:{line}: ", e.Message);
    }

    [GeneratedRegex(@"^// expect-error: (\d+): (.*)$")]
    private static partial Regex ExpectRegex();
}
