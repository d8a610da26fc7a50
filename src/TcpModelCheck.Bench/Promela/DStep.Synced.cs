namespace TcpModelCheck.Bench.Promela;

/// <summary><c>synced()</c>: segment processing in SYN_RCVD and the synchronized states (RFC 9293 §3.10.7.4),
/// in the order the RFC gives: sequence-number check, SYN/ACK-bit checks, ACK processing, then segment text
/// and FIN.</summary>
internal ref partial struct DStep
{
    private void Synced()
    {
        // The acceptability test; the seeded bug accepts old duplicates (sq below rcv_nxt) as if they were new.
        var unacceptable = _bugAcceptOld ? _sq > Me.RcvNxt : _sq != Me.RcvNxt;
        if (unacceptable)
        {
            if (Me.St == SynRcvd) SendSeg(FSyn | FAck, Iss, Me.RcvNxt);   // not acceptable: ack it, drop
            else SendSeg(FAck, Me.SndNxt, Me.RcvNxt);
            return;
        }
        if (Has(FSyn) || !Has(FAck)) return;                             // drop
        ProcessAck();
        ProcessTextAndFin();
    }

    private void ProcessAck()
    {
        if (Me.St == SynRcvd)
        {
            if (_ak == Me.SndNxt) { Me.SndUna = _ak; Me.St = Estab; _ok = true; }
            else _ok = false;
            return;
        }
        if (_ak > Me.SndNxt)                                             // acks something not yet sent
        {
            SendSeg(FAck, Me.SndNxt, Me.RcvNxt);
            _ok = false;
            return;
        }
        if (_ak > Me.SndUna) Me.SndUna = _ak;                            // else: duplicate ack
        _ok = true;
        var allAcked = Me.SndUna == Me.SndNxt;
        if (Me.St == FinWait1 && allAcked) Me.St = FinWait2;
        else if (Me.St == Closing && allAcked) EnterTimeWait();
        else if (Me.St == LastAck && allAcked)
        {
            Me.St = Closed;
            _ok = false;
            Assert(Peer.St is Closing or TimeWait or Closed, PmlAssertion.LastAckPeerState);
            Assert(Me.Got == 1 && Peer.Got == 1, PmlAssertion.LastAckData);
        }
    }

    private void ProcessTextAndFin()
    {
        if (_ok && Has(FDat) && Me.St is Estab or FinWait1 or FinWait2)
        {
            Assert(Me.Got == 0, PmlAssertion.DataOnce);                  // delivered exactly once
            Me.Got++;
            Me.RcvNxt++;
            SendSeg(FAck, Me.SndNxt, Me.RcvNxt);
        }
        else if (_ok && Has(FFin))
        {
            Assert(Me.Got == 1, PmlAssertion.DataBeforeFin);             // all data before FIN
            Me.RcvNxt++;
            SendSeg(FAck, Me.SndNxt, Me.RcvNxt);
            if (Me.St == Estab) Me.St = CloseWait;
            else if (Me.St == FinWait1)
            {
                if (Me.SndUna == Me.SndNxt) EnterTimeWait();
                else Me.St = Closing;
            }
            else if (Me.St == FinWait2) EnterTimeWait();
        }
    }
}
