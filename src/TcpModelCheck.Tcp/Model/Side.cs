namespace TcpModelCheck.Tcp;

/// <summary>The two endpoints of the modelled connection.</summary>
public enum Side : byte
{
    /// <summary>Endpoint A, the client (active opener in most workloads).</summary>
    Client,
    /// <summary>Endpoint B, the server (passive opener in most workloads).</summary>
    Server,
}
