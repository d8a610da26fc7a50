namespace TcpModelCheck.Live.Kernel;

/// <summary>Linux's TCP states (include/net/tcp_states.h), as TCP_INFO reports them.</summary>
public enum KernelTcpState : byte
{
    Unknown = 0,
    Established = 1,
    SynSent = 2,
    SynRecv = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Close = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
    NewSynRecv = 12,
}
