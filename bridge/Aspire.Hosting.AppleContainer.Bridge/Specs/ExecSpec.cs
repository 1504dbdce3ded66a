namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>A command to run inside a running container.</summary>
internal sealed record ExecSpec
{
    /// <summary>The executable and its arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Extra environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The working directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The user.</summary>
    public string? User { get; init; }

    /// <summary>Text written to the process's standard input, which is then closed; no stdin when null.</summary>
    public string? StandardInput { get; init; }
}
