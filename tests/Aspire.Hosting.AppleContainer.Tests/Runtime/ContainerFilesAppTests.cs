using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// <c>WithContainerFiles</c> through the orchestrator: the files are in the container, with their owners, groups and
/// modes, when its entrypoint first reads them (as DCP copies them into the created container before it starts).
/// </summary>
public abstract class ContainerFilesAppTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 300_000)]
    public async Task The_entrypoint_reads_WithContainerFiles_with_an_explicit_mode_and_owner_and_a_directory_under_the_default_umask()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        string? image = null;
        try
        {
            await using var test = RuntimeTestApp.Create(runtime, prefix);
            test.AddService("files")
                .WithEntrypoint("/bin/sh")
                .WithArgs("-c", "stat -c '%a %u %g %n' /dest/secret /dest/conf /dest/conf/a; cat /dest/secret; echo; echo done; sleep 300")
                .WithContainerFiles("/dest", [
                    new ContainerFile { Name = "secret", Contents = "hello-files", Owner = 999, Group = 999, Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite },
                    new ContainerDirectory { Name = "conf", Entries = [new ContainerFile { Name = "a", Contents = "a" }] },
                ]);
            await test.StartAsync();
            var running = await test.WaitForStateAsync("files", KnownResourceStates.Running);
            var bridge = await runtime.BridgeAsync();
            var id = LabelledTestApp.ContainerId(running);
            image = (await bridge.InspectContainerAsync(id)).Image;

            var output = new List<string>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!output.Contains("done"))
            {
                Assert.True(DateTime.UtcNow < deadline, $"The container printed only: {string.Join(" | ", output)}");
                await Task.Delay(200);
                output.Clear();
                await foreach (var line in bridge.GetLogsAsync(id, follow: false))
                {
                    output.Add(line.Text.TrimEnd());
                }
            }

            Assert.Equal(["600 999 999 /dest/secret", "755 0 0 /dest/conf", "644 0 0 /dest/conf/a", "hello-files", "done"], output.Where(l => l.Length > 0));
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
            if (image is not null && image.Contains("aspire-container-files", StringComparison.Ordinal))
            {
                // Apple's dialect ran a derived image holding the files; the bridge deletes it with the last container
                // it created from it, so it may be gone already.
                var bridge = await runtime.BridgeAsync();
                if (await bridge.ImageExistsAsync(image))
                {
                    await bridge.RemoveImageAsync(image);
                }
            }
        }
    }
}
