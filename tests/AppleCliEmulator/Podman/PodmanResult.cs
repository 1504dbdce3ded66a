namespace AppleCliEmulator.Podman;

/// <summary>A finished podman call.</summary>
internal sealed record PodmanResult(int ExitCode, string Output, string Error)
{
    /// <summary>The last non-empty line of stderr without podman's <c>Error: </c> prefix.</summary>
    public string ErrorMessage
    {
        get
        {
            var last = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"podman exited with {ExitCode}";
            return last.StartsWith("Error: ", StringComparison.Ordinal) ? last["Error: ".Length..] : last;
        }
    }
}
