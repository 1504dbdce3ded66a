using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// A headless Aspire application for one reliability test on one <see cref="TestRuntime"/> (see
/// <see cref="LabelledTestApp"/>): names start with the test's random prefix and containers carry
/// <c>engh.run=&lt;prefix&gt;</c>. Disposing removes whatever still carries the label (even when the test failed) and
/// then fails if anything labelled is left.
/// </summary>
internal sealed class ReliabilityApp : LabelledTestApp
{
    private ReliabilityApp(TestRuntime runtime)
        : base(TestLabels.New(runtime), TestLabels.Key)
    {
        Runtime = runtime;
        runtime.Configure(Builder);
    }

    /// <summary>The runtime this application runs its containers on (and the test checks and cleans up through).</summary>
    public TestRuntime Runtime { get; }

    /// <summary>Runs after the application stopped and before the cleanup (e.g. brings a runtime a test took down back up).</summary>
    public Func<Task>? BeforeCleanUp { get; set; }

    public ResourceCommandService Commands => App!.Services.GetRequiredService<ResourceCommandService>();

    public ResourceLoggerService Loggers => App!.Services.GetRequiredService<ResourceLoggerService>();

    public static ReliabilityApp Create(TestRuntime runtime) => new(runtime);

    /// <summary>Runs a dashboard command (start, stop, restart) on the resource.</summary>
    public Task<ExecuteCommandResult> ExecuteAsync(string suffix, string command) =>
        Commands.ExecuteCommandAsync(Name(suffix), command);

    /// <summary>The containers labelled for this test, through the runtime's bridge.</summary>
    public Task<IReadOnlyList<Bridge.ContainerInfo>> ListContainersAsync() => TestLabels.ListContainersAsync(Runtime, Prefix);

    /// <summary>The coded error the integration put on the resource's snapshot, or null.</summary>
    public static string? Error(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "applecontainer.error")?.Value as string;

    /// <inheritdoc />
    protected override async Task CleanUpAsync()
    {
        if (BeforeCleanUp is { } beforeCleanUp)
        {
            await beforeCleanUp();
        }

        await TestLabels.RemoveAsync(Runtime, Prefix);
        var left = await ListContainersAsync();
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"Containers labelled {Prefix} remain on {Runtime}: {string.Join(", ", left.Select(c => c.Name))}");
        }
    }
}
