namespace Aspire.Hosting.AppleContainer.Integrations.Tests;

/// <summary>One integrations AppHost at a time: each starts DCP, a project and four containers on a small shared machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationsCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "integrations";
}
