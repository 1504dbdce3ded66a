using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Containers;

/// <summary>Label and key=value parsing of the CLI.</summary>
internal static class LabelParser
{
    /// <summary>
    /// Parser.labels (Parser.swift@1.2.2:244–261): empty is an error, <c>split(separator: "=", maxSplits: 2)</c> with empty
    /// pieces dropped, one piece is a label with an empty value, two are key and value, three is "invalid label format".
    /// </summary>
    public static Dictionary<string, string> ContainerLabels(IEnumerable<string> raw)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in raw)
        {
            if (label.Length == 0)
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument("label cannot be an empty string"));
            }

            var parts = SwiftSplit.Split(label, '=', maxSplits: 2);
            switch (parts.Count)
            {
                case 1:
                    result[parts[0]] = string.Empty;
                    break;
                case 2:
                    result[parts[0]] = parts[1];
                    break;
                default:
                    throw CliFailure.Of(ContainerizationError.InvalidArgument($"invalid label format {label}"));
            }
        }

        return result;
    }

    /// <summary>Utility.parseKeyValuePairs (Utility.swift@1.2.2:356–367): split once on '='; no '=' means an empty value.</summary>
    public static Dictionary<string, string> KeyValuePairs(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var parts = SwiftSplit.Split(pair, '=', maxSplits: 1);
            if (parts.Count == 2)
            {
                result[parts[0]] = parts[1];
            }
            else
            {
                result[pair] = string.Empty;
            }
        }

        return result;
    }
}
