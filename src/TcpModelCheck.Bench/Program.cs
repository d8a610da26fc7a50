namespace TcpModelCheck.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project src/TcpModelCheck.Bench -- spin [S|M|L|XL]");
        return 3;
    }
}
