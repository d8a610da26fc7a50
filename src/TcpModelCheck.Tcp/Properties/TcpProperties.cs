namespace TcpModelCheck.Tcp;

/// <summary>The names of the properties the TCP model offers (see <c>TcpPropertyCatalog</c> for their meaning).</summary>
public static class TcpProperties
{
    public const string NoStaleData = "no-stale-data";
    public const string NoStaleClose = "no-stale-close";
    public const string NoDataLoss = "no-data-loss";
    public const string NoDuplicateDelivery = "no-duplicate-delivery";
    public const string EventuallyClosed = "eventually-closed";
    public const string GracefulClose = "graceful-close";
    public const string HandshakeAgreement = "handshake-agreement";
    public const string SequenceWithinWindow = "ack-within-sent";
    public const string TimeWaitOnlyForActiveCloser = "time-wait-only-active-closer";
    public const string WithinCapacity = "within-capacity";
    public const string NoDeadlock = "no-deadlock";
    public const string ReachedEstablished = "reached-established";
    public const string ReachedTimeWait = "reached-time-wait";
    public const string ClosedAfterClose = "closed-after-close";
    public const string ReachedDataDelivered = "reached-data-delivered";
}
