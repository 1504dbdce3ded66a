using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>Parses <c>version --format json</c>: the client version, and whether a server section answered.</summary>
internal static partial class OciVersionParser
{
    /// <summary>The client version (e.g. <c>4.3.1</c>, <c>24.0.7+dfsg</c> → 24.0.7) and whether a <c>Server</c> object is present.</summary>
    public static (Version? Client, bool HasServer) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var client = OciJson.Object(root, "Client") is { } c ? OciJson.String(c, "Version") : null;
            var hasServer = OciJson.Object(root, "Server") is not null;
            return (ParseVersion(client), hasServer);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    /// <summary>The leading <c>major.minor[.patch]</c> of a version string.</summary>
    public static Version? ParseVersion(string? text) =>
        text is not null && LeadingVersion().Match(text) is { Success: true } match ? Version.Parse(match.Value) : null;

    [GeneratedRegex(@"^\d+\.\d+(\.\d+)?")]
    private static partial Regex LeadingVersion();
}
