namespace TcpModelCheck.Bench.Promela;

/// <summary>
/// Executes one <c>d_step</c> of <c>tcp.pml</c>, statement for statement. Method names follow the Promela
/// <c>inline</c>s (<c>sendseg</c>, <c>insertcode</c>, <c>rmseg</c>, <c>handle</c>, <c>synced</c>,
/// <c>enter_time_wait</c>); <c>_self</c> and <c>_peer</c> are the variables indexed by <c>me</c> and
/// <c>PEER</c>; the <c>hidden</c> scratch variables (<c>f</c>, <c>sq</c>, <c>ak</c>, <c>ok</c>) are fields and die
/// with the step, as <c>CLR</c> resets them. A value on the stack: no allocation.
/// </summary>
/// <remarks>
/// Promela semantics kept on purpose: inside a <c>d_step</c> an <c>if</c> takes its FIRST executable option
/// (every <c>if</c> here has mutually exclusive guards anyway, so this is not a choice); an <c>if</c> with no
/// executable option would block inside the <c>d_step</c>, which SPIN reports as an error — here it throws
/// (unreachable: the retransmission guard ensures <c>snd_una</c> is ISS, ISS+1 or ISS+2). A failing
/// <c>assert</c> is recorded in <see cref="Failed"/> and the step continues, like <c>pan -c0</c>.
/// </remarks>
internal partial struct DStep
{
    public const int Closed = 0, Listen = 1, SynSent = 2, SynRcvd = 3, Estab = 4, FinWait1 = 5, FinWait2 = 6,
        CloseWait = 7, Closing = 8, LastAck = 9, TimeWait = 10;
    public const int FSyn = 1, FAck = 2, FFin = 4, FDat = 8;

    private readonly int _me, _iss, _maxf;
    private readonly bool _bugAcceptOld;
    private ulong _net;
    private EndpointVars _self, _peer;
    private int _f, _sq, _ak;
    private bool _ok;

    private DStep(in PmlState s, int me, PmlBounds bounds)
    {
        _me = me;
        _iss = me * 4;
        _maxf = bounds.MaxF;
        _bugAcceptOld = bounds.BugAcceptOld;
        _net = s.Lo;
        _self = EndpointVars.Unpack(s.Block(me));
        _peer = EndpointVars.Unpack(s.Block(1 - me));
    }

    /// <summary>The assertions that failed during the step.</summary>
    public PmlAssertion Failed { get; private set; }

    /// <summary>The state after <paramref name="a"/>, an enabled action of <paramref name="s"/>. The network's
    /// steps touch only <c>net</c>, <c>n</c> and a budget, so they skip the endpoints.</summary>
    public static PmlState Next(in PmlState s, PmlAction a, PmlBounds bounds, out PmlAssertion failed)
    {
        failed = PmlAssertion.None;
        switch (a.Kind)
        {
            case PmlActionKind.Lose:        // lost++; rmseg(K)
                return new(PmlNet.Remove(s.Lo, a.Slot), s.Hi + (1UL << PmlState.LostShift));
            case PmlActionKind.Duplicate:   // dupd++; cur = net[K]; insertcode(cur)
                return new(PmlNet.Insert(s.Lo, PmlNet.Slot(s.Lo, a.Slot)), s.Hi + (1UL << PmlState.DupdShift));
        }
        var step = new DStep(s, a.Endpoint, bounds);
        step.Run(a);
        failed = step.Failed;
        var blocks = (ulong)step._self.Pack() << (EndpointVars.Bits * step._me)
            | (ulong)step._peer.Pack() << (EndpointVars.Bits * (1 - step._me));
        return new(step._net, s.Hi & ~((1UL << (2 * EndpointVars.Bits)) - 1) | blocks);
    }

