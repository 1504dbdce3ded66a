using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>Parses <c>volume inspect</c> output (a JSON array with <c>Name</c> and <c>Labels</c>).</summary>
internal static class OciVolumeParser
{
    public static IReadOnlyList<VolumeInfo> Parse(string json, string runtime)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray()
                .Select(volume => new VolumeInfo(volume.GetProperty("Name").GetString()!)
                {
                    Labels = LabelCodec.Decode(OciJson.StringMap(volume, "Labels")),
                })
                .ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new BridgeException(BridgeErrorCode.UnparseableOutput, $"{runtime} returned volume details the bridge cannot read: {ex.Message}", ex)
            {
                Runtime = runtime,
            };
        }
    }
}
