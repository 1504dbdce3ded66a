using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Integrations.Tests;

/// <summary>
/// Lends the suite's local images (built by eng/build-test-images.sh from Debian's packages) the names Aspire's
/// integrations ask for, for as long as an integrations AppHost runs, so nothing is pulled. A name the machine lacks is
/// tagged onto the local image and untagged when the last fixture is done with it; a name the machine already holds
/// (a developer's real <c>postgres:18.3</c>) is used as it is and never touched, so running the tests leaves a
/// developer's image store as it was. Each runtime's store is its own (docker's daemon keeps one; the emulator runs its
/// containers on podman's store, so one podman tag serves both).
/// </summary>
internal static class AspireImageTags
{
    /// <summary>The local image standing in for each repository an integration names.</summary>
    private static readonly Dictionary<string, string> LocalImages = new(StringComparer.Ordinal)
    {
        ["library/postgres"] = "localhost/actr-test/postgres:15",
        ["library/redis"] = "localhost/actr-test/redis:7.0",
        ["library/nats"] = "localhost/actr-test/nats:2.9",
    };

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<(string Cli, string Name), int> Borrowed = [];

    /// <summary>The CLI that owns <paramref name="runtime"/>'s image store.</summary>
    public static string StoreOf(TestRuntime runtime) => runtime is DockerTestRuntime ? "docker" : "podman";

    /// <summary>Tags every image the model's containers ask for that has a local stand-in and is missing; returns what it tagged.</summary>
    public static async Task<IReadOnlyList<string>> LendAsync(string cli, IEnumerable<IResource> resources)
    {
        var lent = new List<string>();
        await Gate.WaitAsync();
        try
        {
            foreach (var image in resources.OfType<ContainerResource>().Select(r => r.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault()).OfType<ContainerImageAnnotation>())
            {
                if (!LocalImages.TryGetValue(image.Image, out var local))
                {
                    continue;
                }

                var name = $"{image.Registry ?? "docker.io"}/{image.Image}:{image.Tag ?? "latest"}";
                if (Borrowed.TryGetValue((cli, name), out var count))
                {
                    Borrowed[(cli, name)] = count + 1;
                    lent.Add(name);
                }
                else if ((await RunAsync(cli, "image", "inspect", name)) != 0)
                {
                    if ((await RunAsync(cli, "tag", local, name)) != 0)
                    {
                        throw new InvalidOperationException($"Could not tag {local} as {name} with {cli}: run eng/build-test-images.sh.");
                    }

                    Borrowed[(cli, name)] = 1;
                    lent.Add(name);
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        return lent;
    }

    /// <summary>Removes the names <see cref="LendAsync"/> tagged once no fixture uses them any more.</summary>
    public static async Task ReturnAsync(string cli, IReadOnlyList<string> lent)
    {
        await Gate.WaitAsync();
        try
        {
            foreach (var name in lent)
            {
                if (Borrowed.TryGetValue((cli, name), out var count) && count > 1)
                {
                    Borrowed[(cli, name)] = count - 1;
                    continue;
                }

                Borrowed.Remove((cli, name));

                // Removes that one name (the image keeps its own); `podman untag IMAGE` alone would strip every name.
                await RunAsync(cli, "image", "rm", "--no-prune", name);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<int> RunAsync(string cli, params string[] args)
    {
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }
}
