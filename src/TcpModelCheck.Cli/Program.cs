namespace TcpModelCheck.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("tcpmc: not implemented yet");
        return 4;
    }
}
