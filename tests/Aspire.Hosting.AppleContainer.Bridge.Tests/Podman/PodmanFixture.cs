using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>The contract suite's fixture for the OCI dialect on the real podman of this machine.</summary>
[RuntimeAvailability(typeof(PodmanAvailability))]
public sealed class PodmanFixture : RuntimeFixture
{
    /// <summary>The podman CLI.</summary>
    public string PodmanPath { get; } = PodmanAvailability.PodmanPath ?? "podman";

    /// <inheritdoc />
    internal override Task<IContainerRuntime> CreateRuntimeAsync() =>
        Task.FromResult<IContainerRuntime>(new OciContainerRuntime("podman", PodmanPath));

    /// <summary>
    /// No registry here: builds <paramref name="localName"/> as a one-label image on busybox (so that it has an id
    /// of its own and removing it touches nothing else), saves it to an <c>oci-archive:</c> file, removes it, and
    /// returns the archive reference (pulling it restores the name).
    /// </summary>
    public override async Task<string> CreatePullableImageAsync(string localName, ResourceScope scope, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{NamePrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        scope.TrackPath(directory);
        scope.TrackImage(localName);
        var archive = Path.Combine(directory, "image.tar");
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), $"FROM {BusyboxImage}\nLABEL actr-contract.pullable={localName}\n", cancellationToken);
        await PodmanAsync(["build", "--tag", localName, directory], cancellationToken);
        await PodmanAsync(["save", "--format", "oci-archive", "--output", archive, localName], cancellationToken);
        await PodmanAsync(["image", "rm", localName], cancellationToken);
        return $"oci-archive:{archive}";
    }

    /// <inheritdoc />
    /// <remarks>podman's logout fails with "not logged into …" when there is no login, which is what cleanup wants anyway.</remarks>
    public override async Task ForgetRegistryLoginAsync(string registry, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.Default.RunAsync(
            new ProcessRequest { FileName = PodmanPath, Arguments = ["logout", registry], Timeout = TimeSpan.FromMinutes(1) },
            cancellationToken);
        if (result.ExitCode != 0 && !result.StandardError.Contains("not logged into", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"podman logout {registry} failed: {result.StandardError}");
        }
    }

    /// <summary>Runs podman directly (fixture plumbing, not the code under test).</summary>
    internal async Task<ProcessResult> PodmanAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.Default.RunAsync(
            new ProcessRequest { FileName = PodmanPath, Arguments = arguments, Timeout = TimeSpan.FromMinutes(2) },
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman {string.Join(' ', arguments)} failed: {result.StandardError}");
        }

        return result;
    }
}
