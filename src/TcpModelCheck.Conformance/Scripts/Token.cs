namespace TcpModelCheck.Conformance.Scripts;

internal enum TokenKind
{
    End,
    Integer,
    Hex,
    Float,
    Word,
    String,
    BackQuoted,
    Code,
    Option,
    Ellipsis,
    Punct,
}

/// <summary>A token of the .pkt language: its kind, its text (for an option, "name=value" without dashes), the
/// line it starts on and where it starts and ends in the source.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Start, int End)
{
    public bool Is(string punct) => Kind == TokenKind.Punct && Text == punct;

    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;

    public bool IsNumber => Kind is TokenKind.Integer or TokenKind.Float;

    public override string ToString() => Kind == TokenKind.End ? "end of file" : $"'{Text}'";
}
