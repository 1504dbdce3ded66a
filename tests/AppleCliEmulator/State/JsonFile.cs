using System.Text.Json.Nodes;
using AppleCliEmulator.Json;

namespace AppleCliEmulator.State;

/// <summary>Small JSON files replaced atomically (write to a temporary file, then rename).</summary>
internal static class JsonFile
{
    public static JsonObject? Read(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?.AsObject() : null;
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException && attempt < 20)
            {
                Thread.Sleep(5);
            }
        }
    }

    public static void Write(string path, JsonNode node)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllText(temporary, SwiftJson.Compact(node));
        File.Move(temporary, path, overwrite: true);
    }
}
