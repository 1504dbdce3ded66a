using System.Text.Json.Nodes;
using AppleCliEmulator.Errors;
using AppleCliEmulator.State;
using AppleCliEmulator.Volumes;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Utility.getOrCreateVolume (Utility.swift@1.2.2:369–403): a named volume that does not exist is created on the fly with
/// no labels (an anonymous one with <c>com.apple.container.resource.anonymous</c>), and for a named one the command's
/// logger warns <c>named volume was automatically created</c> with the volume as metadata (StderrLogHandler.swift@1.2.2:
/// <c>message: metadata</c> on stderr); an existing volume is inspected and used.
/// </summary>
internal static class VolumeResolver
{
    public const string AnonymousLabel = "com.apple.container.resource.anonymous";

    public static JsonObject GetOrCreate(EmulatorState state, string name, bool anonymous)
    {
        if (VolumeStore.Get(state, name) is { } existing)
        {
            return existing;
        }

        try
        {
            var labels = anonymous ? new Dictionary<string, string> { [AnonymousLabel] = string.Empty } : [];
            var created = VolumeStore.Create(state, name, labels, []);
            if (!anonymous)
            {
                Console.Error.Write($"named volume was automatically created: [\"volume\": {name}]\n");
            }

            return created;
        }
        catch (CliFailure failure) when (failure.Error is ContainerizationError { Message: var message } && message.Contains("already exists", StringComparison.Ordinal) && VolumeStore.Get(state, name) is not null)
        {
            return VolumeStore.Get(state, name)!;
        }
    }
}
