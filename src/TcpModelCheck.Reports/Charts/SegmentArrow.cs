using TcpModelCheck.Tcp;
using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>Draws a segment in the middle column of a chart line. The arrow sits at the sender for a send, a
/// duplicate or a delay (the network holding it back) and at the receiver for an arrival, loss or expiry, and
/// points in the direction of travel.</summary>
internal static class SegmentArrow
{
    public enum Mark { Sent, Arrives, Lost, Expired, Duplicated, Delayed }

    public static ChartLine Draw(SegmentLabel seg, Mark mark, string note, ChartColumns c)
    {
        var toB = seg.From == Side.Client;
        var (atSender, atReceiver) = mark switch
        {
            Mark.Sent => (toB ? "-->" : "<--", "   "),
            Mark.Duplicated => (toB ? "==>" : "<==", "   "),
            Mark.Delayed => (toB ? "..>" : "<..", "   "),
            Mark.Arrives => ("   ", toB ? "-->" : "<--"),
            Mark.Lost => ("   ", toB ? "--X" : "X--"),
            _ => ("   ", toB ? "~~X" : "X~~"),
        };
        var (left, right) = toB ? (atSender, atReceiver) : (atReceiver, atSender);
        return new ChartLine
        {
            Mid = $"{left} {seg.ToString().PadRight(c.LabelWidth)} {right}",
            Note = note,
            IsNetwork = true,
            Segment = seg,
            Arrow = mark,
        };
    }

    /// <summary>Centres <paramref name="text"/> in the middle column, filling with <paramref name="fill"/>.</summary>
    public static string Center(string text, char fill, ChartColumns c)
    {
        var pad = Math.Max(0, c.MidWidth - text.Length);
        return new string(fill, pad / 2) + text + new string(fill, pad - pad / 2);
    }
}
