namespace AppleCliEmulator.Containers;

/// <summary>
/// Swift's <c>Collection.split(separator:maxSplits:omittingEmptySubsequences:)</c>: <c>maxSplits</c> counts the pieces
/// appended before the rest is taken whole, and empty pieces are dropped by default (which is why <c>a==b</c> is the
/// label <c>a</c> = <c>b</c> under Parser.labels).
/// </summary>
internal static class SwiftSplit
{
    public static List<string> Split(string text, char separator, int maxSplits = int.MaxValue, bool omitEmpty = true)
    {
        var result = new List<string>();
        if (maxSplits == 0 || text.Length == 0)
        {
            if (!(omitEmpty && text.Length == 0))
            {
                result.Add(text);
            }

            return result;
        }

        var start = 0;
        var end = 0;
        while (end < text.Length)
        {
            if (text[end] == separator)
            {
                var appended = !(omitEmpty && start == end);
                if (appended)
                {
                    result.Add(text[start..end]);
                }

                end++;
                start = end;
                if (appended && result.Count == maxSplits)
                {
                    break;
                }

                continue;
            }

            end++;
        }

        if (start != text.Length || !omitEmpty)
        {
            result.Add(text[start..]);
        }

        return result;
    }
}
