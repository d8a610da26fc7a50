namespace TcpModelCheck.Cli.Options;

/// <summary>
/// Whether a file can be written, decided before the work that produces it: not empty, not a directory, a regular
/// file or a new one in an existing, writable directory. A device, FIFO or socket is refused (<c>/dev/full</c> accepts
/// the open and fails the write; a FIFO blocks until someone reads it), except <c>/dev/null</c>, which discards.
/// The probe neither truncates an existing file nor leaves a new one behind.
/// </summary>
internal static class OutputTarget
{
    /// <summary>What is wrong with writing <paramref name="path"/> (a phrase starting with the quoted path), or null.</summary>
    public static string? Problem(string path)
    {
        if (path.Trim().Length == 0) return "'': the file name is empty";
        var shown = $"'{path}'";
        try
        {
            if (Directory.Exists(path)) return $"{shown}: is a directory, not a file";
            if (File.Exists(path))
            {
                if (path == "/dev/null") return null;
                if (Engine.Traces.TraceFile.KindOf(path) is { } kind && kind != "regular file") return $"{shown}: is a {kind}, not a regular file";
                using (new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
                return null;
            }
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is null || !Directory.Exists(dir)) return $"{shown}: directory '{dir}' does not exist";
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return null;
        }
        catch (UnauthorizedAccessException) { return $"{shown}: permission denied (not writable)"; }
        catch (PathTooLongException) { return $"{shown}: the path is too long"; }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            return $"{shown}: cannot be written: {Tcpmc.FirstLine(e.Message)}";
        }
    }
}
