using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using AppleCliEmulator.Json;

namespace AppleCliEmulator.Json;

/// <summary>
/// Foundation's <c>JSONEncoder</c> output as the CLI configures it (OutputRendering.swift@1.2.2:22–27: <c>.compact</c> is
/// <c>[.sortedKeys]</c>, <c>.pretty</c> is <c>[.prettyPrinted, .sortedKeys]</c>, dates <c>.iso8601</c>), following
/// swift-foundation's JSONWriter.swift: keys sorted by their UTF-8 bytes, <c>/</c> escaped as <c>\/</c> (no
/// <c>.withoutEscapingSlashes</c>), control characters as <c>\b \f \n \r \t</c> or <c>\u00XX</c>, everything else
/// (non-ASCII included) written as is; pretty output indents by two spaces, separates keys with <c> : </c> and writes an
/// empty array or object as <c>[</c>/<c>{</c>, two newlines and the closing bracket.
/// </summary>
internal static class SwiftJson
{
    public static string Compact(JsonNode? node) => Write(node, pretty: false);

    public static string Pretty(JsonNode? node) => Write(node, pretty: true);

    private static string Write(JsonNode? node, bool pretty)
    {
        var builder = new StringBuilder();
        WriteNode(builder, node, pretty, 0);
        return builder.ToString();
    }

    private static void WriteNode(StringBuilder builder, JsonNode? node, bool pretty, int indent)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj, pretty, indent);
                break;
            case JsonArray array:
                WriteArray(builder, array, pretty, indent);
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, bool pretty, int indent)
    {
        builder.Append('{');
        var entries = obj.OrderBy(e => e.Key, Utf8Order.Instance).ToList();
        if (pretty)
        {
            builder.Append('\n');
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(pretty ? ",\n" : ",");
            }

            if (pretty)
            {
                Indent(builder, indent + 1);
            }

            WriteString(builder, entries[i].Key);
            builder.Append(pretty ? " : " : ":");
            WriteNode(builder, entries[i].Value, pretty, indent + 1);
        }

        if (pretty)
        {
            builder.Append('\n');
            Indent(builder, indent);
        }

        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, bool pretty, int indent)
    {
        builder.Append('[');
        if (pretty)
        {
            builder.Append('\n');
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(pretty ? ",\n" : ",");
            }

            if (pretty)
            {
                Indent(builder, indent + 1);
            }

            WriteNode(builder, array[i], pretty, indent + 1);
        }

        if (pretty)
        {
            builder.Append('\n');
            Indent(builder, indent);
        }

        builder.Append(']');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(value.TryGetValue<long>(out var integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : value.TryGetValue<ulong>(out var unsigned) ? unsigned.ToString(CultureInfo.InvariantCulture) : value.ToJsonString());
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '/': builder.Append("\\/"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < (char)0x20: builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    private static void Indent(StringBuilder builder, int level) => builder.Append(' ', level * 2);

    /// <summary>Orders keys by their UTF-8 bytes (JSONWriter sorts with <c>utf8.lexicographicallyPrecedes</c>).</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = Encoding.UTF8.GetBytes(x ?? string.Empty);
            var right = Encoding.UTF8.GetBytes(y ?? string.Empty);
            return left.AsSpan().SequenceCompareTo(right);
        }
    }
}
