namespace TcpModelCheck.Reports;

/// <summary>Wraps long report lines for a 100-column terminal.</summary>
internal static class TextWrap
{
    public const int Width = 100;

    /// <summary>Splits <paramref name="text"/> after a space or '/' so every piece fits <paramref name="width"/>;
    /// continuation lines are indented by <paramref name="indent"/> spaces. A word longer than the width is cut.</summary>
    public static IEnumerable<string> Lines(string text, int width = Width, int indent = 4)
    {
        var pad = new string(' ', indent);
        while (text.Length > width)
        {
            var cut = text.LastIndexOfAny([' ', '/'], width - 1);
            if (cut <= indent) cut = width - 1;
            yield return text[..(cut + 1)].TrimEnd();
            text = pad + text[(cut + 1)..].TrimStart();
        }
        yield return text;
    }
}
