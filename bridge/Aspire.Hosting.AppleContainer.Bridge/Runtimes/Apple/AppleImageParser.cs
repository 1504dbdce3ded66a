namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Reads <c>image inspect</c>: an array of ImageResource <c>{"configuration":{"name","descriptor",…},"id","variants":[…]}</c>
/// whose OCI labels sit at <c>variants[].config.config.Labels</c> (Sources/ContainerResource/Image/ImageResource.swift @1.0.0).
/// </summary>
internal static class AppleImageParser
{
    /// <summary>The image's name and the labels of every variant merged (variants of one build carry the same labels).</summary>
    public static IReadOnlyList<(string Name, string Id, IReadOnlyDictionary<string, string> Labels)> Parse(string json)
    {
        using var document = AppleJson.ParseArray(json, "image inspect");
        var images = new List<(string, string, IReadOnlyDictionary<string, string>)>();
        foreach (var image in document.RootElement.EnumerateArray())
        {
            var configuration = AppleJson.Property(image, "configuration");
            var name = configuration is { } c ? AppleJson.String(c, "name") : null;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variant in AppleJson.Array(image, "variants"))
            {
                if (AppleJson.Property(variant, "config") is { } ociImage && AppleJson.Property(ociImage, "config") is { } config)
                {
                    foreach (var (key, value) in AppleJson.StringMap(config, "Labels"))
                    {
                        labels[key] = value;
                    }
                }
            }

            images.Add((name ?? string.Empty, AppleJson.String(image, "id") ?? string.Empty, LabelCodec.Decode(labels)));
        }

        return images;
    }
}
