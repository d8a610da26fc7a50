using TcpModelCheck.Conformance.Checking;
using TcpModelCheck.Conformance.Open;
using TcpModelCheck.Conformance.Scripts;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Conformance.Generation;

/// <summary>
/// Writes a script from the side packetdrill plays: the caller gives the inputs (syscalls of the kernel's socket and
/// the segments the peer sends), and after each one the variant's own open endpoint — the code <c>tcpmc conform</c>
/// checks with — predicts what the kernel sends at that moment, which is written as the <c>&gt;</c> lines packetdrill
/// checks. So the script passes <c>conform</c> against the variant by construction, and a kernel that differs fails it.
/// </summary>
internal static class ReplyPredictor
{
    /// <summary>The whole script, or null (with the verdict) when the variant does not follow the inputs (a syscall
    /// result the script states that the variant does not return).</summary>
    public static string? Complete(string header, IEnumerable<string> inputs, string variant, string name, out string? why)
    {
        var text = header;
        why = null;
        long? delay = null;
        foreach (var given in inputs)
        {
            if (given == Timer)
            {
                if (TimerLines(text, variant, name, out delay, out why) is not { } lines) return null;
                text += lines;
                continue;
            }
            var input = delay is { } d && given.StartsWith("+.01 ", StringComparison.Ordinal)
                ? $"+{ScriptWriter.Seconds(d)} {given[5..]}" : given;
            delay = null;
            text += input + "\n";
            var run = new ScriptRun(ScriptParser.Parse(text, name), TcpConfig.ForVariant(variant), VariantTiming.For(variant));
            var (kind, line, reason) = run.Execute();
            if (kind != VerdictKind.Agrees)
            {
                why = $"line {line}: {reason}";
                return null;
            }
            foreach (var (segment, at, delayable) in run.Unmatched.Where(u => u.At == run.Now))
                text += $"{(delayable ? "+0~+0.5" : "+0")} > {Outbound(segment)}\n";
        }
        return text;
    }

    /// <summary>An input that stands for "the kernel's running timer fires": the lines written are the segments the
    /// variant sends then, in the window its rule allows (<c>+lo~+hi &gt; …</c>); a timer that sends nothing (TIME-WAIT
    /// ending) delays the next input past its window instead.</summary>
    public const string Timer = "<the kernel's timer fires>";

    private static string? TimerLines(string text, string variant, string name, out long? delay, out string? why)
    {
        delay = null;
        why = null;
        var script = ScriptParser.Parse(text, name);
        var run = new ScriptRun(script, TcpConfig.ForVariant(variant), VariantTiming.For(variant));
        run.Execute();
        if (run.NextTimer is not { } w)
        {
            why = "the variant runs no timer where the explorer's fires";
            return null;
        }
        var fired = new ScriptRun(script, TcpConfig.ForVariant(variant), VariantTiming.For(variant));
        fired.Execute(w.Hi + fired.Tolerance + 1);
        var sent = fired.Unmatched.Where(u => u.At > run.Now).ToList();
        if (sent.Count == 0)
        {
            delay = w.Hi - run.Now + 10_000;
            return "";
        }
        var lo = ScriptWriter.Seconds(Math.Max(0, w.Lo - run.Now));
        var hi = ScriptWriter.Seconds(w.Hi - run.Now);
        var first = lo == hi ? $"+{hi}" : $"+{lo}~+{hi}";
        return string.Concat(sent.Select((u, i) => $"{(i == 0 ? first : "+0")} > {Outbound(u.Segment)}\n"));
    }

    /// <summary>An outbound line for a segment the endpoint sends; a SYN's options are written <c>&lt;...&gt;</c>, and a
    /// data segment carries PSH, which a BSD-socket stack sets on the last segment of a write (RFC 9293 §3.9.1 leaves it
    /// to the sender; <c>conform</c> does not compare it, packetdrill and <c>conform --live</c> do).</summary>
    public static string Outbound(OpenSegment s)
    {
        var text = ScriptRun.Format(s);
        if (s.DataLength > 0 && text.StartsWith(". ", StringComparison.Ordinal)) text = "P" + text;
        return s.Syn ? text + " <...>" : text;
    }
}
