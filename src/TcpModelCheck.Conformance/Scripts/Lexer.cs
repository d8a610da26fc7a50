using System.Text;

namespace TcpModelCheck.Conformance.Scripts;

/// <summary>
/// Splits .pkt text into tokens on demand, as packetdrill's lexer.l does: <c>//</c> and <c>/* */</c> comments,
/// integers, hex integers, floats (<c>.1</c>, <c>0.100</c>), words, strings, <c>`shell`</c>, <c>%{ code }%</c>,
/// <c>--option=value</c>, <c>...</c> and one-character punctuation. Pulling tokens one at a time lets the parser
/// read a note such as <c>(Connection reset by peer)</c> as raw text.
/// </summary>
internal sealed class Lexer(string source, string text)
{
    private int _pos;
    private int _line = 1;
    private Token? _peeked;

    public int Line => _peeked?.Line ?? _line;

    public Token Peek() => _peeked ??= Read();

    public Token Next()
    {
        var t = Peek();
        _peeked = null;
        return t;
    }

    /// <summary>The raw text up to (not including) <paramref name="close"/> on the current line, consumed with it.</summary>
    public string RawUntil(char close, int line)
    {
        if (_peeked is { } p) { _pos = p.Start; _line = p.Line; _peeked = null; }
        var start = _pos;
        while (_pos < text.Length && text[_pos] != close && text[_pos] != '\n') _pos++;
        if (_pos >= text.Length || text[_pos] != close) throw Error(line, $"missing '{close}'");
        var raw = text[start.._pos];
        _pos++;
        return raw.Trim();
    }

    /// <summary>Skips the rest of the current line (after an unsupported construct); returns its text.</summary>
    public string RestOfLine()
    {
        if (_peeked is { } p) { _pos = p.Start; _line = p.Line; _peeked = null; }
        var start = _pos;
        while (_pos < text.Length && text[_pos] != '\n') _pos++;
        return text[start.._pos].Trim();
    }

    public string Slice(int start, int end) => text[start..Math.Min(end, text.Length)];

    public ScriptFormatException Error(int line, string reason) => new(source, line, reason);

    private Token Read()
    {
        SkipSpaceAndComments();
        if (_pos >= text.Length) return new Token(TokenKind.End, "", _line, _pos, _pos);
        var start = _pos;
        var c = text[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && NextIsDigit())) return Number(start);
        if (char.IsAsciiLetter(c) || c == '_') return WordToken(start);
        return c switch
        {
            '"' => Quoted(start, '"', TokenKind.String),
            '`' => Quoted(start, '`', TokenKind.BackQuoted),
            '%' when At("%{") => CodeBlock(start),
            '-' when At("--") => OptionToken(start),
            '.' when At("...") => Make(TokenKind.Ellipsis, start, 3),
            _ when "()[]{}<>,:=|+~*.-!/;".Contains(c) => Make(TokenKind.Punct, start, 1),
            _ => throw Error(_line, Junk(c)),
        };
    }

    private static string Junk(char c) => char.IsControl(c) || c > '~'
        ? $"unexpected byte 0x{(int)c:x2} (not a packetdrill script?)"
        : $"unexpected character '{c}'";

    private void SkipSpaceAndComments()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '\n') { _line++; _pos++; }
            else if (c is ' ' or '\t' or '\r' or '\f') _pos++;
            else if (At("//")) { while (_pos < text.Length && text[_pos] != '\n') _pos++; }
            else if (At("/*")) BlockComment();
            else return;
        }
    }

    private void BlockComment()
    {
        var line = _line;
        var end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (end < 0) throw Error(line, "unterminated /* comment");
        CountLines(_pos, end + 2);
        _pos = end + 2;
    }

    private Token Number(int start)
    {
        if (At("0x") || At("0X"))
        {
            _pos += 2;
            while (_pos < text.Length && char.IsAsciiHexDigit(text[_pos])) _pos++;
            return new Token(TokenKind.Hex, text[start.._pos], _line, start, _pos);
        }
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        if (_pos < text.Length && text[_pos] == '.' && !At("...") && NextIsDigit())
        {
            _pos++;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            return new Token(TokenKind.Float, text[start.._pos], _line, start, _pos);
        }
        return new Token(TokenKind.Integer, text[start.._pos], _line, start, _pos);
    }

    private Token WordToken(int start)
    {
        while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
        return new Token(TokenKind.Word, text[start.._pos], _line, start, _pos);
    }

    private Token Quoted(int start, char quote, TokenKind kind)
    {
        var line = _line;
        var end = text.IndexOf(quote, _pos + 1);
        if (end < 0) throw Error(line, kind == TokenKind.String ? "unterminated string" : "unterminated `command`");
        var body = text[(_pos + 1)..end];
        if (kind == TokenKind.String && body.Contains('\n')) throw Error(line, "unterminated string");
        CountLines(_pos, end);
        _pos = end + 1;
        return new Token(kind, body, line, start, _pos);
    }

    private Token CodeBlock(int start)
    {
        var line = _line;
        var end = text.IndexOf("}%", _pos + 2, StringComparison.Ordinal);
        if (end < 0) throw Error(line, "unterminated %{ code block");
        CountLines(_pos, end);
        _pos = end + 2;
        return new Token(TokenKind.Code, text[(start + 2)..end].Trim(), line, start, _pos);
    }

    private Token OptionToken(int start)
    {
        _pos += 2;
        var sb = new StringBuilder();
        while (_pos < text.Length && !char.IsWhiteSpace(text[_pos])) sb.Append(text[_pos++]);
        var body = sb.ToString();
        if (body.Length == 0 || !(char.IsAsciiLetter(body[0]) || body[0] == '_'))
            throw Error(_line, "an option needs a name after '--'");
        return new Token(TokenKind.Option, body, _line, start, _pos);
    }

    private Token Make(TokenKind kind, int start, int length)
    {
        _pos += length;
        return new Token(kind, text.Substring(start, length), _line, start, _pos);
    }

    private bool At(string s) => string.CompareOrdinal(text, _pos, s, 0, s.Length) == 0;

    private bool NextIsDigit() => _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1]);

    private void CountLines(int from, int to)
    {
        for (var i = from; i < to && i < text.Length; i++) if (text[i] == '\n') _line++;
    }
}
