using System.Runtime.CompilerServices;

namespace TcpModelCheck.Bench.Promela;

/// <summary>The per-endpoint globals of <c>tcp.pml</c> (<c>st[me]</c>, <c>snd_una[me]</c>, ...), unpacked.</summary>
internal struct EndpointVars
{
    public int St;
    public int SndUna;
    public int SndNxt;
    public int RcvNxt;
    public bool Opened;
    public bool Sent;
    public int Got;
    public int Rtx;
}

/// <summary><c>short net[6]</c>.</summary>
[InlineArray(6)]
internal struct NetArray
{
    private int _slot;
}

/// <summary>The two endpoints, indexed by <c>me</c>.</summary>
[InlineArray(2)]
internal struct EndpointPair
{
    private EndpointVars _endpoint;
}

/// <summary>
/// A mutable, unpacked copy of every global variable of <c>tcp.pml</c>, used while one <c>d_step</c> runs
/// (<see cref="DStep"/>); <see cref="PmlState"/> is its packed, immutable form. Lives on the stack: no allocation.
/// </summary>
internal struct PmlVars
{
    public NetArray Net;
    public int N;
    public int Lost;
    public int Dupd;
    public EndpointPair Ep;
}
