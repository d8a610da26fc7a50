namespace TcpModelCheck.Conformance.Scripts;

/// <summary>Segments: <c>&lt; S. 0:0(0) ack 1 win 65535 &lt;mss 1460,nop,wscale 7&gt;</c> (parser.y tcp_packet_spec).</summary>
public sealed partial class ScriptParser
{
    private static readonly HashSet<string> OtherPacketWords = ["udp", "icmp", "ipv4", "ipv6", "gre", "mpls"];

    private ScriptEvent ParsePacket(int line, EventTime time)
    {
        var dirToken = _lex.Next();
        var direction = dirToken.Text == "<" ? Direction.Inbound : Direction.Outbound;
        var head = _lex.Peek();
        if (head.Is("[") || head.Is("(")) return Unsupported(line, time, "IP-level fields (ECN, TOS, flow label, TTL)");
        if (head.Kind == TokenKind.Word && OtherPacketWords.Contains(head.Text))
            return Unsupported(line, time, $"a {head.Text} packet");
        if (head.Kind == TokenKind.Integer) return Unsupported(line, time, "explicit ports (src>dst)");
        var flags = ParseFlags();
        var seq = ParseSequence();
        var packet = new PacketEvent(line, time, direction, flags, seq);
        return ParsePacketFields(packet);
    }

    private UnsupportedEvent Unsupported(int line, EventTime time, string what) =>
        new(line, time, what, _lex.RestOfLine());

    private ScriptEvent ParsePacketFields(PacketEvent p)
    {
        while (true)
        {
            var t = _lex.Peek();
            if (t.IsWord("ack")) p = p with { Ack = (uint)Unsigned(Skip(), uint.MaxValue, "TCP ack sequence number") };
            else if (t.IsWord("win")) p = p with { Window = (int)Unsigned(Skip(), ushort.MaxValue, "TCP window value") };
            else if (t.IsWord("urg")) p = p with { UrgentPointer = (int)Unsigned(Skip(), ushort.MaxValue, "urg_ptr value") };
            else if (t.Is("<")) return p with { Options = ParseOptions(p) };
            else if (t.Is("{")) return Unsupported(p.Line, p.Time, "packet fuzzing {…}");
            else return p;
        }
    }

    private Token Skip()
    {
        var keyword = _lex.Next();
        var value = _lex.Next();
        if (value.Kind != TokenKind.Integer) throw Error(keyword.Line, $"expected a number after '{keyword.Text}', found {value}");
        return value;
    }

    /// <summary>packetdrill's flags: letters of F S R P U E W A, an optional '.' for ACK; '.' alone; '-' for none.</summary>
    private TcpFlags ParseFlags()
    {
        var t = _lex.Next();
        if (t.Is(".")) return TcpFlags.Ack;
        if (t.Is("-")) return TcpFlags.None;
        if (t.Kind != TokenKind.Word) throw Error(t.Line, $"expected TCP flags (S, S., F., R, ., -, …), found {t}");
        var flags = TcpFlags.None;
        foreach (var c in t.Text) flags |= Flag(c, t.Line);
        if (_lex.Peek().Is(".")) { _lex.Next(); flags |= TcpFlags.Ack; }
        return flags;
    }

    private TcpFlags Flag(char c, int line) => c switch
    {
        'F' => TcpFlags.Fin,
        'S' => TcpFlags.Syn,
        'R' => TcpFlags.Rst,
        'P' => TcpFlags.Psh,
        'U' => TcpFlags.Urg,
        'E' => TcpFlags.Ece,
        'W' => TcpFlags.Cwr,
        _ => throw Error(line, $"unknown TCP flag '{c}' (packetdrill knows F S R P . U E W)"),
    };

