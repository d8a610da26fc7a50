using TcpModelCheck.Engine.Model;

namespace TcpModelCheck.Tcp;

/// <summary>Builds the named properties of a TCP model.</summary>
internal static class TcpPropertyCatalog
{
    public static IReadOnlyList<Property<TcpState, TcpAction>> Build(TcpConfig config) => [];
}
