namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>The tests that share one packed package.</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed Aspire.Hosting.AppleContainer";
}
