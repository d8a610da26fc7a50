namespace TcpModelCheck.Bench.Promela;

/// <summary><c>synced()</c>: segment processing in SYN_RCVD and the synchronized states (RFC 9293 §3.10.7.4),
/// in the order the RFC gives: sequence-number check, SYN/ACK-bit checks, ACK processing, then segment text
/// and FIN.</summary>
internal partial struct DStep
{
    private void Synced()
    {
        // The acceptability test; the seeded bug accepts old duplicates (sq below rcv_nxt) as if they were new.
        var unacceptable = _bugAcceptOld ? _sq > _self.RcvNxt : _sq != _self.RcvNxt;
        if (unacceptable)
        {
            if (_self.St == SynRcvd) SendSeg(FSyn | FAck, _iss, _self.RcvNxt);   // not acceptable: ack it, drop
            else SendSeg(FAck, _self.SndNxt, _self.RcvNxt);
            return;
        }
        if (Has(FSyn) || !Has(FAck)) return;                             // drop
        ProcessAck();
        ProcessTextAndFin();
    }

    private void ProcessAck()
    {
        if (_self.St == SynRcvd)
        {
            if (_ak == _self.SndNxt) { _self.SndUna = _ak; _self.St = Estab; _ok = true; }
            else _ok = false;
            return;
        }
        if (_ak > _self.SndNxt)                                             // acks something not yet sent
        {
            SendSeg(FAck, _self.SndNxt, _self.RcvNxt);
            _ok = false;
            return;
        }
        if (_ak > _self.SndUna) _self.SndUna = _ak;                            // else: duplicate ack
        _ok = true;
        var allAcked = _self.SndUna == _self.SndNxt;
        if (_self.St == FinWait1 && allAcked) _self.St = FinWait2;
        else if (_self.St == Closing && allAcked) EnterTimeWait();
        else if (_self.St == LastAck && allAcked)
        {
            _self.St = Closed;
            _ok = false;
            Assert(_peer.St is Closing or TimeWait or Closed, PmlAssertion.LastAckPeerState);
            Assert(_self.Got == 1 && _peer.Got == 1, PmlAssertion.LastAckData);
        }
    }

    private void ProcessTextAndFin()
    {
        if (_ok && Has(FDat) && _self.St is Estab or FinWait1 or FinWait2)
        {
            Assert(_self.Got == 0, PmlAssertion.DataOnce);                  // delivered exactly once
            _self.Got++;
            _self.RcvNxt++;
            SendSeg(FAck, _self.SndNxt, _self.RcvNxt);
        }
        else if (_ok && Has(FFin))
        {
            Assert(_self.Got == 1, PmlAssertion.DataBeforeFin);             // all data before FIN
            _self.RcvNxt++;
            SendSeg(FAck, _self.SndNxt, _self.RcvNxt);
            if (_self.St == Estab) _self.St = CloseWait;
            else if (_self.St == FinWait1)
            {
                if (_self.SndUna == _self.SndNxt) EnterTimeWait();
                else _self.St = Closing;
            }
            else if (_self.St == FinWait2) EnterTimeWait();
        }
    }
}
