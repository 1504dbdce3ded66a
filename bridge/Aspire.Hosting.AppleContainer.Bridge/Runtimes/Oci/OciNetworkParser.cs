using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// Parses <c>network inspect</c> output: a JSON array whose items carry <c>name</c> and <c>labels</c> (podman 4.x,
/// netavark) or <c>Name</c> and <c>Labels</c> (docker).
/// </summary>
internal static class OciNetworkParser
{
    public static IReadOnlyList<NetworkInfo> Parse(string json, string runtime)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray()
                .Select(network => new NetworkInfo(OciJson.String(network, "name") ?? OciJson.String(network, "Name") ?? throw new KeyNotFoundException("name"))
                {
                    Labels = LabelCodec.Decode(network.TryGetProperty("labels", out _) ? OciJson.StringMap(network, "labels") : OciJson.StringMap(network, "Labels")),
                })
                .ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new BridgeException(BridgeErrorCode.UnparseableOutput, $"{runtime} returned network details the bridge cannot read: {ex.Message}", ex)
            {
                Runtime = runtime,
            };
        }
    }
}
