using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Model;

/// <summary>The run-mode settings specific to containers this integration runs: limits, init and labels.</summary>
internal sealed class AppleContainerOptionsAnnotation : IResourceAnnotation
{
    /// <summary>CPU limit in CPUs; whole numbers only on runtimes without fractional CPUs.</summary>
    public double? Cpus { get; set; }

    /// <summary>Memory limit in bytes.</summary>
    public long? MemoryBytes { get; set; }

    /// <summary>Whether to run an init process as PID 1.</summary>
    public bool Init { get; set; }

    /// <summary>Extra labels set on the container.</summary>
    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);
}
