using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Live;

/// <summary>
/// The contract suite's fixture on the real <c>container</c> CLI. The test images are loaded from OCI archives named by
/// <c>ACTR_APPLE_TEST_IMAGES</c> (a directory holding busybox.tar and service.tar, e.g. saved with
/// <c>podman save --format oci-archive</c>) when they are not present yet.
/// </summary>
[RuntimeAvailability(typeof(AppleLiveAvailability))]
public sealed class AppleLiveFixture : RuntimeFixture, IAsyncLifetime
{
    /// <summary>The real CLI.</summary>
    public string CliPath { get; } = AppleLiveAvailability.CliPath ?? "container";

    /// <inheritdoc />
    public override string SuiteName => base.SuiteName + "-apple-live";

    /// <summary>Initializes only where the CLI exists; elsewhere the tests are skipped and nothing runs.</summary>
    Task IAsyncLifetime.InitializeAsync() => RuntimeAvailability.SkipReasonOf(typeof(AppleLiveAvailability)) is null ? InitializeAsync() : Task.CompletedTask;

    /// <summary>Sweeps this session only where the CLI exists.</summary>
    Task IAsyncLifetime.DisposeAsync() => RuntimeAvailability.SkipReasonOf(typeof(AppleLiveAvailability)) is null ? DisposeAsync() : Task.CompletedTask;

    /// <inheritdoc />
    internal override async Task<IContainerRuntime> CreateRuntimeAsync()
    {
        var runtime = new AppleContainerRuntime(CliPath);
        if (Environment.GetEnvironmentVariable("ACTR_APPLE_TEST_IMAGES") is { Length: > 0 } images)
        {
            foreach (var (image, archive) in new[] { (BusyboxImage, "busybox.tar"), (ServiceImage, "service.tar") })
            {
                if (!await runtime.ImageExistsAsync(image))
                {
                    await CliAsync(["image", "load", "--input", Path.Combine(images, archive)], CancellationToken.None);
                }
            }
        }

        return runtime;
    }

    /// <summary>Saves the busybox image under <paramref name="localName"/> to an OCI archive, untags it, and returns the archive to load.</summary>
    public override async Task<string> CreatePullableImageAsync(string localName, ResourceScope scope, CancellationToken cancellationToken)
    {
        // Apple's CLI pulls only from registries; no registry is reachable here, so the pull contract needs one
        // (set ACTR_APPLE_TEST_REGISTRY to host:port of a local registry holding busybox as actr-test/busybox:latest).
        var registry = Environment.GetEnvironmentVariable("ACTR_APPLE_TEST_REGISTRY")
            ?? throw new InvalidOperationException("The live pull test needs ACTR_APPLE_TEST_REGISTRY (a local registry with actr-test/busybox:latest).");
        scope.TrackImage(localName);
        await CliAsync(["image", "tag", BusyboxImage, localName], cancellationToken);
        await CliAsync(["image", "push", "--scheme", "http", localName.Replace("localhost/", registry + "/", StringComparison.Ordinal)], cancellationToken);
        await CliAsync(["image", "delete", localName], cancellationToken);
        return localName.Replace("localhost/", registry + "/", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    /// <remarks><c>registry logout</c> removes the keychain entry (RegistryLogout.swift@1.2.2).</remarks>
    public override Task ForgetRegistryLoginAsync(string registry, CancellationToken cancellationToken) =>
        CliAsync(["registry", "logout", registry], cancellationToken);

    /// <summary>Runs the CLI directly (fixture plumbing).</summary>
    internal async Task<ProcessResult> CliAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.Default.RunAsync(new ProcessRequest { FileName = CliPath, Arguments = arguments, Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"container {string.Join(' ', arguments)} failed: {result.StandardError}");
    }
}
