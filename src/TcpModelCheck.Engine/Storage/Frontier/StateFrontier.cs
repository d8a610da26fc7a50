using System.Runtime.CompilerServices;

namespace TcpModelCheck.Engine.Storage.Frontier;

/// <summary>
/// The queue as the states themselves, in 64 Ki-entry chunks released (and reused) once a level is done: the
/// right choice for states that are small plain values (a packed struct is already as compact as its encoding,
/// and needs no decoding), and the only one when the liveness check needs every state afterwards.
/// </summary>
/// <param name="keepAll">Never release: every state stays readable by id (liveness).</param>
internal sealed class StateFrontier<TState>(bool keepAll) : IFrontier<TState>
{
    private readonly ChunkedArray<TState> _states = new();

    public string Kind => "states";
    public long PeakBytes { get; private set; }
    public long PeakDiskBytes => 0;

    public void Append(in TState state)
    {
        _states.Add(state);
        Track();
    }

    public void Reserve(long count)
    {
        _states.EnsureLength(count);
        Track();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(int unit, long id, in TState state) => _states.Set(id, state);

    public void StageEncoded(int unit, ReadOnlySpan<byte> encoding) =>
        throw new NotSupportedException("this queue keeps states, not encodings");

    public void PublishStaged(int unit, long firstId, int kept) =>
        throw new NotSupportedException("this queue keeps states, not encodings");

    public void EndRound() { }

    public void Prepare(long from, long to)
    {
        if (!keepAll) _states.ReleaseBelow(from);
    }

    public void Load(long from, Span<TState> into) => _states.CopyTo(from, into);

    public IReadOnlyList<TState>? AllStates(long count) => keepAll ? new ChunkedList<TState>(_states, checked((int)count)) : null;

    private void Track() => PeakBytes = Math.Max(PeakBytes, _states.Bytes);

    public void Dispose() { }
}
