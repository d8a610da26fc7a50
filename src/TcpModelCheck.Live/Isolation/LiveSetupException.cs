namespace TcpModelCheck.Live.Isolation;

/// <summary>The live environment could not be set up (privileges, TUN, namespace); the message is one line.</summary>
public sealed class LiveSetupException(string message) : Exception(message);
