using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// Remembers every label value the suite's tests gave out (<see cref="TestLabels.New"/>), with the runtime it was given
/// out on, and, after the last test, removes and reports any container or volume still carrying one: a leftover fails
/// the run.
/// </summary>
public sealed class LeftoverCheck : IAsyncLifetime
{
    internal static ConcurrentBag<(TestRuntime Runtime, string Prefix)> Issued { get; } = [];

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        var leftovers = new List<string>();
        foreach (var (runtime, prefix) in Issued.Distinct())
        {
            if (RuntimeAvailability.SkipReasonForTestClass(runtime.GetType()) is null)
            {
                leftovers.AddRange(await TestLabels.RemoveAsync(runtime, prefix));
            }
        }

        if (leftovers.Count > 0)
        {
            throw new InvalidOperationException($"The reliability suite left these behind (now removed): {string.Join(", ", leftovers)}");
        }
    }
}
