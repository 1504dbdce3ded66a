namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>The sample runs on one runtime at a time: each run starts an AppHost, DCP, containers and a browser.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SampleCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "sample";
}
