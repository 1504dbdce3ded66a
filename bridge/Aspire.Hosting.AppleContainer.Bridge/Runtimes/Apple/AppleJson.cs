using System.Globalization;
using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>Small, tolerant readers over the CLI's JSON (sorted keys, ISO-8601 dates; OutputRendering.swift @1.0.0).</summary>
internal static class AppleJson
{
    public static JsonDocument ParseArray(string json, string what)
    {
        try
        {
            var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                document.Dispose();
                throw Unparseable(what, "expected a JSON array");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw Unparseable(what, ex.Message, ex);
        }
    }

    public static JsonDocument ParseObject(string json, string what)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw Unparseable(what, "expected a JSON object");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw Unparseable(what, ex.Message, ex);
        }
    }

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static int? Int(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public static DateTimeOffset? Date(JsonElement element, string name)
    {
        // Swift's .iso8601 strategy writes e.g. "2025-06-10T12:34:56Z"; a zero/absent date means "never".
        if (String(element, name) is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return null;
        }

        return date.ToUnixTimeSeconds() <= 0 ? null : date;
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static Dictionary<string, string> StringMap(JsonElement element, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Property(element, name) is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var entry in obj.EnumerateObject())
            {
                map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
            }
        }

        return map;
    }

    /// <summary>The case of a Swift enum encoded as a single-key object (e.g. <c>{"virtiofs":{}}</c>).</summary>
    public static (string Case, JsonElement Payload)? SingleKey(JsonElement element, string name)
    {
        if (Property(element, name) is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        foreach (var entry in obj.EnumerateObject())
        {
            return (entry.Name, entry.Value);
        }

        return null;
    }

    public static BridgeException Unparseable(string what, string detail, Exception? inner = null) =>
        new(BridgeErrorCode.UnparseableOutput, $"Could not parse the output of `container {what}`: {detail}", inner)
        {
            Runtime = AppleContainerRuntime.RuntimeName,
        };
}
