namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>Real-runtime tests run one at a time: each starts DCP and containers on a small shared machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealRuntimeCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "real-runtime";
}
