using System.Runtime.CompilerServices;

namespace TcpModelCheck.Properties.Support;

/// <summary>
/// Golden-text comparison. The expected files live in a <c>Golden/</c> folder next to the calling test's
/// source file and were checked by eye (charts against RFC 9293's figures). To accept a deliberate change of
/// rendering, run the tests with <c>TCPMC_UPDATE_GOLDEN=1</c>, review the diff of <c>Golden/</c>, commit it.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("TCPMC_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing (run with TCPMC_UPDATE_GOLDEN=1 to create it)");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
