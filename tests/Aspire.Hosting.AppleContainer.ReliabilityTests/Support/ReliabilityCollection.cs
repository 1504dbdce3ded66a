namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// The suite runs one test at a time (each starts DCP and containers on a small shared machine); when the last test
/// is done, <see cref="LeftoverCheck"/> fails the run if anything a test labelled is still on its runtime.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection : ICollectionFixture<LeftoverCheck>
{
    /// <summary>The collection name.</summary>
    public const string Name = "reliability";
}
