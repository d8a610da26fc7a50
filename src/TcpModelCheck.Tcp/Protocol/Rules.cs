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
        DropsDeadGhosts = c.Reduction == Reduction.DeadGhosts;
    }

    public TcpConfig Config { get; }
    public SeqMath Seq { get; init; }
    public int Window { get; init; }
    public int Msl { get; }
    public int Rto { get; init; }
    public int MaxRetransmissions { get; init; }
    public int TimeWait { get; init; }
    public int FinWait2 { get; init; }

    /// <summary>The application gave up the socket with close() (not a half-close): Linux's orphan rules apply
    /// (<see cref="LinuxTimeWait"/>). Only the open endpoint sets it; the explorer's CLOSE is RFC 9293's half-close.</summary>
    public bool Orphaned { get; init; }

    /// <summary>A listening socket exists beside the connection (RFC 6191 reopening from TIME-WAIT needs one). The
    /// explorer's passive endpoint always listens; the open endpoint says whether the script's listener is open.</summary>
    public bool ListenerOpen { get; init; } = true;

    /// <summary>Largest payload of one retransmitted segment: one unit in the explorer, the MSS at the open endpoint.</summary>
    public int MaxSegment { get; init; } = 1;

    /// <summary>Out-of-order units are held for reassembly (the explorer); the open endpoint drops them and ACKs.</summary>
    public bool HoldsOutOfOrder { get; init; } = true;

    /// <summary>RFC 6298 §5.5 back-off: the timer doubles after each retransmission. The explorer keeps a constant
    /// RTO (its state counts are pinned); the open endpoint backs off.</summary>
    public bool BacksOff { get; init; }

    /// <summary>The retransmission timeout after <paramref name="retransmits"/> retransmissions.</summary>
    public int RtoAfter(int retransmits) => BacksOff ? Rto << Math.Min(retransmits, 6) : Rto;
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

    /// <summary>Segments carry their sender's incarnation only where a rule reads it (<see cref="Reduction.DeadGhosts"/>).</summary>
    public bool DropsDeadGhosts { get; }

    public WorkloadScript Script { get; }
}
