namespace TcpModelCheck.Conformance.Scripts;

/// <summary>Syscalls: <c>[...end] name(args) = result [ERRNO (note)]</c> (parser.y syscall_spec) and their
/// argument expressions.</summary>
public sealed partial class ScriptParser
{
    /// <summary>The system calls packetdrill can make (run_system_call.c). Another name is a typo packetdrill would
    /// refuse, so it is bad input; a name here that the model does not model is the checker's "unsupported".</summary>
    public static IReadOnlySet<string> KnownSyscalls { get; } = new HashSet<string>
    {
        "socket", "bind", "listen", "accept", "connect", "read", "readv", "recv", "recvfrom", "recvmsg",
        "write", "writev", "send", "sendto", "sendmsg", "sendfile", "fcntl", "ioctl", "close", "shutdown",
        "getsockopt", "setsockopt", "poll", "open", "epoll_create", "epoll_ctl", "epoll_wait", "pipe", "splice",
        "socketpair",
    };

    private SyscallEvent ParseSyscall(int line, EventTime time)
    {
        long? end = null;
        var endRelative = false;
        if (_lex.Peek().Kind == TokenKind.Ellipsis)
        {
            _lex.Next();
            if (_lex.Peek().Is("+")) { _lex.Next(); endRelative = true; }
            end = Micros(_lex.Next());
        }
        var name = _lex.Next();
        if (name.Kind != TokenKind.Word) throw Error(name.Line, $"expected a syscall name, found {name}");
        if (!KnownSyscalls.Contains(name.Text)) throw Error(name.Line, $"unknown syscall '{name.Text}'");
        var args = Arguments(name);
        var eq = _lex.Next();
        if (!eq.Is("=")) throw Error(eq.Kind == TokenKind.End ? name.Line : eq.Line, $"expected '= result' after {name.Text}(…), found {eq}");
        var result = ParseExpr(name.Line);
        var call = new SyscallEvent(line, time, name.Text, args, result, BlockingEndMicros: end, BlockingEndRelative: endRelative);
        return WithErrno(call, eq.Line);
    }

    private ValueList<Expr> Arguments(Token name)
    {
        var open = _lex.Next();
        if (!open.Is("(")) throw Error(name.Line, $"expected '(' after {name.Text}, found {open}");
        return ExprList(")", name.Line);
    }

    private ValueList<Expr> ExprList(string close, int line)
    {
        var items = new List<Expr>();
        if (_lex.Peek().Is(close)) { _lex.Next(); return items.ToValueList(); }
        while (true)
        {
            items.Add(ParseExpr(line));
            var t = _lex.Next();
            if (t.Is(close)) return items.ToValueList();
            if (!t.Is(",")) throw Error(t.Kind == TokenKind.End ? line : t.Line, $"expected ',' or '{close}', found {t}");
        }
    }

    /// <summary>An errno symbol after the result (<c>ECONNRESET</c>) and a note in parentheses, read raw.</summary>
    private SyscallEvent WithErrno(SyscallEvent call, int line)
    {
        var t = _lex.Peek();
        if (t.Kind == TokenKind.Word && t.Line == line)
        {
            _lex.Next();
            call = call with { Errno = t.Text };
            t = _lex.Peek();
        }
        if (t.Is("(") && t.Line == line)
        {
            _lex.Next();
            call = call with { Note = _lex.RawUntil(')', line) };
        }
        return call;
    }

    private Expr ParseExpr(int line)
    {
        var left = Primary(line);
        while (_lex.Peek().Is("|"))
        {
            _lex.Next();
            left = new BinaryExpr("|", left, Primary(line));
        }
        return left;
    }

    private Expr Primary(int line)
    {
        var t = _lex.Next();
        return t.Kind switch
        {
            TokenKind.Ellipsis => new EllipsisExpr(),
            TokenKind.Integer => new IntExpr(Integer(t)),
            TokenKind.Hex => new IntExpr(HexInteger(t), Hex: true),
            TokenKind.String => Strings(t),
            TokenKind.Word => WordOrCall(t, line),
            TokenKind.Punct when t.Text == "-" && _lex.Peek().Kind == TokenKind.Integer => new IntExpr(-Integer(_lex.Next())),
            TokenKind.Punct when t.Text == "[" => new ListExpr(ExprList("]", line)),
            TokenKind.Punct when t.Text == "{" => new BraceExpr(ExprList("}", line)),
            _ => throw Error(t.Kind == TokenKind.End ? line : t.Line, $"expected a value, found {t}"),
        };
    }

    private Expr WordOrCall(Token t, int line)
    {
        Expr e = new WordExpr(t.Text);
        if (_lex.Peek().Is("(")) { _lex.Next(); e = new CallExpr(t.Text, ExprList(")", line)); }
        if (!_lex.Peek().Is("=")) return e;
        _lex.Next();
        return new BinaryExpr("=", e, ParseExpr(line));
    }

    private Expr Strings(Token first)
    {
        var value = first.Text;
        while (_lex.Peek().Kind == TokenKind.String) value += _lex.Next().Text;
        if (_lex.Peek().Kind != TokenKind.Ellipsis) return new StringExpr(value);
        _lex.Next();
        return new StringExpr(value, TrailingEllipsis: true);
    }

    private long Integer(Token t) =>
        long.TryParse(t.Text, out var v) ? v : throw Error(t.Line, $"integer out of range: {t.Text}");

    private long HexInteger(Token t) =>
        long.TryParse(t.Text.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out var v) && t.Text.Length > 2
            ? v : throw Error(t.Line, $"bad hex integer: {t.Text}");
}
