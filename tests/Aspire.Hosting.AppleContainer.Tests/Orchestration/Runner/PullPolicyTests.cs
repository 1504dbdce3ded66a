using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

/// <summary><c>WithImagePullPolicy</c>, as DCP's container <c>pullPolicy</c> honours it.</summary>
public class PullPolicyTests
{
    private const string Image = "localhost/actr-test/service";
    private const string Reference = Image + ":latest";

    [Fact(Timeout = 30_000)]
    public async Task Always_pulls_the_image_on_every_start_even_when_the_runtime_has_it()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image).WithImagePullPolicy(ImagePullPolicy.Always));
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);

        await RunnerHarness.BoundedAsync(runner.RestartAsync(CancellationToken.None), "the restart");

        Assert.Equal(KnownResourceStates.Running, harness.Current("web").State?.Text);
        Assert.Equal([Reference, Reference], harness.Runtime.Journal.Of("pull").Select(c => c.Target));
        var pulls = harness.Runtime.Journal.Of("pull");
        var runs = harness.Runtime.Journal.Calls.Where(c => c.Operation is "run" or "create").ToList();
        Assert.True(pulls[1].Sequence > runs[0].Sequence && pulls[1].Sequence < runs[1].Sequence, $"The second pull is not the second start's:\n{harness.Runtime.Journal}");
    }

    [Fact(Timeout = 30_000)]
    public async Task Always_fails_the_start_with_the_pull_failure_when_the_pull_fails()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image).WithImagePullPolicy(ImagePullPolicy.Always));
        harness.Runtime.FailPulls(new BridgeException(BridgeErrorCode.RuntimeNotRunning, "The registry is unreachable.") { Runtime = "test" });

        harness.Initialize("web");

        var failed = await harness.WaitForStateAsync("web", KnownResourceStates.FailedToStart);
        Assert.StartsWith("ACTR", RunnerHarness.Error(failed));
        Assert.Contains("The registry is unreachable.", RunnerHarness.Error(failed));
        Assert.Single(harness.Runtime.Journal.Of("pull"));
        Assert.Empty(harness.Runtime.Containers);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(ImagePullPolicy.Missing)]
    [InlineData(ImagePullPolicy.Default)]
    [InlineData(ImagePullPolicy.Never)]
    public async Task An_image_the_runtime_has_is_not_pulled_unless_the_policy_is_Always(ImagePullPolicy policy)
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image).WithImagePullPolicy(policy));

        harness.Initialize("web");

        await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        Assert.Empty(harness.Runtime.Journal.Of("pull"));
        Assert.Single(harness.Runtime.Journal.Of("image-exists"));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(ImagePullPolicy.Missing)]
    [InlineData(ImagePullPolicy.Default)]
    public async Task Missing_and_Default_pull_an_image_the_runtime_lacks_once(ImagePullPolicy policy)
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image).WithImagePullPolicy(policy));
        harness.Runtime.Lack(Reference);
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);

        await RunnerHarness.BoundedAsync(runner.RestartAsync(CancellationToken.None), "the restart");

        Assert.Equal([Reference], harness.Runtime.Journal.Of("pull").Select(c => c.Target));
    }

    [Fact(Timeout = 30_000)]
    public async Task Never_fails_the_start_with_a_coded_error_naming_the_policy_and_the_image_when_the_runtime_lacks_it()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image).WithImagePullPolicy(ImagePullPolicy.Never));
        harness.Runtime.Lack(Reference);

        harness.Initialize("web");

        var error = RunnerHarness.Error(await harness.WaitForStateAsync("web", KnownResourceStates.FailedToStart));
        Assert.StartsWith("ACTR5002:", error);
        Assert.Contains("Never", error);
        Assert.Contains($"'{Reference}'", error);
        Assert.Empty(harness.Runtime.Journal.Of("pull"));
        Assert.Empty(harness.Runtime.Containers);
    }

    [Fact(Timeout = 30_000)]
    public async Task Never_fails_a_persistent_container_whose_image_the_runtime_lacks_too()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image).WithLifetime(ContainerLifetime.Persistent).WithImagePullPolicy(ImagePullPolicy.Never));
        harness.Runtime.Lack(Reference);

        harness.Initialize("web");

        Assert.StartsWith("ACTR5002:", RunnerHarness.Error(await harness.WaitForStateAsync("web", KnownResourceStates.FailedToStart)));
        Assert.Empty(harness.Runtime.Journal.Of("pull"));
    }
}
