namespace TcpModelCheck.Tcp;

/// <summary>The endpoint fields the properties read: implemented by <see cref="Endpoint"/> and by
/// <see cref="EncodedEndpoint"/> (the same fields read from a state's encoding), so each property is written once and
/// judged either way (<see cref="TcpPropertyCatalog"/>).</summary>
internal interface IEndpointView
{
    ConnectionState State { get; }
    int Iss { get; }
    int Irs { get; }
    int SndUna { get; }
    int SndNxt { get; }
    int RcvNxt { get; }
    byte Opens { get; }
    byte Incarnation { get; }
    byte Delivered { get; }
    bool EndOfStream { get; }
    Observations Observed { get; }
    EndReason LastEnd { get; }
}

/// <summary>
/// One endpoint's fields read straight from its 22 bytes of a state's encoding (the layout is in
/// <see cref="TcpModel.Encode(in TcpState, Span{byte})"/>'s remarks): what lets the fingerprint search judge a new
/// state's invariants without decoding it. Each field is one byte there, as in <see cref="TcpModel.Decode"/>, which
/// reads them back the same way (and the engine checks <c>Decode(Encode(s)) == s</c>).
/// </summary>
internal readonly ref struct EncodedEndpoint(ReadOnlySpan<byte> bytes) : IEndpointView
{
    private readonly ReadOnlySpan<byte> _b = bytes;

    /// <summary>Endpoint <paramref name="side"/> of the state encoded in <paramref name="encoding"/>.</summary>
    public static EncodedEndpoint Of(ReadOnlySpan<byte> encoding, Side side) =>
        new(encoding.Slice(side == Side.Client ? 0 : TcpModel.EndpointBytes, TcpModel.EndpointBytes));

    public ConnectionState State => (ConnectionState)_b[0];
    public int Iss => _b[1];
    public int Irs => _b[2];
    public int SndUna => _b[3];
    public int SndNxt => _b[4];
    public int RcvNxt => _b[5];
    public bool EndOfStream => (_b[8] & 4) != 0;
    public byte Opens => _b[9];
    public byte Incarnation => _b[11];
    public byte Delivered => _b[13];
    public Observations Observed => (Observations)_b[14];
    public EndReason LastEnd => (EndReason)_b[15];
}
