namespace TcpModelCheck.Conformance.Scripts;

/// <summary>A syscall argument or result, following packetdrill's expression rule in a general form: every
/// braced struct (<c>{onoff=1, linger=0}</c>, <c>{sa_family=AF_INET, …}</c>) is a <see cref="BraceExpr"/> of its
/// fields, every <c>name=value</c> a <see cref="BinaryExpr"/> with operator "=".</summary>
public abstract record Expr;

/// <summary><c>...</c>: any value (packetdrill fills it in: a socket address, a buffer).</summary>
public sealed record EllipsisExpr : Expr;

/// <summary>An integer, written in decimal or (when <see cref="Hex"/>) hexadecimal.</summary>
public sealed record IntExpr(long Value, bool Hex = false) : Expr;

/// <summary>A symbol: <c>SOCK_STREAM</c>, <c>SO_LINGER</c>, <c>O_NONBLOCK</c>.</summary>
public sealed record WordExpr(string Word) : Expr;

/// <summary>A string literal; <see cref="TrailingEllipsis"/> for <c>"abc"...</c> (a prefix).</summary>
public sealed record StringExpr(string Value, bool TrailingEllipsis = false) : Expr;

/// <summary><c>a | b</c> (bitwise or) or <c>name = value</c> (a struct field).</summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right) : Expr;

/// <summary><c>[a, b]</c>: an array, also packetdrill's way to pass an int by pointer (<c>[1]</c>).</summary>
public sealed record ListExpr(ValueList<Expr> Items) : Expr;

/// <summary><c>{a, b}</c>: a struct of fields.</summary>
public sealed record BraceExpr(ValueList<Expr> Items) : Expr
{
    /// <summary>The value of field <paramref name="name"/> (<c>{onoff=1, linger=0}</c>.Field("linger") is 0).</summary>
    public Expr? Field(string name) => Items.OfType<BinaryExpr>()
        .FirstOrDefault(b => b.Operator == "=" && b.Left is WordExpr w && w.Word == name)?.Right;
}

/// <summary><c>htons(8080)</c>, <c>inet_addr("192.0.2.1")</c>, <c>msg_name(...)</c>: a named function of values.</summary>
public sealed record CallExpr(string Name, ValueList<Expr> Arguments) : Expr;
