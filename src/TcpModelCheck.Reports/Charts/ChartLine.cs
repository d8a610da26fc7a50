using System.Text;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>
/// One line of a text sequence chart, as five columns: step number, peer A, the network between them, peer B,
/// and a note. A line with <see cref="Banner"/> set spans the whole width instead (loop marks, legends).
/// </summary>
internal sealed class ChartLine
{
    public string Number { get; set; } = "";
    public string Left { get; set; } = "";
    public string Mid { get; set; } = "";
    public string Right { get; set; } = "";
    public string Note { get; set; } = "";
    public string? Banner { get; init; }

    /// <summary>True when a segment (or the clock) is drawn in the middle column.</summary>
    public bool IsNetwork { get; init; }

    /// <summary>The segment drawn in the middle column and how (for renderers that draw arrows instead of text,
    /// <see cref="SvgChart"/>); null on other lines.</summary>
    public SegmentLabel? Segment { get; init; }

    public SegmentArrow.Mark Arrow { get; init; }

    /// <summary>The clock value of a tick line; null on other lines.</summary>
    public int? Tick { get; init; }

    public bool OnlyLeft => Mid == "" && Right == "" && Note == "" && Banner is null;
    public bool OnlyRight => Left == "" && Mid == "" && Banner is null;

    /// <summary>The line as text. A note that would run past column 100 continues on further lines in the
    /// note column, split after a comma (a piece too long for the column moves left); an annotation that stands
    /// alone on its line and is too long for its column moves left, or wraps, so nothing passes column 100.</summary>
    public IEnumerable<string> Render(ChartColumns c)
    {
        var number = Number.PadLeft(ChartColumns.NumberWidth - 2) + (Number == "" ? "  " : ". ");
        if (Banner is not null) return [(number + Banner).TrimEnd()];
        if (Mid == "" && Note == "" && (Left == "") != (Right == ""))
            return LoneAnnotation(number, Left != "" ? Left : Right, Left == "" ? c.RightColumn : ChartColumns.NumberWidth, c);
        if (Right != "" && (c.RightColumn + Right.Length > ChartColumns.Width || ChartColumns.NumberWidth + Left.Length >= c.RightColumn))
        {
            // B's text does not fit beside the rest: it goes on a line of its own below
            var rest = new ChartLine { Number = Number, Left = Left, Mid = Mid, Note = Note, IsNetwork = IsNetwork };
            return rest.Render(c).Concat(LoneAnnotation("", Right, c.RightColumn, c));
        }
        var sb = new StringBuilder(number).Append(Left);
        Append(sb, c.MidColumn, Mid);
        Append(sb, c.RightColumn, Right);
        var room = ChartColumns.Width - Math.Max(c.NoteColumn, sb.Length + 1);
        var notes = Note == "" ? [] : WrapNote(Note, room);
        if (notes.Count > 0 && notes[0].Length <= room)
        {
            Append(sb, c.NoteColumn, notes[0]);
            notes.RemoveAt(0);
        }
        // continuation lines start in the note column, or further left when a piece is too long for it
        return notes.Select(more => new string(' ', Math.Max(0, Math.Min(c.NoteColumn, ChartColumns.Width - more.Length))) + more)
            .Prepend(sb.ToString().TrimEnd());
    }

    /// <summary>An annotation alone on its line starts in its peer's column when it fits, further left when
    /// not (never left of the network column for peer B), and wraps at spaces when even that is too narrow.</summary>
    private static IEnumerable<string> LoneAnnotation(string number, string text, int column, ChartColumns c)
    {
        var leftmost = column == ChartColumns.NumberWidth ? ChartColumns.NumberWidth : c.MidColumn;
        var pieces = TextWrap.Lines(text, ChartColumns.Width - leftmost, indent: 1).ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            var start = Math.Max(leftmost, Math.Min(column, ChartColumns.Width - pieces[i].Length));
            var prefix = i == 0 ? number : "";
            yield return (prefix + new string(' ', Math.Max(0, start - prefix.Length)) + pieces[i]).TrimEnd();
        }
    }

    private static List<string> WrapNote(string note, int room)
    {
        var parts = new List<string> { "" };
        foreach (var piece in note.Split(", "))
        {
            var joined = parts[^1] == "" ? piece : parts[^1] + ", " + piece;
            if (joined.Length <= room || parts[^1] == "") parts[^1] = joined;
            else
            {
                parts[^1] += ",";
                parts.Add(piece);
            }
        }
        return parts;
    }

    /// <summary>Pads to <paramref name="column"/> (or one space past a longer text) and appends.</summary>
    private static void Append(StringBuilder sb, int column, string text)
    {
        if (text == "") return;
        if (sb.Length < column) sb.Append(' ', column - sb.Length);
        else if (sb[^1] != ' ') sb.Append(' ');
        sb.Append(text);
    }
}
