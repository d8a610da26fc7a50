namespace TcpModelCheck.Bench.Promela;

/// <summary>The <c>assert</c> statements of <c>tcp.pml</c>, as flags: a <c>d_step</c> reports the set of its
/// assertions that failed.</summary>
[Flags]
public enum PmlAssertion
{
    None = 0,
    /// <summary><c>enter_time_wait</c>: <c>assert(got[me] == 1 &amp;&amp; got[PEER] == 1 &amp;&amp;
    /// rcv_nxt[PEER] == snd_nxt[me])</c> — both data segments delivered and the peer has our FIN.</summary>
    TimeWaitEntry = 1,
    /// <summary>LAST_ACK → CLOSED: <c>assert(st[PEER] == CLOSING || st[PEER] == TIME_WAIT || st[PEER] == CLOSED)</c>.</summary>
    LastAckPeerState = 2,
    /// <summary>LAST_ACK → CLOSED: <c>assert(got[me] == 1 &amp;&amp; got[PEER] == 1)</c>.</summary>
    LastAckData = 4,
    /// <summary>Data segment accepted: <c>assert(got[me] == 0)</c> — delivered exactly once.</summary>
    DataOnce = 8,
    /// <summary>FIN accepted: <c>assert(got[me] == 1)</c> — all data before FIN.</summary>
    DataBeforeFin = 16,
}
