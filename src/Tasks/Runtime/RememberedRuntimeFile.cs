using System.Text.Json;
using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Tasks.Runtime;

/// <summary>
/// The selected runtime kept under <c>obj/</c> between builds (<see cref="RememberedRuntime"/> as JSON), so that a
/// no-op build can skip detection. A missing, unreadable or foreign file reads as nothing remembered.
/// </summary>
internal static class RememberedRuntimeFile
{
    /// <summary>The remembered runtime, or null.</summary>
    public static RememberedRuntime? Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && Text(root, "name") is { Length: > 0 } name
                && Text(root, "executablePath") is { Length: > 0 } executablePath
                && Text(root, "inputs") is { } inputs
                ? new RememberedRuntime(name, executablePath, inputs)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="memory"/>, unless the file already says the same.</summary>
    public static void Write(string? path, RememberedRuntime memory)
    {
        if (string.IsNullOrEmpty(path) || Read(path) == memory)
        {
            return;
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = memory.Name,
            ["executablePath"] = memory.ExecutablePath,
            ["inputs"] = memory.Inputs,
        });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, json);
    }

    /// <summary>Forgets the runtime (no usable runtime was found).</summary>
    public static void Delete(string? path)
    {
        if (!string.IsNullOrEmpty(path) && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
