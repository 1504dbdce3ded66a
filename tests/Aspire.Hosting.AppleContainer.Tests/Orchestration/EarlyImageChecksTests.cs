using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

public class EarlyImageChecksTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_first_start_of_an_image_the_early_query_found_asks_the_runtime_nothing_more()
    {
        var runtime = new ImageCountingRuntime { Present = { "app:1" } };
        var checks = new EarlyImageChecks();

        checks.Start(runtime, ["app:1", "db:2"], CancellationToken.None);
        var exists = await checks.ExistsAsync(runtime, "app:1", firstStart: true, CancellationToken.None).WaitAsync(Limit);

        Assert.True(exists);
        Assert.Equal(["app:1", "db:2"], Assert.Single(runtime.Queries));
        Assert.Empty(runtime.SingleQueries);
    }

    [Fact]
    public async Task An_image_the_early_query_did_not_find_is_asked_again_since_it_may_exist_by_now()
    {
        var runtime = new ImageCountingRuntime();
        var checks = new EarlyImageChecks();
        checks.Start(runtime, ["db:2"], CancellationToken.None);
        await runtime.FirstQueryAnswered.WaitAsync(Limit);
        runtime.Present.Add("db:2");

        var exists = await checks.ExistsAsync(runtime, "db:2", firstStart: true, CancellationToken.None).WaitAsync(Limit);

        Assert.True(exists);
        Assert.Equal(["db:2"], runtime.SingleQueries);
    }

    [Fact]
    public async Task A_restart_asks_the_runtime_afresh_even_when_the_early_query_found_the_image()
    {
        var runtime = new ImageCountingRuntime { Present = { "app:1" } };
        var checks = new EarlyImageChecks();
        checks.Start(runtime, ["app:1"], CancellationToken.None);
        await runtime.FirstQueryAnswered.WaitAsync(Limit);
        runtime.Present.Clear();

        var exists = await checks.ExistsAsync(runtime, "app:1", firstStart: false, CancellationToken.None).WaitAsync(Limit);

        Assert.False(exists);
        Assert.Equal(["app:1"], runtime.SingleQueries);
    }

    [Fact]
    public async Task A_failed_early_query_leaves_the_answer_and_any_failure_to_the_runtime_asked_again()
    {
        var runtime = new ImageCountingRuntime
        {
            Present = { "app:1" },
            QueryError = new BridgeException(BridgeErrorCode.RuntimeNotRunning, "podman is not running"),
        };
        var checks = new EarlyImageChecks();
        checks.Start(runtime, ["app:1"], CancellationToken.None);

        var exists = await checks.ExistsAsync(runtime, "app:1", firstStart: true, CancellationToken.None).WaitAsync(Limit);

        Assert.True(exists);
        Assert.Equal(["app:1"], runtime.SingleQueries);
    }

    [Fact]
    public async Task Only_the_first_start_of_the_query_runs()
    {
        var runtime = new ImageCountingRuntime { Present = { "app:1" } };
        var checks = new EarlyImageChecks();

        checks.Start(runtime, ["app:1"], CancellationToken.None);
        checks.Start(runtime, ["app:1", "db:2"], CancellationToken.None);
        await checks.ExistsAsync(runtime, "app:1", firstStart: true, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(["app:1"], Assert.Single(runtime.Queries));
    }

    [Fact]
    public async Task Without_an_early_query_the_runtime_is_asked()
    {
        var runtime = new ImageCountingRuntime { Present = { "app:1" } };

        var exists = await new EarlyImageChecks().ExistsAsync(runtime, "app:1", firstStart: true, CancellationToken.None).WaitAsync(Limit);

        Assert.True(exists);
        Assert.Equal(["app:1"], runtime.SingleQueries);
    }

    [Fact]
    public async Task Canceling_the_start_while_the_early_query_runs_ends_the_wait_without_asking_the_runtime()
    {
        var runtime = new ImageCountingRuntime { HoldQueries = true };
        var checks = new EarlyImageChecks();
        checks.Start(runtime, ["app:1"], CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var wait = checks.ExistsAsync(runtime, "app:1", firstStart: true, cancellation.Token);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Limit));
        Assert.Empty(runtime.SingleQueries);
    }

    /// <summary>Answers image queries from <see cref="Present"/> and records them; <see cref="HoldQueries"/> keeps the one-call query pending.</summary>
    private sealed class ImageCountingRuntime : UnusedContainerRuntime
    {
        private readonly TaskCompletionSource _firstQueryAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentBag<string> Present { get; } = [];

        public BridgeException? QueryError { get; init; }

        public bool HoldQueries { get; init; }

        public ConcurrentQueue<IReadOnlyList<string>> Queries { get; } = new();

        public ConcurrentQueue<string> SingleQueries { get; } = new();

        public Task FirstQueryAnswered => _firstQueryAnswered.Task;

        public override async Task<IReadOnlySet<string>> FindImagesAsync(IReadOnlyCollection<string> images, CancellationToken cancellationToken = default)
        {
            Queries.Enqueue([.. images]);
            try
            {
                if (HoldQueries)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return QueryError is { } error ? throw error : images.Where(Present.Contains).ToHashSet(StringComparer.Ordinal);
            }
            finally
            {
                _firstQueryAnswered.TrySetResult();
            }
        }

        public override Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
        {
            SingleQueries.Enqueue(image);
            return Task.FromResult(Present.Contains(image));
        }
    }
}
