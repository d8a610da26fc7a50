namespace TcpModelCheck.Bench.Promela;

/// <summary>The <c>d_step</c>s of <c>tcp.pml</c>, one per option of the processes' <c>do</c> loops.</summary>
public enum PmlActionKind : byte
{
    /// <summary>Client's active OPEN: send SYN, enter SYN_SENT.</summary>
    ActiveOpen,
    /// <summary>Server's passive OPEN: enter LISTEN.</summary>
    PassiveOpen,
    /// <summary>User SEND: the one data segment.</summary>
    Send,
    /// <summary>User CLOSE in ESTABLISHED: send FIN, enter FIN_WAIT_1.</summary>
    CloseFromEstablished,
    /// <summary>User CLOSE in CLOSE_WAIT: send FIN, enter LAST_ACK.</summary>
    CloseFromCloseWait,
    /// <summary>Retransmission timeout: resend the oldest unacknowledged segment.</summary>
    Retransmit,
    /// <summary>The 2·MSL timer: TIME_WAIT → CLOSED once the network is empty.</summary>
    TimeWaitTimeout,
    /// <summary><c>RECV(K)</c>: deliver <c>net[K]</c> to its destination endpoint.</summary>
    Receive,
    /// <summary><c>LOSE(K)</c>: the network drops <c>net[K]</c>.</summary>
    Lose,
    /// <summary><c>DUPL(K)</c>: the network duplicates <c>net[K]</c>.</summary>
    Duplicate,
}

/// <summary>
/// One <c>d_step</c> (= one SPIN transition): its kind, the endpoint (<c>me</c>) that takes it (0 for the
/// network's steps), and the slot <c>K</c> of <c>net[]</c> for RECV/LOSE/DUPL. Three bytes, no allocation.
/// </summary>
public readonly record struct PmlAction(PmlActionKind Kind, byte Endpoint = 0, byte Slot = 0)
{
    public override string ToString() => Kind switch
    {
        PmlActionKind.Receive => $"E{Endpoint} RECV({Slot})",
        PmlActionKind.Lose => $"LOSE({Slot})",
        PmlActionKind.Duplicate => $"DUPL({Slot})",
        _ => $"E{Endpoint} {Kind}",
    };
}
