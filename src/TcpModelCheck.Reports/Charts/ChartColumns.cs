using TcpModelCheck.Tcp.Charts;

namespace TcpModelCheck.Reports.Charts;

/// <summary>
/// Where the columns of a text chart start: step number, peer A, the network, peer B, the note. The network
/// column is as wide as the longest segment label of the trace, so that with a small sequence space the notes
/// ("sent at 4, age 3") have room and the chart stays within 100 columns.
/// </summary>
internal sealed record ChartColumns(int LabelWidth)
{
    public const int NumberWidth = 5, PeerWidth = 13, Width = 100;

    /// <summary>Wide enough for a handshake label such as <c>&lt;SEQ=3&gt;&lt;ACK=1&gt;&lt;CTL=SYN,ACK&gt;</c>.</summary>
    public const int MinLabelWidth = 24;

    public int MidWidth => 3 + 1 + LabelWidth + 1 + 3;
    public int MidColumn => NumberWidth + PeerWidth;
    public int RightColumn => MidColumn + MidWidth + 1;
    public int NoteColumn => RightColumn + PeerWidth + 1;

    public static ChartColumns For(ChartInput input)
    {
        var widest = input.Steps.SelectMany(s => s.Events).Select(e => e switch
        {
            StepEvent.Sent x => x.Segment.ToString().Length,
            StepEvent.Delivered x => x.Segment.ToString().Length,
            StepEvent.Lost x => x.Segment.ToString().Length,
            StepEvent.Duplicated x => x.Segment.ToString().Length,
            StepEvent.Expired x => x.Segment.ToString().Length,
            StepEvent.Delayed x => x.Segment.ToString().Length,
            _ => 0,
        }).DefaultIfEmpty(0).Max();
        return new ChartColumns(Math.Max(MinLabelWidth, widest));
    }
}
