namespace TcpModelCheck.Cli.Tests.Support;

/// <summary>
/// Golden files: expected output kept next to the tests. Run the tests with TCPMC_UPDATE_GOLDEN=1 to rewrite
/// them after an intended change (then review the diff: it is the change in what users see).
/// </summary>
internal static class Golden
{
    private static string Dir([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Golden");

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Dir(), name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("TCPMC_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with TCPMC_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
