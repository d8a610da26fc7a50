namespace TcpModelCheck.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["schedules", .. var rest]) return Schedules.SchedulesBench.Run(rest);
        Console.Error.WriteLine("usage: dotnet run -c Release --project src/TcpModelCheck.Bench -- spin [S|M|L|XL]");
        return 3;
    }
}
