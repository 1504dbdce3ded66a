using System.Runtime.CompilerServices;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// The base of every contract class. A dialect's test project derives one sealed class per contract, passing its
/// fixture: <c>public sealed class PodmanLifecycleTests(PodmanFixture f) : ContainerLifecycleContract&lt;PodmanFixture&gt;(f);</c>
/// and xunit runs the inherited facts against that dialect.
/// </summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class RuntimeContract<TFixture> : IClassFixture<TFixture>
    where TFixture : RuntimeFixture
{
    /// <summary>Binds the contract to the dialect's fixture.</summary>
    protected RuntimeContract(TFixture fixture) => Fixture = fixture;

    /// <summary>The dialect's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>The runtime under test.</summary>
    internal IContainerRuntime Runtime => Fixture.Runtime;

    /// <summary>Begins the calling test's resource scope (dispose it with <c>await using</c>).</summary>
    protected ResourceScope BeginTest([CallerMemberName] string testName = "") => Fixture.BeginTest(testName);

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="limit"/> passes.</summary>
    protected static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await condition().ConfigureAwait(false))
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns the <see cref="BridgeException"/> it must throw.</summary>
    protected static async Task<BridgeException> ThrowsBridgeAsync(Func<Task> action) =>
        await Assert.ThrowsAsync<BridgeException>(action).ConfigureAwait(false);
}
