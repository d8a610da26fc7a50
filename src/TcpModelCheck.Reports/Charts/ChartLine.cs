using System.Text;

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

    public bool OnlyLeft => Mid == "" && Right == "" && Note == "" && Banner is null;
    public bool OnlyRight => Left == "" && Mid == "" && Banner is null;

    /// <summary>The line as text; a note that would run past column 100 continues on further lines
    /// in the note column, split after a comma (a piece too long for the column moves left).</summary>
    public IEnumerable<string> Render(ChartColumns c)
    {
        var sb = new StringBuilder(Number.PadLeft(ChartColumns.NumberWidth - 2)).Append(Number == "" ? "  " : ". ");
        if (Banner is not null)
        {
            yield return sb.Append(Banner).ToString().TrimEnd();
            yield break;
        }
        sb.Append(Left);
        Append(sb, c.MidColumn, Mid);
        Append(sb, c.RightColumn, Right);
        var room = ChartColumns.Width - Math.Max(c.NoteColumn, sb.Length + 1);
        var notes = WrapNote(Note, room);
        if (notes[0].Length <= room) Append(sb, c.NoteColumn, notes[0]);
        else notes.Insert(0, "");
        yield return sb.ToString().TrimEnd();
        // continuation lines start in the note column, or further left when a piece is too long for it
        foreach (var more in notes.Skip(1))
            yield return new string(' ', Math.Max(0, Math.Min(c.NoteColumn, ChartColumns.Width - more.Length))) + more;
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
