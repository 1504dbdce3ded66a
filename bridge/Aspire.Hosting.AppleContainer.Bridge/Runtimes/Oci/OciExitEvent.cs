using System.Globalization;
using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// A container's death as reported by <c>events --format json</c>: podman prints
/// <c>{"ID":…,"Status":"died","ContainerExitCode":3,…}</c>, docker <c>{"id":…,"status":"die","Actor":{"Attributes":{"exitCode":"3"}},…}</c>.
/// </summary>
/// <param name="ContainerId">The full container id.</param>
/// <param name="ExitCode">The exit code, when the event carries one.</param>
internal sealed record OciExitEvent(string ContainerId, int? ExitCode)
{
    /// <summary>The event in <paramref name="line"/>, or null when the line is not a container's death.</summary>
    public static OciExitEvent? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var status = OciJson.String(root, "Status") ?? OciJson.String(root, "status") ?? OciJson.String(root, "Action");
            var id = OciJson.String(root, "ID") ?? OciJson.String(root, "id");
            if (id is null || status is not ("died" or "die"))
            {
                return null;
            }

            return new OciExitEvent(id, ExitCodeOf(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? ExitCodeOf(JsonElement root)
    {
        if (root.TryGetProperty("ContainerExitCode", out var podman) && podman.ValueKind == JsonValueKind.Number)
        {
            return podman.GetInt32();
        }

        var attributes = OciJson.Object(root, "Actor") is { } actor ? OciJson.StringMap(actor, "Attributes") : null;
        return attributes is not null && attributes.TryGetValue("exitCode", out var text)
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }
}
