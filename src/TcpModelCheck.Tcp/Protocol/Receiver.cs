using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Tcp;

/// <summary>
/// The seventh (segment text) and eighth (FIN) steps of RFC 9293 §3.10.7.4, with the reassembly queue:
/// "segments are processed in sequence" and "segments with higher beginning sequence numbers SHOULD be held for
/// later processing (SHLD-31)". Each segment carries at most one unit (a data item or a FIN), so the queue is one
/// slot per window offset. Also the ghost bookkeeping of what the application receives.
/// </summary>
internal static class Receiver
{
    private const int SlotBits = 16;
    private const int KindData = 1;
    private const int KindFin = 2;

    /// <summary>A payload unit: a data item or a FIN, with its ghost item and incarnation.</summary>
    private readonly record struct Unit(int Kind, int Item, int Incarnation)
    {
        public static Unit Of(in Arriving s) => new(s.Fin ? KindFin : KindData, s.Item, s.Incarnation);
        public static Unit FromSlot(ulong slot) => new((int)(slot & 3), (int)(slot >> 2 & 0x3F), (int)(slot >> 8 & 0xFF));
        public ulong Slot => (uint)Kind | (ulong)(uint)(Item & 0x3F) << 2 | (ulong)(uint)(Incarnation & 0xFF) << 8;
    }

    /// <summary>Steps seven and eight for an acceptable segment that passed the ACK step.</summary>
    public static void ProcessTextAndFin(ref Step step, Side side, in Arriving seg)
    {
        if (seg.Length == 0) return;
        var e = step[side];
        var offset = step.Seq.Distance(e.RcvNxt, seg.Seq);
        if (offset == 0)
        {
            if (seg.HasData && !AcceptsText(e.State)) { step.Note(side, "text after the peer's FIN: ignored"); return; }
            if (seg.HasData) Accept(ref step, side, new Unit(KindData, seg.Item, seg.Incarnation), seg.DataLength);
            if (seg.Fin) Accept(ref step, side, new Unit(KindFin, seg.Item, seg.Incarnation), 1);
            Drain(ref step, side);
        }
        else if (seg.Fin && step.Rules.Config.NaiveFin)
        {
            step.Note(side, "naive-fin: FIN processed although earlier data is missing");
            ref var n = ref step[side];
            n = n with { RcvNxt = seg.Seq, Held = 0 };
            Accept(ref step, side, Unit.Of(seg), 1);
        }
        else if (step.Rules.HoldsOutOfOrder)
        {
            Hold(ref step, side, (int)offset, Unit.Of(seg));
        }
        else step.Note(side, "out-of-order segment: not held (the open endpoint keeps no reassembly queue)");
        // One ACK for everything this segment made deliverable (MUST-58/59: aggregate ACKs). A FIN that moved
        // the endpoint into TIME-WAIT left its timer off (see ProcessFin); the 2·MSL timer starts — or, without
        // TIME-WAIT, the TCB is deleted — only after that ACK is formed from the TCB.
        Tcb.SendAck(ref step, side);
        if (step[side].State == ConnectionState.TimeWait && step[side].Timer == 0) Timers.EnterTimeWait(ref step, side);
    }

    /// <summary>Seventh step: text is delivered only in ESTABLISHED, FIN-WAIT-1 and FIN-WAIT-2; after the peer's
    /// FIN it "should not occur" and is ignored.</summary>
    private static bool AcceptsText(ConnectionState s) =>
        s is ConnectionState.Established or ConnectionState.FinWait1 or ConnectionState.FinWait2;

    /// <summary>Processes the unit at RCV.NXT and advances RCV.NXT over its <paramref name="length"/>.</summary>
    private static void Accept(ref Step step, Side side, Unit u, int length)
    {
        ref var e = ref step[side];
        e = e with { RcvNxt = step.Seq.Add(e.RcvNxt, length) };
        if (u.Kind == KindData) DeliverData(ref step, side, u);
        else ProcessFin(ref step, side, u);
    }

    /// <summary>After RCV.NXT advanced by one, the held unit that now sits at RCV.NXT (if any) is processed.</summary>
    private static void Drain(ref Step step, Side side)
    {
        while (true)
        {
            ref var e = ref step[side];
            var slot = e.Held & 0xFFFF;
            e = e with { Held = e.Held >> SlotBits };
            if (slot == 0) return;
            var u = Unit.FromSlot(slot);
            if (u.Kind == KindData && !AcceptsText(e.State)) return;
            step.Note(side, "held segment now in order");
            Accept(ref step, side, u, 1);
        }
    }

    private static void Hold(ref Step step, Side side, int offset, Unit u)
    {
        ref var e = ref step[side];
        var shift = (offset - 1) * SlotBits;
        if ((e.Held >> shift & 0xFFFF) != 0) { step.Note(side, "already held: duplicate dropped"); return; }
        e = e with { Held = e.Held | u.Slot << shift };
        step.Note(side, u.Kind == KindFin ? "FIN ahead of missing data: held" : "out-of-order data: held");
    }

    /// <summary>Ghost: hands a data item to the application and records what the properties need.</summary>
    private static void DeliverData(ref Step step, Side side, Unit u)
    {
        ref var e = ref step[side];
        var seen = e.Observed;
        if (e.EndOfStream) seen |= Observations.DataAfterEof;
        var stale = u.Incarnation < e.Incarnation;
        if (stale) seen |= Observations.StaleData;
        else if (u.Item != e.Delivered) seen |= Observations.OutOfOrder;
        var delivered = stale ? e.Delivered : (byte)(e.Delivered + 1);
        e = e with { Observed = seen, Delivered = delivered };
        if (step.Explaining) step.Emit(new StepEvent.AppReceived(side, $"d{u.Item + 1}", u.Incarnation));
    }

    /// <summary>
    /// Eighth step, FIN: signal "connection closing" (ghost: end-of-stream), and move SYN-RECEIVED/ESTABLISHED to
    /// CLOSE-WAIT, FIN-WAIT-1 to TIME-WAIT if our FIN is acknowledged else CLOSING, FIN-WAIT-2 to TIME-WAIT; the
    /// later states stay; TIME-WAIT restarts its timer. The acknowledgment is sent by the caller, which then
    /// (re)starts the TIME-WAIT timer: this method leaves it off as the marker.
    /// </summary>
    private static void ProcessFin(ref Step step, Side side, Unit u)
    {
        ref var e = ref step[side];
        var seen = e.Observed;
        if (u.Incarnation < e.Incarnation) seen |= Observations.StaleEof;
        else if (e.Delivered != u.Item) seen |= Observations.LostBeforeEof;
        var next = e.State switch
        {
            ConnectionState.SynReceived or ConnectionState.Established => ConnectionState.CloseWait,
            ConnectionState.FinWait1 => e.SndUna == e.SndNxt ? ConnectionState.TimeWait : ConnectionState.Closing,
            ConnectionState.FinWait2 => ConnectionState.TimeWait,
            _ => e.State,
        };
        var timer = next == ConnectionState.TimeWait ? 0 : e.Timer;
        e = e with { Observed = seen, EndOfStream = true, State = next, Timer = timer, Held = 0 };
        if (step.Explaining) step.Emit(new StepEvent.AppReceived(side, "EOF", u.Incarnation));
    }
}