    private SequenceRange ParseSequence()
    {
        var first = _lex.Next();
        var start = Unsigned(first, uint.MaxValue, "TCP start sequence number");
        Expect(":", "in start:end(len)", first.Line);
        var end = Unsigned(_lex.Next(), uint.MaxValue, "TCP end sequence number");
        Expect("(", "in start:end(len)", first.Line);
        var len = Unsigned(_lex.Next(), ushort.MaxValue, "TCP payload size");
        Expect(")", "in start:end(len)", first.Line);
        if ((uint)end != unchecked((uint)start + (uint)len))
            throw Error(first.Line, $"inconsistent TCP sequence numbers and payload size: {start}:{end}({len}) needs end = start + len");
        return new SequenceRange((uint)start, (uint)end, (int)len);
    }

    private long Unsigned(Token t, long max, string what)
    {
        if (t.Kind != TokenKind.Integer) throw Error(t.Line, $"expected {what}, found {t}");
        if (!long.TryParse(t.Text, out var v) || v > max) throw Error(t.Line, $"{what} out of range: {t.Text}");
        return v;
    }

    private void Expect(string punct, string context, int line)
    {
        var t = _lex.Next();
        if (!t.Is(punct)) throw Error(t.Kind == TokenKind.End ? line : t.Line, $"expected '{punct}' {context}, found {t}");
    }

    private TcpOptionList ParseOptions(PacketEvent p)
    {
        _lex.Next();
        if (_lex.Peek().Kind == TokenKind.Ellipsis)
        {
            _lex.Next();
            Expect(">", "after <...", p.Line);
            if (p.IsInbound) throw Error(p.Line, "<...> for TCP options can only be used with outbound packets");
            return TcpOptionList.Any;
        }
        var items = new List<TcpOption> { ParseOption() };
        while (_lex.Peek().Is(",")) { _lex.Next(); items.Add(ParseOption()); }
        Expect(">", "to close the TCP option list", p.Line);
        return new TcpOptionList(false, items.ToValueList());
    }

    private TcpOption ParseOption()
    {
        var t = _lex.Next();
        if (t.Kind != TokenKind.Word) throw Error(t.Line, $"expected a TCP option (mss, nop, wscale, sackOK, sack, TS, FO, md5), found {t}");
        return t.Text switch
        {
            "nop" => new NopOption(),
            "eol" => new EolOption(),
            "mss" => new MssOption((int)Unsigned(_lex.Next(), ushort.MaxValue, "mss value")),
            "wscale" => new WindowScaleOption((int)Unsigned(_lex.Next(), byte.MaxValue, "window scale shift count")),
            "sackOK" => new SackPermittedOption(),
            "sack" => new SackOption(SackBlocks(t.Line)),
            "TS" => Timestamp(t.Line),
            "FO" or "FOEXP" => new FastOpenOption(HexBlob(), t.Text == "FOEXP"),
            "md5" => new Md5Option(HexBlob()),
            _ => throw Error(t.Line, $"unknown TCP option '{t.Text}'"),
        };
    }

    private ValueList<SackBlock> SackBlocks(int line)
    {
        var blocks = new List<SackBlock>();
        while (_lex.Peek().Kind == TokenKind.Integer)
        {
            var left = Unsigned(_lex.Next(), uint.MaxValue, "TCP SACK left sequence number");
            Expect(":", "in a SACK block left:right", line);
            var right = Unsigned(_lex.Next(), uint.MaxValue, "TCP SACK right sequence number");
            blocks.Add(new SackBlock((uint)left, (uint)right));
        }
        if (blocks.Count == 0) throw Error(line, "sack needs at least one block left:right");
        return blocks.ToValueList();
    }

    private TimestampOption Timestamp(int line)
    {
        if (!_lex.Next().IsWord("val")) throw Error(line, "expected 'TS val N ecr N'");
        var val = Unsigned(_lex.Next(), uint.MaxValue, "ts val");
        if (!_lex.Next().IsWord("ecr")) throw Error(line, "expected 'TS val N ecr N'");
        var ecr = Unsigned(_lex.Next(), uint.MaxValue, "ecr val");
        return new TimestampOption((uint)val, (uint)ecr);
    }

    private string HexBlob()
    {
        var t = _lex.Peek();
        if (t.Kind is not (TokenKind.Word or TokenKind.Integer)) return "";
        return _lex.Next().Text;
    }
}
