namespace TcpModelCheck.Explorer.Views;

/// <summary>The one timer an endpoint runs (RFC 9293 §3.10.8): what it is, and ticks left (0 = expired, fires next).</summary>
public sealed record TimerView(string Kind, int Remaining);

/// <summary>An endpoint's TCB as RFC 9293 §3.3.1 names its fields, its application's progress and the ghost
/// incarnation the properties read.</summary>
public sealed record TcbView(
    string State,
    int Iss,
    int Irs,
    int SndUna,
    int SndNxt,
    int RcvNxt,
    TimerView? Timer,
    int Retransmits,
    int Incarnation,
    int Opens,
    int DataSent,
    bool CloseCalled,
    int Delivered,
    bool EndOfStream,
    string? LastEnd);

/// <summary>A segment in flight: who sent it, its label as in the chart, its age in ticks (it expires after MSL).</summary>
public sealed record SegmentView(int Index, string From, string To, string Label, int Age, bool Straggler, int Incarnation);

/// <summary>A fault budget: how much of it this run has used.</summary>
public sealed record BudgetView(string Name, int Used, int? Limit);

/// <summary>One state of the model: both TCBs, the network's contents, the budgets, and the one-line form
/// <c>tcpmc actions</c> prints.</summary>
public sealed record StateView(TcbView A, TcbView B, IReadOnlyList<SegmentView> Network, int Msl,
    IReadOnlyList<BudgetView> Budgets, string Text);

/// <summary>An enabled action: its choice index, its chart label, what kind of step it is, and for a network
/// action the in-flight segment it acts on.</summary>
public sealed record ActionView(int Index, string Label, string Kind, string Side, int? Segment);

/// <summary>A step taken on the path (1-based).</summary>
public sealed record StepView(int Step, int Choice, string Label);

/// <summary>The first safety violation on the path, which the page marks.</summary>
public sealed record ViolationView(string Property, int Step);

/// <summary>Everything the page shows after a choice path.</summary>
/// <param name="Terminal">No action is enabled and the run is properly over (else, with none enabled, a deadlock).</param>
/// <param name="Svg">The message sequence chart of the path (see <c>SvgChart</c>).</param>
public sealed record PathView(
    string Path,
    IReadOnlyList<StepView> Steps,
    StateView State,
    IReadOnlyList<ActionView> Enabled,
    bool Terminal,
    IReadOnlyList<Paths.PropertyStatus> Properties,
    ViolationView? Violation,
    string Svg);