    private void Run(PmlAction a)
    {
        switch (a.Kind)
        {
            case PmlActionKind.ActiveOpen:
                _self.Opened = true; _self.SndUna = _iss; _self.SndNxt = _iss + 1; _self.St = SynSent; SendSeg(FSyn, _iss, 0);
                break;
            case PmlActionKind.PassiveOpen: _self.Opened = true; _self.St = Listen; break;
            case PmlActionKind.Send: _self.Sent = true; SendSeg(FDat | FAck, _self.SndNxt, _self.RcvNxt); _self.SndNxt++; break;
            case PmlActionKind.CloseFromEstablished:
                SendSeg(FFin | FAck, _self.SndNxt, _self.RcvNxt); _self.SndNxt++; _self.St = FinWait1;
                break;
            case PmlActionKind.CloseFromCloseWait:
                SendSeg(FFin | FAck, _self.SndNxt, _self.RcvNxt); _self.SndNxt++; _self.St = LastAck;
                break;
            case PmlActionKind.Retransmit: Retransmit(); break;
            case PmlActionKind.TimeWaitTimeout: _self.St = Closed; break;
            case PmlActionKind.Receive: Receive(a.Slot); break;
            default: throw new ArgumentOutOfRangeException(nameof(a), a, "not an endpoint action of tcp.pml");
        }
    }

    private void Retransmit()
    {
        _self.Rtx++;
        if (_self.SndUna == _iss && _self.St == SynSent) SendSeg(FSyn, _iss, 0);
        else if (_self.SndUna == _iss && _self.St != SynSent) SendSeg(FSyn | FAck, _iss, _self.RcvNxt);
        else if (_self.SndUna == _iss + 1) SendSeg(FDat | FAck, _iss + 1, _self.RcvNxt);
        else if (_self.SndUna == _iss + 2) SendSeg(FFin | FAck, _iss + 2, _self.RcvNxt);
        else throw new InvalidOperationException($"d_step blocks: retransmission with snd_una[{_me}] = {_self.SndUna}");
    }

    /// <summary><c>RECV(K)</c> after its guard: <c>cur = net[K]; rmseg(K)</c>, decode <c>f</c>, <c>sq</c>,
    /// <c>ak</c>, <c>handle()</c>.</summary>
    private void Receive(int k)
    {
        var cur = PmlNet.Slot(_net, k);
        _net = PmlNet.Remove(_net, k);
        _f = PmlNet.Flags(cur);
        _sq = (PmlNet.Low(cur) >> 3) & 7;
        _ak = PmlNet.Low(cur) & 7;
        Handle();
    }

    /// <summary><c>sendseg</c>: to the peer if the network has room; else the segment is dropped.</summary>
    private void SendSeg(int fl, int s, int a)
    {
        if (PmlNet.N(_net) < _maxf) _net = PmlNet.Insert(_net, PmlNet.Encode(1 - _me, fl, s, a));
    }

    private void Assert(bool holds, PmlAssertion which)
    {
        if (!holds) Failed |= which;
    }

    private void EnterTimeWait()
    {
        _self.St = TimeWait;
        Assert(_self.Got == 1 && _peer.Got == 1 && _peer.RcvNxt == _self.SndNxt, PmlAssertion.TimeWaitEntry);
    }

    private readonly bool Has(int flag) => (_f & flag) != 0;

    private void Handle()
    {
        switch (_self.St)
        {
            case Closed: break;                                   // real TCP would send RST
            case Listen:
                if (Has(FSyn) && !Has(FAck))
                {
                    _self.RcvNxt = _sq + 1; _self.SndUna = _iss; _self.SndNxt = _iss + 1; _self.St = SynRcvd;
                    SendSeg(FSyn | FAck, _iss, _self.RcvNxt);
                }
                break;
            case SynSent: HandleSynSent(); break;
            default: Synced(); break;
        }
    }

    private void HandleSynSent()
    {
        if (Has(FAck) && _ak != _self.SndNxt) return;             // unacceptable ACK
        if (Has(FSyn) && Has(FAck))
        {
            _self.RcvNxt = _sq + 1; _self.SndUna = _ak; _self.St = Estab;
            SendSeg(FAck, _self.SndNxt, _self.RcvNxt);
        }
        else if (Has(FSyn) && !Has(FAck))                         // simultaneous open
        {
            _self.RcvNxt = _sq + 1; _self.St = SynRcvd;
            SendSeg(FSyn | FAck, _iss, _self.RcvNxt);
        }
    }
}
