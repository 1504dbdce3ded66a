using System.Collections.Concurrent;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// Remembers every label value the suite's tests gave out (<see cref="TestLabels.New"/>) and, after the last test,
/// removes and reports any container or volume still carrying one: a leftover fails the run.
/// </summary>
public sealed class LeftoverCheck : IAsyncLifetime
{
    internal static ConcurrentBag<string> Issued { get; } = [];

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (!PodmanFactAttribute.IsInstalled)
        {
            return;
        }

        var leftovers = new List<string>();
        foreach (var label in Issued.Distinct())
        {
            leftovers.AddRange(await TestLabels.RemoveAsync(label));
        }

        if (leftovers.Count > 0)
        {
            throw new InvalidOperationException($"The reliability suite left these behind (now removed): {string.Join(", ", leftovers)}");
        }
    }
}
