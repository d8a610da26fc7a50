using System.Runtime.InteropServices;

namespace TcpModelCheck.Engine.Storage;

/// <summary>
/// 128 bytes of nothing, added as the last field of a small object that one worker writes on every state
/// (a segment's count, a buffer's length) so that no other object's hot fields share its cache lines. Without
/// it, two workers writing neighbouring objects bounce the line between cores on every write ("false
/// sharing"), which made the two-thread search no faster than one. The runtime lays out a class's reference
/// and primitive fields before struct-typed ones, so the padding goes after the hot fields.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 128)]
internal struct CacheLinePadding
{
    private byte _unused;
}
