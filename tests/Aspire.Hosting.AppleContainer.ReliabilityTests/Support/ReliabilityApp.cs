using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// A headless Aspire application for one reliability test (see <see cref="LabelledTestApp"/>): names start with the
/// test's random prefix and containers carry <c>engh.run=&lt;prefix&gt;</c>. Disposing removes whatever still carries
/// the label (even when the test failed) and then fails if anything labelled is left.
/// </summary>
internal sealed class ReliabilityApp : LabelledTestApp
{
    private ReliabilityApp(string prefix)
        : base(prefix, TestLabels.Key)
    {
    }

    public ResourceCommandService Commands => App!.Services.GetRequiredService<ResourceCommandService>();

    public ResourceLoggerService Loggers => App!.Services.GetRequiredService<ResourceLoggerService>();

    public static ReliabilityApp Create() => new(TestLabels.New());

    /// <summary>Runs a dashboard command (start, stop, restart) on the resource.</summary>
    public Task<ExecuteCommandResult> ExecuteAsync(string suffix, string command) =>
        Commands.ExecuteCommandAsync(Name(suffix), command);

    /// <summary>The coded error the integration put on the resource's snapshot, or null.</summary>
    public static string? Error(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "applecontainer.error")?.Value as string;

    /// <inheritdoc />
    protected override async Task CleanUpAsync()
    {
        await TestLabels.RemoveAsync(Prefix);
        var left = await TestLabels.ListContainersAsync(Prefix);
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"Containers labelled {Prefix} remain: {string.Join(", ", left.Select(c => c.Name))}");
        }
    }
}
