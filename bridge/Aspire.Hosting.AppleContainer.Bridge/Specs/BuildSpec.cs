namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>Everything needed to build one image, independent of the runtime.</summary>
internal sealed record BuildSpec
{
    /// <summary>The build context directory.</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>The Dockerfile path; <c>Dockerfile</c> in the context when null.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The tags to apply (at least one).</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Build arguments (<c>ARG</c> values).</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Build arguments named without a value (a null value in Aspire's <c>DockerfileBuildAnnotation.BuildArguments</c>):
    /// each takes its value from the environment of the build, as <c>docker build --build-arg NAME</c> does, and stays
    /// unset (the Dockerfile's <c>ARG</c> default applies) when the environment has none.
    /// </summary>
    public IReadOnlyList<string> BuildArgsFromEnvironment { get; init; } = [];

    /// <summary>Build secrets by id. Values never reach an argv or a log.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Build secrets read from files the caller names (Aspire's <c>FileInfo</c> build secrets), by id: passed as
    /// <c>--secret id=ID,src=PATH</c>, so the value never passes through this process.
    /// </summary>
    public IReadOnlyDictionary<string, string> SecretFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>The target stage.</summary>
    public string? Target { get; init; }

    /// <summary>The target platform (<c>os/arch</c>).</summary>
    public string? Platform { get; init; }

    /// <summary>Build without the layer cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Labels set on the image.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
