using TcpModelCheck.Conformance.Scripts;

namespace TcpModelCheck.Conformance.Tests.Scripts;

public sealed class ParserTests
{
    private const string PassiveClose = """
        // A server: the peer closes first, we see LAST-ACK.
        --tolerance_usecs=10000
        `../common/defaults.sh`

            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
           +0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0
           +0 bind(3, ..., ...) = 0
           +0 listen(3, 1) = 0
           +0 < S 0:0(0) win 32792 <mss 1000,sackOK,nop,nop,nop,wscale 7>
           +0 > S. 0:0(0) ack 1 <...>
         +.01 < . 1:1(0) ack 1 win 257
           +0 accept(3, ..., ...) = 4
         +.01 < F. 1:1(0) ack 1 win 257
           +0 > . 1:1(0) ack 2
        0.030 close(4) = 0   /* we close */
           +0 > F. 1:1(0) ack 2
        0.5~0.7 > F. 1:1(0) ack 2
           +0 read(4, ..., 1000) = -1 ECONNRESET (Connection reset by peer)
        """;

    [Fact]
    public void Parses_options_commands_syscalls_and_segments()
    {
        var s = ScriptParser.Parse(PassiveClose, "close.pkt");
        Assert.Equal(10_000, s.ToleranceMicros);
        Assert.Equal(15, s.Events.Count);
        Assert.Equal(new CommandEvent(3, EventTime.None, "../common/defaults.sh"), s.Events[0]);
        var socket = Assert.IsType<SyscallEvent>(s.Events[1]);
        Assert.Equal(("socket", 5, 3L), (socket.Name, socket.Line, socket.ResultValue!.Value));
        var syn = Assert.IsType<PacketEvent>(s.Events[5]);
        Assert.Equal(Direction.Inbound, syn.Direction);
        Assert.Equal(TcpFlags.Syn, syn.Flags);
        Assert.Equal(32792, syn.Window);
        Assert.Equal(6, syn.Options!.Items.Count);
        var synAck = Assert.IsType<PacketEvent>(s.Events[6]);
        Assert.Equal((TcpFlags.Syn | TcpFlags.Ack, 1u, true), (synAck.Flags, synAck.Ack!.Value, synAck.Options!.AnyOptions));
        Assert.Equal(EventTime.Relative(10_000), s.Events[7].Time);
        Assert.Equal(EventTime.Absolute(30_000), s.Events[11].Time);
        Assert.Equal(new EventTime(TimeKind.AbsoluteRange, 500_000, 700_000), s.Events[13].Time);
        var read = Assert.IsType<SyscallEvent>(s.Events[14]);
        Assert.Equal((-1L, "ECONNRESET", "Connection reset by peer"), (read.ResultValue!.Value, read.Errno, read.Note));
    }

    [Fact]
    public void Writer_output_parses_back_to_the_same_script()
    {
        var s = ScriptParser.Parse(PassiveClose, "close.pkt");
        var text = ScriptWriter.Write(s);
        var again = ScriptParser.Parse(text, "close.pkt");
        Assert.Equal(s.WithoutLines(), again.WithoutLines());
        Assert.Equal(text, ScriptWriter.Write(again));
    }

    [Fact]
    public void Struct_arguments_blocking_calls_and_flag_combinations()
    {
        var s = ScriptParser.Parse("""
            0 setsockopt(3, SOL_SOCKET, SO_LINGER, {onoff=1, linger=0}, 8) = 0
            +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
            +0...0.2 accept(3, ..., ...) = 4
            +0 < FP. 1:1001(1000) ack 1 win 100
            +0 < - 1:1(0) win 100
            +0 > R 1001:1001(0)
            """);
        var linger = Assert.IsType<BraceExpr>(((SyscallEvent)s.Events[0]).Arguments[3]);
        Assert.Equal(new IntExpr(0), linger.Field("linger"));
        Assert.Equal(new BinaryExpr("|", new WordExpr("O_RDWR"), new WordExpr("O_NONBLOCK")), ((SyscallEvent)s.Events[1]).Arguments[2]);
        Assert.Equal(200_000, ((SyscallEvent)s.Events[2]).BlockingEndMicros);
        var data = (PacketEvent)s.Events[3];
        Assert.Equal((TcpFlags.Fin | TcpFlags.Psh | TcpFlags.Ack, 1000), (data.Flags, data.Seq.Length));
        Assert.Equal(TcpFlags.None, ((PacketEvent)s.Events[4]).Flags);
        Assert.Equal(ScriptParser.Parse(ScriptWriter.Write(s)).WithoutLines(), s.WithoutLines());
    }

    [Fact]
    public void Constructs_the_model_lacks_are_kept_as_unsupported_events()
    {
        var s = ScriptParser.Parse("""
            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0 < [ect0] S 0:0(0) win 100
            +0 < udp (100)
            +0 %{ print("hi") }%
            """);
        var kinds = s.Events.OfType<UnsupportedEvent>().Select(u => (u.Line, u.What)).ToArray();
        Assert.Equal([(2, "IP-level fields (ECN, TOS, flow label, TTL)"), (3, "a udp packet"), (4, "a %{ python }% block")], kinds);
    }

    [Fact]
    public void Duration_is_the_latest_time_the_timeline_names_and_over_10_s_is_slow()
    {
        var s = ScriptParser.Parse("""
            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0.5 bind(3, ..., ...) = 0
            1.0 listen(3, 1) = 0
            +1.5~+2.5 > S. 0:0(0) ack 1 <...>
            * > . 1:1(0) ack 1
            """, "t.pkt");
        Assert.Equal(2_500_000, s.DurationMicros);   // the start of the range, 1.0 + 1.5 s
        Assert.False(s.IsSlow);
        var waits = ScriptParser.Parse("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+10.001 close(3) = 0\n", "w.pkt");
        Assert.Equal(10_001_000, waits.DurationMicros);
        Assert.True(waits.IsSlow);
    }
}
