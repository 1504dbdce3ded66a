using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>Tolerant readers for the OCI CLIs' JSON (missing and null fields are common).</summary>
internal static class OciJson
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static Dictionary<string, string> StringMap(JsonElement element, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(element, name) is { } labels)
        {
            foreach (var property in labels.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.ToString();
            }
        }

        return map;
    }
}
