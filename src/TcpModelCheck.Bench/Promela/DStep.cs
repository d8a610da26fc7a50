namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// Executes one <c>d_step</c> of <c>tcp.pml</c> on an unpacked state, statement for statement. Method names
/// follow the Promela <c>inline</c>s (<c>sendseg</c>, <c>insertcode</c>, <c>rmseg</c>, <c>handle</c>,
/// <c>synced</c>, <c>enter_time_wait</c>); the <c>hidden</c> scratch variables (<c>f</c>, <c>sq</c>, <c>ak</c>,
/// <c>ok</c>) are fields here and die with the step, as <c>CLR</c> resets them in the Promela code.
/// </summary>
/// <remarks>
/// Promela semantics kept on purpose: inside a <c>d_step</c> an <c>if</c> takes its FIRST executable option
/// (every <c>if</c> here has mutually exclusive guards anyway, so this is not a choice); an <c>if</c> with no
/// executable option would block inside the <c>d_step</c>, which SPIN reports as an error — here it throws
/// (unreachable: the retransmission guard ensures <c>snd_una</c> is ISS, ISS+1 or ISS+2). A failing
/// <c>assert</c> is recorded in <see cref="Failed"/> and the step continues, like <c>pan -c0</c>.
/// </remarks>
internal ref partial struct DStep
{
    public const int Closed = 0, Listen = 1, SynSent = 2, SynRcvd = 3, Estab = 4, FinWait1 = 5, FinWait2 = 6,
        CloseWait = 7, Closing = 8, LastAck = 9, TimeWait = 10;
    public const int FSyn = 1, FAck = 2, FFin = 4, FDat = 8;

    private ref PmlVars _v;
    private readonly int _maxf;
    private readonly bool _bugAcceptOld;
    private int _me, _f, _sq, _ak;
    private bool _ok;

    public DStep(ref PmlVars v, PmlBounds bounds)
    {
        _v = ref v;
        _maxf = bounds.MaxF;
        _bugAcceptOld = bounds.BugAcceptOld;
    }

    /// <summary>The assertions that failed during the step.</summary>
    public PmlAssertion Failed { get; private set; }

    private ref EndpointVars Me => ref _v.Ep[_me];
    private ref EndpointVars Peer => ref _v.Ep[1 - _me];
    private int Iss => _me * 4;

    public void Run(PmlAction a)
    {
        _me = a.Endpoint;
        switch (a.Kind)
        {
            case PmlActionKind.ActiveOpen: Me.Opened = true; Me.SndUna = Iss; Me.SndNxt = Iss + 1; Me.St = SynSent; SendSeg(FSyn, Iss, 0); break;
            case PmlActionKind.PassiveOpen: Me.Opened = true; Me.St = Listen; break;
            case PmlActionKind.Send: Me.Sent = true; SendSeg(FDat | FAck, Me.SndNxt, Me.RcvNxt); Me.SndNxt++; break;
            case PmlActionKind.CloseFromEstablished: SendSeg(FFin | FAck, Me.SndNxt, Me.RcvNxt); Me.SndNxt++; Me.St = FinWait1; break;
            case PmlActionKind.CloseFromCloseWait: SendSeg(FFin | FAck, Me.SndNxt, Me.RcvNxt); Me.SndNxt++; Me.St = LastAck; break;
            case PmlActionKind.Retransmit: Retransmit(); break;
            case PmlActionKind.TimeWaitTimeout: Me.St = Closed; break;
            case PmlActionKind.Receive: Receive(a.Slot); break;
            case PmlActionKind.Lose: _v.Lost++; RmSeg(a.Slot); break;
            case PmlActionKind.Duplicate: _v.Dupd++; InsertCode(_v.Net[a.Slot]); break;
            default: throw new ArgumentOutOfRangeException(nameof(a), a, "not a tcp.pml action");
        }
    }

    private void Retransmit()
    {
        Me.Rtx++;
        if (Me.SndUna == Iss && Me.St == SynSent) SendSeg(FSyn, Iss, 0);
        else if (Me.SndUna == Iss && Me.St != SynSent) SendSeg(FSyn | FAck, Iss, Me.RcvNxt);
        else if (Me.SndUna == Iss + 1) SendSeg(FDat | FAck, Iss + 1, Me.RcvNxt);
        else if (Me.SndUna == Iss + 2) SendSeg(FFin | FAck, Iss + 2, Me.RcvNxt);
        else throw new InvalidOperationException($"d_step blocks: retransmission with snd_una[{_me}] = {Me.SndUna}");
    }

    /// <summary><c>RECV(K)</c> after its guard: take <c>net[K]</c> out, decode it, <c>handle()</c>.</summary>
    private void Receive(int k)
    {
        var cur = _v.Net[k];
        RmSeg(k);
        _f = (cur >> 6) & 15;
        _sq = (cur >> 3) & 7;
        _ak = cur & 7;
        Handle();
    }

    private void SendSeg(int fl, int s, int a)
    {
        if (_v.N < _maxf) InsertCode(((1 - _me) << 10) | (fl << 6) | (s << 3) | a);
        // else: overflow, the segment is dropped
    }

    /// <summary>Append, then bubble down to keep <c>net[0..n-1]</c> sorted (the canonical multiset).</summary>
    private void InsertCode(int c)
    {
        _v.Net[_v.N] = c;
        var j = _v.N;
        _v.N++;
        while (j > 0 && _v.Net[j - 1] > _v.Net[j])
        {
            (_v.Net[j], _v.Net[j - 1]) = (_v.Net[j - 1], _v.Net[j]);
            j--;
        }
    }

    private void RmSeg(int i)
    {
        for (var j = i; j < _v.N - 1; j++) _v.Net[j] = _v.Net[j + 1];
        _v.N--;
        _v.Net[_v.N] = 0;
    }

    private void Assert(bool holds, PmlAssertion which)
    {
        if (!holds) Failed |= which;
    }

    private void EnterTimeWait()
    {
        Me.St = TimeWait;
        Assert(Me.Got == 1 && Peer.Got == 1 && Peer.RcvNxt == Me.SndNxt, PmlAssertion.TimeWaitEntry);
    }

    private bool Has(int flag) => (_f & flag) != 0;

    private void Handle()
    {
        switch (Me.St)
        {
            case Closed: break;                                   // real TCP would send RST
            case Listen:
                if (Has(FSyn) && !Has(FAck))
                {
                    Me.RcvNxt = _sq + 1; Me.SndUna = Iss; Me.SndNxt = Iss + 1; Me.St = SynRcvd;
                    SendSeg(FSyn | FAck, Iss, Me.RcvNxt);
                }
                break;
            case SynSent: HandleSynSent(); break;
            default: Synced(); break;
        }
    }

    private void HandleSynSent()
    {
        if (Has(FAck) && _ak != Me.SndNxt) return;                // unacceptable ACK
        if (Has(FSyn) && Has(FAck))
        {
            Me.RcvNxt = _sq + 1; Me.SndUna = _ak; Me.St = Estab;
            SendSeg(FAck, Me.SndNxt, Me.RcvNxt);
        }
        else if (Has(FSyn) && !Has(FAck))                         // simultaneous open
        {
            Me.RcvNxt = _sq + 1; Me.St = SynRcvd;
            SendSeg(FSyn | FAck, Iss, Me.RcvNxt);
        }
    }
}
