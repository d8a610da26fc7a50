using System.Runtime.CompilerServices;
using TcpModelCheck.Tcp.Charts;
using TcpModelCheck.Tcp.Network;

namespace TcpModelCheck.Tcp;

public sealed partial class TcpModel
{
    /// <summary>
    /// The enabled actions in a fixed order: application calls (A, then B), expired timers (A, B), the network's
    /// deliveries, losses, duplications and delays (<see cref="Faults"/>), crashes (A, B), and the tick
    /// (<see cref="MslClock"/>).
    /// </summary>
    public void Actions(in TcpState state, List<TcpAction> actions)
    {
        Rules.Script.AddActions(state, Rules, actions);
        if (Timers.Expired(state.Client)) actions.Add(new TcpAction(TcpActionKind.Timeout, Side.Client));
        if (Timers.Expired(state.Server)) actions.Add(new TcpAction(TcpActionKind.Timeout, Side.Server));
        Faults.AddActions(state, Rules, actions);
        if (state.Used.Crashes < Config.CrashBudget)
        {
            if (state.Client.State != ConnectionState.Closed) actions.Add(new TcpAction(TcpActionKind.Crash, Side.Client));
            if (state.Server.State != ConnectionState.Closed) actions.Add(new TcpAction(TcpActionKind.Crash, Side.Server));
        }
        if (MslClock.CanTick(state)) actions.Add(TcpAction.Tick);
    }

    [SkipLocalsInit]
    public TcpState Next(in TcpState state, TcpAction action)
    {
        var need = Step.BufferFor(state);
        var step = new Step(Rules, state, null, need <= StepStackSegments ? stackalloc Segment[StepStackSegments] : new Segment[need]);
        Apply(ref step, action);
        return step.Build();
    }

    /// <summary>Applies one action to the working copy; shared by <see cref="Next"/> and <see cref="Explain"/>.</summary>
    private void Apply(ref Step step, TcpAction a)
    {
        switch (a.Kind)
        {
            case TcpActionKind.Open: UserCalls.Open(ref step, a.Side, a.Passive, a.Isn); break;
            case TcpActionKind.Send: UserCalls.Send(ref step, a.Side); break;
            case TcpActionKind.Close: UserCalls.Close(ref step, a.Side); break;
            case TcpActionKind.Abort: UserCalls.Abort(ref step, a.Side); break;
            case TcpActionKind.Timeout: Timers.Fire(ref step, a.Side); break;
            case TcpActionKind.Tick: Timers.Tick(ref step); break;
            case TcpActionKind.Deliver: Arrival.Process(ref step, Arriving.Of(Faults.Deliver(ref step, a)), a.Isn); break;
            case TcpActionKind.Lose: Faults.Lose(ref step, a); break;
            case TcpActionKind.Duplicate: Faults.Duplicate(ref step, a); break;
            case TcpActionKind.Crash: Crash(ref step, a.Side); break;
            case TcpActionKind.Delay: Faults.Delay(ref step, a); break;
            default: throw new ArgumentOutOfRangeException(nameof(a), a.Kind, "unknown action kind");
        }
    }

    /// <summary>A host crash (RFC 9293 §3.5.1): the TCB is lost without a word to the peer; the application
    /// restarts its script from CLOSED (a client with connections left will OPEN again) — after the quiet time
    /// when it is kept (<see cref="Timers.StartQuietTime"/>).</summary>
    private static void Crash(ref Step step, Side side)
    {
        step.Used = step.Used with { Crashes = (byte)(step.Used.Crashes + 1) };
        if (step.Explaining) step.Emit(new StepEvent.Crashed(side));
        IsnClock.Crashed(ref step, step[side]);
        Tcb.Delete(ref step, side, EndReason.Crashed);
        Timers.StartQuietTime(ref step, side);
    }
}
