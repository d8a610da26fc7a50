using TcpModelCheck.Bench.Promela;
using K = TcpModelCheck.Bench.Promela.PmlActionKind;

namespace TcpModelCheck.Bench.Tests;

/// <summary>Single d_steps of the tcp.pml port against the Promela text, with values worked out by hand.</summary>
public class PmlSemanticsTests
{
    private static readonly PmlTcpModel S = new(PmlBounds.Named["S"]);

    private static List<PmlAction> ActionsOf(PmlTcpModel model, PmlState s)
    {
        var list = new List<PmlAction>();
        model.Actions(s, list);
        return list;
    }

    [Fact]
    public void Three_way_handshake_sets_the_variables_as_the_promela_code_does()
    {
        // Server receives the client's SYN (seq 0): rcv_nxt = 1, snd_una = ISS = 4, snd_nxt = 5, SYN_RCVD, and
        // SYN|ACK seq 4 ack 1 to endpoint 0 = 0<<10 | 3<<6 | 4<<3 | 1 = 225.
        var s = PmlScript.Run(S, new(K.PassiveOpen, 1), new(K.ActiveOpen, 0), new(K.Receive, 1, 0));
        Assert.Equal(PmlScript.Globals(net: [225], lost: 0, dupd: 0, st: [2, 3], sndUna: [0, 4], sndNxt: [1, 5], rcvNxt: [0, 1],
            opened: [1, 1], sent: [0, 0], got: [0, 0], rtx: [0, 0]), PmlScript.Globals(s));

        // Client receives it: ESTAB, snd_una = 1, rcv_nxt = 5, ACK seq 1 ack 5 to endpoint 1 = 1<<10 | 2<<6 | 1<<3 | 5 = 1165.
        s = S.Next(s, new(K.Receive, 0, 0));
        Assert.Equal(PmlScript.Globals(net: [1165], lost: 0, dupd: 0, st: [4, 3], sndUna: [1, 4], sndNxt: [1, 5], rcvNxt: [5, 1],
            opened: [1, 1], sent: [0, 0], got: [0, 0], rtx: [0, 0]), PmlScript.Globals(s));
    }

    [Fact]
    public void A_segment_is_offered_for_receipt_only_to_its_destination_and_to_the_network()
    {
        var s = PmlScript.Run(S, new(K.PassiveOpen, 1), new(K.ActiveOpen, 0));
        Assert.Equal([new(K.Retransmit, 0), new(K.Receive, 1, 0), new(K.Lose, 0, 0), new(K.Duplicate, 0, 0)], ActionsOf(S, s));
    }

    [Fact]
    public void Equal_segments_in_two_slots_are_two_transitions_to_one_state_as_in_spin()
    {
        var s = PmlScript.Run(S, new(K.PassiveOpen, 1), new(K.ActiveOpen, 0), new(K.Duplicate, 0, 0));
        var receives = ActionsOf(S, s).Where(a => a.Kind == K.Receive).ToList();
        Assert.Equal([new(K.Receive, 1, 0), new(K.Receive, 1, 1)], receives);
        Assert.Equal(S.Next(s, receives[0]), S.Next(s, receives[1]));
    }

    [Fact]
    public void The_network_is_a_sorted_multiset_so_the_order_of_sending_is_not_part_of_the_state()
    {
        PmlAction[] handshake = [new(K.PassiveOpen, 1), new(K.ActiveOpen, 0), new(K.Receive, 1, 0), new(K.Receive, 0, 0), new(K.Receive, 1, 0)];
        var clientFirst = PmlScript.Run(S, [.. handshake, new(K.Send, 0), new(K.Send, 1)]);
        var serverFirst = PmlScript.Run(S, [.. handshake, new(K.Send, 1), new(K.Send, 0)]);
        Assert.Equal(clientFirst, serverFirst);
        Assert.True(clientFirst.Net(0) < clientFirst.Net(1));
        Span<byte> a = stackalloc byte[16], b = stackalloc byte[16];
        Assert.Equal(16, S.Encode(clientFirst, a));
        S.Encode(serverFirst, b);
        Assert.True(a.SequenceEqual(b));
    }

    [Fact]
    public void A_send_into_a_full_network_is_dropped_but_the_step_still_happens()
    {
        var tiny = new PmlTcpModel(new PmlBounds(MaxF: 1, Loss: 0, Dup: 1, Rtx: 1));
        var s = PmlScript.Run(tiny, new PmlAction(K.ActiveOpen, 0));
        Assert.DoesNotContain(ActionsOf(tiny, s), a => a.Kind == K.Duplicate);   // DUPL needs n < MAXF
        var after = tiny.Next(s, new(K.Retransmit, 0));
        Assert.Equal(1, after.Rtx(0));
        Assert.Equal(1, after.N);
        Assert.Equal(s.Net(0), after.Net(0));
    }

    [Fact]
    public void Every_state_is_a_valid_end_state_because_every_process_sits_at_an_end_label()
    {
        var s = PmlScript.Run(S, new(K.PassiveOpen, 1), new(K.ActiveOpen, 0), new(K.Lose, 0, 0));
        Assert.True(S.IsTerminal(s));
        Assert.Contains(new(K.Retransmit, 0), ActionsOf(S, s));
    }

    [Theory]
    [InlineData(7, 1, 1, 1, "MAXF")]
    [InlineData(0, 1, 1, 1, "MAXF")]
    [InlineData(3, 8, 1, 1, "LOSS")]
    [InlineData(3, 1, -1, 1, "DUP")]
    [InlineData(3, 1, 1, 8, "RTX")]
    public void Bounds_the_packed_state_cannot_hold_are_refused(int maxf, int loss, int dup, int rtx, string knob)
    {
        var e = Assert.Throws<ArgumentException>(() => new PmlTcpModel(new PmlBounds(maxf, loss, dup, rtx)));
        Assert.StartsWith(knob, e.Message);
    }
}
