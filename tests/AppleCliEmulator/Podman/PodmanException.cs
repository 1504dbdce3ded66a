namespace AppleCliEmulator.Podman;

/// <summary>A podman call that failed where the emulated runtime would not have.</summary>
internal sealed class PodmanException(IReadOnlyList<string> arguments, PodmanResult result)
    : Exception($"podman {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.ErrorMessage}")
{
    public PodmanResult Result { get; } = result;
}
