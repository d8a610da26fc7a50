using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>The configuration turned into the small integers the hot path reads, computed once per model.</summary>
internal sealed class Rules
{
    public Rules(TcpConfig c)
    {
        Config = c;
        Seq = new SeqMath(c.SequenceSpace);
        Window = c.ReceiveWindow;
        Msl = c.Msl;
        Rto = c.Rto;
        MaxRetransmissions = c.MaxRetransmissions;
        TimeWait = c.TimeWaitTicks;
        FinWait2 = c.FinWait2Timeout;
        Capacity = c.NetworkCapacity;
        Incarnations = c.Incarnations;
        ClientItems = c.DataItems;
        ServerItems = c.ServerDataItems;
        Isns = c.IsnMode == IsnMode.Clock ? [] : [.. c.IsnSet.Select(i => (byte)i)];
        ClockIsn = c.IsnMode == IsnMode.Clock;
        AllStragglers = c.DelayBudget is null;
        DelayBudget = c.DelayBudget ?? 0;
        Script = WorkloadScript.For(c.Workload);
    }

    public TcpConfig Config { get; }
    public SeqMath Seq { get; }
    public int Window { get; }
    public int Msl { get; }
    public int Rto { get; }
    public int MaxRetransmissions { get; }
    public int TimeWait { get; }
    public int FinWait2 { get; }
    public int Capacity { get; }
    public int Incarnations { get; }
    public int ClientItems { get; }
    public int ServerItems { get; }
    public int Items(Side side) => side == Side.Client ? ClientItems : ServerItems;
    public byte[] Isns { get; }
    public bool ClockIsn { get; }

    /// <summary>Unlimited delays: every segment is a straggler from the start.</summary>
    public bool AllStragglers { get; }

    public int DelayBudget { get; }
    public WorkloadScript Script { get; }
}
